/** `npm run export -- --out DIR [--base IRI]`: the whole graph of the configured store as GraphML, Turtle, JSON Lines and neo4j-admin CSV. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { GraphVersion } from '../data/version.js';
import { Neo4jStore } from '../graph/neo4j.js';
import { openEmbedded } from '../seed/embedded.js';
import { exportGraph } from './export.js';
import { checkBase } from './turtle.js';

const USAGE = 'usage: npm run export -- --out DIR [--base https://…/id/]';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, base: { type: 'string' } } });
  if (!values.out) throw new ConfigError(`--out is required: the folder the dump is written to (${USAGE})`);
  if (values.base !== undefined) checkBase(values.base);
  const config = loadConfig();
  // As `npm start` does: the embedded graph loaded when missing (and rebuilt when stale), else the configured Neo4j.
  const neo4j = config.neo4j && new Neo4jStore(config.neo4j);
  const graph = neo4j
    ? { store: neo4j, close: () => neo4j.close() }
    : await openEmbedded(config.kuzuPath, config.cypherDir, { queryTimeoutMs: config.queryTimeoutMs });
  const started = performance.now();
  try {
    const dir = resolve(values.out);
    const manifest = await exportGraph(graph.store, new GraphVersion(graph.store), dir, { base: values.base });
    const nodes = Object.values(manifest.counts.nodes).reduce((a, b) => a + b, 0);
    const relationships = Object.values(manifest.counts.relationships).reduce((a, b) => a + b, 0);
    console.log(
      `exported ${nodes} nodes and ${relationships} relationships from ${graph.store.engine} to ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const file of manifest.files) console.log(`  ${file.path.padEnd(40)} ${(file.bytes / 1024).toFixed(0).padStart(8)} KiB`);
  } finally {
    await graph.close();
  }
}

main().catch((error: unknown) => {
  console.error(`export failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
