/** `npm run seed`: loads the Cypher seed files into the configured store; exits non-zero naming a broken file. */
import { loadConfig } from '../config.js';
import { openStore } from '../graph/open.js';
import { lockDataFolder, recordSeeded } from './embedded.js';
import { checkGraph } from './integrity.js';
import { seed, seedVersion } from './seed.js';

const config = loadConfig();
// The embedded folder is taken first: a server using it makes this fail with a clear message.
const release = config.neo4j ? () => undefined : lockDataFolder(config.kuzuPath);
try {
  const store = await openStore(config);
  try {
    const started = Date.now();
    const { files, statements } = await seed(store, config.cypherDir);
    const problems = await checkGraph(store, config.cypherDir);
    if (problems.length) throw new Error(`the loaded graph differs from the seed files: ${problems.join('; ')}`);
    if (!config.neo4j) recordSeeded(config.kuzuPath, seedVersion(config.cypherDir));
    console.log(`seeded ${files} files (${statements} statements) into ${store.engine} in ${Date.now() - started} ms`);
  } finally {
    await store.close();
  }
} catch (error) {
  console.error(`seed failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  release();
}
