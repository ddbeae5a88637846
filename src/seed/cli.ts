/** `npm run seed`: loads the Cypher seed files into the configured store; exits non-zero naming a broken file. */
import { loadConfig } from '../config.js';
import { openStore } from '../graph/open.js';
import { recordSeeded, seedFingerprint } from './fingerprint.js';
import { seed } from './seed.js';

const config = loadConfig();
const store = await openStore(config);
try {
  const started = Date.now();
  const { files, statements } = await seed(store, config.cypherDir);
  if (!config.neo4j) recordSeeded(config.kuzuPath, seedFingerprint(config.cypherDir));
  console.log(`seeded ${files} files (${statements} statements) into ${store.engine} in ${Date.now() - started} ms`);
} catch (error) {
  console.error(`seed failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await store.close();
}
