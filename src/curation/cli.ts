/**
 * `npm run curate`: checks the manifest and the curation files and writes the seed and schema files they compile to.
 * `--check [files…]` only checks (all files, or the ones named) and writes nothing.
 * `--manifest <file>`, `--reports <dir>`, `--curation <dir>`, `--out <dir>`: another manifest, report folder,
 * curation folder or output folder than `curation/reports.json`, `../shared/reports`, `curation/` and `cypher/`.
 */
import { parseArgs } from 'node:util';
import { compileCuration } from './compile.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    check: { type: 'boolean', default: false },
    manifest: { type: 'string' },
    reports: { type: 'string' },
    curation: { type: 'string' },
    out: { type: 'string' },
  },
});

const result = compileCuration({
  check: values.check,
  manifest: values.manifest,
  reportsDir: values.reports,
  curationDir: values.curation,
  outDir: values.out,
  files: positionals,
});
for (const warning of result.warnings) console.warn(warning);
if (result.problems.length) {
  console.error(result.problems.join('\n'));
  console.error(`${result.problems.length} problem(s)`);
  process.exit(1);
}
const graph = result.graph!;
const counts = new Map<string, number>();
for (const node of graph.nodes.values()) counts.set(node.label, (counts.get(node.label) ?? 0) + 1);
console.log(`ok: ${[...counts].map(([l, n]) => `${n} ${l}`).join(', ')}, ${graph.relations.length} relationships`);
if (result.written) console.log(`wrote ${result.written}: seed/ (${graph.files.size + 1} files), schema/ and the integrity record`);
