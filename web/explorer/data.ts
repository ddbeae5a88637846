/**
 * What the explorer has read from the API, kept for the page's life: entities, each expanded node's
 * relationships, paths and node sizes. A view needs its data loaded (`load`) before it is drawn.
 */
import {
  ExplorerDegreeDocument,
  ExplorerLinksDocument,
  ExplorerNodeDocument,
  ExplorerPathDocument,
  type EntityType,
  type ExplorerPathQueryVariables,
  type RelationshipType,
} from '../../src/generated/client/graphql.js';
import { request } from '../shared/client.js';
import { toEntity, type Entity } from './entities.js';
import type { Known, PathResult } from './model.js';
import type { Neighbour } from './plan.js';
import type { ExplorerState } from './state.js';

const entities = new Map<string, Entity>();
const links = new Map<string, Neighbour[]>();
const paths = new Map<string, PathResult | null>();
/** Ids the API does not know. */
const unknown = new Set<string>();

export interface Degree {
  links: number;
  achievements: number;
}
const degrees = new Map<string, Degree>();

/** At most this many requests at once, well inside the server's own admission limits. */
const PARALLEL = 6;
let running = 0;
const waiting: Array<() => void> = [];
async function limited<T>(task: () => Promise<T>): Promise<T> {
  if (running >= PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function remember(entity: Entity): Entity {
  entities.set(entity.id, entity);
  return entity;
}

export const known: Known = { entity: (id) => entities.get(id), links: (id) => links.get(id) };
export const isUnknown = (id: string) => unknown.has(id);

export async function ensureLinks(id: string): Promise<void> {
  if (links.has(id) || unknown.has(id)) return;
  const data = await limited(() => request(ExplorerLinksDocument, { id }));
  const node = data.node && 'links' in data.node ? data.node : null;
  if (!node) {
    unknown.add(id);
    return;
  }
  remember(toEntity(node));
  links.set(
    id,
    node.links.map((l) => ({
      entity: remember(toEntity(l.node)),
      type: l.type,
      direction: l.direction,
      evidence: l.evidence,
      role: l.role,
      detail: l.detail,
    })),
  );
}

async function loadEntity(id: string): Promise<void> {
  if (entities.has(id) || unknown.has(id)) return;
  const data = await limited(() => request(ExplorerNodeDocument, { id }));
  if (data.node && 'name' in data.node) remember(toEntity(data.node));
  else unknown.add(id);
}

/** The path search a state asks for, as the API's variables; none without both ends. */
export function pathQuery(state: ExplorerState): ExplorerPathQueryVariables | undefined {
  if (!state.from || !state.to || state.from === state.to) return undefined;
  return {
    from: state.from,
    to: state.to,
    maxLength: state.maxLength,
    // The state holds only values of these enums (parseState keeps no other).
    types: state.pathTypes.length ? (state.pathTypes as RelationshipType[]) : null,
    avoid: state.avoid.length ? state.avoid : null,
    avoidTypes: state.avoidTypes as EntityType[],
  };
}

/** The path of a state: undefined without both ends, null when there is none within its length. */
export const pathOf = (state: ExplorerState): PathResult | null | undefined => {
  const query = pathQuery(state);
  return query ? paths.get(JSON.stringify(query)) : undefined;
};

async function loadPath(state: ExplorerState): Promise<void> {
  const query = pathQuery(state);
  const key = JSON.stringify(query);
  if (!query || paths.has(key)) return;
  const data = await limited(() => request(ExplorerPathDocument, query));
  const path = data.shortestPath;
  paths.set(
    key,
    path
      ? {
          nodes: path.nodes.map((n) => remember(toEntity(n.entity))),
          edges: path.edges.map((e) => ({ id: e.id, type: e.type, source: e.source, target: e.target, evidence: e.evidence })),
        }
      : null,
  );
}

/** Reads whatever the state needs that is not known yet: its entities, expanded nodes' relationships, its path. */
export async function load(state: ExplorerState): Promise<void> {
  const ends = [state.from, state.to].filter((id): id is string => !!id);
  await Promise.all([
    ...state.expanded.map(ensureLinks),
    ...[...state.nodes, ...ends].map(loadEntity),
    ...state.opened.map((o) => ensureLinks(o.center)),
    loadPath(state),
  ]);
}

/** An expanded node's relationships (loaded), for the panel. */
export const linksOf = (id: string): readonly Neighbour[] => links.get(id) ?? [];

/** How many relationships and achievements each entity has, for node sizes (read once per entity). */
export async function loadDegrees(ids: readonly string[]): Promise<Map<string, Degree>> {
  await Promise.all(
    ids
      .filter((id) => !degrees.has(id))
      .map(async (id) => {
        const known = links.get(id);
        const types = known
          ? known.map((l) => l.type)
          : await limited(() => request(ExplorerDegreeDocument, { id })).then((d) =>
              d.node && 'links' in d.node ? d.node.links.map((l) => l.type) : [],
            );
        degrees.set(id, { links: types.length, achievements: types.filter((t) => t === 'HAS_ACHIEVEMENT').length });
      }),
  );
  return degrees;
}
