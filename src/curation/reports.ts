/**
 * The reports, as the manifest (`curation/reports.json`) lists them: which sources facts may name,
 * where each report's text is, and how its text is repaired before quotes are checked against it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ArticleEntry, ReportEntry, ReportManifest, SourceEntry, TextRepairs } from '../model/manifest.js';
import { SPUN_TABLES, repairerOf, type Repairer } from '../text/repairs.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** The project's manifest. */
export const MANIFEST_PATH = resolve(ROOT, 'curation/reports.json');
/** Where the report texts are when neither `REPORTS_DIR` nor the manifest says. */
export const DEFAULT_REPORTS_DIR = resolve(ROOT, '../shared/reports');

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const MANIFEST_FIELDS = ['reportsDir', 'reports'];
const SOURCE_FIELDS = ['source', 'title', 'titleEn', 'publisher', 'publisherEn', 'date', 'place', 'period', 'periodNote'];
const REPORT_FIELDS = [...SOURCE_FIELDS, 'file', 'repairs', 'articles'];
const ARTICLE_FIELDS = [...SOURCE_FIELDS, 'firstLine'];
const REPAIR_FIELDS = ['traditional', 'pinyin', 'spunWords', 'masks', 'lost'];
/** A report's source: letters and digits (`002`, `2024a`); an article's: its report's, a hyphen, letters and digits (`001-03`). */
const REPORT_SOURCE = /^[0-9A-Za-z]+$/;
const ARTICLE_SUFFIX = /^-[0-9A-Za-z]+$/;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** A year, or a range of years (`2016-2020`). */
export const PERIOD = /^\d{4}(-\d{4})?$/;

/** The manifest was unreadable or broken: every problem, each naming the file and the field. */
export class ManifestError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ManifestError';
  }
}

/** Checks a parsed manifest: every field known and of its type, sources unique. Problems name the file and the field. */
export function parseManifest(doc: unknown, file: string): { manifest: ReportManifest; problems: string[] } {
  const problems: string[] = [];
  const manifest: ReportManifest = { reports: [] };
  const unknownFields = (raw: Json, known: string[], where: string) => {
    for (const key of Object.keys(raw)) if (!known.includes(key)) problems.push(`${file} ${where}: unknown field "${key}"`);
  };
  if (!isObject(doc)) return { manifest, problems: [`${file}: must hold an object with reports`] };
  unknownFields(doc, MANIFEST_FIELDS, '(top level)');
  if (doc.reportsDir !== undefined) {
    if (typeof doc.reportsDir === 'string' && doc.reportsDir) manifest.reportsDir = doc.reportsDir;
    else problems.push(`${file} reportsDir: must be a folder path`);
  }
  if (!Array.isArray(doc.reports)) return { manifest, problems: [...problems, `${file} reports: must be an array`] };
  const seen = new Set<string>();

  const readSource = (raw: Json, where: string, pattern: (source: string) => boolean, shape: string): SourceEntry | undefined => {
    const { source, title, titleEn, publisher, publisherEn, date, place, period, periodNote } = raw;
    if (typeof source !== 'string' || !pattern(source)) return void problems.push(`${file} ${where}: source must be ${shape}`);
    if (seen.has(source)) problems.push(`${file} ${where}: source "${source}" is listed twice`);
    seen.add(source);
    const entry: SourceEntry = { source, title: '' };
    if (typeof title === 'string' && title.trim()) entry.title = title;
    else problems.push(`${file} ${where} (${source}): needs a title`);
    const optional = [
      ['titleEn', titleEn],
      ['publisher', publisher],
      ['publisherEn', publisherEn],
      ['date', date],
      ['place', place],
      ['period', period],
      ['periodNote', periodNote],
    ] as const;
    for (const [key, value] of optional) {
      if (value === undefined) continue;
      if (typeof value !== 'string' || !value.trim()) problems.push(`${file} ${where} (${source}): ${key} must be a non-empty string`);
      else entry[key] = value;
    }
    if (entry.date !== undefined && !DATE.test(entry.date)) problems.push(`${file} ${where} (${source}): date must be YYYY-MM-DD, YYYY-MM or YYYY`);
    if (entry.period !== undefined && !PERIOD.test(entry.period)) problems.push(`${file} ${where} (${source}): period must be YYYY or YYYY-YYYY`);
    if (entry.place !== undefined && !entry.place.startsWith('place:'))
      problems.push(`${file} ${where} (${source}): place must be a Place id (place:…)`);
    return entry;
  };

  const readRepairs = (raw: unknown, where: string): TextRepairs => {
    if (raw === undefined) return {};
    if (!isObject(raw)) return (problems.push(`${file} ${where}: repairs must be an object`), {});
    unknownFields(raw, REPAIR_FIELDS, `${where} repairs`);
    const repairs: TextRepairs = {};
    for (const key of ['traditional', 'pinyin', 'masks'] as const) {
      if (raw[key] === undefined) continue;
      if (typeof raw[key] === 'boolean') repairs[key] = raw[key];
      else problems.push(`${file} ${where} repairs: ${key} must be true or false`);
    }
    if (raw.lost !== undefined) {
      if (typeof raw.lost === 'string' && [...raw.lost].length === 1) repairs.lost = raw.lost;
      else problems.push(`${file} ${where} repairs: lost must be the one character standing for a lost one`);
    }
    const spun = raw.spunWords;
    if (spun !== undefined) {
      if (typeof spun === 'string' && spun in SPUN_TABLES) repairs.spunWords = spun;
      else if (isObject(spun) && Object.entries(spun).every(([k, v]) => k && typeof v === 'string'))
        repairs.spunWords = spun as Record<string, string>;
      else
        problems.push(
          `${file} ${where} repairs: spunWords must name a table (${Object.keys(SPUN_TABLES).join(', ')}) or be one (spun word → original)`,
        );
    }
    return repairs;
  };

  doc.reports.forEach((raw, i) => {
    const where = `reports[${i}]`;
    if (!isObject(raw)) return void problems.push(`${file} ${where}: must be an object`);
    unknownFields(raw, REPORT_FIELDS, where);
    const entry = readSource(raw, where, (s) => REPORT_SOURCE.test(s), 'letters and digits (002)');
    if (!entry) return;
    const at = `${where} (${entry.source})`;
    if (typeof raw.file !== 'string' || !raw.file.trim()) problems.push(`${file} ${at}: needs the file of its text`);
    const articles: ArticleEntry[] = [];
    if (raw.articles !== undefined && !Array.isArray(raw.articles)) problems.push(`${file} ${at}: articles must be an array`);
    const rawArticles: unknown[] = Array.isArray(raw.articles) ? raw.articles : [];
    rawArticles.forEach((a, j) => {
      const whereArticle = `${at} articles[${j}]`;
      if (!isObject(a)) return void problems.push(`${file} ${whereArticle}: must be an object`);
      unknownFields(a, ARTICLE_FIELDS, whereArticle);
      const prefix = entry.source;
      const article = readSource(a, whereArticle, (s) => s.startsWith(prefix) && ARTICLE_SUFFIX.test(s.slice(prefix.length)), `${prefix}-<n>`);
      if (!article) return;
      const line = a.firstLine;
      const before = articles.at(-1)?.firstLine ?? 0;
      if (!Number.isInteger(line) || (line as number) < 1)
        problems.push(`${file} ${whereArticle} (${article.source}): firstLine must be a line number`);
      else if ((line as number) <= before)
        problems.push(`${file} ${whereArticle} (${article.source}): firstLine must come after the previous article's`);
      articles.push({ ...article, firstLine: Number(line) });
    });
    manifest.reports.push({ ...entry, file: typeof raw.file === 'string' ? raw.file : '', repairs: readRepairs(raw.repairs, at), articles });
  });
  return { manifest, problems };
}

/** The reports of a manifest: sources, texts and repairs. */
export class ReportCatalog {
  private readonly repairers = new Map<string, Repairer>();
  private readonly reportBySource = new Map<string, ReportEntry>();

  /** `dir`: the folder of the texts (`REPORTS_DIR`, else the manifest's `reportsDir` beside the manifest, else `../shared/reports`). */
  constructor(
    readonly manifest: ReportManifest,
    readonly dir: string,
    readonly path = '(manifest)',
  ) {
    for (const report of manifest.reports) {
      this.reportBySource.set(report.source, report);
      for (const article of report.articles) this.reportBySource.set(article.source, report);
      this.repairers.set(report.source, repairerOf(report.repairs));
    }
  }

  /** Reads and checks a manifest file; throws a `ManifestError` listing every problem. */
  static read(path = MANIFEST_PATH, options: { reportsDir?: string } = {}): ReportCatalog {
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new ManifestError([`${path}: ${(error as Error).message}`]);
    }
    const { manifest, problems } = parseManifest(doc, path);
    if (problems.length) throw new ManifestError(problems);
    const dir =
      options.reportsDir || process.env.REPORTS_DIR || (manifest.reportsDir ? resolve(dirname(path), manifest.reportsDir) : DEFAULT_REPORTS_DIR);
    return new ReportCatalog(manifest, resolve(dir), path);
  }

  get reports(): readonly ReportEntry[] {
    return this.manifest.reports;
  }

  /** Every report and article, reports first (in manifest order), then articles: the order of Report nodes. */
  get sources(): SourceEntry[] {
    return [...this.reports, ...this.reports.flatMap((r) => r.articles)];
  }

  /** The sources evidence may name: each article, and each report that has no articles. */
  get evidenceSources(): string[] {
    return this.reports.flatMap((r) => (r.articles.length ? r.articles.map((a) => a.source) : [r.source]));
  }

  /** The report a source belongs to (itself, or the compilation of an article). */
  reportOf(source: string): ReportEntry | undefined {
    return this.reportBySource.get(source);
  }

  /** The comparable form of a text as the quote check sees it, with the report's repairs. */
  comparable(report: string, text: string): string {
    return (this.repairers.get(report) ?? repairerOf()).comparable(text);
  }

  /** The display form of a text (lines kept), with the report's repairs. */
  display(report: string, text: string): string {
    return (this.repairers.get(report) ?? repairerOf()).display(text);
  }

  /** The path of a report's text file. */
  textPath(report: ReportEntry): string {
    return resolve(this.dir, report.file);
  }

  /** The raw text of a report, or undefined when its file is absent. */
  rawText(report: ReportEntry): string | undefined {
    const path = this.textPath(report);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  }

  /** The comparable texts of the reports whose files are there, keyed by report source. */
  texts(): Map<string, string> {
    const texts = new Map<string, string>();
    for (const report of this.reports) {
      const raw = this.rawText(report);
      if (raw !== undefined) texts.set(report.source, this.comparable(report.source, raw));
    }
    return texts;
  }
}

let projectCatalog: ReportCatalog | undefined;
/** The project's catalog (curation/reports.json), read once. */
export function defaultCatalog(): ReportCatalog {
  return (projectCatalog ??= ReportCatalog.read());
}

/** Where the source reports are: `REPORTS_DIR`, else the manifest's folder, else `../shared/reports` beside the project. */
export function reportsDir(): string {
  return defaultCatalog().dir;
}

/** The report a source names (an article `001-03` belongs to its compilation `001`); the source itself when unknown. */
export function reportOfSource(source: string, catalog = defaultCatalog()): string {
  return catalog.reportOf(source)?.source ?? source;
}

/** The comparable form of a text as the quote check sees it, with the report's repairs (spun words restored in 004, say). */
export function comparableIn(report: string, text: string, catalog = defaultCatalog()): string {
  return catalog.comparable(report, text);
}

/** The source reports' comparable texts, keyed by report; empty when the folder is absent. */
export function loadReportTexts(dir?: string, catalog = defaultCatalog()): Map<string, string> {
  return dir === undefined ? catalog.texts() : new ReportCatalog(catalog.manifest, dir, catalog.path).texts();
}
