/**
 * `npm run draft -- <report.txt> [--source 005] [--out draft.json]`: a draft curation file for a report,
 * every item marked `draft` (confidence and rule) for review. The manifest entry of the source (or of
 * the file) gives its repairs, articles, place and publisher; a report not listed yet has its repairs
 * detected from its text.
 * `npm run draft -- --accept <draft.json> [--min-confidence 0.5] [--out curation/005.json]`: the reviewed
 * draft as a curation file (items below the confidence dropped, `draft` marks removed).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MANIFEST_PATH, ReportCatalog } from '../curation/reports.js';
import { acceptDraft, draftReport, type DraftFile } from './draft.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    source: { type: 'string' },
    manifest: { type: 'string' },
    reports: { type: 'string' },
    out: { type: 'string' },
    accept: { type: 'boolean', default: false },
    'min-confidence': { type: 'string' },
  },
});

const write = (doc: DraftFile) => {
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  if (values.out) writeFileSync(resolve(values.out), json);
  else process.stdout.write(json);
};
const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

const file =
  positionals[0] ??
  fail(
    'usage: npm run draft -- <report.txt> [--source 005] [--manifest file] [--out file] | --accept <draft.json> [--min-confidence 0.5] [--out file]',
  );
if (values.accept) {
  const minimum = values['min-confidence'] === undefined ? 0 : Number(values['min-confidence']);
  write(acceptDraft(JSON.parse(readFileSync(resolve(file), 'utf8')) as DraftFile, minimum));
} else {
  const catalog = ReportCatalog.read(values.manifest ?? MANIFEST_PATH, { reportsDir: values.reports });
  const entry = values.source
    ? catalog.reports.find((r) => r.source === values.source)
    : catalog.reports.find((r) => basename(r.file) === basename(file));
  const source = values.source ?? entry?.source ?? /^(\d+)/.exec(basename(file))?.[1] ?? fail('name the report: --source <its source>');
  if (!entry) console.error(`note: report ${source} is not in ${catalog.path}: its repairs are read from the text; add its entry before compiling`);
  const raw = readFileSync(resolve(file), 'utf8');
  const text = entry ? catalog.comparable(entry.source, raw) : '';
  const started = Date.now();
  const draft = draftReport(raw, {
    source,
    repairs: entry?.repairs,
    articles: entry?.articles,
    place: entry?.place,
    publisher: entry?.publisher,
    hasQuote: entry ? (quote) => text.includes(catalog.comparable(entry.source, quote)) : undefined,
  });
  write(draft);
  const counts = new Map<string, number>();
  for (const e of draft.entities) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  console.error(
    `draft of ${source}: ${[...counts].map(([t, n]) => `${n} ${t}`).join(', ')}, ${draft.relations.length} relationships (${Date.now() - started} ms)`,
  );
}
