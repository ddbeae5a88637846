import { NODE_LABELS, type NodeLabel } from '../curation/model.js';
import type { EntityType, Resolvers } from '../generated/graphql.js';
import { intArgument, textArgument } from './args.js';
import { badArgument } from './errors.js';

/** GraphQL's entity types are the labels in capitals. */
export const labelOfType = (type: EntityType): NodeLabel => NODE_LABELS.find((l) => l.toUpperCase() === type)!;
export const typeOfLabel = (label: string): EntityType => label.toUpperCase() as EntityType;

export const searchResolvers: Resolvers = {
  Query: {
    search: (_, args, { data }) => {
      const query = textArgument('query', args.query);
      if (!query) throw badArgument('query', 'must not be empty');
      const first = intArgument('first', args.first, 20, 1, 100);
      const labels = args.types?.length ? args.types.map(labelOfType) : [...NODE_LABELS];
      return data.search.search(query, labels, first);
    },
  },
  SearchResult: {
    node: (hit) => hit.entity,
    type: (hit) => typeOfLabel(hit.entity.label),
    matchedField: (hit) => hit.field,
    matchedText: (hit) => hit.text,
  },
};
