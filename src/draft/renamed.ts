/**
 * A report with its places renamed, to measure the draft on names it cannot know: every city, county,
 * district, town and village its curation names below a province is given a made-up name the divisions'
 * list lacks (寿阳县 → 泉峪县, 寿阳 → 泉峪), in the text and the curation alike. `npm run draft:eval --
 * --renamed` scores the five reports so.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CurationReader, type CuratedGraph } from '../curation/reader.js';
import { ReportCatalog, parseManifest } from '../curation/reports.js';
import type { ReportEntry } from '../model/manifest.js';
import { chinaDivisions } from './divisions.js';

const SUFFIX = /^(.{2,}?)(自治县|街道|社区|新区|市|县|区|镇|乡|村|旗)$/;
/** Characters made-up names are built of (two each), as place names often are. */
const CHARACTERS = [...'宁川青禾石门杨柳南河安泉兴丰岭桥溪源峰林湾坪垣沃岚枫棠澜渠陂堰畈埠塬峪'];

interface CuratedPlace {
  type: string;
  name: string;
  level?: string;
  masked?: boolean;
  aliases?: string[];
}

/** Made-up two-character stems no division's name holds and the text does not use, in a fixed order. */
function* madeUpStems(text: string): Generator<string> {
  const names = [...chinaDivisions().byName.keys()];
  const pairs = CHARACTERS.flatMap((a) => CHARACTERS.filter((b) => b !== a).map((b) => `${a}${b}`));
  for (let i = 0; i < pairs.length; i++) {
    const stem = pairs[(i * 37) % pairs.length]!;
    if (!names.some((n) => n.includes(stem)) && !text.includes(stem)) yield stem;
  }
}

/**
 * The renames of a report: the own part of each place its curation files name below a province (平头镇 of
 * 寿阳县平头镇), by its stem, longer stems first; masked places keep their masks (their towns are renamed).
 */
export function placeRenames(text: string, curationDocs: string[]): Array<[string, string]> {
  const stems = madeUpStems(text);
  const renames: Array<[string, string]> = [];
  for (const doc of curationDocs) {
    for (const e of (JSON.parse(doc) as { entities: CuratedPlace[] }).entities) {
      if (e.type !== 'Place' || !['CITY', 'COUNTY', 'TOWN', 'VILLAGE'].includes(e.level ?? '') || (e.masked && !/镇|社区|村/.test(e.name))) continue;
      const own = (e.aliases ?? []).find((a) => SUFFIX.test(a) && e.name.endsWith(a)) ?? e.name;
      const m = SUFFIX.exec(own.replace(/^.*(?:市|县)(?=.{2,}(?:区|镇|乡|街道|村|社区)$)/, ''));
      if (!m || /x/.test(m[1]!) || !text.includes(m[0]) || renames.some(([from]) => from === m[1])) continue;
      const stem = stems.next();
      if (!stem.done) renames.push([m[1]!, stem.value]);
    }
  }
  return renames.sort((a, b) => b[0].length - a[0].length);
}

/** A text with the renames made. */
export function renamed(text: string, renames: Array<[string, string]>): string {
  return renames.reduce((t, [from, to]) => t.replaceAll(from, to), text);
}

/** A report renamed: its text (repairs applied, so renames reach Traditional text too), manifest entry and curated graph. */
export interface RenamedReport {
  text: string;
  entry: ReportEntry;
  catalog: ReportCatalog;
  curated: CuratedGraph;
}

/** Renames a report and the curation files that state its facts, writing them to `dir` for the curation reader. */
export function renameReport(catalog: ReportCatalog, entry: ReportEntry, curationPaths: string[], dir: string): RenamedReport {
  const raw = catalog.rawText(entry) ?? '';
  const display = raw
    .split('\n')
    .map((line) => catalog.display(entry.source, line))
    .join('\n');
  const docs = curationPaths.map((path) => readFileSync(path, 'utf8')).filter((doc) => statesFactsOf(catalog, entry.source, doc));
  const renames = placeRenames(display, docs);
  const text = renamed(display, renames);
  const file = join(dir, `${entry.source}.txt`);
  writeFileSync(file, text);
  // The text is repaired already: only masks and lost characters remain to read as such.
  const repairs = { ...(entry.repairs.masks ? { masks: true } : {}), ...(entry.repairs.lost ? { lost: entry.repairs.lost } : {}) };
  const { manifest } = parseManifest(
    { reports: [{ ...(JSON.parse(renamed(JSON.stringify(entry), renames)) as ReportEntry), file, repairs }] },
    'reports.json',
  );
  const renamedCatalog = new ReportCatalog(manifest, dir, 'reports.json');
  const reader = new CurationReader(new Map(), renamedCatalog);
  docs.forEach((doc, i) => {
    const path = join(dir, `${entry.source}-${i}.json`);
    writeFileSync(path, renamed(doc, renames));
    reader.readFile(path);
  });
  return { text, entry: renamedCatalog.reports[0]!, catalog: renamedCatalog, curated: reader.finish() };
}

/** Whether a curation file states facts of a report (evidence from it or its articles). */
function statesFactsOf(catalog: ReportCatalog, report: string, doc: string): boolean {
  const sources = [...doc.matchAll(/"source":\s*"([^"]+)"/g)].map((m) => m[1]!);
  return sources.some((source) => catalog.reportOf(source)?.source === report);
}
