/**
 * The report manifest's types (`curation/reports.json`): every report the graph is built from, with
 * its text file, metadata, articles and the repairs its text needs. The curation compiler, the quote
 * check, the draft extractor and the tests read reports from it; nothing else names a report.
 */

/** What a report's text needs before facts can be read from it or quotes checked against it. */
export interface TextRepairs {
  /** Traditional characters are turned Simplified (OpenCC, Traditional → mainland Simplified). */
  traditional?: boolean;
  /** Pinyin glued after characters (`網(wǎng)站`) is dropped. */
  pinyin?: boolean;
  /** A synonym spinner's words are restored: the name of a table (`spinner`: src/text/spun-words.ts), or a table of its own (spun word → original). */
  spunWords?: string | Record<string, string>;
  /** Names and digits are masked as `x` / `xx`: kept masked, never guessed. */
  masks?: boolean;
  /** The character that stands for a character or digit lost in transmission (`?`): kept unknown. */
  lost?: string;
}

/** What a report and an article share: where facts are stated, and what the Report node shows. */
export interface SourceEntry {
  /** The source facts name (`002`, an article `001-03`); the Report node's id is `report:` + source. */
  source: string;
  title: string;
  /** The title in English (official where the publisher gives one). */
  titleEn?: string;
  publisher?: string;
  publisherEn?: string;
  /** `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`). */
  date?: string;
  /** The place the report speaks for, a Place id declared in curation (`place:寿阳县`): the Report is LOCATED_IN it. */
  place?: string;
  /** The years the report covers (`2022`, `2016-2020`): the period of its achievements whose sentence states none. */
  period?: string;
  /** How the period was read (a year's work summary, a five-year review …). */
  periodNote?: string;
}

/** An article of a compilation: it runs from its first line to the line before the next article's. */
export interface ArticleEntry extends SourceEntry {
  /** Its first line in the report's text file (1-based). */
  firstLine: number;
}

/** One report: its text file (in the reports folder), metadata, repairs and articles. */
export interface ReportEntry extends SourceEntry {
  /** The text file, relative to the reports folder (or absolute). */
  file: string;
  repairs: TextRepairs;
  /** A compilation's articles; facts of a compilation name an article as their source, never the compilation. */
  articles: ArticleEntry[];
}

export interface ReportManifest {
  /** The folder of the report texts, relative to the manifest's folder; `REPORTS_DIR` overrides it; `../shared/reports` beside the project by default. */
  reportsDir?: string;
  reports: ReportEntry[];
}
