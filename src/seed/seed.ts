import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { STATE_STATEMENTS, SWEEP_STATEMENTS, statusStatements } from '../data/statements/maintenance.js';
import type { GraphStore } from '../graph/store.js';
import { SEED_STAMP } from '../model/graph.js';
import { checkSeedFiles } from './checks.js';
import { SEED_TIMEOUT_MS, applySchema, loadSeedFiles, readSeedFiles } from './loader.js';

/** The version of the schema and seed files: it changes whenever the graph they build would. */
export function seedVersion(cypherDir: string): string {
  const hash = createHash('sha256');
  for (const sub of ['schema', 'seed']) {
    for (const file of readdirSync(join(cypherDir, sub))
      .filter((f) => f.endsWith('.cypher'))
      .sort()) {
      hash.update(`${sub}/${file}\n`).update(readFileSync(join(cypherDir, sub, file)));
    }
  }
  return hash.digest('hex');
}

/**
 * Applies the schema and loads every seed file, each in its own transaction, stamped with the seed
 * files' version; once all have loaded, one last transaction removes what the stamp does not cover
 * (facts an older curation stated) and gives the graph its new version. Loading into an empty store, twice, or over an older graph all
 * leave exactly the curated graph.
 */
export async function seed(store: GraphStore, cypherDir: string): Promise<{ files: number; statements: number }> {
  const files = readSeedFiles(cypherDir);
  checkSeedFiles(files);
  await applySchema(store, cypherDir);
  const stamp = seedVersion(cypherDir);
  // Readers stop caching and readiness says so until the last transaction gives the new version.
  await store.writeTransaction((tx) => tx.run(STATE_STATEMENTS.loading.text).then(() => undefined));
  const statements = await loadSeedFiles(store, files, stamp);
  await store.writeTransaction(
    async (tx) => {
      await tx.run(STATE_STATEMENTS.loaded.text, { [SEED_STAMP]: stamp });
      await tx.run(SWEEP_STATEMENTS.relationships.text, { [SEED_STAMP]: stamp });
      await tx.run(SWEEP_STATEMENTS.nodes.text, { [SEED_STAMP]: stamp });
    },
    { timeoutMs: SEED_TIMEOUT_MS },
  );
  return { files: files.length, statements };
}

/** Whether the seed graph is in the store: it always holds the source reports. */
async function isGraphLoaded(store: GraphStore): Promise<boolean> {
  const [row] = await store.read(statusStatements(store.dialect).reportCount.text);
  return Number(row?.reports ?? 0) > 0;
}

/** Seeds the store only when the graph is not there yet (start-up on a fresh data folder). */
export async function seedIfEmpty(store: GraphStore, cypherDir: string): Promise<boolean> {
  await applySchema(store, cypherDir);
  if (await isGraphLoaded(store)) return false;
  await seed(store, cypherDir);
  return true;
}
