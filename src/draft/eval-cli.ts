/**
 * `npm run draft:eval`: drafts each report of the manifest and compares the candidates with the curated
 * files (the reviewed truth); prints a table of recall (R) and precision (P) per report.
 * `--report 002` drafts only that report; `--json` prints the scores as JSON; `--renamed` renames every
 * place below a province to a made-up name the divisions' list lacks, in the texts and curation alike.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CurationReader, curationFiles, type CuratedGraph } from '../curation/reader.js';
import { ReportCatalog } from '../curation/reports.js';
import type { ReportEntry } from '../model/manifest.js';
import { draftReport } from './draft.js';
import { scoreDraft, scoreTable, totalScore, type ReportScore } from './eval.js';
import { renameReport } from './renamed.js';

const { values } = parseArgs({
  options: {
    report: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
    renamed: { type: 'boolean', default: false },
  },
});
const catalog = ReportCatalog.read();
const files = curationFiles(join(resolve(import.meta.dirname, '../..'), 'curation'));
const reader = new CurationReader(new Map(), catalog);
for (const file of files) reader.readFile(file);
const curated = reader.finish();
const dir = values.renamed ? mkdtempSync(join(tmpdir(), 'draft-renamed-')) : undefined;

/** What one report is scored on: as it is, or renamed. */
function subject(entry: ReportEntry, raw: string): { text: string; entry: ReportEntry; catalog: ReportCatalog; curated: CuratedGraph } {
  return dir ? renameReport(catalog, entry, files, dir) : { text: raw, entry, catalog, curated };
}

const scores: ReportScore[] = [];
for (const original of catalog.reports) {
  if (values.report && !values.report.includes(original.source)) continue;
  const raw = catalog.rawText(original);
  if (raw === undefined) {
    console.error(`no text for report ${original.source} at ${catalog.textPath(original)}: skipped`);
    continue;
  }
  const { text: input, entry, catalog: cat, curated: truth } = subject(original, raw);
  const text = cat.comparable(entry.source, input);
  const hasQuote = (quote: string) => text.includes(cat.comparable(entry.source, quote));
  const started = Date.now();
  const draft = draftReport(input, {
    source: entry.source,
    repairs: entry.repairs,
    articles: entry.articles,
    place: entry.place,
    publisher: entry.publisher,
    hasQuote,
  });
  const score = scoreDraft(cat, entry.source, draft, truth, Date.now() - started);
  const quotes = [...draft.entities.flatMap((e) => e.evidence), ...draft.relations.map((r) => r.evidence)];
  score.badQuotes = quotes.filter((e) => !hasQuote(e.quote) || [...e.quote].length > 60).length;
  scores.push(score);
}
if (dir) rmSync(dir, { recursive: true, force: true });
if (values.json) console.log(JSON.stringify({ reports: scores, total: totalScore(scores) }, null, 2));
else {
  console.log(scoreTable(scores));
  const bad = totalScore(scores).badQuotes;
  console.log(`\n${bad} draft quote(s) the compiler's check would refuse.`);
}
