/** Start-up: read the configuration, open the store, seed it when empty, listen. */
import { ConfigError, loadConfig } from './config.js';
import { openStore } from './graph/open.js';
import { discardStaleEmbedded, recordSeeded, seedFingerprint } from './seed/fingerprint.js';
import { seedIfEmpty } from './seed/seed.js';
import { createHttpServer, stopGracefully } from './server.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const fingerprint = seedFingerprint(config.cypherDir);
  if (!config.neo4j && discardStaleEmbedded(config.kuzuPath, fingerprint)) console.log('the seed files changed: rebuilding the embedded graph');
  const store = await openStore(config);
  const started = Date.now();
  if (await seedIfEmpty(store, config.cypherDir)) {
    console.log(`loaded the seed graph into ${store.engine} in ${Date.now() - started} ms`);
    if (!config.neo4j) recordSeeded(config.kuzuPath, fingerprint);
  }
  const { server, apollo } = await createHttpServer(store, config);
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`GraphQL API (${store.engine}) ready at http://${config.host}:${port}/graphql`);
  });
  const shutdown = (signal: string) => {
    console.log(`${signal}: finishing in-flight requests`);
    stopGracefully(server, apollo, store).then(() => process.exit(0), (error: unknown) => {
      console.error(`shutdown failed: ${(error as Error).message}`);
      process.exit(1);
    });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : `start-up failed: ${(error as Error).message}`);
  process.exit(1);
});
