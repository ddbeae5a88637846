import { Cypher, NODES, cypher, param, returns, statement, type Statement } from '../../graph/statement.js';
import { NODE_LABELS, type NodeLabel } from '../../model/graph.js';
import { LABEL_FILTERS, LABEL_ORDERS, type FilterKey, type Order } from '../filters.js';
import { Projection } from '../projection.js';
import { entityColumns } from './columns.js';
import { on, type FromStart, type Start } from './keyed.js';
import { PLACE_PATH } from './patterns.js';
import { register } from './registry.js';

/** A place named by its id or by its division code. */
type PlaceKey = 'place' | 'placeCode';
const PLACE_MATCH: Record<PlaceKey, Cypher> = {
  place: cypher`(:Place {id: ${param('place')}})`,
  placeCode: cypher`(:Place {code: ${param('placeCode')}})`,
};

/** The condition each filter adds; `place` and `placeCode` depend on how a label relates to places, the years on how it is dated. */
const CONDITIONS: Record<Exclude<FilterKey, PlaceKey>, Cypher> = {
  kinds: cypher`n.kind IN ${param('kinds')}`,
  levels: cypher`n.level IN ${param('levels')}`,
  code: cypher`n.code STARTS WITH ${param('code')}`,
  name: cypher`n.searchText CONTAINS ${param('name')}`,
  report: cypher`EXISTS { MATCH (n)-[:MENTIONED_IN]->(:Report)-[:PART_OF*0..1]->(:Report {id: ${param('report')}}) }`,
  yearFrom: cypher`n.year >= ${param('yearFrom')}`,
  yearTo: cypher`n.year <= ${param('yearTo')}`,
  year: cypher`n.year = ${param('year')}`,
  valueMin: cypher`n.value >= ${param('valueMin')}`,
  valueMax: cypher`n.value <= ${param('valueMax')}`,
  unit: cypher`n.unit = ${param('unit')}`,
  holders: cypher`EXISTS { MATCH (n)<-[:HAS_ACHIEVEMENT]-(h) WHERE h.id IN ${param('holders')} }`,
  holderKinds: cypher`EXISTS { MATCH (n)<-[:HAS_ACHIEVEMENT]-(h:Organization) WHERE h.kind IN ${param('holderKinds')} }`,
  hasValue: cypher`n.value IS NOT NULL`,
};

const below = (place: Cypher) => cypher`-[:PART_OF${PLACE_PATH.selfAndUp}]->${place}`;
const locatedBelow = (place: Cypher) => cypher`-[:LOCATED_IN]->(:Place)${below(place)}`;

/** How each label lies in a place, given the pattern of that place. */
const PLACE_CONDITION: Partial<Record<NodeLabel, (place: Cypher) => Cypher>> = {
  Organization: (place) => cypher`EXISTS { MATCH (n)${locatedBelow(place)} }`,
  Program: (place) => cypher`EXISTS { MATCH (n)${locatedBelow(place)} }`,
  Event: (place) => cypher`EXISTS { MATCH (n)${locatedBelow(place)} }`,
  Place: (place) => cypher`EXISTS { MATCH (n)-[:PART_OF${PLACE_PATH.up}]->${place} }`,
  Person: (place) => cypher`EXISTS { MATCH (n)-[:HOLDS_ROLE]->(:Organization)${locatedBelow(place)} }`,
  Achievement: (place) =>
    cypher`(EXISTS { MATCH (n)<-[:HAS_ACHIEVEMENT]-()${locatedBelow(place)} } OR EXISTS { MATCH (n)<-[:HAS_ACHIEVEMENT]-(:Place)${below(place)} })`,
};

/** An achievement is dated by its period (stated or inferred), the other labels by their year. */
const DATED_BY_PERIOD: Partial<Record<NodeLabel, Record<'yearFrom' | 'yearTo', Cypher>>> = {
  Achievement: { yearFrom: cypher`n.periodEnd >= ${param('yearFrom')}`, yearTo: cypher`n.periodStart <= ${param('yearTo')}` },
};

/** Orders lists can take, each ending in a unique property. Unknown values sort last either way. */
const ORDERS: Record<Order, string> = {
  NAME_ASC: 'ORDER BY n.name, n.id',
  NAME_DESC: 'ORDER BY n.name DESC, n.id',
  MENTIONS_DESC: 'ORDER BY COUNT { MATCH (n)-[:MENTIONED_IN]->() } DESC, n.name, n.id',
  VALUE_DESC: 'ORDER BY coalesce(n.value, -1.0e300) DESC, n.name, n.id',
  VALUE_ASC: 'ORDER BY coalesce(n.value, 1.0e300), n.name, n.id',
  YEAR_DESC: 'ORDER BY coalesce(n.year, -1) DESC, n.name, n.id',
  SOURCE_ASC: 'ORDER BY n.source, n.id',
};

function condition(label: NodeLabel, key: FilterKey): Cypher {
  if (key === 'yearFrom' || key === 'yearTo') return DATED_BY_PERIOD[label]?.[key] ?? CONDITIONS[key];
  if (key !== 'place' && key !== 'placeCode') return CONDITIONS[key];
  const place = PLACE_CONDITION[label];
  if (!place) throw new Error(`${label} has no place filter`);
  return place(PLACE_MATCH[key]);
}

/** The conditions of the present filters on `n`, in a fixed order, as stages that follow `MATCH (n:Label)`. */
export function filterStages(label: NodeLabel, keys: readonly FilterKey[]): Cypher {
  // One `WITH n WHERE` stage per condition: Kuzu loses the parameters of an EXISTS subquery that is
  // ANDed with another parameterized condition, and the stages mean the same on both engines.
  return Cypher.join(
    LABEL_FILTERS[label].filter((k) => keys.includes(k)).map((k) => cypher`WITH n WHERE ${condition(label, k)}`),
    ' ',
  );
}

/** A list's page and count, and the page's nodes as the start of other statements (what the fields of its items read). */
export interface ListStatements {
  page: Statement;
  items: FromStart;
  count: Statement;
  start: Start;
}

/**
 * The page and count statements of a label with the given filters present, in a fixed order, and the
 * page's nodes as the start of another statement. Every order ends in a unique property, so each
 * statement finds the same page.
 */
export function listStatements(label: NodeLabel, keys: readonly FilterKey[], order: Order, projection = Projection.ALL): ListStatements {
  const stages = filterStages(label, keys);
  // Every node has a name: saying so lets Neo4j read a page ordered by name from the name index in its
  // order and stop once the page is full, where it would otherwise sort every node (Kuzu has no such index).
  const named = ORDERS[order].startsWith('ORDER BY n.name') ? ' WHERE n.name IS NOT NULL' : '';
  // Ordered and cut while still nodes, projected to columns only for the page.
  const start: Start = {
    clause: cypher`MATCH (n:${label})${named} ${stages} WITH n ${ORDERS[order]} SKIP ${param('offset')} LIMIT ${param('limit')} WITH n AS ${NODES}`,
  };
  const items: FromStart = (from) => on(from, 'n', cypher`RETURN ${returns(...entityColumns(projection, 'n', label))}`);
  return { page: items(start), items, count: statement(cypher`MATCH (n:${label}) ${stages} RETURN ${returns(['count(n)', 'total'])}`), start };
}

/** A label's filters with none, each one, and all of them: every condition stage, alone and chained. */
export const filterSets = (label: NodeLabel): FilterKey[][] => [[], ...LABEL_FILTERS[label].map((k) => [k]), LABEL_FILTERS[label]];

register('lists', () =>
  NODE_LABELS.flatMap((label) => {
    const [first, ...rest] = LABEL_ORDERS[label];
    return [
      ...filterSets(label).flatMap((keys) => {
        const { page, count } = listStatements(label, keys, first!);
        return [page, count];
      }),
      ...rest.map((order) => listStatements(label, [], order).page),
    ];
  }),
);
