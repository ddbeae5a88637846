import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { comparable } from '../text/normalize.js';
import { restoreSpun } from '../text/spinner.js';

/** Where the source reports are: `REPORTS_DIR`, else `../shared/reports` beside the project. */
export function reportsDir(): string {
  return process.env.REPORTS_DIR ?? resolve(import.meta.dirname, '../../../shared/reports');
}

/** The report a source names: `001-03` is an article of report `001`. */
export function reportOfSource(source: string): string {
  return source.slice(0, 3);
}

/** Sources are `000`, `002`, `003`, `004`, or an article of 001: `001-01` … `001-13`. */
export const SOURCE_PATTERN = /^(00[0234]|001-(0[1-9]|1[0-3]))$/;

/** The comparable form of a text as the quote check sees it; report 004 also has its spun words restored. */
export function comparableIn(report: string, text: string): string {
  return report === '004' ? comparable(restoreSpun(comparable(text))) : comparable(text);
}

/** The source reports' comparable texts, keyed by report number; empty when the folder is absent. */
export function loadReportTexts(dir = reportsDir()): Map<string, string> {
  const texts = new Map<string, string>();
  if (!existsSync(dir)) return texts;
  for (const file of readdirSync(dir)) {
    const match = /^(\d{3})_.*\.txt$/.exec(file);
    if (match?.[1]) texts.set(match[1], comparableIn(match[1], readFileSync(join(dir, file), 'utf8')));
  }
  return texts;
}
