import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusStatements } from '../data/statements/maintenance.js';
import type { GraphStore, Row } from '../graph/store.js';
import { text } from '../graph/values.js';
import { EXPECTED_FILE, idDigest, type GraphCounts } from '../model/integrity.js';

/** What the seed files of `cypherDir` must load into; undefined when the folder has no record (a synthetic graph). */
export function expectedCounts(cypherDir: string): GraphCounts | undefined {
  const path = join(cypherDir, EXPECTED_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as GraphCounts) : undefined;
}

/** Counts what the store holds now. */
export async function countGraph(store: GraphStore): Promise<GraphCounts> {
  const statements = statusStatements(store.dialect);
  const [labels, relationships, ids] = await Promise.all([
    store.read(statements.labels.text),
    store.read(statements.relationships.text),
    store.read(statements.ids.text),
  ]);
  const byKey = (rows: Row[]) =>
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
