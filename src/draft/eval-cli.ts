/**
 * `npm run draft:eval`: drafts each report of the manifest and compares the candidates with the curated
 * files (the reviewed truth); prints a table of recall (R) and precision (P) per report.
 * `--report 002` drafts only that report; `--json` prints the scores as JSON.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CurationReader, curationFiles } from '../curation/reader.js';
import { ReportCatalog } from '../curation/reports.js';
import { draftReport } from './draft.js';
import { scoreDraft, scoreTable, totalScore, type ReportScore } from './eval.js';

const { values } = parseArgs({ options: { report: { type: 'string', multiple: true }, json: { type: 'boolean', default: false } } });
const catalog = ReportCatalog.read();
const reader = new CurationReader(new Map(), catalog);
for (const file of curationFiles(join(resolve(import.meta.dirname, '../..'), 'curation'))) reader.readFile(file);
const curated = reader.finish();

const scores: ReportScore[] = [];
for (const entry of catalog.reports) {
  if (values.report && !values.report.includes(entry.source)) continue;
  const raw = catalog.rawText(entry);
  if (raw === undefined) {
    console.error(`no text for report ${entry.source} at ${catalog.textPath(entry)}: skipped`);
    continue;
  }
  const text = catalog.comparable(entry.source, raw);
  const hasQuote = (quote: string) => text.includes(catalog.comparable(entry.source, quote));
  const started = Date.now();
  const draft = draftReport(raw, {
    source: entry.source,
    repairs: entry.repairs,
    articles: entry.articles,
    place: entry.place,
    publisher: entry.publisher,
    hasQuote,
  });
  const score = scoreDraft(catalog, entry.source, draft, curated, Date.now() - started);
  const quotes = [...draft.entities.flatMap((e) => e.evidence), ...draft.relations.map((r) => r.evidence)];
  score.badQuotes = quotes.filter((e) => !hasQuote(e.quote) || [...e.quote].length > 60).length;
  scores.push(score);
}
if (values.json) console.log(JSON.stringify({ reports: scores, total: totalScore(scores) }, null, 2));
else {
  console.log(scoreTable(scores));
  const bad = totalScore(scores).badQuotes;
  console.log(`\n${bad} draft quote(s) the compiler's check would refuse.`);
}
