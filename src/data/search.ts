import type { Dialect } from '../graph/dialect.js';
import type { Row } from '../graph/store.js';
import type { NodeLabel } from '../model/graph.js';
import { labelOfId } from '../model/graph.js';
import { SearchKeys, isLatin, latinKey, pinyinKeys } from '../text/search-keys.js';
import type { CountingStore } from './counting.js';
import type { Entities } from './entities.js';
import type { EntityRecord } from './records.js';
import type { GraphShared } from './shared.js';
import { text } from '../graph/values.js';

/** What the search index is built from: every entity's names and texts, and every evidence quote. */
export function searchQueries(dialect: Dialect) {
  return {
    texts: `MATCH (n) RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.searchText AS text, ${dialect.nodeLabel('n')} AS label`,
    mentions: 'MATCH (n)-[m:MENTIONED_IN]->(r:Report) RETURN n.id AS id, r.id AS report, m.quote AS quote',
    articles: 'MATCH (a:Report)-[:PART_OF]->(r:Report) RETURN a.id AS article, r.id AS report',
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

/** A field of an entry, with the keys it is matched by. */
interface IndexedField {
  field: MatchField;
  text: string;
  key: string;
  /** An alias several entities share (集团, 市委): it counts only within a report filter, else weakly. */
  generic: boolean;
}

interface Entry {
  id: string;
  label: NodeLabel;
  fields: IndexedField[];
  /** Pinyin of the name and aliases: full and initials. */
  latin: string[];
  /** The reports (and their compilations) that mention it. */
  reports: Set<string>;
}

const WEIGHT: Record<MatchField, number> = { NAME: 100, ALIAS: 90, TEXT: 60, EVIDENCE: 30 };
/** What a generic alias weighs outside its report: below any other kind of match. */
const GENERIC_WEIGHT = 20;

/** Every run of two characters of a key: what the index looks candidates up by. */
function grams(key: string): string[] {
  const chars = [...key];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i]! + c);
}

/**
 * The search index of one graph version: an n-gram index over every entity's name, aliases and text
 * and every evidence quote, and the pinyin of names and aliases. Built from the store once per
 * version; the entities a search returns are read from the store.
 */
export class SearchIndex {
  private readonly entries: Entry[] = [];
  private readonly postings = new Map<string, Set<number>>();
  readonly keys: SearchKeys;

  constructor(rows: { texts: Row[]; mentions: Row[]; articles: Row[] }) {
    this.keys = new SearchKeys(rows.texts.filter((r) => r.label === 'Place').map((r) => text(r.name)));
    const parents = new Map(rows.articles.map((r) => [text(r.article), text(r.report)]));
    const quotes = new Map<string, Array<{ report: string; quote: string }>>();
    for (const m of rows.mentions) quotes.set(text(m.id), [...(quotes.get(text(m.id)) ?? []), { report: text(m.report), quote: text(m.quote) }]);
    const aliasOwners = new Map<string, number>();
    for (const row of rows.texts) for (const alias of (row.aliases as string[] | null) ?? []) aliasOwners.set(this.keys.key(alias), (aliasOwners.get(this.keys.key(alias)) ?? 0) + 1);

    for (const row of rows.texts) {
      const id = text(row.id);
      const label = labelOfId(id);
      if (!label) continue;
      const mentions = quotes.get(id) ?? [];
      const names = [text(row.name), ...((row.aliases as string[] | null) ?? [])];
      const fields: IndexedField[] = names.map((text, i) => {
        const key = this.keys.key(text);
        return { field: i === 0 ? 'NAME' : 'ALIAS', text, key, generic: i > 0 && ((aliasOwners.get(key) ?? 0) > 1 || [...key].length <= 2) };
      });
      // The stored search text holds the statement or title besides the names; keep its other lines.
      for (const line of text(row.text ?? '').split('\n')) {
        if (line && !names.some((n) => this.keys.key(n) === this.keys.key(line))) fields.push({ field: 'TEXT', text: line, key: this.keys.key(line), generic: false });
      }
      for (const { quote } of mentions) fields.push({ field: 'EVIDENCE', text: quote, key: this.keys.key(quote), generic: false });
      const reports = new Set(mentions.flatMap(({ report }) => [report, parents.get(report) ?? report]));
      const latin = names.flatMap((n) => Object.values(pinyinKeys(n))).filter(Boolean);
      const index = this.entries.push({ id, label, fields, latin, reports }) - 1;
      for (const key of [...fields.map((f) => f.key), ...latin]) {
        for (const gram of grams(key)) {
          let posting = this.postings.get(gram);
          if (!posting) this.postings.set(gram, (posting = new Set()));
          posting.add(index);
        }
      }
    }
  }

  /** The entries holding every gram of a key: those that can contain it. */
  private candidates(key: string): number[] {
    const lists = grams(key).map((g) => this.postings.get(g));
    if (!lists.length || lists.some((l) => !l)) return [];
    const [smallest, ...rest] = (lists as Array<Set<number>>).sort((a, b) => a.size - b.size);
    return [...smallest!].filter((i) => rest.every((l) => l.has(i)));
  }

  /** Ranked hits (ids, scores, what matched) for a query, within labels and a report when given. */
  search(query: string, labels: readonly NodeLabel[], report: string | undefined, first: number): Array<Omit<SearchHit, 'entity'> & { id: string }> {
    const allowed = new Set(labels);
    const best = new Map<number, { score: number; field: MatchField; text: string }>();
    const offer = (index: number, score: number, field: MatchField, text: string) => {
      const current = best.get(index);
      if (score > 0 && (!current || score > current.score)) best.set(index, { score, field, text });
    };
    const inScope = (entry: Entry) => allowed.has(entry.label) && (!report || entry.reports.has(report));
    if (isLatin(query)) {
      const q = latinKey(query);
      for (const index of this.candidates(q)) {
        const entry = this.entries[index]!;
        if (!inScope(entry)) continue;
        for (const form of entry.latin) offer(index, scoreField(q, form, WEIGHT.ALIAS), 'NAME', entry.fields[0]!.text);
      }
    }
    for (const q of this.keys.queryKeys(query)) {
      for (const index of this.candidates(q)) {
        const entry = this.entries[index]!;
        if (!inScope(entry)) continue;
        for (const f of entry.fields) {
          const weight = f.generic && !report ? GENERIC_WEIGHT : WEIGHT[f.field];
          offer(index, scoreField(q, f.key, weight), f.field, f.text);
        }
      }
    }
    // Ties are broken by id in code-point order: cheap where a large graph has thousands of equal scores.
    const nameLength = (index: number) => this.entries[index]!.fields[0]!.text.length;
    const byId = (a: number, b: number) => (this.entries[a]!.id < this.entries[b]!.id ? -1 : this.entries[a]!.id > this.entries[b]!.id ? 1 : 0);
    return topK(best, first, ([a, x], [b, y]) => y.score - x.score || nameLength(a) - nameLength(b) || byId(a, b)).map(([index, hit]) => ({
      ...hit,
      id: this.entries[index]!.id,
    }));
  }
}

/** The first `k` items in `compare` order, without sorting them all (a common word matches thousands). */
function topK<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  if (k <= 0) return top;
  for (const item of items) {
    if (top.length === k && compare(item, top[k - 1]!) >= 0) continue;
    let at = Math.min(top.length, k - 1);
    if (top.length < k) top.push(item);
    while (at > 0 && compare(item, top[at - 1]!) < 0) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = item;
  }
  return top;
}

/**
 * Scores one field: an exact match beats a prefix, beats a substring; within each, the closer the
 * lengths the better. Fields weigh NAME > ALIAS > TEXT > EVIDENCE.
 */
export function scoreField(q: string, key: string, weight: number): number {
  const at = key.indexOf(q);
  if (at < 0) return 0;
  const closeness = q.length / key.length;
  return weight * (key === q ? 1 : at === 0 ? 0.8 + 0.1 * closeness : 0.6 + 0.1 * closeness);
}

/** Ranked search over names, aliases, statements and evidence quotes, through the index of the graph's version. */
export class Search {
  private readonly queries: ReturnType<typeof searchQueries>;

  constructor(
    private readonly db: CountingStore,
    dialect: Dialect,
    private readonly shared: GraphShared,
    private readonly entities: Entities,
  ) {
    this.queries = searchQueries(dialect);
  }

  /** The index of the current graph version, built on first use. */
  index(): Promise<SearchIndex> {
    return this.shared.memo('search:index', async () => {
      const [texts, mentions, articles] = await Promise.all([this.db.read(this.queries.texts), this.db.read(this.queries.mentions), this.db.read(this.queries.articles)]);
      return new SearchIndex({ texts, mentions, articles });
    });
  }

  async search(text: string, labels: readonly NodeLabel[], first: number, report?: string): Promise<SearchHit[]> {
    const hits = (await this.index()).search(text, labels, report, first);
    const entities = await this.entities.byId.loadMany(hits.map((h) => h.id));
    return hits.flatMap(({ id: _id, ...hit }, i) => {
      const entity = entities[i];
      return entity && !(entity instanceof Error) ? [{ ...hit, entity }] : [];
    });
  }
}
