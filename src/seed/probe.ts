/**
 * The child process `probeInChild` runs: opens the embedded database (replaying its log, as a start-up
 * would) and prints what the integrity check finds, as JSON. A database that crashes the engine kills
 * this process only.
 */
import { KuzuStore } from '../graph/kuzu.js';
import { checkGraph } from './integrity.js';

const [kuzuPath, cypherDir] = process.argv.slice(2) as [string, string];
try {
  const store = await KuzuStore.open({ path: kuzuPath });
  try {
    process.stdout.write(JSON.stringify({ problems: await checkGraph(store, cypherDir) }));
  } finally {
    await store.close();
  }
} catch (error) {
  // The engine's own words, for the log line saying why the graph is rebuilt.
  process.stdout.write(JSON.stringify({ error: (error as Error).message }));
  process.exitCode = 1;
}
