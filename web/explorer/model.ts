/**
 * What the canvas holds, computed from the state alone (and the data fetched for it), so a view is the
 * same however it was reached: by clicks, Back and Forward, or an address opened elsewhere.
 */
import type { Entity, Evidence } from './entities.js';
import { planExpansion, type Neighbour } from './plan.js';
import type { ExplorerState } from './state.js';

export interface PathEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  evidence: readonly Evidence[];
}

/** A shortest path: its nodes in order from one end to the other, and the edges between them. */
export interface PathResult {
  nodes: Entity[];
  edges: PathEdge[];
}

export interface ModelNode {
  entity: Entity;
  /** The node whose expansion (or path step) brought it: new nodes are placed around it. */
  origin?: string;
  /** Put there by the user (search, a link, a path end). */
  root: boolean;
  expanded: boolean;
  onPath: boolean;
}

export interface ModelCluster {
  id: string;
  center: string;
  type: string;
  members: Entity[];
}

export interface ModelEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  evidence: readonly Evidence[];
  onPath: boolean;
}

export interface CanvasModel {
  nodes: Map<string, ModelNode>;
  clusters: ModelCluster[];
  edges: Map<string, ModelEdge>;
  /** Every node the state reaches, hidden ones included. */
  reached: Set<string>;
  /** Expanded nodes whose expansion applies (the node is reached). */
  expanded: Set<string>;
  /** Every cluster the expansions plan, hidden and emptied ones included. */
  planned: Set<string>;
}

/** What has been fetched: entities by id, and the relationships of expanded nodes. */
export interface Known {
  entity(id: string): Entity | undefined;
  links(id: string): readonly Neighbour[] | undefined;
}

export const clusterId = (center: string, type: string) => `cluster:${center}:${type}`;
const edgeId = (type: string, source: string, target: string) => `${type}|${source}|${target}`;

/** The members of an opened group: neighbours of an entity type (a cluster) or along a relationship type (the rest loaded). */
const groupMembers = (links: readonly Neighbour[], key: string) => links.filter((l) => l.entity.type === key || l.type === key).map((l) => l.entity);

/**
 * The canvas of a state: the user's entities and the path first, then each expansion in the order
 * made (an expansion plans around what is already there), then opened clusters and loaded groups.
 * Hidden nodes are reached (so what they brought stays) but not drawn.
 */
export function buildCanvas(state: ExplorerState, known: Known, path: PathResult | null): CanvasModel {
  const hidden = new Set(state.hidden);
  const reached = new Map<string, { entity: Entity; origin?: string }>();
  const reach = (entity: Entity | undefined, origin?: string) => {
    if (entity && !reached.has(entity.id)) reached.set(entity.id, origin ? { entity, origin } : { entity });
  };
  for (const id of state.nodes) reach(known.entity(id));
  path?.nodes.forEach((entity, i) => reach(entity, path.nodes[i - 1]?.id));
  for (const id of [state.from, state.to]) if (id) reach(known.entity(id));

  // An expansion applies once its node is reached; one reached only by a later expansion waits for it.
  const expanded = new Set<string>();
  const clusterPlans = new Map<string, ReturnType<typeof planExpansion>['clusters']>();
  for (let progress = true; progress;) {
    progress = false;
    for (const id of state.expanded) {
      const links = known.links(id);
      if (expanded.has(id) || !links || !reached.has(id)) continue;
      const plan = planExpansion(links, new Set(reached.keys()));
      plan.add.forEach((entity) => reach(entity, id));
      clusterPlans.set(id, plan.clusters);
      expanded.add(id);
      progress = true;
    }
  }
  for (const { center, key } of state.opened) {
    const links = known.links(center);
    if (expanded.has(center) && links) groupMembers(links, key).forEach((entity) => reach(entity, center));
  }

  const opened = new Set(state.opened.map((o) => `${o.key}~${o.center}`));
  const clusters: ModelCluster[] = [];
  const planned = new Set<string>();
  for (const [center, plans] of clusterPlans) {
    for (const { type, members } of plans) {
      const id = clusterId(center, type);
      planned.add(id);
      const rest = members.filter((m) => !reached.has(m.id));
      if (!rest.length || opened.has(`${type}~${center}`) || hidden.has(id)) continue;
      // A cluster of one is drawn as its one member.
      if (rest.length === 1) reach(rest[0], center);
      else clusters.push({ id, center, type, members: rest });
    }
  }

  const onPath = new Set(path?.nodes.map((n) => n.id));
  const roots = new Set([...state.nodes, state.from, state.to]);
  const nodes = new Map<string, ModelNode>();
  for (const [id, { entity, origin }] of reached) {
    if (hidden.has(id)) continue;
    nodes.set(id, { entity, ...(origin ? { origin } : {}), root: roots.has(id), expanded: expanded.has(id), onPath: onPath.has(id) });
  }

  const edges = new Map<string, ModelEdge>();
  for (const id of expanded) {
    for (const link of known.links(id) ?? []) {
      const other = link.entity.id;
      if (!nodes.has(id) || !nodes.has(other)) continue;
      const [source, target] = link.direction === 'OUT' ? [id, other] : [other, id];
      const key = edgeId(link.type, source, target);
      if (!edges.has(key)) edges.set(key, { id: key, source, target, type: link.type, evidence: link.evidence ?? [], onPath: false });
    }
  }
  for (const edge of path?.edges ?? []) {
    if (nodes.has(edge.source) && nodes.has(edge.target)) edges.set(edge.id, { ...edge, onPath: true });
  }
  return { nodes, clusters, edges, reached: new Set(reached.keys()), expanded, planned };
}

/**
 * Drops what no longer applies after an edit (an expansion whose node went with a collapse, a cluster
 * of a collapsed node, a hidden or selected node no longer there), until nothing changes, so the
 * address holds only what the canvas shows.
 */
export function settle(state: ExplorerState, known: Known, path: PathResult | null): ExplorerState {
  let current = state;
  for (;;) {
    const model = buildCanvas(current, known, path);
    const next: ExplorerState = {
      ...current,
      expanded: current.expanded.filter((id) => model.expanded.has(id)),
      opened: current.opened.filter((o) => model.expanded.has(o.center)),
      hidden: current.hidden.filter((id) => model.reached.has(id) || model.planned.has(id)),
      selected: current.selected.filter((id) => model.nodes.has(id) || model.edges.has(id)),
    };
    const same = (['expanded', 'opened', 'hidden', 'selected'] as const).every((key) => next[key].length === current[key].length);
    if (same) return current;
    current = next;
  }
}
