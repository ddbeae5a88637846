import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { Neo4jStore } from '../../src/graph/neo4j.js';
import { seed } from '../../src/seed/seed.js';
import { postGraphQL, startHttp } from '../support/api.js';
import { NEO4J_SKIP_REASON } from '../support/stores.js';

/** A loopback TCP proxy to Neo4j that the test can cut and restore, as if the database went away and came back. */
class Outage {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  constructor(private readonly target: { host: string; port: number }, readonly port: number) {}

  up(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = createConnection(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    return new Promise((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server!.close(() => resolve()));
  }
}

describe.skipIf(!process.env.NEO4J_URI)(`Neo4j going away and coming back${process.env.NEO4J_URI ? '' : ` (${NEO4J_SKIP_REASON})`}`, () => {
  const config = loadConfig();
  let outage: Outage;
  let store: Neo4jStore;
  let http: Awaited<ReturnType<typeof startHttp>>;
  const query = { query: '{ organization(id: "org:寿阳县医疗集团") { name } }' };

  beforeAll(async () => {
    const target = new URL(config.neo4j!.uri.replace(/^[a-z+]+:/, 'http:'));
    outage = new Outage({ host: target.hostname, port: Number(target.port || 7687) }, 17687);
    await outage.up();
    // bolt:// through the proxy: a routing URI would hand the driver the servers' own addresses.
    store = new Neo4jStore({ ...config.neo4j!, uri: `bolt://127.0.0.1:${outage.port}`, connectionTimeoutMs: 2000 });
    await seed(store, config.cypherDir);
    http = await startHttp(store);
  });
  afterAll(async () => {
    await http.stop();
    await store.close();
    await outage.down().catch(() => undefined);
  });

  it('fails fast with DATABASE_UNAVAILABLE while it is away, and recovers by itself when it returns', async () => {
    expect((await postGraphQL(http.url, query)).body.data).toEqual({ organization: { name: '寿阳县医疗集团' } });
    await outage.down();
    const started = Date.now();
    const away = await postGraphQL(http.url, query);
    expect(away.body.errors?.[0].extensions.code).toBe('DATABASE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect((await fetch(`${http.url}/ready`)).status).toBe(503);
    await outage.up();
    await expect.poll(async () => (await postGraphQL(http.url, query)).body.data, { timeout: 30_000, interval: 500 }).toEqual({ organization: { name: '寿阳县医疗集团' } });
    expect((await fetch(`${http.url}/ready`)).status).toBe(200);
  });
});
