/**
 * jieba's segmentation of a sentence, with parts of speech and character offsets, and the character
 * classes every rule reads text by.
 */
import { tag } from 'jieba-wasm';

export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

export const HAN = /\p{Script=Han}/u;
export const PUNCT = /^[\s，,、。；;：:！!？?（）()“”"‘’《》【】\[\]<>·…—\-|/%‰]+$/u;
/** Names relative to the report's home place (市卫健委, 我县…). */
export const RELATIVE = /^(省|市|县|区|州|旗|镇|我省|我市|我县|我区|我州|全省|全市|全县|本市)/;
/** A masked name or figure (xx市, x个). */
export const MASK = /xx|(?<![A-Za-z])x(?![A-Za-z])/i;
/** Parts of speech that end a name walking left: prepositions, conjunctions, particles, adverbs, pronouns, measures. */
export const STOP_TAGS = /^(p|c|u|uj|ul|uz|ud|ug|uv|d|ad|r|q|y|e|o|w)$/;

let cache = new Map<string, Token[]>();
/** jieba's words of a sentence, with their parts of speech and character offsets (each pass reads a sentence again: cached). */
export function tokens(text: string): Token[] {
  const known = cache.get(text);
  if (known) return known;
  let at = 0;
  const list = tag(text, true).map(({ word, tag: t }) => {
    const token = { word, tag: t, start: at, end: at + word.length };
    at += word.length;
    return token;
  });
  if (cache.size > 5000) cache = new Map();
  cache.set(text, list);
  return list;
}
