import type { NodeLabel } from '../model/graph.js';
import type { Dialect } from '../graph/dialect.js';
import { comparable } from '../text/normalize.js';
import type { CountingStore } from './counting.js';
import { toEntity, type EntityRecord } from './records.js';

/** How many candidates each query reads before ranking; far above any page a client may ask for. */
const CANDIDATES = 500;

export function searchQueries(dialect: Dialect) {
  const label = dialect.nodeLabel('n');
  return {
    names: `MATCH (n) WHERE n.searchText CONTAINS $q AND ${label} IN $labels RETURN n AS node, ${label} AS label LIMIT ${CANDIDATES}`,
    evidence: `MATCH (n)-[m:MENTIONED_IN]->(:Report) WHERE m.quote CONTAINS $q AND ${label} IN $labels RETURN n AS node, ${label} AS label, m.quote AS quote LIMIT ${CANDIDATES}`,
  };
}

export type MatchField = 'NAME' | 'ALIAS' | 'TEXT' | 'EVIDENCE';

/** A search hit: the entity, how well it matched, and what matched. */
export interface SearchHit {
  entity: EntityRecord;
  score: number;
  field: MatchField;
  text: string;
}

/**
 * Scores one field: an exact match beats a prefix, beats a substring; within each, the closer the
 * lengths the better. Fields weigh NAME > ALIAS > TEXT > EVIDENCE.
 */
function score(q: string, text: string, weight: number): number {
  const t = comparable(text);
  const at = t.indexOf(q);
  if (at < 0) return 0;
  const closeness = q.length / t.length;
  return weight * (t === q ? 1 : at === 0 ? 0.8 + 0.1 * closeness : 0.6 + 0.1 * closeness);
}

const WEIGHT: Record<MatchField, number> = { NAME: 100, ALIAS: 90, TEXT: 60, EVIDENCE: 30 };

/** Ranked search over names, aliases, statements and evidence quotes. */
export class Search {
  private readonly queries: ReturnType<typeof searchQueries>;
  constructor(private readonly db: CountingStore, dialect: Dialect) {
    this.queries = searchQueries(dialect);
  }

  async search(text: string, labels: readonly NodeLabel[], first: number): Promise<SearchHit[]> {
    const q = comparable(text);
    if (!q) return [];
    const params = { q, labels: [...labels] };
    const [named, quoted] = await Promise.all([this.db.read(this.queries.names, params), this.db.read(this.queries.evidence, params)]);
    const best = new Map<string, SearchHit>();
    const offer = (hit: SearchHit) => {
      const current = best.get(hit.entity.id);
      if (hit.score > 0 && (!current || hit.score > current.score)) best.set(hit.entity.id, hit);
    };
    for (const row of named) {
      const entity = toEntity(row);
      offer({ entity, field: 'NAME', text: entity.name, score: score(q, entity.name, WEIGHT.NAME) });
      for (const alias of entity.aliases) offer({ entity, field: 'ALIAS', text: alias, score: score(q, alias, WEIGHT.ALIAS) });
      for (const key of ['statement', 'title'] as const) {
        const value = entity[key];
        if (typeof value === 'string') offer({ entity, field: 'TEXT', text: value, score: score(q, value, WEIGHT.TEXT) });
      }
    }
    for (const row of quoted) {
      const quote = String(row.quote);
      offer({ entity: toEntity(row), field: 'EVIDENCE', text: quote, score: score(q, quote, WEIGHT.EVIDENCE) });
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score || a.entity.name.length - b.entity.name.length || a.entity.id.localeCompare(b.entity.id))
      .slice(0, first);
  }
}
