/**
 * Where a name ends and begins: walking left from a suffix (医院, 建设) over the words that can be part
 * of a name, stopping at context (verbs of doing, prepositions, counts) and stripping leading words.
 * Shared by organizations and programs.
 */
import { chinaDivisions } from './divisions.js';
import { LEADING, STOP_WORDS } from './lexicon/name-stops.js';
import { placeEndingAt } from './place-names.js';
import { PUNCT, STOP_TAGS, tokens, type Token } from './tokens.js';

/** Tags of words that can be part of a name. */
const NAME_TAGS = /^(n|ns|nt|nz|nr|nrt|nrfg|x|j|eng|b|s|f|an|ng|vn|m|v|vd|vi|vg|a|t|zg)$/;
/** Parts of speech a name does not start with (a verb, adjective or time word before it is context). */
const NOT_FIRST_TAGS = /^(v|vd|vi|vg|t)$/;

/** Where the name ending at `suffixStart` begins, walking left over name-like words. */
export function nameStart(text: string, suffixStart: number, team = false, maxLength = 20): number {
  const list = tokens(text);
  const index = list.findIndex((t) => t.start <= suffixStart && suffixStart < t.end);
  if (index < 0) return suffixStart;
  const start = walkLeft(text, list, index, { suffixStart, team, maxLength });
  return skipLeadingWords(text, skipContextWords(text, list, start, suffixStart), suffixStart);
}

/** The start of the name-like words before the suffix's word (token `index`). */
function walkLeft(text: string, list: Token[], index: number, at: { suffixStart: number; team: boolean; maxLength: number }): number {
  let start = list[index]!.start;
  const suffixWordStart = start;
  for (index -= 1; index >= 0; index--) {
    const token = list[index]!;
    if (token.word === '”' || token.word === '"') {
      // A quoted part of a name: “白大褂”青年健康宣讲团.
      const open = text.lastIndexOf('“', token.start);
      if (open < 0 || token.start - open > 12) break;
      start = open;
      index = list.findIndex((t) => t.start <= open && open < t.end);
      continue;
    }
    if (stopsName(list, index, suffixWordStart, at.team)) {
      // A word glued to a stop (为市, 在xx市): keep what follows the stop character.
      const glued = /^[为在与和及由向对从到把被将以使照抓]([\p{Script=Han}x]+)$/u.exec(token.word);
      if (glued && !PUNCT.test(token.word)) start = token.end - glued[1]!.length;
      break;
    }
    if (endsWithCount(text, list, index) || at.suffixStart - token.start > at.maxLength) break;
    // A designation before a hospital's name (国家区域医疗中心xx六院xx医院) is another name.
    if (/(区域医疗中心|医学中心)$/.test(text.slice(0, token.end)) && token.end < at.suffixStart) break;
    start = token.start;
  }
  return start;
}

/** Whether a word is context before a name: punctuation, a function word, a verb of doing, a word glued to a stop. */
function stopsName(list: Token[], index: number, suffixWordStart: number, team: boolean): boolean {
  const token = list[index]!;
  const gluedStop = token.word.length > 1 && /^[为在与和及由向对从到把被将以使照抓了]/.test(token.word) && /^(x|zg)$/.test(token.tag);
  // A verb right before the suffix word is an action on the organization, not part of its name (进入集团, 抓集团).
  // A verb inside a name sits between its words (中央赴湖北指导组), never first nor right before the suffix.
  const previous = list[index - 1];
  // A team is named by its task, a verb after a noun (危重症救治专家组, 核酸检测专班).
  const verbAtSuffix =
    /^(v|vd|vi|vg)$/.test(token.tag) &&
    ((list[index + 1]?.start === suffixWordStart && !team) ||
      !previous ||
      PUNCT.test(previous.word) ||
      !/^(n|ns|nt|nz|j|x|b|vn|m|eng)$/.test(previous.tag));
  return (
    PUNCT.test(token.word) || STOP_TAGS.test(token.tag) || STOP_WORDS.test(token.word) || !NAME_TAGS.test(token.tag) || gluedStop || verbAtSuffix
  );
}

/** Whether a word is a count (24所, xx支, 30%): a name does not go on left of it. */
function endsWithCount(text: string, list: Token[], index: number): boolean {
  const token = list[index]!;
  // A numeral with a measure word (24所) ends a name; an ordinal (第一) or a place mis-read as a numeral (三里) does not.
  if (token.tag === 'm' && /^[0-9一二三四五六七八九十百千万两几]+[个所家名位批支项次年届]$/.test(token.word)) return true;
  // A masked or written number before a measure word (xx支, 24所) ends a name too.
  if (/^([0-9]+|x+)$/i.test(token.word) && /^(多|余)?[个所家名位批支项次]/.test(text.slice(token.end))) return true;
  if (/%$/.test(token.word)) return true;
  return token.tag === 'm' && /^[0-9x]+$/i.test(token.word) && !!list[index + 1] && /^(所|家|个|名|支|项|批|大)/.test(list[index + 1]!.word);
}

/** A name starts with no verb, adjective or time word (号召寿阳县医疗集团, 健康寿阳县医疗集团). */
function skipContextWords(text: string, list: Token[], start: number, suffixStart: number): number {
  for (const token of list) {
    if (token.start < start) continue;
    const adjectiveBeforePlace = token.tag === 'a' && startsWithPlace(text.slice(token.end));
    if (token.start >= suffixStart || (!NOT_FIRST_TAGS.test(token.tag) && !adjectiveBeforePlace) || /^[型性级]/.test(text.slice(token.end))) break;
    start = token.end;
  }
  return start;
}

/** Leading words that are no part of a name (a preposition glued to it, a measure word after a count, 积极, 依托 …). */
function skipLeadingWords(text: string, start: number, suffixStart: number): number {
  while (start < suffixStart) {
    const glued =
      /^[由以在为与和及对向从把被将使照抓了获]/.test(text.slice(start, suffixStart)) ||
      (/^[支个所家名位批]/.test(text.slice(start)) && /[0-9一二三四五六七八九十两x]$/.test(text.slice(0, start)));
    if (glued && suffixStart - start > 0) {
      start += 1;
      continue;
    }
    const lead = LEADING.exec(text.slice(start, suffixStart));
    if (!lead) break;
    start += lead[0].length;
  }
  return start;
}

/** Whether a text starts with a place's name, of the list or read by its suffix (健康寿阳县…: the adjective before it is context). */
export function startsWithPlace(text: string): boolean {
  const names = chinaDivisions().byName;
  for (let length = 2; length <= 5; length++) {
    if (names.has(text.slice(0, length)) || placeEndingAt(text, length)?.start === 0) return true;
  }
  return false;
}

/** The words of a name that make it specific (all but the suffix and generic modifiers). */
export function headOf(name: string, suffix: string): string {
  return name.slice(0, name.length - suffix.length);
}

/** Whether a text is only names (the mentions given, from `at`) joined by 、, 和 or 及 (航天中心医院、航天七三一医院、). */
export function listOfNames(text: string, mentions: Array<{ start: number; end: number }>, at: number): boolean {
  const chars = [...text].map((c, i) => /[、和及]/.test(c) || mentions.some((m) => m.start <= at + i && at + i < m.end));
  return chars.every(Boolean);
}
