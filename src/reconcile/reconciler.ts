/**
 * Matching affiliation strings to the graph's entities, for the reconciliation service and the
 * `reconcile` query. Each reading of a string (see `readingsOf`) is searched; a candidate's score is its
 * best search score, weighed by what the reading set aside: a department costs a little, a place set
 * aside must hold the candidate (a county of another province is another hospital). `match` means sure
 * enough to accept without review: an exact name or alias, clear of the next candidate, with nothing
 * set aside that contradicts it.
 */
import type { DataAccess } from '../data/access.js';
import type { EntityRecord } from '../data/records.js';
import type { SearchHit } from '../data/search.js';
import { NODE_LABELS, type NodeLabel } from '../model/graph.js';
import { readingsOf, type Reading } from './readings.js';

export interface Candidate {
  entity: EntityRecord;
  /** 0–100, comparable across queries: 100 is the exact name. */
  score: number;
  match: boolean;
  /** The name or alias the string was matched to. */
  matchedText: string;
}

export interface ReconcileQuery {
  query: string;
  /** Only entities of these labels. */
  labels?: readonly NodeLabel[];
  /** Only entities lying in this place (or being it): an id, a division code or a name. */
  place?: string;
  limit: number;
}

/** A search score at or above this is an exact name (100) or alias (90) match. */
const EXACT = 90;
/** What a department set aside costs at most (all of the string). */
const DEPARTMENT_COST = 0.08;
/** A place set aside that the graph does not know (a city outside it, a country): it cannot be checked. */
const UNKNOWN_PLACE_WEIGHT = 0.96;
/** A place set aside that does not hold the candidate. */
const OTHER_PLACE_WEIGHT = 0.5;
/** A match must lead the next candidate by this much. */
const MARGIN = 8;
/** The country node: every place lies in it. */
const COUNTRY = 'place:中国';
/** Readings searched per string, and the longest text searched. */
const MAX_READINGS = 12;
const MAX_SEARCHED = 120;
/** Which labels affiliation strings name first: a body over a program of the same name. */
const PRIORITY: readonly NodeLabel[] = ['Organization', 'Place', 'Person', 'Program', 'Policy', 'Event', 'Achievement', 'Report'];

type Ranked = Candidate & { exact: boolean };

/**
 * Whether another candidate stands against the best one: it matches exactly too, and about as well. A
 * shorter reading of the same string (the hospital of a department the graph holds) is the best one's
 * body, not a rival; nor is an entity of a later label with the very same name (a service center kept
 * as a body and as a program).
 */
function competes(top: Ranked, other: Ranked): boolean {
  if (!other.exact || other.score < top.score - MARGIN) return false;
  if (other.matchedText !== top.matchedText && top.matchedText.includes(other.matchedText)) return false;
  if (other.matchedText === top.matchedText && PRIORITY.indexOf(top.entity.label) < PRIORITY.indexOf(other.entity.label)) return false;
  return true;
}

/** How many hits of each reading are looked at. */
const HITS_PER_READING = 8;

export class Reconciler {
  constructor(private readonly data: DataAccess) {}

  async reconcile({ query, labels = NODE_LABELS, place, limit }: ReconcileQuery): Promise<Candidate[]> {
    const readings = readingsOf(query).slice(0, MAX_READINGS);
    const best = new Map<string, Ranked>();
    const within = place === undefined ? undefined : await this.placeIds(place);
    // Every reading searched and every hit weighed at once, so their reads share the request's turns;
    // folded in reading order, so a tie keeps the first reading's match as before.
    const weighed = await Promise.all(
      readings
        .filter((reading) => [...reading.text].length <= MAX_SEARCHED)
        .map(async (reading) => {
          const hits = await this.data.search.search(reading.text, labels, HITS_PER_READING);
          return Promise.all(hits.map(async (hit) => ({ hit, weight: await this.weigh(hit, reading) })));
        }),
    );
    for (const { hit, weight } of weighed.flat()) {
      const score = Math.round(Math.min(100, hit.score) * weight * 10) / 10;
      const known = best.get(hit.entity.id);
      if (known && known.score >= score) continue;
      best.set(hit.entity.id, {
        entity: hit.entity,
        score,
        match: false,
        matchedText: hit.text,
        exact: hit.score >= EXACT && weight >= UNKNOWN_PLACE_WEIGHT,
      });
    }
    let ranked = [...best.values()].sort((a, b) => b.score - a.score || a.entity.id.localeCompare(b.entity.id));
    if (within)
      ranked = (await Promise.all(ranked.map(async (c) => ((await this.placesOf(c.entity)).some((p) => within.has(p)) ? c : undefined)))).filter(
        (c) => !!c,
      );
    const [top, ...rest] = ranked;
    if (top?.exact && !rest.some((other) => competes(top, other))) top.match = true;
    return ranked.slice(0, limit).map(({ exact: _exact, ...candidate }) => candidate);
  }

  /** What a hit's reading set aside does to its score. */
  private async weigh(hit: SearchHit, reading: Reading): Promise<number> {
    // The more of the string a department took, the less the body alone says it.
    let weight = reading.department ? 1 - DEPARTMENT_COST * (reading.departmentShare ?? 1) : 1;
    if (!reading.places.length) return weight;
    const [around, named] = await Promise.all([
      this.placesOf(hit.entity).then((ids) => new Set(ids)),
      Promise.all(reading.places.map((name) => this.placeIds(name))),
    ]);
    for (const places of named) {
      // Everything lies in the country; a candidate with no place of its own cannot be checked.
      if ([...places].some((p) => p === COUNTRY)) continue;
      if (!places.size || !around.size) weight *= UNKNOWN_PLACE_WEIGHT;
      else if (![...places].some((p) => around.has(p))) weight *= OTHER_PLACE_WEIGHT;
    }
    return weight;
  }

  /** The places a name, id or code may mean: the place of an id or division code, else exact matches of a place's name or alias, in either language. */
  private async placeIds(place: string): Promise<Set<string>> {
    if (place.startsWith('place:')) return new Set([place]);
    if (/^\d{6}$/.test(place))
      return new Set(
        (await this.data.lists.page('Place', { code: place }, 'NAME_ASC', { offset: 0, limit: 5 }, { counted: false })).items.map((p) => p.id),
      );
    const hits = await this.data.search.search(place, ['Place'], 5);
    return new Set(hits.filter((h) => h.score >= EXACT).map((h) => h.entity.id));
  }

  /** The places an entity lies in, with everything above them (a place: itself and above). */
  private async placesOf(entity: EntityRecord): Promise<string[]> {
    const direct = entity.label === 'Place' ? [entity.id] : await this.data.related.locatedIn.load(entity.id);
    const above = await this.data.related.ancestors.loadMany(direct);
    return [...direct, ...above.flatMap((a) => (a instanceof Error ? [] : a.map((p) => p.id)))];
  }
}
