import * as OpenCC from 'opencc-js/t2cn';

/** Traditional → Simplified (OpenCC's standard Traditional to mainland Simplified tables). */
export const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * Pinyin glued after a character in report 000: `網(wǎng)站`. Only lowercase syllables with a tone
 * mark count, so ordinary bracketed text such as `(PPP)` or `(2023)` survives.
 */
export const GLUED_PINYIN = /\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}\)/g;

/** Cleans display text: NFKC width folding, glued pinyin dropped, Traditional turned Simplified. */
export function normalizeText(text: string): string {
  return toSimplified(text.normalize('NFKC').replace(GLUED_PINYIN, ''));
}

/** The form used to compare texts: normalized, with all white space removed. */
export function comparable(text: string): string {
  return normalizeText(text).replace(/\s+/g, '');
}
