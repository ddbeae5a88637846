/**
 * The API in a process of its own, so the CPU it spends serving can be read apart from the load
 * generator's: the parent asks over IPC for `process.cpuUsage()` before and after a fixed run.
 * Environment: the server's own variables, and BENCH_KUZU (a data folder's database, opened read-only)
 * unless NEO4J_URI names the store.
 */
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.js';
import { KuzuStore } from '../../src/graph/kuzu.js';
import { Neo4jStore } from '../../src/graph/neo4j.js';
import { createHttpServer } from '../../src/server.js';

const config = loadConfig();
const store = config.neo4j ? new Neo4jStore(config.neo4j) : await KuzuStore.open({ path: process.env.BENCH_KUZU!, readOnly: true });
const { server, stop } = await createHttpServer(store, config);
server.listen(0, '127.0.0.1', () => process.send!({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
process.on('message', (message) => {
  if (message === 'cpu') process.send!({ cpu: process.cpuUsage() });
  if (message === 'stop')
    void stop()
      .then(() => store.close())
      .then(() => process.exit(0));
});
