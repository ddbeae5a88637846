import { NODE_LABELS } from '../model/graph.js';
import { PAGE_SIZE } from '../model/pages.js';
import type { Resolvers } from '../generated/graphql.js';
import { sizeArgument, optionalId, textArgument } from './args.js';
import { labelOfType, typeOfLabel } from './entity-types.js';
import { badArgument } from './errors.js';

export const searchResolvers: Resolvers = {
  Query: {
    search: (_, args, { data }) => {
      const query = textArgument('query', args.query);
      if (!query) throw badArgument('query', 'must not be empty');
      const first = sizeArgument('first', args.first, PAGE_SIZE.search);
      const labels = args.types?.length ? args.types.map(labelOfType) : [...NODE_LABELS];
      return data.search.search(query, labels, first, optionalId('report', args.report, 'Report'));
    },
  },
  SearchResult: {
    node: (hit) => hit.entity,
    type: (hit) => typeOfLabel(hit.entity.label),
    matchedField: (hit) => hit.field,
    matchedText: (hit) => hit.text,
  },
};
