/**
 * The search index of one graph version: its entries, posting lists per gram, English words, and the
 * scoring of names, aliases, texts and quotes against a query. Built from the rows of the search
 * statements; nothing here reads the store.
 */
import type { Row } from '../graph/statement.js';
import { text } from '../graph/values.js';
import { labelOfId, type NodeLabel } from '../model/graph.js';
import { englishWords, isEnglishQuery } from '../text/english-keys.js';
import { SearchKeys, isLatin, latinKey, pinyinKeys } from '../text/search-keys.js';

export type MatchField = 'NAME' | 'ALIAS' | 'TEXT' | 'EVIDENCE';

/** A hit of the index: the entity's id, how well it matched, and what matched. */
export interface IndexHit {
  id: string;
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

/** An English name or alias, by its words (see `englishWords`). */
interface EnglishField {
  field: 'NAME' | 'ALIAS';
  text: string;
  words: ReadonlySet<string>;
  generic: boolean;
}

interface Entry {
  id: string;
  label: NodeLabel;
  fields: IndexedField[];
  english: EnglishField[];
  /** Pinyin of the name and aliases: full and initials. */
  latin: string[];
  /** The reports (and their compilations) that mention it. */
  reports: Set<string>;
}

const WEIGHT: Record<MatchField, number> = { NAME: 100, ALIAS: 90, TEXT: 60, EVIDENCE: 30 };
/** What a generic alias weighs outside its report: below any other kind of match. */
const GENERIC_WEIGHT = 20;

/**
 * Kinds of keys that weigh alike: a posting list is kept per gram and kind, so that a search can take
 * the keys that may score best first. Pinyin is matched by Latin queries only.
 */
type Kind = MatchField | 'GENERIC' | 'LATIN';
const FIELD_KINDS: readonly Kind[] = ['NAME', 'ALIAS', 'GENERIC', 'TEXT', 'EVIDENCE'];
const kindOf = (f: IndexedField): Kind => (f.generic ? 'GENERIC' : f.field);
const kindWeight = (kind: Kind, report: string | undefined) =>
  kind === 'GENERIC' ? (report ? WEIGHT.ALIAS : GENERIC_WEIGHT) : kind === 'LATIN' ? WEIGHT.ALIAS : WEIGHT[kind];

/**
 * The entries holding a gram in keys of one kind, either at the keys' start or elsewhere in them, ordered
 * by the shortest such key: for a query starting with the gram, the order of the best score each can
 * reach (see `bound`). An entry comes once per key holding the gram.
 */
interface Posting {
  kind: Kind;
  atStart: boolean;
  entries: Int32Array;
  lengths: Int32Array;
}

/** Every run of two characters of a key: what the index looks candidates up by. */
function grams(key: string): string[] {
  const chars = [...key];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i]! + c);
}

/**
 * The best score a key of `length` that may hold the query can give it at `weight` (see `scoreField`):
 * only a key starting with the query's first gram can start with the query, or be it.
 */
function bound(weight: number, queryLength: number, length: number, atStart: boolean): number {
  return weight * (length === queryLength ? 1 : (atStart ? 0.8 : 0.6) + (0.1 * queryLength) / length);
}

/**
 * The search index of one graph version: an n-gram index over every entity's name, aliases and text
 * and every evidence quote, and the pinyin of names and aliases. Built from the store once per
 * version; the entities a search returns are read from the store.
 */
export class SearchIndex {
  private readonly entries: Entry[] = [];
  private readonly postings = new Map<string, Posting[]>();
  /** The grams holding each character: a query of one character is looked up through every gram that holds it. */
  private readonly gramsOf = new Map<string, string[]>();
  /** The entries whose English names hold each word, and every such word in order (for words typed in part). */
  private readonly byWord = new Map<string, number[]>();
  private readonly words: string[];
  readonly keys: SearchKeys;

  constructor(rows: { texts: Row[]; mentions: Row[]; articles: Row[] }) {
    this.keys = new SearchKeys(rows.texts.filter((r) => r.label === 'Place').map((r) => text(r.name)));
    const parents = new Map(rows.articles.map((r) => [text(r.article), text(r.report)]));
    const quotes = new Map<string, Array<{ report: string; quote: string }>>();
    for (const m of rows.mentions) quotes.set(text(m.id), [...(quotes.get(text(m.id)) ?? []), { report: text(m.report), quote: text(m.quote) }]);
    const aliasOwners = new Map<string, number>();
    for (const row of rows.texts)
      for (const alias of (row.aliases as string[] | null) ?? [])
        aliasOwners.set(this.keys.key(alias), (aliasOwners.get(this.keys.key(alias)) ?? 0) + 1);
    const englishOwners = new Map<string, number>();
    for (const row of rows.texts) {
      for (const alias of (row.aliasesEn as string[] | null) ?? []) {
        const key = englishWords(alias).sort().join(' ');
        englishOwners.set(key, (englishOwners.get(key) ?? 0) + 1);
      }
    }

    // Per gram, kind and place in the key, pairs of entry and key length, flat, until they are sorted.
    type Pairs = Map<string, { kind: Kind; atStart: boolean; flat: number[] }>;
    const pairs = new Map<string, Pairs>();
    const post = (key: string, kind: Kind, index: number) => {
      grams(key).forEach((gram, at) => {
        let lists = pairs.get(gram);
        if (!lists) pairs.set(gram, (lists = new Map() as Pairs));
        const atStart = at === 0;
        let list = lists.get(`${kind} ${atStart}`);
        if (!list) lists.set(`${kind} ${atStart}`, (list = { kind, atStart, flat: [] }));
        list.flat.push(index, key.length);
      });
    };
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
        if (line && !names.some((n) => this.keys.key(n) === this.keys.key(line)))
          fields.push({ field: 'TEXT', text: line, key: this.keys.key(line), generic: false });
      }
      for (const { quote } of mentions) fields.push({ field: 'EVIDENCE', text: quote, key: this.keys.key(quote), generic: false });
      const reports = new Set(mentions.flatMap(({ report }) => [report, parents.get(report) ?? report]));
      const latin = names.flatMap((n) => Object.values(pinyinKeys(n))).filter(Boolean);
      const english = [row.nameEn, ...((row.aliasesEn as string[] | null) ?? [])].flatMap((value, i): EnglishField[] => {
        if (value === null || value === undefined) return [];
        const words = englishWords(text(value));
        const generic = i > 0 && (englishOwners.get([...words].sort().join(' ')) ?? 0) > 1;
        return words.length ? [{ field: i === 0 ? 'NAME' : 'ALIAS', text: text(value), words: new Set(words), generic }] : [];
      });
      const index = this.entries.push({ id, label, fields, english, latin, reports }) - 1;
      for (const f of fields) post(f.key, kindOf(f), index);
      for (const form of latin) post(form, 'LATIN', index);
      for (const word of new Set(english.flatMap((f) => [...f.words]))) {
        const holders = this.byWord.get(word);
        if (holders) holders.push(index);
        else this.byWord.set(word, [index]);
      }
    }
    this.words = [...this.byWord.keys()].sort();
    for (const [gram, lists] of pairs) {
      const postings: Posting[] = [];
      for (const { kind, atStart, flat } of lists.values()) {
        const order = Array.from({ length: flat.length / 2 }, (_, i) => i).sort((a, b) => flat[2 * a + 1]! - flat[2 * b + 1]!);
        postings.push({
          kind,
          atStart,
          entries: Int32Array.from(order, (i) => flat[2 * i]!),
          lengths: Int32Array.from(order, (i) => flat[2 * i + 1]!),
        });
      }
      this.postings.set(gram, postings);
      for (const char of new Set(gram)) {
        const holding = this.gramsOf.get(char);
        if (holding) holding.push(gram);
        else this.gramsOf.set(char, [gram]);
      }
    }
  }

  /** The entries whose English names hold every whole word of a query, and a word starting with the one being typed. */
  private englishCandidates(words: readonly string[], partial: string | undefined): Iterable<number> {
    const whole = [...new Set(partial === undefined ? words : words.slice(0, -1))];
    const lists = whole.map((w) => this.byWord.get(w) ?? []).sort((a, b) => a.length - b.length);
    if (partial !== undefined) {
      const typed = new Set<number>();
      let at = lowerBound(this.words, partial);
      for (; at < this.words.length && this.words[at]!.startsWith(partial); at++) for (const i of this.byWord.get(this.words[at]!)!) typed.add(i);
      lists.unshift([...typed]);
      lists.sort((a, b) => a.length - b.length);
    }
    if (!lists.length) return [];
    const [smallest, ...rest] = lists;
    const others = rest.map((l) => new Set(l));
    return smallest!.filter((i) => others.every((o) => o.has(i)));
  }

  /** The posting lists a query's keys are found through: its first gram's, or for one character every gram holding it. */
  private candidates(q: string): Posting[] | undefined {
    const [gram, ...rest] = grams(q);
    // Every key holding the query holds its first gram; one holding every gram of it may hold it.
    if (!gram || rest.some((g) => !this.postings.has(g))) return undefined;
    if (gram.length > 1) return this.postings.get(gram);
    return (this.gramsOf.get(gram) ?? []).flatMap((g) => this.postings.get(g)!);
  }

  /**
   * Ranked hits (ids, scores, what matched) for a query, within labels and a report when given. Keys are
   * taken in the order of the best score they can reach, and the search stops once none left can reach
   * the `first`-th hit's score: a common word held by thousands of entries costs what its best few do.
   */
  search(query: string, labels: readonly NodeLabel[], report: string | undefined, first: number): IndexHit[] {
    const allowed = new Set(labels);
    const best = new Map<number, { score: number; field: MatchField; text: string }>();
    // Ties are broken by the shorter name, then by id in code-point order.
    const nameLength = (index: number) => this.entries[index]!.fields[0]!.text.length;
    const byId = (a: number, b: number) => (this.entries[a]!.id < this.entries[b]!.id ? -1 : this.entries[a]!.id > this.entries[b]!.id ? 1 : 0);
    const before = (a: number, b: number) => best.get(b)!.score - best.get(a)!.score || nameLength(a) - nameLength(b) || byId(a, b);
    /** The best `first` entries so far, in order. */
    const top: number[] = [];
    const offer = (index: number, score: number, field: MatchField, text: string) => {
      const current = best.get(index);
      if (score <= 0 || (current && score <= current.score)) return;
      best.set(index, { score, field, text });
      const at = top.indexOf(index);
      if (at >= 0) top.splice(at, 1);
      if (top.length === first && before(index, top[first - 1]!) > 0) return;
      let to = top.length;
      while (to > 0 && before(index, top[to - 1]!) < 0) to--;
      top.splice(to, 0, index);
      if (top.length > first) top.pop();
    };
    const inScope = (entry: Entry) => allowed.has(entry.label) && (!report || entry.reports.has(report));
    /** Takes the entries of `kinds` holding `q` in the order of the best score they can reach, scoring each whole by `score`. */
    const walk = (q: string, kinds: readonly Kind[], score: (entry: Entry, index: number) => void) => {
      const postings = first > 0 ? this.candidates(q) : undefined;
      if (!postings) return;
      const lists = postings.filter((p) => kinds.includes(p.kind)).map((posting) => ({ posting, weight: kindWeight(posting.kind, report), at: 0 }));
      const seen = new Set<number>();
      for (;;) {
        let next: (typeof lists)[number] | undefined;
        let reach = 0;
        for (const list of lists) {
          // Keys shorter than the query cannot hold it, nor can one as long not starting with it; past
          // them, the bound only falls.
          const { entries, lengths, atStart } = list.posting;
          const shortest = atStart ? q.length : q.length + 1;
          while (list.at < entries.length && lengths[list.at]! < shortest) list.at++;
          const b = list.at < entries.length ? bound(list.weight, q.length, lengths[list.at]!, atStart) : 0;
          if (b > reach) [next, reach] = [list, b];
        }
        // Stop when no entry left can beat the last of a full page (an equal score may still win on its
        // name). The bound and the score round differently, so equal means within a hair.
        if (!next || (top.length === first && reach < best.get(top[first - 1]!)!.score - 1e-9)) return;
        const index = next.posting.entries[next.at++]!;
        if (seen.has(index)) continue;
        seen.add(index);
        const entry = this.entries[index]!;
        if (inScope(entry)) score(entry, index);
      }
    };
    if (isLatin(query)) {
      const q = latinKey(query);
      walk(q, ['LATIN'], (entry, index) => {
        for (const form of entry.latin) offer(index, scoreField(q, form, WEIGHT.ALIAS), 'NAME', entry.fields[0]!.text);
      });
    }
    if (isEnglishQuery(query)) {
      const words = englishWords(query);
      // The last word is still being typed unless the query ends in a space or a full stop.
      const partial = /[\p{L}\p{N}]$/u.test(query) ? words.at(-1) : undefined;
      for (const index of this.englishCandidates(words, partial)) {
        const entry = this.entries[index]!;
        if (!inScope(entry)) continue;
        for (const f of entry.english) {
          const weight = f.generic && !report ? GENERIC_WEIGHT : WEIGHT[f.field];
          offer(index, scoreWords(words, partial, f.words, weight), f.field, f.text);
        }
      }
    }
    for (const q of this.keys.queryKeys(query)) {
      walk(q, FIELD_KINDS, (entry, index) => {
        for (const f of entry.fields) offer(index, scoreField(q, f.key, kindWeight(kindOf(f), report)), f.field, f.text);
      });
    }
    return top.map((index) => ({ ...best.get(index)!, id: this.entries[index]!.id }));
  }
}

/**
 * Scores English words against a name's: every word of the query must be among the name's (the last
 * one, still being typed, may start one); the more of the name they cover, the better, and all of it
 * in any order is an exact match.
 */
export function scoreWords(query: readonly string[], partial: string | undefined, name: ReadonlySet<string>, weight: number): number {
  const whole = partial === undefined ? query : query.slice(0, -1);
  if (!whole.every((w) => name.has(w))) return 0;
  if (partial !== undefined && !name.has(partial) && ![...name].some((w) => w.startsWith(partial))) return 0;
  const covered = new Set(query).size / name.size;
  return weight * (covered >= 1 && (partial === undefined || name.has(partial)) ? 1 : 0.6 + 0.35 * Math.min(covered, 1));
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

/** The first position in a sorted list whose item is not below `item`. */
function lowerBound(sorted: readonly string[], item: string): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < item) low = middle + 1;
    else high = middle;
  }
  return low;
}
