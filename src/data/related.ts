import DataLoader from 'dataloader';
import { PLACE_LEVELS, labelOfId, type NodeLabel } from '../model/graph.js';
import { Projection } from './columns.js';
import type { CountingStore } from './counting.js';
import { keyedAhead, reaching, type Ahead } from './ahead.js';
import { keyed, type Keyed } from './keyed.js';
import type { Row } from '../graph/store.js';
import { ORG_TREE, PLACE_PATH } from './patterns.js';
import { groupBy, type EntityRecord } from './records.js';
import { text } from '../graph/values.js';
import { compareText } from '../text/collation.js';

/** The labels that hold achievements. */
const HOLDERS = ['Organization', 'Program', 'Place', 'Person', 'Event'] as const satisfies readonly NodeLabel[];
type Holder = (typeof HOLDERS)[number];

/** Queries reaching past direct links: achievements held, organizations in a place, ancestors, trees; entities as `projection` reads them. */
export const relatedQueries = (projection: Projection) => ({
  achievementsOf: Object.fromEntries(
    HOLDERS.map((label) => [
      label,
      keyed(
        `:${label}`,
        (start) => `${start('h')} MATCH (h)-[:HAS_ACHIEVEMENT]->(n:Achievement) RETURN h.id AS key, ${projection.columns('n', 'Achievement')}`,
      ),
    ]),
  ) as Record<Holder, Keyed>,
  organizationsIn: keyed(
    ':Place',
    (start) =>
      `${start('p')} MATCH (p)<-[:PART_OF${PLACE_PATH.selfAndUp}]-(:Place)<-[:LOCATED_IN]-(n:Organization) RETURN DISTINCT p.id AS key, ${projection.columns('n', 'Organization')}`,
  ),
  ancestors: keyed(
    ':Place',
    (start) => `${start('p')} MATCH (p)-[:PART_OF${PLACE_PATH.up}]->(n:Place) RETURN DISTINCT p.id AS key, ${projection.columns('n', 'Place')}`,
  ),
  tree: keyed(
    ':Organization',
    (start) =>
      `${start('o')} MATCH (o)<-[:PART_OF${ORG_TREE}]-(d:Organization) WITH DISTINCT o.id AS key, d MATCH (d)-[:PART_OF]->(p:Organization) RETURN key, d.id AS id, p.id AS parent`,
  ),
});

/** The related queries reading whole entities (what the lint checks). */
export const RELATED_QUERIES = relatedQueries(Projection.ALL);

/** The achievements a holder's connection reaches (see `Ahead.reach`). */
export const ACHIEVEMENTS_REACH: NonNullable<Ahead['reach']> = {
  label: 'Achievement',
  path: ['edges', 'node'],
  start: reaching('-[:HAS_ACHIEVEMENT]->(b:Achievement)'),
  ids: (achievements) => (achievements as EntityRecord[]).map((a) => a.id),
};

/** One organization below a root: its depth and its parent on the shortest way up. */
export interface TreeEntryRecord {
  id: string;
  depth: number;
  parentId: string;
}

const byName = (a: EntityRecord, b: EntityRecord) => compareText(a.name, b.name) || compareText(a.id, b.id);
/** Nearest first: a place's ancestors from its county up to the country. */
const byLevel = (a: EntityRecord, b: EntityRecord) => PLACE_LEVELS.indexOf(b.level as never) - PLACE_LEVELS.indexOf(a.level as never);

/** A loader of one keyed statement, and the same field read ahead (see `Ahead`). */
function keyedLoader<V>(db: CountingStore, query: Keyed, values: (ids: readonly string[], rows: Row[]) => V[]) {
  const loader = new DataLoader<string, V>(async (ids) => values(ids, await db.readKeys(query, ids)), db.loaderOptions);
  return { loader, ahead: keyedAhead(loader, query.from, values) };
}

const isHolder = (label: string): label is Holder => (HOLDERS as readonly string[]).includes(label);

/** Loaders for the related lists, each one query per batch of keys (per holder label for achievements). */
export class Related {
  readonly achievementsOf: DataLoader<string, EntityRecord[]>;
  readonly organizationsIn: DataLoader<string, EntityRecord[]>;
  readonly ancestors: DataLoader<string, EntityRecord[]>;
  readonly tree: DataLoader<string, TreeEntryRecord[]>;
  readonly organizationsInAhead: Ahead;
  readonly ancestorsAhead: Ahead;
  readonly treeAhead: Ahead;

  private readonly queries: ReturnType<typeof relatedQueries>;
  private readonly achievementsOfRows: (ids: readonly string[], rows: Row[]) => EntityRecord[][];

  constructor(db: CountingStore, projection: Projection) {
    const queries = (this.queries = projection.spelled('related', () => relatedQueries(projection)));
    const entities = (label: NodeLabel, order: (a: EntityRecord, b: EntityRecord) => number) => (ids: readonly string[], rows: Row[]) =>
      groupBy(ids, rows, 'key', (row) => projection.toEntity(row, label)).map((list) => list.sort(order));
    const achievementsOf = (this.achievementsOfRows = entities('Achievement', byName));
    this.achievementsOf = new DataLoader(async (ids) => {
      const groups = new Map<Holder, string[]>();
      for (const id of ids) {
        const label = labelOfId(id);
        if (label && isHolder(label)) groups.set(label, [...(groups.get(label) ?? []), id]);
      }
      const rows = (await Promise.all([...groups].map(([label, some]) => db.readKeys(queries.achievementsOf[label], some)))).flat();
      return achievementsOf(ids, rows);
    }, db.loaderOptions);
    const organizationsIn = keyedLoader(db, queries.organizationsIn, entities('Organization', byName));
    const ancestors = keyedLoader(db, queries.ancestors, entities('Place', byLevel));
    const tree = keyedLoader(db, queries.tree, (ids, rows) =>
      groupBy(ids, rows, 'key', (row) => ({ id: text(row.id), parent: text(row.parent) })).map((edges, i) => walkTree(ids[i]!, edges)),
    );
    this.organizationsIn = organizationsIn.loader;
    this.organizationsInAhead = organizationsIn.ahead;
    this.ancestors = ancestors.loader;
    this.ancestorsAhead = ancestors.ahead;
    this.tree = tree.loader;
    this.treeAhead = tree.ahead;
  }

  /** The achievements of nodes of a label read ahead (none for a label that holds none). */
  achievementsAhead(label: NodeLabel): Ahead | undefined {
    return isHolder(label)
      ? keyedAhead(this.achievementsOf, this.queries.achievementsOf[label].from, this.achievementsOfRows, ACHIEVEMENTS_REACH)
      : undefined;
  }
}

/** Breadth-first from the root over child → parent edges: each descendant at its smallest depth. */
function walkTree(root: string, edges: Array<{ id: string; parent: string }>): TreeEntryRecord[] {
  const children = new Map<string, string[]>();
  for (const { id, parent } of edges) children.set(parent, [...(children.get(parent) ?? []), id]);
  const seen = new Set([root]);
  const entries: TreeEntryRecord[] = [];
  let frontier = [root];
  for (let depth = 1; frontier.length; depth++) {
    const next: string[] = [];
    for (const parentId of frontier) {
      for (const id of (children.get(parentId) ?? []).sort()) {
        if (seen.has(id)) continue;
        seen.add(id);
        entries.push({ id, depth, parentId });
        next.push(id);
      }
    }
    frontier = next;
  }
  return entries;
}
