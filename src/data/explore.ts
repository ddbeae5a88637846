import { RELATION_TYPES, type RelationType } from '../model/graph.js';
import type { Entities } from './entities.js';
import type { LinkRecord, StepRecord } from './records.js';

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

/**
 * What a path pays, beyond the step, to pass through a node that joins everything of its kind: the
 * country holds every place, a national program or policy is run or followed by bodies that have
 * nothing else in common, an achievement joins its holders to whoever granted it, an event everyone
 * that took part. Organizations and places below the country cost nothing more: the structure.
 */
// A program, policy or achievement costs two: one shared by two bodies (a generic 中医重点专科建设)
// must not beat their places in the hierarchy, which may climb to the country.
const DETOUR = { country: 3, Event: 3, Program: 2, Policy: 2, Achievement: 2 } as const;

const follows = (types: readonly string[] | undefined) => (link: { type: string }) => !types?.length || types.includes(link.type);

/** What passing through the node a step reaches costs beyond the step (see `DETOUR`). */
function detourOf({ label, level }: StepRecord): number {
  if (label === 'Place') return level === 'COUNTRY' || level === 'REGION' ? DETOUR.country : 0;
  return DETOUR[label as keyof typeof DETOUR] ?? 0;
}

/** An edge of a path being searched: which way it goes, without its sources yet. */
type Step = Pick<EdgeRecord, 'type' | 'source' | 'target'>;

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

  /**
   * The path from `from` to `to` of at most `maxLength` steps, either direction, never through a node
   * `avoided` says, that goes through the organizational structure where it can: each step costs one,
   * and passing through a node everything touches costs more (`DETOUR`: the country, a program or a
   * policy shared by many, an achievement, an event), so a path through organizations and places wins
   * unless it is longer by more than the detour. Searched from both ends at once, cheapest first: each
   * wait reads the steps of both ends' next nodes (see `Entities.steps`); the path's own links are read
   * whole once it is found.
   */
  async shortestPath(
    from: string,
    to: string,
    maxLength: number,
    types: readonly string[] | undefined,
    avoided: (id: string) => boolean = () => false,
  ): Promise<SubgraphRecord | null> {
    if (from === to) return { nodes: new Map([[from, 0]]), edges: [], truncated: false };
    const detours = new Map([
      [from, 0],
      [to, 0],
    ]);
    const sides = [from, to].map((start) => new Search(start));
    const [ahead, back] = sides as [Search, Search];
    let best: { node: string; cost: number; steps: number } | undefined;
    for (;;) {
      const stepping = sides.filter((side) => side.next() !== undefined);
      // Cheapest first: once the cheapest paths left on both sides together cost what the best found does, it is the best.
      if (!stepping.length || (best && (ahead.next() ?? Infinity) + (back.next() ?? Infinity) >= best.cost)) break;
      const batches = stepping.map((side) => side.take(maxLength - (side === ahead ? back : ahead).minSteps()));
      const steps = await Promise.all(batches.map((batch) => this.stepsOf(batch)));
      stepping.forEach((side, s) =>
        batches[s]!.forEach((at, i) => {
          for (const step of steps[s]![i]!.filter(follows(types))) {
            if (!detours.has(step.otherId)) detours.set(step.otherId, detourOf(step));
            if (step.otherId !== from && step.otherId !== to && avoided(step.otherId)) continue;
            const [source, target] = step.direction === 'OUT' ? [at, step.otherId] : [step.otherId, at];
            side.reach(step.otherId, at, { type: step.type, source, target }, detours.get(step.otherId)!);
          }
        }),
      );
      for (const [node, there] of ahead.reached) {
        const other = back.reached.get(node);
        if (!other || there.steps + other.steps > maxLength) continue;
        const [cost, steps] = [there.cost + other.cost - detours.get(node)!, there.steps + other.steps];
        // Of paths as cheap, the shorter.
        if (!best || cost < best.cost || (cost === best.cost && steps < best.steps)) best = { node, cost, steps };
      }
    }
    if (!best) return null;
    const { nodes, steps } = joinAt(best.node, ahead.reached, back.reached);
    const sources = [...new Set(steps.map((s) => s.source))];
    const links = new Map((await this.entities.linksOut(sources)).map((links, i) => [sources[i]!, links]));
    const edges = steps.map(({ type, source, target }) => {
      // A link gone since its step was read (the graph reseeded meanwhile) is drawn without its sources.
      const link = links.get(source)!.find((l) => l.type === type && l.otherId === target);
      return edgeOf(source, link ?? { type: type as RelationType, direction: 'OUT', otherId: target, role: null, detail: null, evidence: [] });
    });
    return { nodes, edges, truncated: false };
  }

  private async stepsOf(ids: readonly string[]): Promise<StepRecord[][]> {
    return (await this.entities.steps.loadMany(ids)).map((r) => (r instanceof Error ? [] : r));
  }
}

/** One end of a path search: what it reached, at what cost and in how many steps, and what it has yet to expand, by cost. */
class Search {
  readonly reached: Map<string, { cost: number; steps: number; by: Step | null }>;
  private readonly pending = new Map<number, string[]>();
  private readonly expanded = new Set<string>();

  constructor(start: string) {
    this.reached = new Map([[start, { cost: 0, steps: 0, by: null }]]);
    this.pending.set(0, [start]);
  }

  /** The cost of the cheapest node left to expand. */
  next(): number | undefined {
    const costs = [...this.pending.keys()].filter((c) => this.pending.get(c)!.length);
    return costs.length ? Math.min(...costs) : undefined;
  }

  /** The fewest steps of a node left to expand (the other end may not take more than the length allows). */
  minSteps(): number {
    let least = Infinity;
    for (const ids of this.pending.values()) for (const id of ids) least = Math.min(least, this.reached.get(id)!.steps);
    return least === Infinity ? 0 : least;
  }

  /** Takes the cheapest nodes left, those that may still take a step within `stepsLeft`. */
  take(stepsLeft: number): string[] {
    const cost = this.next()!;
    const ids = this.pending.get(cost)!.filter((id) => !this.expanded.has(id) && this.reached.get(id)!.steps < stepsLeft);
    this.pending.delete(cost);
    for (const id of ids) this.expanded.add(id);
    return ids;
  }

  /** Reaches `id` from `at` by `edge`, keeping it when cheaper than any way found before. */
  reach(id: string, at: string, edge: Step, detour: number): void {
    const from = this.reached.get(at)!;
    const cost = from.cost + 1 + detour;
    const known = this.reached.get(id);
    if (known && known.cost <= cost) return;
    this.reached.set(id, { cost, steps: from.steps + 1, by: edge });
    this.pending.set(cost, [...(this.pending.get(cost) ?? []), id]);
  }
}

type Reached = ReadonlyMap<string, { by: Step | null }>;

/** The path through `middle`: back along the first search's edges to its start, on along the second's to its. */
function joinAt(middle: string, ahead: Reached, back: Reached): { nodes: Map<string, number>; steps: Step[] } {
  const path = [middle];
  const edges: Step[] = [];
  for (let at = middle, edge = ahead.get(at)!.by; edge; edge = ahead.get(at)!.by) {
    edges.unshift(edge);
    at = edge.source === at ? edge.target : edge.source;
    path.unshift(at);
  }
  for (let at = middle, edge = back.get(at)!.by; edge; edge = back.get(at)!.by) {
    edges.push(edge);
    at = edge.source === at ? edge.target : edge.source;
    path.push(at);
  }
  return { nodes: new Map(path.map((id, i) => [id, i])), steps: edges };
}
