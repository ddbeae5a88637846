/**
 * `npm run curate`: checks the curation files and writes the seed and schema files they compile to.
 * `--check [files…]` only checks (all files, or the ones named) and writes nothing.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { CurationReader, curationFiles } from './curated.js';
import { EXPECTED_FILE } from '../seed/integrity.js';
import { expectedGraph, fileSeed, kuzuSchema, neo4jSchema, reportsSeed } from './emit.js';
import { loadReportTexts, reportsDir } from './reports.js';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const named = args.filter((a) => !a.startsWith('--')).map((f) => resolve(f));

const texts = loadReportTexts();
if (texts.size === 0) console.warn(`warning: no reports in ${reportsDir()}: quotes are not checked`);
const reader = new CurationReader(texts);
for (const file of named.length ? named : curationFiles(join(root, 'curation'))) reader.readFile(file);
const graph = reader.finish();

if (reader.problems.length) {
  console.error(reader.problems.join('\n'));
  console.error(`${reader.problems.length} problem(s)`);
  process.exit(1);
}
const counts = new Map<string, number>();
for (const node of graph.nodes.values()) counts.set(node.label, (counts.get(node.label) ?? 0) + 1);
console.log(`ok: ${[...counts].map(([l, n]) => `${n} ${l}`).join(', ')}, ${graph.relations.length} relationships`);

if (!check) {
  const seedDir = join(root, 'cypher/seed');
  mkdirSync(seedDir, { recursive: true });
  for (const old of readdirSync(seedDir)) rmSync(join(seedDir, old));
  writeFileSync(join(seedDir, '00-reports.cypher'), reportsSeed(graph));
  for (const file of graph.files.keys()) writeFileSync(join(seedDir, `${basename(file)}.cypher`), fileSeed(graph, file));
  mkdirSync(join(root, 'cypher/schema'), { recursive: true });
  writeFileSync(join(root, 'cypher/schema/neo4j.cypher'), neo4jSchema());
  writeFileSync(join(root, 'cypher/schema/kuzu.cypher'), kuzuSchema());
  writeFileSync(join(root, 'cypher', EXPECTED_FILE), `${JSON.stringify(expectedGraph(graph), null, 2)}\n`);
  console.log(`wrote cypher/seed (${graph.files.size + 1} files), cypher/schema and cypher/${EXPECTED_FILE}`);
}
