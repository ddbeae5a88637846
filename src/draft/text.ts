/**
 * A report's text made ready for reading: repaired as its manifest entry says (or as its text shows,
 * for a report the manifest does not list yet), cut into articles and sentences, each sentence
 * knowing its source; and the quote check the compiler applies.
 */
import type { ReportEntry, TextRepairs } from '../model/manifest.js';
import { GLUED_PINYIN, toSimplified } from '../text/normalize.js';
import { repairerOf } from '../text/repairs.js';
import { SPUN_WORDS } from '../text/spun-words.js';

export const MAX_QUOTE = 60;

/** One sentence (or heading) of a report, in display form. */
export interface Sentence {
  source: string;
  /** 1-based line in the report file. */
  line: number;
  text: string;
  /** Index in the report's sentence list. */
  index: number;
}

export interface PreparedReport {
  source: string;
  repairs: TextRepairs;
  sentences: Sentence[];
  /** The sources facts can name, in text order (the report's, or its articles'). */
  sources: string[];
  /** Whether the compiler's check finds a quote in the report. */
  hasQuote(quote: string): boolean;
}

/**
 * The repairs a text shows it needs: Traditional characters (many change under conversion), glued
 * pinyin, a spinner's words (several of its tell-tale words), `x` masks, `?` for lost characters.
 */
export function detectRepairs(text: string): TextRepairs {
  const repairs: TextRepairs = {};
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const sample = text.slice(0, 20000);
  let changed = 0;
  const simplified = toSimplified(sample);
  for (let i = 0; i < Math.min(sample.length, simplified.length); i++) if (sample[i] !== simplified[i]) changed++;
  if (han && changed / Math.max(1, sample.match(/\p{Script=Han}/gu)?.length ?? 1) > 0.05) repairs.traditional = true;
  if ((text.match(GLUED_PINYIN)?.length ?? 0) >= 3) repairs.pinyin = true;
  const tells = ['矫健', '病院', '办事', '起色', '鼎新', '当局', '行状', '庶民', '闭于', '援救'];
  if (tells.filter((w) => text.includes(w)).length >= 4 && Object.keys(SPUN_WORDS).length) repairs.spunWords = 'spinner';
  if (/[\p{Script=Han}]xx|xx[\p{Script=Han}]/u.test(text)) repairs.masks = true;
  if (/[\p{Script=Han}\d]\?[\p{Script=Han}\d]/u.test(text)) repairs.lost = '?';
  return repairs;
}

/** Lines that are a website's navigation or boilerplate, not the report (首页 | 头条 | 时事 …). */
function isChrome(line: string): boolean {
  const bars = line.split(/[|｜>]/).length - 1;
  const words = line.trim().split(/\s+/);
  if (bars >= 2) return true;
  if (words.length >= 5 && words.filter((w) => [...w].length <= 4).length / words.length > 0.8) return true;
  return /版权|免责声明|联系电话|邮箱|Copyright|ICP/.test(line) && !/编\s*辑|记\s*者|作\s*者/.test(line);
}

/** After a sentence's end mark and any closing quote right after it (…。” stays with its sentence). */
const SENTENCE_END = /(?<=[。！？；!?;][”’」』]?)(?![”’」』])/u;

/** Splits a report into sentences (by line, then by sentence-ending punctuation), each with its source. */
export function prepareReport(
  raw: string,
  entry: Pick<ReportEntry, 'source' | 'repairs' | 'articles'>,
  hasQuote: (quote: string) => boolean,
): PreparedReport {
  const repairer = repairerOf(entry.repairs);
  const lines = raw.split(/\r?\n/);
  const sentences: Sentence[] = [];
  const articles = entry.articles;
  const sourceOfLine = (line: number) => {
    if (!articles.length) return entry.source;
    let source: string | undefined;
    for (const a of articles) if (a.firstLine <= line) source = a.source;
    return source;
  };
  lines.forEach((rawLine, i) => {
    const source = sourceOfLine(i + 1);
    if (!source) return;
    const line = repairer.display(rawLine).replace(/\s+/g, ' ').trim();
    if (!line || isChrome(line)) return;
    for (const part of line.split(SENTENCE_END)) {
      const text = part.trim();
      if (text) sentences.push({ source, line: i + 1, text, index: sentences.length });
    }
  });
  const sources = articles.length ? articles.map((a) => a.source) : [entry.source];
  return { source: entry.source, repairs: entry.repairs, sentences, sources, hasQuote };
}

const CLAUSE_BREAK = /[，,、：:（）()“”"]/u;

/**
 * A quote of at most 60 characters around `[start, end)` of a sentence that the check finds in the
 * report: the clause holding the span, widened clause by clause while it stays short, else the span
 * with a little context, else the span alone.
 */
export function quoteFor(report: PreparedReport, sentence: Sentence, start: number, end: number, target = 36): string | undefined {
  const text = sentence.text;
  const cut = (s: string) => s.replace(/^[\s，,、。；;：:]+|[\s，,、；;：:]+$/g, '');
  let left = start;
  while (left > 0 && !CLAUSE_BREAK.test(text[left - 1]!) && start - left < MAX_QUOTE) left--;
  let right = end;
  while (right < text.length && !CLAUSE_BREAK.test(text[right]!) && !/[。！？；;!?]/.test(text[right]!) && right - left < MAX_QUOTE) right++;
  const options: string[] = [];
  // Widen to the next clause while short.
  let wide = [left, right];
  for (let step = 0; step < 3 && wide[1]! - wide[0]! < target; step++) {
    let r = wide[1]! + 1;
    while (r < text.length && !CLAUSE_BREAK.test(text[r]!) && !/[。！？；;!?]/.test(text[r]!)) r++;
    if (r - wide[0]! > MAX_QUOTE || wide[1]! >= text.length) break;
    wide = [wide[0]!, r];
  }
  options.push(cut(text.slice(wide[0], wide[1])), cut(text.slice(left, right)));
  const pad = Math.max(0, Math.floor((40 - (end - start)) / 2));
  options.push(text.slice(Math.max(0, start - pad), Math.min(text.length, end + pad)).trim(), text.slice(start, end));
  for (const option of options) {
    const quote = trimToLength(option, text.slice(start, end));
    if (quote && [...quote].length <= MAX_QUOTE && report.hasQuote(quote)) return quote;
  }
  return undefined;
}

/** Cuts a quote to 60 characters keeping the span inside it. */
function trimToLength(quote: string, span: string): string | undefined {
  const chars = [...quote];
  if (chars.length <= MAX_QUOTE) return quote;
  const at = quote.indexOf(span);
  if (at < 0) return undefined;
  const spanStart = [...quote.slice(0, at)].length;
  const spanLength = [...span].length;
  if (spanLength > MAX_QUOTE) return undefined;
  const from = Math.max(0, Math.min(spanStart - Math.floor((MAX_QUOTE - spanLength) / 2), chars.length - MAX_QUOTE));
  return chars.slice(from, from + MAX_QUOTE).join('');
}
