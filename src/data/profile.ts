import type { Statement } from '../graph/statement.js';
import type { GraphStore } from '../graph/store.js';
import { text } from '../graph/values.js';
import type { LinkDirection } from '../model/fields.js';
import { RELATION_TYPES, type NodeLabel } from '../model/graph.js';
import { sharedOf } from './shared.js';
import { profileStatements } from './statements/profile.js';

/** Sizes measured once per graph version. */
export interface GraphProfile {
  /** The most relationships of these types (all when absent) one node of `label` (any when absent) has. */
  degree(label: NodeLabel | undefined, types: readonly string[] | undefined, direction: LinkDirection | 'BOTH'): number;
  /** How many nodes `label` has. */
  nodes(label: NodeLabel): number;
  /** The most sources one relationship (type and ends) has. */
  readonly linkSources: number;
  readonly descendants: number;
  readonly ancestors: number;
  readonly placesPerLevel: number;
  readonly units: number;
  readonly years: number;
  readonly reports: number;
}

/** Reads the graph's profile: a handful of whole-graph aggregations, run when the graph changes. */
export async function readProfile(store: GraphStore): Promise<GraphProfile> {
  const queries = profileStatements(store.dialect);
  const read = (statement: Statement) => store.read(statement.text);
  const scalar = async (statement: Statement) => Number((await read(statement))[0]?.most ?? 0);
  const degrees = new Map<string, number>();
  for (const direction of ['OUT', 'IN'] as const) {
    for (const row of await read(direction === 'OUT' ? queries.outDegrees : queries.inDegrees)) {
      degrees.set(`${text(row.label)}|${text(row.type)}|${direction}`, Number(row.most));
    }
  }
  const [nodeRows, ...scalars] = await Promise.all([
    read(queries.nodes),
    ...[queries.linkSources, queries.descendants, queries.ancestors, queries.placesPerLevel, queries.units, queries.years, queries.reports].map(
      scalar,
    ),
  ]);
  const [linkSources, descendants, ancestors, placesPerLevel, units, years, reports] = scalars as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const nodes = new Map(nodeRows.map((row) => [text(row.label), Number(row.most)]));
  const labels = [...new Set([...degrees.keys()].map((key) => key.split('|')[0]!))];
  return {
    // The sum of per-type maxima bounds the fan-out along several types from above.
    degree: (label, types, direction) => {
      let total = 0;
      for (const l of label ? [label] : labels) {
        let sum = 0;
        for (const type of types?.length ? types : RELATION_TYPES) {
          for (const d of direction === 'BOTH' ? (['OUT', 'IN'] as const) : [direction]) sum += degrees.get(`${l}|${type}|${d}`) ?? 0;
        }
        total = Math.max(total, sum);
      }
      return total;
    },
    nodes: (label) => nodes.get(label) ?? 0,
    linkSources,
    descendants,
    ancestors,
    placesPerLevel,
    units,
    years,
    reports,
  };
}

/** The profile's key among the answers a graph version shares (see `GraphShared`). */
export const PROFILE = 'profile';

/** The profile of a store's graph, read once per graph version (a failed read is tried again next time). */
export function profileLoader(store: GraphStore): () => Promise<GraphProfile> {
  return () => sharedOf(store).memo(PROFILE, () => readProfile(store));
}
