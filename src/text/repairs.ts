/**
 * The text repairs a report can need, as its manifest entry (`curation/reports.json`) names them:
 * Traditional → Simplified, glued pinyin dropped, a spinner's words restored. Masks (`x`, `xx`) and
 * lost characters (`?`) are kept as they are: they are facts about the text, not damage to undo.
 */
import type { TextRepairs } from '../model/manifest.js';
import { GLUED_PINYIN, toSimplified } from './normalize.js';
import { SPUN_WORDS, spunRestorer } from './spun-words.js';

/** The spun-word tables a manifest can name (`"spunWords": "spinner"`): src/text/spun-words.ts. */
export const SPUN_TABLES: Readonly<Record<string, Readonly<Record<string, string>>>> = { spinner: SPUN_WORDS };

/** The table of a `spunWords` repair: a named table, or the manifest's own (spun word → original). */
export function spunTableOf(spec: TextRepairs['spunWords']): Readonly<Record<string, string>> | undefined {
  if (spec === undefined) return undefined;
  return typeof spec === 'string' ? SPUN_TABLES[spec] : spec;
}

/** A report's repairs as functions: the display form (lines kept) and the comparable form quotes are checked in. */
export interface Repairer {
  /** NFKC, pinyin dropped, Simplified, spun words restored; line breaks and spaces kept. */
  display(text: string): string;
  /** The form quotes are compared in: the display form with all white space removed (spun words restored across lines too). */
  comparable(text: string): string;
}

/** The repairer of a manifest entry's `repairs`. */
export function repairerOf(repairs: TextRepairs = {}): Repairer {
  const restore = spunTableOf(repairs.spunWords);
  const restoreSpun = restore ? spunRestorer(restore) : undefined;
  const base = (text: string) => {
    let out = text.normalize('NFKC');
    if (repairs.pinyin) out = out.replace(GLUED_PINYIN, '');
    if (repairs.traditional) out = toSimplified(out);
    return out;
  };
  const flat = (text: string) => base(text).replace(/\s+/g, '');
  return {
    display: (text) => (restoreSpun ? restoreSpun(base(text)) : base(text)),
    // Spun words are restored after white space is gone, so a word broken over two lines is restored too.
    comparable: (text) => (restoreSpun ? flat(restoreSpun(flat(text))) : flat(text)),
  };
}
