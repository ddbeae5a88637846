/**
 * English names as people type them: the words that matter, in any order. Case, accents, punctuation,
 * the possessive `'s`, plurals and the small words (the, of, and …) are folded away, so `People's
 * Hospital of Shouyang County`, `Shouyang County Peoples Hospital` and `shouyang county people hospital`
 * are the same words.
 */
const STOP_WORDS = new Set(['the', 'of', 'and', 'for', 'in', 'at', 'on', 'a', 'an', 'to', 'with', 'de']);
/** Spellings and abbreviations folded to one word. */
const SAME_WORD: Readonly<Record<string, string>> = {
  centre: 'center',
  hosp: 'hospital',
  univ: 'university',
  med: 'medical',
  dept: 'department',
  natl: 'national',
  intl: 'international',
  prov: 'province',
  govt: 'government',
};
/** The suffix a masked entity's English name carries: its article. */
const ARTICLE_SUFFIX = /\s*\(article [\d-]+\)\s*$/i;

/** One word folded: `hospitals` → `hospital`, `centre` → `center` (words of three letters or fewer stay). */
function fold(word: string): string {
  const same = SAME_WORD[word] ?? word;
  return same.length > 3 && same.endsWith('s') && !same.endsWith('ss') ? same.slice(0, -1) : same;
}

/** The words of an English text, folded, small words dropped, in their order. */
export function englishWords(text: string): string[] {
  const plain = text
    .replace(ARTICLE_SUFFIX, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b|s'(?=\s|$)/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  return plain
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w))
    .map(fold);
}

/** Whether a query is English (or pinyin): Latin letters and no Chinese characters. */
export const isEnglishQuery = (query: string): boolean => /\p{Script=Latin}/u.test(query) && !/\p{Script=Han}/u.test(query);
