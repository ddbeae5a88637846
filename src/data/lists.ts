import type { NodeLabel } from '../model/graph.js';
import type { Params } from '../graph/store.js';
import { PLACE_PATH } from './patterns.js';
import type { CountingStore } from './counting.js';
import type { Page, PageRequest } from './paging.js';
import { Projection } from './columns.js';
import type { EntityRecord } from './records.js';
import { readAhead, type AheadPlan, type Start } from './ahead.js';

/** Filters a list may take; each present one adds a fixed condition, its value always a parameter. */
export interface ListFilter {
  kinds?: string[];
  levels?: string[];
  name?: string;
  place?: string;
  /** In the place of this division code (or below it), as `place` is in a place of this id. */
  placeCode?: string;
  /** Places only: whose division code starts with this. */
  code?: string;
  report?: string;
  yearFrom?: number;
  yearTo?: number;
  valueMin?: number;
  valueMax?: number;
  unit?: string;
  /** Achievements only: of these holders. */
  holders?: string[];
  /** Achievements only: held by an organization of one of these kinds. */
  holderKinds?: string[];
  /** Achievements only: with a known value. */
  hasValue?: boolean;
}
export type FilterKey = keyof ListFilter;

/** A place named by its id or by its division code. */
type PlaceKey = 'place' | 'placeCode';
const PLACE_MATCH: Record<PlaceKey, string> = { place: '(:Place {id: $place})', placeCode: '(:Place {code: $placeCode})' };

/** The condition each filter adds; `place` and `placeCode` depend on how a label relates to places, the years on how it is dated. */
const CONDITIONS: Record<Exclude<FilterKey, PlaceKey>, string> = {
  kinds: 'n.kind IN $kinds',
  levels: 'n.level IN $levels',
  code: 'n.code STARTS WITH $code',
  name: 'n.searchText CONTAINS $name',
  report: 'EXISTS { MATCH (n)-[:MENTIONED_IN]->(:Report)-[:PART_OF*0..1]->(:Report {id: $report}) }',
  yearFrom: 'n.year >= $yearFrom',
  yearTo: 'n.year <= $yearTo',
  valueMin: 'n.value >= $valueMin',
  valueMax: 'n.value <= $valueMax',
  unit: 'n.unit = $unit',
  holders: 'EXISTS { MATCH (n)<-[:HAS_ACHIEVEMENT]-(h) WHERE h.id IN $holders }',
  holderKinds: 'EXISTS { MATCH (n)<-[:HAS_ACHIEVEMENT]-(h:Organization) WHERE h.kind IN $holderKinds }',
  hasValue: 'n.value IS NOT NULL',
};

/** Filters that are flags: they add their condition when true and pass no parameter. */
const FLAGS: ReadonlySet<FilterKey> = new Set(['hasValue']);

/** How each label lies in a place, given the pattern of that place. */
const PLACE_CONDITION: Partial<Record<NodeLabel, (place: string) => string>> = {
  Organization: (place) => `EXISTS { MATCH (n)${locatedBelow(place)} }`,
  Program: (place) => `EXISTS { MATCH (n)${locatedBelow(place)} }`,
  Event: (place) => `EXISTS { MATCH (n)${locatedBelow(place)} }`,
  Place: (place) => `EXISTS { MATCH (n)-[:PART_OF${PLACE_PATH.up}]->${place} }`,
  Person: (place) => `EXISTS { MATCH (n)-[:HOLDS_ROLE]->(:Organization)${locatedBelow(place)} }`,
  Achievement: (place) =>
    `(EXISTS { MATCH (n)<-[:HAS_ACHIEVEMENT]-()${locatedBelow(place)} } OR EXISTS { MATCH (n)<-[:HAS_ACHIEVEMENT]-(:Place)${below(place)} })`,
};
const below = (place: string) => `-[:PART_OF${PLACE_PATH.selfAndUp}]->${place}`;
const locatedBelow = (place: string) => `-[:LOCATED_IN]->(:Place)${below(place)}`;

/** An achievement is dated by its period (stated or inferred), the other labels by their year. */
const DATED_BY_PERIOD: Partial<Record<NodeLabel, Record<'yearFrom' | 'yearTo', string>>> = {
  Achievement: { yearFrom: 'n.periodEnd >= $yearFrom', yearTo: 'n.periodStart <= $yearTo' },
};

/** The filters each label accepts. */
export const LABEL_FILTERS: Record<NodeLabel, FilterKey[]> = {
  Organization: ['kinds', 'name', 'place', 'placeCode', 'report'],
  Program: ['kinds', 'name', 'place', 'placeCode', 'report', 'yearFrom', 'yearTo'],
  Achievement: [
    'kinds',
    'name',
    'place',
    'placeCode',
    'report',
    'yearFrom',
    'yearTo',
    'valueMin',
    'valueMax',
    'unit',
    'holders',
    'holderKinds',
    'hasValue',
  ],
  Person: ['name', 'place', 'placeCode', 'report'],
  Place: ['levels', 'code', 'name', 'place', 'placeCode', 'report'],
  Policy: ['name', 'report', 'yearFrom', 'yearTo'],
  Event: ['name', 'place', 'placeCode', 'report', 'yearFrom', 'yearTo'],
  Report: [],
};

/** Orders lists can take. Unknown values sort last either way. */
export const ORDERS = {
  NAME_ASC: 'ORDER BY n.name, n.id',
  NAME_DESC: 'ORDER BY n.name DESC, n.id',
  MENTIONS_DESC: 'ORDER BY COUNT { MATCH (n)-[:MENTIONED_IN]->() } DESC, n.name, n.id',
  VALUE_DESC: 'ORDER BY coalesce(n.value, -1.0e300) DESC, n.name, n.id',
  VALUE_ASC: 'ORDER BY coalesce(n.value, 1.0e300), n.name, n.id',
  YEAR_DESC: 'ORDER BY coalesce(n.year, -1) DESC, n.name, n.id',
  SOURCE_ASC: 'ORDER BY n.source, n.id',
} as const;
export type Order = keyof typeof ORDERS;

/** The orders each label's list offers (the first is its default). */
export const LABEL_ORDERS: Record<NodeLabel, Order[]> = {
  Organization: ['NAME_ASC', 'NAME_DESC', 'MENTIONS_DESC'],
  Program: ['NAME_ASC', 'NAME_DESC', 'MENTIONS_DESC'],
  Achievement: ['NAME_ASC', 'VALUE_DESC', 'VALUE_ASC', 'YEAR_DESC'],
  Person: ['NAME_ASC', 'NAME_DESC', 'MENTIONS_DESC'],
  Place: ['NAME_ASC', 'NAME_DESC', 'MENTIONS_DESC'],
  Policy: ['NAME_ASC', 'NAME_DESC', 'MENTIONS_DESC'],
  Event: ['NAME_ASC', 'NAME_DESC', 'MENTIONS_DESC'],
  Report: ['SOURCE_ASC'],
};

function condition(label: NodeLabel, key: FilterKey): string {
  if (key === 'yearFrom' || key === 'yearTo') return DATED_BY_PERIOD[label]?.[key] ?? CONDITIONS[key];
  if (key !== 'place' && key !== 'placeCode') return CONDITIONS[key];
  const place = PLACE_CONDITION[label];
  if (!place) throw new Error(`${label} has no place filter`);
  return place(PLACE_MATCH[key]);
}

/**
 * The page and count queries of a label with the given filters present, in a fixed order, and the
 * page's nodes as the start of another statement (what the fields of its items read). Every order ends
 * in a unique property, so each statement finds the same page.
 */
export function listQueries(
  label: NodeLabel,
  keys: readonly FilterKey[],
  order: Order,
  projection = Projection.ALL,
): { page: string; items: (start: Start) => string; count: string; start: Start } {
  const present = LABEL_FILTERS[label].filter((k) => keys.includes(k));
  // One `WITH n WHERE` stage per condition: Kuzu loses the parameters of an EXISTS subquery that is
  // ANDed with another parameterized condition, and the stages mean the same on both engines.
  const where = present.map((k) => `WITH n WHERE ${condition(label, k)}`).join(' ');
  // Every node has a name: saying so lets Neo4j read a page ordered by name from the name index in its
  // order and stop once the page is full, where it would otherwise sort every node (Kuzu has no such index).
  const named = ORDERS[order].startsWith('ORDER BY n.name') ? ' WHERE n.name IS NOT NULL' : '';
  // Ordered and cut while still nodes, projected to columns only for the page.
  const page = `MATCH (n:${label})${named} ${where} WITH n ${ORDERS[order]} SKIP $offset LIMIT $limit`;
  const start: Start = (variable) => `${page} WITH n AS ${variable}`;
  const items = (from: Start) => `${from('n')} RETURN ${projection.columns('n', label)}`;
  return { page: items(start), items, count: `MATCH (n:${label}) ${where} RETURN count(n) AS total`, start };
}

/** What is read beside a page: the fields of its items (and what they carry along), and whether its count is (a page's count is otherwise read when asked for). */
export interface PageReading {
  ahead?: readonly AheadPlan[];
  counted?: boolean;
}

/** Filtered, ordered pages of any label. */
export class Lists {
  constructor(
    private readonly db: CountingStore,
    private readonly projection: Projection,
  ) {}

  /** A page, with the fields of its items in `ahead` read beside it (see `Ahead`), and its count when `counted`. */
  async page(
    label: NodeLabel,
    filter: ListFilter,
    order: Order,
    request: PageRequest,
    { ahead = [], counted = true }: PageReading = {},
  ): Promise<Page<EntityRecord>> {
    const keys = (Object.keys(filter) as FilterKey[]).filter((k) => filter[k] !== undefined && filter[k] !== null && filter[k] !== false);
    const unsupported = keys.filter((k) => !LABEL_FILTERS[label].includes(k));
    if (unsupported.length) throw new Error(`${label} lists cannot be filtered by ${unsupported.join(', ')}`);
    const queries = this.projection.spelled(`list ${label} ${keys.join(' ')} ${order}`, () => listQueries(label, keys, order, this.projection));
    const params: Params = Object.fromEntries(keys.filter((k) => !FLAGS.has(k)).map((k) => [k, filter[k] as Params[string]]));
    const paged = { ...params, offset: request.offset, limit: request.limit };
    let counting: Promise<number> | undefined;
    const total = () => (counting ??= this.db.read(queries.count, params).then((rows) => Number(rows[0]?.total ?? 0)));
    if (counted) void total().catch(() => undefined);
    if (request.offset > this.db.store.dialect.safeSkip && request.offset >= (await total())) return { items: [], offset: request.offset, total };
    const items = this.db.readFrom(queries.start, paged, queries.items).then((rows) => rows.map((row) => this.projection.toEntity(row, label)));
    // The fields' statements start from the page (on Neo4j, sent with it, they share one finding of it):
    // worth it where a wait is a network round trip, not in process, where the loaders' second turn is cheaper.
    const fields = this.db.store.inProcess ? [] : ahead;
    const [list] = await Promise.all([
      items,
      readAhead(
        this.db,
        queries.start,
        paged,
        items.then((read) => read.map((item) => item.id)),
        fields,
      ),
    ]);
    return { items: list, offset: request.offset, total };
  }
}
