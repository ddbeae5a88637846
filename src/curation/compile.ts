/**
 * The curation compiler as a function: reads the manifest and the curation files, checks them against
 * the report texts, and writes the seed and schema files into an output folder (`cypher/` by default).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { EXPECTED_FILE } from '../model/integrity.js';
import { CurationReader, curationFiles, type CuratedGraph } from './reader.js';
import { expectedGraph, fileSeed, kuzuSchema, neo4jSchema, reportsSeed } from './emit.js';
import { MANIFEST_PATH, ManifestError, ReportCatalog } from './reports.js';

const ROOT = resolve(import.meta.dirname, '../..');

export interface CompileOptions {
  /** The report manifest (default `curation/reports.json`). */
  manifest?: string;
  /** The folder of the report texts (default: `REPORTS_DIR`, the manifest's `reportsDir`, `../shared/reports`). */
  reportsDir?: string;
  /** The folder of the curation files (default `curation/`). */
  curationDir?: string;
  /** Only these curation files (a check of some files). */
  files?: string[];
  /** Where the `seed/` and `schema/` folders and the integrity record go (default `cypher/`). */
  outDir?: string;
  /** Check only; write nothing. */
  check?: boolean;
}

export interface CompileResult {
  /** Every problem found; nothing is written when there is one. */
  problems: string[];
  warnings: string[];
  graph?: CuratedGraph;
  /** The folder written, when something was. */
  written?: string;
}

/** Compiles curation into Cypher seed files; returns the problems instead of throwing. */
export function compileCuration(options: CompileOptions = {}): CompileResult {
  let catalog: ReportCatalog;
  try {
    catalog = ReportCatalog.read(options.manifest ?? MANIFEST_PATH, { reportsDir: options.reportsDir });
  } catch (error) {
    if (error instanceof ManifestError) return { problems: error.problems, warnings: [] };
    throw error;
  }
  const warnings: string[] = [];
  const texts = catalog.texts();
  for (const report of catalog.reports) {
    if (!texts.has(report.source))
      warnings.push(`warning: no text for report ${report.source} at ${catalog.textPath(report)}: its quotes are not checked`);
  }
  const reader = new CurationReader(texts, catalog);
  const files = options.files?.length ? options.files.map((f) => resolve(f)) : curationFiles(options.curationDir ?? join(ROOT, 'curation'));
  for (const file of files) reader.readFile(file);
  const graph = reader.finish();
  if (reader.problems.length || options.check) return { problems: reader.problems, warnings, graph };

  const outDir = resolve(options.outDir ?? join(ROOT, 'cypher'));
  const seedDir = join(outDir, 'seed');
  mkdirSync(seedDir, { recursive: true });
  for (const old of readdirSync(seedDir)) rmSync(join(seedDir, old));
  writeFileSync(join(seedDir, '00-reports.cypher'), reportsSeed(graph));
  for (const file of graph.files.keys()) writeFileSync(join(seedDir, `${basename(file)}.cypher`), fileSeed(graph, file));
  mkdirSync(join(outDir, 'schema'), { recursive: true });
  writeFileSync(join(outDir, 'schema/neo4j.cypher'), neo4jSchema());
  writeFileSync(join(outDir, 'schema/kuzu.cypher'), kuzuSchema());
  writeFileSync(join(outDir, EXPECTED_FILE), `${JSON.stringify(expectedGraph(graph), null, 2)}\n`);
  return { problems: [], warnings, graph, written: outDir };
}
