import type { Context } from '../context.js';
import type { NodeSummary } from '../data/records.js';
import type { Resolvers } from '../generated/graphql.js';
import { PAGE_SIZE } from '../model/pages.js';
import { idArgument, sizeArgument } from './args.js';
import { labelOfType, typeOfLabel } from './entity-types.js';
import { labelOfId } from '../model/graph.js';
import { inLanguage } from './common.js';

/** A node of a subgraph before its entity is loaded. */
export interface GraphNodeParent {
  id: string;
  distance: number;
}

/** A field of a drawn node from its summary: a value when the summary is known, a promise only when it must be read. */
const fromSummary =
  <T>(pick: (summary: NodeSummary) => T) =>
  (n: GraphNodeParent, _: unknown, { data }: Context): T | Promise<T> => {
    const summary = data.entities.summary(n.id);
    return summary instanceof Promise ? summary.then((found) => pick(found!)) : pick(summary);
  };

export const graphResolvers: Resolvers = {
  Query: {
    neighborhood: async (_, args, { data }) => {
      const id = idArgument('id', args.id);
      const depth = sizeArgument('depth', args.depth, PAGE_SIZE.depth);
      const limit = sizeArgument('limit', args.limit, PAGE_SIZE.neighborhood);
      // The walk starts beside the center itself: its first steps cost no wait of their own.
      const subgraph = data.explore.neighborhood(id, depth, args.types ?? undefined, limit);
      subgraph.catch(() => undefined);
      return (await data.entities.byId.load(id)) ? subgraph : null;
    },
    shortestPath: async (_, args, { data }) => {
      const from = idArgument('from', args.from);
      const to = idArgument('to', args.to);
      const maxLength = sizeArgument('maxLength', args.maxLength, PAGE_SIZE.pathLength);
      const avoid = new Set((args.avoid ?? []).map((id, i) => idArgument(`avoid[${i}]`, id)));
      const avoidLabels = new Set((args.avoidTypes ?? []).map(labelOfType));
      // The search starts beside the ends' lookup, as a neighbourhood's walk does.
      const path = data.explore.shortestPath(from, to, maxLength, args.types ?? undefined, (id) => avoid.has(id) || avoidLabels.has(labelOfId(id)!));
      path.catch(() => undefined);
      const [a, b] = await data.entities.byId.loadMany([from, to]);
      return !a || !b || a instanceof Error || b instanceof Error ? null : path;
    },
  },
  Subgraph: {
    nodes: (g) => [...g.nodes].map(([id, distance]) => ({ id, distance })),
  },
  GraphNode: {
    type: fromSummary((s) => typeOfLabel(s.label)),
    name: (n, args, ctx) => fromSummary((s) => inLanguage(s.name, s.nameEn, args))(n, args, ctx),
    kind: fromSummary((s) => s.kind),
    entity: async (n, _, { data }) => (await data.entities.byId.load(n.id))!,
  },
  GraphEdge: {
    type: (e) => e.type as never,
    role: (e) => e.link.role,
    evidence: (e) => e.link.evidence,
  },
};
