import { NODE_LABELS } from '../model/graph.js';
import { PAGE_SIZE } from '../model/pages.js';
import type { Resolvers } from '../generated/graphql.js';
import { idArgument, sizeArgument, optionalId, textArgument } from './args.js';
import { Reconciler } from '../reconcile/reconciler.js';
import { labelOfType, typeOfLabel } from './entity-types.js';
import { badArgument } from './errors.js';

export const searchResolvers: Resolvers = {
  Query: {
    reconcile: async (_, args, { data }) => {
      const query = args.query.trim();
      if (!query || [...query].length > 300) throw badArgument('query', 'must be 1 to 300 characters of text');
      const limit = sizeArgument('limit', args.limit, PAGE_SIZE.reconcile);
      const labels = args.types?.length ? args.types.map(labelOfType) : NODE_LABELS.filter((l) => l !== 'Report');
      const place =
        args.place === null || args.place === undefined
          ? undefined
          : /^\d{6}$/.test(args.place)
            ? args.place
            : idArgument('place', args.place, 'Place');
      return new Reconciler(data).reconcile({ query, labels, place, limit });
    },
    search: (_, args, { data }) => {
      const query = textArgument('query', args.query);
      if (!query) throw badArgument('query', 'must not be empty');
      const first = sizeArgument('first', args.first, PAGE_SIZE.search);
      const labels = args.types?.length ? args.types.map(labelOfType) : [...NODE_LABELS];
      return data.search.search(query, labels, first, optionalId('report', args.report, 'Report'));
    },
  },
  ReconcileCandidate: {
    entity: (c) => c.entity,
  },
  SearchResult: {
    node: (hit) => hit.entity,
    type: (hit) => typeOfLabel(hit.entity.label),
    matchedField: (hit) => hit.field,
    matchedText: (hit) => hit.text,
  },
};
