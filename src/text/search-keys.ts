import { pinyin } from 'pinyin-pro';
import { comparable } from './normalize.js';
import { restoreSpun } from './spun-words.js';

/**
 * Long and short forms analysts use interchangeably, each folded to its short form in search keys so
 * either finds the other: 中共济南市委员会 and 中国共产党济南市委员会 share one key. Longer forms first.
 */
const SHORT_FORMS: ReadonlyArray<readonly [string, string]> = [
  ['中国共产党', '中共'],
  ['卫生健康委员会', '卫健委'],
  ['卫生健康委', '卫健委'],
  ['卫生和计划生育委员会', '卫计委'],
  ['卫生健康局', '卫健局'],
  ['疾病预防控制中心', '疾控中心'],
  ['人民政府', '政府'],
  ['委员会', '委'],
];

/** The suffix a masked entity's display name carries: its article (`（001-03）`, `(001-03)` once width-folded). */
const ARTICLE_SUFFIX = /[（(]\d{3}(-\d{2})?[）)]$/;

/** Search keys: folding that depends on the graph's places (济南市 → 济南), known once the index is built. */
export class SearchKeys {
  private readonly placeSuffix: RegExp | undefined;

  /** `places`: the names of the graph's places, so that 济南市卫健委 and 济南卫健委 fold alike. */
  constructor(places: readonly string[]) {
    const names = places.map((p) => comparable(p));
    // A place named with its parent (济南市章丘区) folds as its parts do: its own part is a base (章丘).
    const own = (name: string) => names.find((parent) => parent !== name && name.startsWith(parent) && /[省市]$/.test(parent))?.length ?? 0;
    const bases = [
      ...new Set(
        names
          .map((p) => p.slice(own(p)))
          .filter((p) => /^\p{Script=Han}{2,}[省市县区]$/u.test(p))
          .map((p) => p.slice(0, -1)),
      ),
    ];
    // Longer bases first, so 市中区 is not read as 市中 + 区 before 市中区 itself is considered.
    bases.sort((a, b) => b.length - a.length);
    this.placeSuffix = bases.length ? new RegExp(`(${bases.map(escape).join('|')})[省市县区]`, 'gu') : undefined;
  }

  /** The key a text is matched by: normalized (Traditional, width, spaces), lower case, short forms, place suffixes dropped. */
  key(text: string): string {
    let key = comparable(text).replace(ARTICLE_SUFFIX, '').toLowerCase();
    for (const [long, short] of SHORT_FORMS) key = key.replaceAll(long, short);
    return this.placeSuffix ? key.replace(this.placeSuffix, '$1') : key;
  }

  /**
   * The keys a query is looked up by: its own, and the one with report 004's spun words restored, for
   * text pasted from that report (济南市卫生矫健委 finds 济南市卫生健康委员会).
   */
  queryKeys(query: string): string[] {
    return [...new Set([this.key(query), this.key(restoreSpun(comparable(query)))])].filter(Boolean);
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a query is written in Latin letters: read as pinyin. */
export const isLatin = (query: string): boolean => /^[a-z\s']+$/i.test(query.trim());

/** The pinyin forms a name is found by without a Chinese keyboard: full (shouyangxian) and initials (syx). */
export function pinyinKeys(text: string): { full: string; initials: string } {
  const syllables = pinyin(comparable(text).replace(ARTICLE_SUFFIX, ''), { toneType: 'none', type: 'array', nonZh: 'removed' });
  return {
    full: syllables.join('').toLowerCase(),
    initials: syllables
      .map((s) => s[0] ?? '')
      .join('')
      .toLowerCase(),
  };
}

/** The pinyin key of a Latin query: letters only, lower case. */
export const latinKey = (query: string): string => query.toLowerCase().replace(/[^a-z]/g, '');
