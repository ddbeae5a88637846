import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphStatusQueries } from '../data/status.js';
import type { GraphStore } from '../graph/store.js';
import { text } from '../graph/values.js';

/** What a complete load contains: nodes per label, relationships per type, and a digest of every node id. */
export interface GraphCounts {
  labels: Record<string, number>;
  relationships: Record<string, number>;
  ids: string;
}

/** The file beside the seed files holding what loading them must give (written by `npm run curate`). */
export const EXPECTED_FILE = 'expected.json';

/** The digest of a set of node ids, independent of their order. */
export function idDigest(ids: Iterable<string>): string {
  return createHash('sha256')
    .update([...ids].sort().join('\n'))
    .digest('hex');
}

/** What the seed files of `cypherDir` must load into; undefined when the folder has no record (a synthetic graph). */
export function expectedCounts(cypherDir: string): GraphCounts | undefined {
  const path = join(cypherDir, EXPECTED_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as GraphCounts) : undefined;
}

/** Counts what the store holds now. */
export async function countGraph(store: GraphStore): Promise<GraphCounts> {
  const queries = graphStatusQueries(store.dialect);
  const [labels, relationships, ids] = await Promise.all([store.read(queries.labels), store.read(queries.relationships), store.read(queries.ids)]);
  const byKey = (rows: typeof labels) =>
    Object.fromEntries(rows.map((r): [string, number] => [text(r.key), Number(r.count)]).sort(([a], [b]) => a.localeCompare(b)));
  return { labels: byKey(labels), relationships: byKey(relationships), ids: idDigest(ids.map((r) => text(r.id))) };
}

/** The differences between what a store holds and what it should: empty when the graph is complete. */
export function compareCounts(expected: GraphCounts, actual: GraphCounts): string[] {
  const problems: string[] = [];
  for (const kind of ['labels', 'relationships'] as const) {
    for (const key of new Set([...Object.keys(expected[kind]), ...Object.keys(actual[kind])])) {
      const want = expected[kind][key] ?? 0;
      const have = actual[kind][key] ?? 0;
      if (want !== have) problems.push(`${have} ${key} ${kind === 'labels' ? 'nodes' : 'relationships'} instead of ${want}`);
    }
  }
  if (!problems.length && expected.ids !== actual.ids) problems.push("the node ids differ from the seed files'");
  return problems;
}

/** Whether the store holds exactly the graph of the seed files: the problems found, none when complete. */
export async function checkGraph(store: GraphStore, cypherDir: string): Promise<string[]> {
  const expected = expectedCounts(cypherDir);
  return expected ? compareCounts(expected, await countGraph(store)) : [];
}
