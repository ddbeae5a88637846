/**
 * Start-up: read the configuration, open the store (loading and checking the graph), listen; stop
 * gracefully on a signal. The server runs in a child process under a supervisor (see `supervise`)
 * unless `SUPERVISE=false`.
 */
import { ConfigError, loadConfig, type Config } from './config.js';
import { Neo4jStore } from './graph/neo4j.js';
import type { GraphStore } from './graph/store.js';
import { openEmbedded } from './seed/embedded.js';
import { checkGraph } from './seed/integrity.js';
import { seedIfEmpty } from './seed/seed.js';
import { createHttpServer } from './server.js';
import { WORKER_ENV, supervise } from './supervisor.js';

/** The configured store, holding the graph: the embedded one rebuilt when it cannot be trusted, Neo4j seeded when empty. */
async function openGraph(config: Config): Promise<{ store: GraphStore; close: () => Promise<void> }> {
  if (!config.neo4j) return openEmbedded(config.kuzuPath, config.cypherDir, { queryTimeoutMs: config.queryTimeoutMs });
  const store = new Neo4jStore(config.neo4j);
  const started = Date.now();
  if (await seedIfEmpty(store, config.cypherDir)) console.log(`loaded the seed graph into Neo4j in ${Date.now() - started} ms`);
  const problems = await checkGraph(store, config.cypherDir);
  // Neo4j is the operator's to repair: the server starts, and /ready says what is wrong until it is.
  if (problems.length) console.warn(`the graph in Neo4j is incomplete (${problems.join('; ')}): run \`npm run seed\` to load it`);
  return { store, close: () => store.close() };
}

/** A second signal sooner than this is the first one relayed (npm forwards what the group received). */
const DUPLICATE_SIGNAL_MS = 1_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const { store, close } = await openGraph(config);
  const { server, apollo, stop } = await createHttpServer(store, config);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, resolve);
    });
  } catch (error) {
    await apollo.stop();
    await close();
    throw new Error(`cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`);
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`GraphQL API (${store.engine}) ready at http://${config.host}:${port}/graphql (process ${process.pid})`);
  process.send?.('ready');
  let stoppingSince: number | undefined;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stoppingSince !== undefined) {
      // A signal to the process group reaches npm too, which forwards it: the same request arriving twice.
      if (Date.now() - stoppingSince < DUPLICATE_SIGNAL_MS) return;
      console.error(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    // The open connections are logged so an operator (and the shutdown test) sees what was waited for.
    server.getConnections((_, open) => console.log(`${signal}: finishing in-flight requests on ${open} open connections`));
    stop()
      .then(close)
      .then(
        () => {
          console.log('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          console.error(`shutdown failed: ${(error as Error).message}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (process.env[WORKER_ENV] || process.env.SUPERVISE === 'false') {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : `start-up failed: ${(error as Error).message}`);
    process.exit(1);
  });
} else supervise(import.meta.filename);
