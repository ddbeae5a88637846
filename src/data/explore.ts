import { RELATION_TYPES } from '../model/graph.js';
import type { Entities } from './entities.js';
import type { LinkRecord } from './records.js';

/** An edge of a drawable subgraph, oriented from its start to its end. */
export interface EdgeRecord {
  id: string;
  type: string;
  source: string;
  target: string;
  link: LinkRecord;
}

/** Nodes (id → distance from the start) and the edges between them. */
export interface SubgraphRecord {
  nodes: Map<string, number>;
  edges: EdgeRecord[];
  truncated: boolean;
}

function edgeOf(from: string, link: LinkRecord): EdgeRecord {
  const [source, target] = link.direction === 'OUT' ? [from, link.otherId] : [link.otherId, from];
  return { id: `${link.type}|${source}|${target}`, type: link.type, source, target, link };
}

/**
 * A neighborhood holds at most this many edges per node of its limit; past it the subgraph is cut and
 * says so, which bounds what one request can fetch (the cost limit counts on it).
 */
export const NEIGHBORHOOD_EDGES_PER_NODE = 3;

const follows = (types: readonly string[] | undefined) => (link: LinkRecord) => !types?.length || types.includes(link.type);

/**
 * Graph exploration breadth-first over the request's link loader: one batched query per step,
 * whatever the fan-out, so depth (at most 3) bounds the round trips.
 */
export class Explore {
  constructor(private readonly entities: Entities) {}

  private async linksOf(ids: readonly string[]): Promise<LinkRecord[][]> {
    return (await this.entities.links.loadMany(ids)).map((r) => (r instanceof Error ? [] : r));
  }

  /** Everything within `depth` steps of `start`, at most `limit` nodes. */
  async neighborhood(start: string, depth: number, types: readonly string[] | undefined, limit: number): Promise<SubgraphRecord> {
    const nodes = new Map([[start, 0]]);
    const edges = new Map<string, EdgeRecord>();
    let truncated = false;
    let frontier = [start];
    // The second step's links are read beside the first's, from the start (see `linksAround`); a walk
    // from the start reads no more links than the subgraph may hold edges.
    const around =
      depth > 1
        ? this.entities.linksAround(start, types?.length ? types : RELATION_TYPES, { nodes: limit, links: limit * NEIGHBORHOOD_EDGES_PER_NODE })
        : undefined;
    for (let distance = 1; distance <= depth && frontier.length; distance++) {
      const next: string[] = [];
      const [links] = await Promise.all([this.linksOf(frontier), distance === 1 ? around : undefined]);
      frontier.forEach((from, i) => {
        for (const link of links[i]!.filter(follows(types))) {
          const edge = edgeOf(from, link);
          if (edges.has(edge.id)) continue;
          const isNew = !nodes.has(link.otherId);
          if ((isNew && nodes.size >= limit) || edges.size >= limit * NEIGHBORHOOD_EDGES_PER_NODE) {
            truncated = true;
            continue;
          }
          if (isNew) {
            nodes.set(link.otherId, distance);
            next.push(link.otherId);
          }
          edges.set(edge.id, edge);
        }
      });
      frontier = next;
    }
    return { nodes, edges: [...edges.values()], truncated };
  }

  /** A shortest path from `from` to `to` of at most `maxLength` steps, either direction, never through a node `avoided` says; null when none. */
  async shortestPath(
    from: string,
    to: string,
    maxLength: number,
    types: readonly string[] | undefined,
    avoided: (id: string) => boolean = () => false,
  ): Promise<SubgraphRecord | null> {
    if (from === to) return { nodes: new Map([[from, 0]]), edges: [], truncated: false };
    const cameBy = new Map<string, EdgeRecord | null>([[from, null]]);
    let frontier = [from];
    for (let step = 1; step <= maxLength && frontier.length; step++) {
      const next: string[] = [];
      const links = await this.linksOf(frontier);
      for (const [i, at] of frontier.entries()) {
        for (const link of links[i]!.filter(follows(types))) {
          if (cameBy.has(link.otherId) || (link.otherId !== to && avoided(link.otherId))) continue;
          cameBy.set(link.otherId, edgeOf(at, link));
          next.push(link.otherId);
        }
      }
      if (cameBy.has(to)) return walkBack(cameBy, from, to);
      frontier = next;
    }
    return null;
  }
}

function walkBack(cameBy: Map<string, EdgeRecord | null>, from: string, to: string): SubgraphRecord {
  const path = [to];
  const edges: EdgeRecord[] = [];
  for (let at = to; at !== from;) {
    const edge = cameBy.get(at)!;
    edges.unshift(edge);
    at = edge.source === at ? edge.target : edge.source;
    path.unshift(at);
  }
  return { nodes: new Map(path.map((id, i) => [id, i])), edges, truncated: false };
}
