/**
 * The child process `probeInChild` runs: opens the embedded database (replaying its log, as a start-up
 * would) and prints what the integrity check finds, as JSON. A database that crashes the engine kills
 * this process only.
 */
import { KuzuStore } from '../graph/kuzu.js';
import { checkGraph } from './integrity.js';

const [kuzuPath, cypherDir] = process.argv.slice(2) as [string, string];
const store = await KuzuStore.open({ path: kuzuPath });
try {
  process.stdout.write(JSON.stringify({ problems: await checkGraph(store, cypherDir) }));
} finally {
  await store.close();
}
