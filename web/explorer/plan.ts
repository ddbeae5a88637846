import type { Entity, Evidence } from './entities.js';

/** One relationship of the expanded node, seen from it, with the quotes stating it. */
export interface Neighbour {
  entity: Entity;
  type: string;
  direction: string;
  evidence?: readonly Evidence[];
  /** The post held (HOLDS_ROLE), or a qualifier the report gives. */
  role?: string | null;
  detail?: string | null;
}

/** Neighbours of one entity type drawn as one node ("49 achievements"). */
export interface ClusterPlan {
  type: string;
  members: Entity[];
}

/** What expanding a node draws: new neighbours one by one, the rest as clusters. */
export interface ExpansionPlan {
  add: Entity[];
  clusters: ClusterPlan[];
}

/**
 * From how many neighbours of a type on they are drawn as one cluster: a hub's dozens of metrics
 * would hide its organizations, which are what an analyst opens a group for.
 */
export const CLUSTER_AT: Record<string, number> = {
  ACHIEVEMENT: 4,
  PROGRAM: 10,
  POLICY: 10,
  EVENT: 10,
  REPORT: 10,
  PERSON: 16,
  PLACE: 24,
  ORGANIZATION: 40,
};
/** Types drawn first while the budget lasts. */
const PRIORITY = ['ORGANIZATION', 'PLACE', 'PERSON', 'EVENT', 'POLICY', 'REPORT', 'PROGRAM', 'ACHIEVEMENT'];
/** At most this many new neighbours are drawn one by one per expansion; larger sets become clusters. */
export const MAX_INDIVIDUAL = 40;

/** Distinct neighbours, in link order. */
export function distinctNeighbours(links: readonly Neighbour[]): Entity[] {
  const byId = new Map<string, Entity>();
  for (const link of links) if (!byId.has(link.entity.id)) byId.set(link.entity.id, link.entity);
  return [...byId.values()];
}

/**
 * Decides which new neighbours of a node to draw one by one and which to group by entity type.
 * Organizations and places come first, so achievements never crowd them out; neighbours already on
 * the canvas only gain their edges.
 */
export function planExpansion(links: readonly Neighbour[], present: ReadonlySet<string>): ExpansionPlan {
  const byType = new Map<string, Entity[]>();
  for (const entity of distinctNeighbours(links)) {
    if (!present.has(entity.id)) byType.set(entity.type, [...(byType.get(entity.type) ?? []), entity]);
  }
  const add: Entity[] = [];
  const clusters: ClusterPlan[] = [];
  let budget = MAX_INDIVIDUAL;
  const rank = (type: string) => (PRIORITY.includes(type) ? PRIORITY.indexOf(type) : PRIORITY.length);
  for (const [type, members] of [...byType].sort(([a], [b]) => rank(a) - rank(b))) {
    const threshold = CLUSTER_AT[type] ?? 10;
    if (members.length < threshold && members.length <= budget) {
      add.push(...members);
      budget -= members.length;
    } else clusters.push({ type, members });
  }
  return { add, clusters };
}

/** Neighbours not on the canvas, counted by relationship type: what "load the rest" offers. */
export function hiddenByRelationship(links: readonly Neighbour[], present: ReadonlySet<string>): Map<string, Entity[]> {
  const hidden = new Map<string, Entity[]>();
  for (const link of links) {
    if (present.has(link.entity.id)) continue;
    const list = hidden.get(link.type) ?? [];
    if (!list.some((e) => e.id === link.entity.id)) list.push(link.entity);
    hidden.set(link.type, list);
  }
  return hidden;
}
