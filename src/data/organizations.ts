import DataLoader from 'dataloader';
import type { CountingStore } from './counting.js';
import { returnFields } from './fields.js';
import type { Page, PageRequest } from './paging.js';

/** An organization as the data-access layer returns it. */
export interface OrganizationRecord {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
}

const FIELDS = ['id', 'name', 'kind', 'aliases'] as const;
const RETURN_ORG = returnFields('o', FIELDS);
const RELATED = (pattern: string) => `UNWIND $keys AS key ${pattern} RETURN DISTINCT key, ${RETURN_ORG} ORDER BY key, name`;
const KIND_FILTER = 'WHERE $kind IS NULL OR o.kind = $kind';

/** Every query of this module, so the lint test can check them against Neo4j. */
export const ORGANIZATION_QUERIES = {
  byIds: `UNWIND $ids AS id MATCH (o:Organization {id: id}) RETURN ${RETURN_ORG}`,
  parents: RELATED('MATCH (c:Organization {id: key})-[:PART_OF]->(o:Organization)'),
  children: RELATED('MATCH (c:Organization {id: key})<-[:PART_OF]-(o:Organization)'),
  page: `MATCH (o:Organization) ${KIND_FILTER} RETURN ${RETURN_ORG} ORDER BY name, id SKIP $offset LIMIT $limit`,
  count: `MATCH (o:Organization) ${KIND_FILTER} RETURN count(o) AS total`,
} as const;

function toRecord(row: Record<string, unknown>): OrganizationRecord {
  return { id: String(row.id), name: String(row.name), kind: String(row.kind), aliases: (row.aliases as string[] | null) ?? [] };
}

/** Organizations by id, a page of them, and their parents and children, batched per request. */
export class Organizations {
  readonly byId: DataLoader<string, OrganizationRecord | null>;
  readonly parents: DataLoader<string, OrganizationRecord[]>;
  readonly children: DataLoader<string, OrganizationRecord[]>;

  constructor(private readonly db: CountingStore) {
    this.byId = new DataLoader(async (ids) => {
      const rows = await db.read(ORGANIZATION_QUERIES.byIds, { ids: [...ids] });
      const found = new Map(rows.map((r) => [String(r.id), toRecord(r)]));
      return ids.map((id) => found.get(id) ?? null);
    });
    this.parents = new DataLoader((ids) => this.related(ids, ORGANIZATION_QUERIES.parents));
    this.children = new DataLoader((ids) => this.related(ids, ORGANIZATION_QUERIES.children));
  }

  /** For each key, the organizations a `RELATED` query reaches from it, by name. */
  private async related(keys: readonly string[], query: string): Promise<OrganizationRecord[][]> {
    const rows = await this.db.read(query, { keys: [...keys] });
    const byKey = new Map<string, OrganizationRecord[]>();
    for (const row of rows) {
      const list = byKey.get(String(row.key)) ?? [];
      list.push(toRecord(row));
      byKey.set(String(row.key), list);
    }
    return keys.map((k) => byKey.get(k) ?? []);
  }

  /** A page of organizations ordered by name, optionally of one kind. */
  async page(request: PageRequest, filter: { kind?: string | null }): Promise<Page<OrganizationRecord>> {
    const kind = filter.kind ?? null;
    const [rows, counts] = await Promise.all([
      this.db.read(ORGANIZATION_QUERIES.page, { kind, offset: request.offset, limit: request.limit }),
      this.db.read(ORGANIZATION_QUERIES.count, { kind }),
    ]);
    return { items: rows.map(toRecord), offset: request.offset, total: Number(counts[0]?.total ?? 0) };
  }
}
