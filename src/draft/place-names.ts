/**
 * Reading a place's name back from its suffix (…县, …镇, …街道, …村, …社区): the words before it that can be
 * a name, two to four characters, and the guards that make the suffix part of a common word instead
 * (县域, 区域, 市场, 城市, 行政村, 城乡社区, 社区卫生服务中心).
 */
import { STOP_WORDS } from './lexicon/name-stops.js';
import { GENERIC_PLACE_WORD, GENERIC_STEM, NOT_STEM_END, NOT_STEM_START, PLACE_SUFFIXES, WORD_AFTER_SUFFIX } from './lexicon/places.js';
import type { PlaceLevel } from '../generated/graphql.js';
import { PUNCT, STOP_TAGS, tokens, type Token } from './tokens.js';

/** Spans already read as places: a word inside one is no part of another place's name. */
export interface TakenSpans {
  free(start: number, end: number): boolean;
}

/** Tags of words that are, or may be, names (jieba reads unknown names as x). */
const NAME_TAGS = /^(ns|nr|nrt|nrfg|nz|x|j|nt)$/;
/** Tags of words a place's name does not hold: verbs, function words, numerals. */
const NOT_NAME_TAGS = /^(v|vd|vi|vg|vn|m|q|t|a|ad|an|l|i|b)$/;

/** A place found by its suffix: where its name starts, its stem and suffix. */
export interface WrittenPlace {
  start: number;
  end: number;
  stem: string;
  suffix: string;
  level: PlaceLevel;
  /** Whether jieba reads a word of the stem as a name (南河, 杨柳, an unknown 溪泉); a common word's (平头) needs support. */
  named: boolean;
}

/** The place whose suffix starts at `at`, if the words before it read as its name and the suffix is no part of another word. */
export function placeEndingAt(text: string, at: number, spans?: TakenSpans): WrittenPlace | undefined {
  const entry = PLACE_SUFFIXES.find(([suffix]) => text.startsWith(suffix, at));
  if (!entry) return undefined;
  const [suffix, level] = entry;
  const end = at + suffix.length;
  // A suffix that starts another word (县域, 市场), a kind of place (城市, 地区), an enumeration of levels (旗(区), 市(州)).
  if (WORD_AFTER_SUFFIX[suffix]?.test(text.slice(end)) || GENERIC_PLACE_WORD.has(text.slice(at - 1, end)) || /^[(（]/.test(text.slice(end)))
    return undefined;
  const stem = stemBefore(text, at, spans);
  if (!stem || !isStem(stem.text)) return undefined;
  return { start: stem.start, end, stem: stem.text, suffix, level, named: stem.named };
}

/** The name before a suffix at `at`: the name-like words glued to it, two to four characters. */
function stemBefore(text: string, at: number, spans?: TakenSpans): { start: number; text: string; named: boolean } | undefined {
  const list = tokens(text);
  const own = list.find((t) => t.start <= at && at < t.end);
  if (!own) return undefined;
  let start = at;
  let named = false;
  // The suffix glued to the words before it (宁川县, 安县): a name, or a common word (城市, 全县, 行政村).
  if (own.start < at) {
    if (!NAME_TAGS.test(own.tag)) return undefined;
    start = own.start;
    named = true;
  }
  for (let k = list.indexOf(own) - 1; k >= 0; k--) {
    const t = list[k]!;
    if (t.end !== start || !canPrecede(t, spans)) break;
    const length = at - t.start;
    // Another word only while the name is short: one character (杨 of 杨林县), or a name of three.
    if (at - start >= 2 && !(NAME_TAGS.test(t.tag) && length <= 3)) break;
    if (length > 4) break;
    start = t.start;
    named ||= NAME_TAGS.test(t.tag);
  }
  // A preposition or verb jieba glued to the name (获岚川市, 赴青禾县) is no part of it.
  if (at - start >= 3 && /^[获被由在为与和及向对从到把将赴经受据按于]/.test(text[start]!)) start += 1;
  return { start, text: text.slice(start, at), named };
}

/** Whether a word can be part of a place's name before its suffix: no punctuation, function word, verb or known place. */
function canPrecede(t: Token, spans?: TakenSpans): boolean {
  if (PUNCT.test(t.word) || STOP_TAGS.test(t.tag) || NOT_NAME_TAGS.test(t.tag) || STOP_WORDS.test(t.word)) return false;
  return /^\p{Script=Han}+$/u.test(t.word) && (spans?.free(t.start, t.end) ?? true);
}

/** Whether words before a suffix name a place: two to four characters, not a kind of place (城乡, 行政) nor 全, 该, 各 …. */
export function isStem(stem: string): boolean {
  const length = [...stem].length;
  if (length < 2 || length > 4 || !/^\p{Script=Han}+$/u.test(stem)) return false;
  return !GENERIC_STEM.test(stem) && !NOT_STEM_START.test(stem) && !NOT_STEM_END.test(stem);
}
