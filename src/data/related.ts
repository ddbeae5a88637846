import DataLoader from 'dataloader';
import type { CountingStore } from './counting.js';
import { ORG_TREE, PLACE_PATH } from './patterns.js';
import { groupBy, toEntity, type EntityRecord } from './records.js';

const BELOW = `-[:PART_OF${PLACE_PATH.selfAndUp}]->`;

/** Queries reaching past direct links: achievements held, organizations in a place, ancestors, trees. */
export const RELATED_QUERIES = {
  achievementsOf: "UNWIND $ids AS key MATCH (h {id: key})-[:HAS_ACHIEVEMENT]->(n:Achievement) RETURN key, n AS node, 'Achievement' AS label ORDER BY key, n.name, n.id",
  organizationsIn: `UNWIND $ids AS key MATCH (n:Organization)-[:LOCATED_IN]->(:Place)${BELOW}(:Place {id: key}) RETURN DISTINCT key, n AS node, 'Organization' AS label ORDER BY key, n.name, n.id`,
  ancestors: `UNWIND $ids AS key MATCH (:Place {id: key})-[:PART_OF${PLACE_PATH.up}]->(n:Place) RETURN DISTINCT key, n AS node, 'Place' AS label`,
  tree: `UNWIND $ids AS key MATCH (d:Organization)-[:PART_OF${ORG_TREE}]->(:Organization {id: key}) WITH DISTINCT key, d MATCH (d)-[:PART_OF]->(p:Organization) RETURN key, d.id AS id, p.id AS parent`,
} as const;

/** One organization below a root: its depth and its parent on the shortest way up. */
export interface TreeEntryRecord {
  id: string;
  depth: number;
  parentId: string;
}

const LEVEL_ORDER = ['VILLAGE', 'TOWN', 'COUNTY', 'CITY', 'PROVINCE', 'REGION', 'COUNTRY'];

/** Loaders for the related lists, each one query per batch of keys. */
export class Related {
  readonly achievementsOf: DataLoader<string, EntityRecord[]>;
  readonly organizationsIn: DataLoader<string, EntityRecord[]>;
  readonly ancestors: DataLoader<string, EntityRecord[]>;
  readonly tree: DataLoader<string, TreeEntryRecord[]>;

  constructor(db: CountingStore) {
    const entities = (query: string, order?: (a: EntityRecord, b: EntityRecord) => number) => new DataLoader<string, EntityRecord[]>(async (ids) =>
      groupBy(ids, await db.read(query, { ids: [...ids] }), 'key', toEntity).map((list) => (order ? list.sort(order) : list)), db.loaderOptions);
    this.achievementsOf = entities(RELATED_QUERIES.achievementsOf);
    this.organizationsIn = entities(RELATED_QUERIES.organizationsIn);
    this.ancestors = entities(RELATED_QUERIES.ancestors, (a, b) => LEVEL_ORDER.indexOf(String(a.level)) - LEVEL_ORDER.indexOf(String(b.level)));
    this.tree = new DataLoader(async (ids) => {
      const rows = await db.read(RELATED_QUERIES.tree, { ids: [...ids] });
      return groupBy(ids, rows, 'key', (row) => ({ id: String(row.id), parent: String(row.parent) }))
        .map((edges, i) => walkTree(ids[i]!, edges));
    }, db.loaderOptions);
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
