import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphDump } from './dump.js';
import type { GraphVersion } from '../data/version.js';
import type { GraphStore } from '../graph/store.js';
import { CsvWriter } from './csv.js';
import { GraphMLWriter } from './graphml.js';
import { JsonLinesWriter } from './jsonl.js';
import type { DumpWriter } from './output.js';
import { TurtleWriter, checkBase } from './turtle.js';
import { DEFAULT_BASE } from './vocabulary.js';

export const MANIFEST_FILE = 'manifest.json';

/** What a dump holds: the graph's version, when it was taken, its counts, and its files with their sizes. */
export interface Manifest {
  graph: 'health-graph';
  /** The version of the seed files the store was loaded from (see `GraphVersion`). */
  version: string;
  date: string;
  engine: GraphStore['engine'];
  /** Where entities' IRIs start in the Turtle. */
  base: string;
  counts: { nodes: Record<string, number>; relationships: Record<string, number> };
  files: Array<{ path: string; bytes: number }>;
}

/** The graph's version as the store records it (the server passes its shared one). */
export type VersionSource = Pick<GraphVersion, 'get'>;

export interface ExportOptions {
  /** Where entities' IRIs start (`DEFAULT_BASE` otherwise). */
  base?: string;
}

const tally = (counts: Record<string, number>, key: string, n = 1) => (counts[key] = (counts[key] ?? 0) + n);

/**
 * Writes the whole graph into `dir` in every format at once (GraphML, Turtle, JSON Lines, neo4j-admin
 * CSV), reading it page by page, then `manifest.json`. The version is read before and after: a graph
 * reseeded meanwhile makes the dump a mixture, so it fails instead.
 */
export async function exportGraph(store: GraphStore, version: VersionSource, dir: string, options: ExportOptions = {}): Promise<Manifest> {
  const base = checkBase(options.base ?? DEFAULT_BASE);
  const before = await version.get();
  mkdirSync(dir, { recursive: true });
  const writers: DumpWriter[] = [new GraphMLWriter(dir), new TurtleWriter(dir, base), new JsonLinesWriter(dir), new CsvWriter(dir)];
  const counts: Manifest['counts'] = { nodes: {}, relationships: {} };
  const dump = new GraphDump(store);
  const paths: string[] = [];
  try {
    for await (const page of dump.nodes()) {
      for (const n of page) tally(counts.nodes, n.label);
      await Promise.all(writers.map((w) => w.nodes(page)));
    }
    for await (const page of dump.relationships()) {
      for (const r of page) tally(counts.relationships, r.type);
      await Promise.all(writers.map((w) => w.relationships(page)));
    }
  } finally {
    for (const writer of writers) paths.push(...(await writer.close()));
  }
  const after = await version.get();
  if (after !== before) throw new Error(`the graph was reseeded during the export (version ${before} became ${after}): export it again`);
  const manifest: Manifest = {
    graph: 'health-graph',
    version: before,
    date: new Date().toISOString(),
    engine: store.engine,
    base,
    counts,
    files: paths.map((path) => ({ path, bytes: statSync(join(dir, path)).size })),
  };
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
