import type { GraphStore } from '../graph/store.js';
import { isGraphLoaded } from '../data/status.js';
import { checkSeedFiles } from './checks.js';
import { applySchema, loadSeedFiles, readSeedFiles } from './loader.js';

/** Applies the schema and loads every seed file (idempotent: loading twice leaves the same graph). */
export async function seed(store: GraphStore, cypherDir: string): Promise<{ files: number; statements: number }> {
  const files = readSeedFiles(cypherDir);
  checkSeedFiles(files);
  await applySchema(store, cypherDir);
  const statements = await loadSeedFiles(store, files);
  return { files: files.length, statements };
}

/** Seeds the store only when the graph is not there yet (start-up on a fresh data folder). */
export async function seedIfEmpty(store: GraphStore, cypherDir: string): Promise<boolean> {
  await applySchema(store, cypherDir);
  if (await isGraphLoaded(store)) return false;
  await seed(store, cypherDir);
  return true;
}
