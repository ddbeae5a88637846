import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DatabaseUnavailableError, type GraphStore, type ReadOptions } from '../../src/graph/store.js';
import { KuzuStore } from '../../src/graph/kuzu.js';
import { Neo4jStore } from '../../src/graph/neo4j.js';
import { BAD_INPUTS, INJECTIONS, cursorAt, type BadInput } from '../fixtures/bad-inputs.js';
import { PAGE_SIZE } from '../../src/model/pages.js';
import { postGraphQL, startHttp, testConfig } from '../support/api.js';
import { createHttpServer } from '../../src/server.js';
import { connect, type AddressInfo } from 'node:net';
import { once } from 'node:events';
import { ENGINES, neo4jStore, withSeededServer } from '../support/stores.js';

const NORMAL = { query: '{ organization(id: "org:寿阳县医疗集团") { name } }' };
const normalWorks = async (url: string) => expect((await postGraphQL(url, NORMAL)).body.data).toEqual({ organization: { name: '寿阳县医疗集团' } });

/** A real store whose reads (those matching `only`, or all) can be made to fail or stall, to inject faults the database would cause. */
function faulty(store: GraphStore, fault: { error?: Error; delayMs?: number; only?: RegExp }): GraphStore {
  return Object.assign(Object.create(store) as GraphStore, {
    read: async (cypher: string, params?: Record<string, never>, options?: ReadOptions) => {
      if (!fault.only || fault.only.test(cypher)) {
        if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
        if (fault.error) throw fault.error;
      }
      return store.read(cypher, params, options);
    },
  });
}

for (const engine of ENGINES)
  describe(`the API under bad input, faults and load, on ${engine}`, () => {
    let store: GraphStore;
    let http: Awaited<ReturnType<typeof startHttp>>;
    withSeededServer(engine, startHttp, (s, h) => ((store = s), (http = h)));

    const send = (input: BadInput, accept?: string) =>
      fetch(`${http.url}/graphql${input.search !== undefined ? `?${input.search}` : ''}`, {
        method: input.method ?? 'POST',
        headers: { ...(input.method === 'GET' ? {} : { 'content-type': input.contentType ?? 'application/json' }), ...(accept ? { accept } : {}) },
        body: input.method === 'GET' ? undefined : (input.raw ?? JSON.stringify(input.body)),
      });

    it.each(BAD_INPUTS)('refuses $name with $status $code', async (input) => {
      const response = await send(input);
      expect(response.status).toBe(input.status);
      const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string; stacktrace?: unknown } }> };
      expect(body.errors?.[0]?.extensions?.code).toBe(input.code);
    });

    it.each(BAD_INPUTS.filter((input) => input.strictStatus))(
      'refuses $name with $strictStatus under application/graphql-response+json',
      async (input) => {
        const response = await send(input, 'application/graphql-response+json');
        expect(response.status).toBe(input.strictStatus);
        expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
      },
    );

    it('still answers a normal query after the whole corpus', () => normalWorks(http.url));

    it('answers an empty page for a cursor past the end of a list, however deep, and keeps serving', async () => {
      for (const offset of [1_000, 11_000, 100_000, 9_999_999]) {
        const { body } = await postGraphQL(http.url, {
          query: `{ organizations(first: 2, after: "${cursorAt(offset)}") { totalCount edges { node { id } } pageInfo { hasNextPage } } }`,
        });
        expect(body.errors).toBeUndefined();
        expect(body.data.organizations).toMatchObject({ edges: [], pageInfo: { hasNextPage: false } });
      }
      await normalWorks(http.url);
    });

    it('reads a null size as its default, in the resolver and in the cost', async () => {
      const { body } = await postGraphQL(http.url, {
        query: `{ search(query: "医院", first: null) { score } metricRanking(unit: "人次", first: null) { id }
          neighborhood(id: "org:寿阳县医疗集团", limit: null) { nodes { id } } organizations(first: null) { edges { node { id } } } }`,
      });
      expect(body.errors).toBeUndefined();
      expect(body.data.search).toHaveLength(PAGE_SIZE.search.default);
      expect(body.data.metricRanking.length).toBeLessThanOrEqual(PAGE_SIZE.ranking.default);
      expect(body.data.organizations.edges).toHaveLength(PAGE_SIZE.page.default);
    });

    it('treats injection-looking text in every text argument as data', async () => {
      const [before] = await store.read('MATCH (n) RETURN count(n) AS nodes');
      for (const text of INJECTIONS) {
        const variables = { text, id: `org:${text}` };
        const { status, body } = await postGraphQL(http.url, {
          query: `query Q($text: String!, $id: ID!) {
          search(query: $text) { node { id } }
          organizations(filter: { name: $text }) { totalCount }
          achievements(filter: { name: $text, unit: $text }) { totalCount }
          organization(id: $id) { id }
          metricRanking(unit: $text) { id }
        }`,
          variables,
        });
        expect(status).toBe(200);
        expect(body.errors).toBeUndefined();
        expect(body.data).toMatchObject({ organizations: { totalCount: 0 }, organization: null, metricRanking: [] });
      }
      const [after] = await store.read('MATCH (n) RETURN count(n) AS nodes');
      expect(after).toEqual(before);
      await normalWorks(http.url);
    });

    it('passes every MUST of the GraphQL-over-HTTP audit', async () => {
      const results = await Promise.all(serverAudits({ url: `${http.url}/graphql`, fetchFn: fetch }).map((audit) => audit.fn()));
      const failed = results.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok').map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`);
      expect(failed).toEqual([]);
    });

    it('hides internal details in production but keeps user errors readable', async () => {
      const error = new Error('Binder exception: Table Secret does not exist in MATCH (n:Secret) RETURN n');
      const prod = await startHttp(faulty(store, { error, only: /\$ids?\b/ }), { NODE_ENV: 'production' });
      try {
        const internal = await postGraphQL(prod.url, NORMAL);
        expect(internal.body.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
        expect(Object.keys(internal.body.errors?.[0].extensions)).toEqual(['code']);
        expect(JSON.stringify(internal.body)).not.toMatch(/MATCH|Binder|stacktrace/);
        const user = await postGraphQL(prod.url, { query: '{ organizations(first: 500) { totalCount } }' });
        expect(user.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('first'), extensions: { code: 'BAD_USER_INPUT' } });
        expect(user.body.errors?.[0].extensions.stacktrace).toBeUndefined();
      } finally {
        await prod.stop();
      }
    });

    it('switches off introspection and the pages by configuration, and allows only configured CORS origins', async () => {
      const locked = await startHttp(store, { INTROSPECTION: 'false', PLAYGROUND: 'false', CORS_ORIGINS: 'https://analysts.example' });
      try {
        const introspection = await postGraphQL(locked.url, { query: '{ __schema { types { name } } }' });
        expect(introspection.body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect((await fetch(`${locked.url}/explore`)).status).toBe(404);
        expect((await fetch(`${locked.url}/graphql`, { headers: { accept: 'text/html' } })).headers.get('content-type')).not.toContain('text/html');
        const allowed = await fetch(`${locked.url}/graphql`, {
          method: 'OPTIONS',
          headers: { origin: 'https://analysts.example', 'access-control-request-method': 'POST' },
        });
        expect(allowed.status).toBe(204);
        expect(allowed.headers.get('access-control-allow-origin')).toBe('https://analysts.example');
        const other = await fetch(`${locked.url}/health`, { headers: { origin: 'https://elsewhere.example' } });
        expect(other.headers.get('access-control-allow-origin')).toBeNull();
        await normalWorks(locked.url);
      } finally {
        await locked.stop();
      }
    });

    it('ends a request past its time limit with REQUEST_TIMEOUT and keeps serving', async () => {
      const slow = await startHttp(faulty(store, { delayMs: 400 }), { REQUEST_TIMEOUT_MS: '150' });
      try {
        const { status, body } = await postGraphQL(slow.url, NORMAL);
        expect(status).toBe(503);
        expect(body.errors?.[0].extensions.code).toBe('REQUEST_TIMEOUT');
        expect((await fetch(`${slow.url}/health`)).status).toBe(200);
      } finally {
        await slow.stop();
      }
    });

    it('holds up under a bounded soak of concurrent clients with no failures and no steady memory growth', async () => {
      setFlagsFromString('--expose_gc');
      const gc = runInNewContext('gc') as () => void;
      const queries = [
        NORMAL,
        { query: '{ search(query: "医院", first: 10) { score node { id } } }' },
        { query: '{ organizations(first: 20, filter: { kinds: [HOSPITAL] }) { totalCount edges { node { name parents { name } } } } }' },
        { query: '{ neighborhood(id: "org:寿阳县医疗集团", depth: 2) { nodes { id } edges { id } } }' },
      ];
      const heap: number[] = [];
      let failures = 0;
      let sent = 0;
      const deadline = Date.now() + 40_000;
      for (let round = 0; round < 6 && Date.now() < deadline; round++) {
        await Promise.all(
          Array.from({ length: 8 }, async (_, client) => {
            for (let i = 0; i < 15; i++) {
              const { status, body } = await postGraphQL(http.url, queries[(client + i) % queries.length]!);
              sent++;
              if (status !== 200 || body.errors) failures++;
            }
          }),
        );
        gc();
        heap.push(process.memoryUsage().heapUsed);
      }
      expect(sent).toBeGreaterThanOrEqual(360);
      expect(failures).toBe(0);
      // After warm-up, the heap must not keep climbing: the last rounds stay within 30 MB of the second.
      expect(Math.max(...heap.slice(2)) - heap[1]!).toBeLessThan(30 * 1024 * 1024);
    });

    it('finishes in-flight requests when stopping, then closes the store', async () => {
      const own = engine === 'kuzu' ? await KuzuStore.open({ path: inject('seededGraphPath'), readOnly: true }) : neo4jStore();
      const { server, stop } = await createHttpServer(faulty(own, { delayMs: 300 }), testConfig());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const inFlight = Array.from({ length: 6 }, () => postGraphQL(url, NORMAL));
      await new Promise((r) => setTimeout(r, 100));
      await stop();
      await own.close();
      const responses = await Promise.all(inFlight);
      expect(responses.map((r) => r.body.data)).toEqual(Array(6).fill({ organization: { name: '寿阳县医疗集团' } }));
      await expect(own.read('RETURN 1 AS x')).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(fetch(`${url}/health`)).rejects.toThrow();
    });
  });

describe("the engines' own faults", () => {
  it('ends a query past the database time limit with QUERY_TIMEOUT', async () => {
    const strict = await KuzuStore.open({ path: inject('seededGraphPath'), readOnly: true, queryTimeoutMs: 1 });
    const server = await startHttp(strict);
    try {
      const { body } = await postGraphQL(server.url, {
        query: '{ stats { byPlace { organizations } byReport { total } relationshipsByType { key } } }',
      });
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TIMEOUT' } });
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    } finally {
      await server.stop();
      await strict.close();
    }
  });

  it('answers DATABASE_UNAVAILABLE when the embedded database goes away, and /ready says so', async () => {
    const own = await KuzuStore.open({ path: inject('seededGraphPath'), readOnly: true });
    const server = await startHttp(own);
    try {
      await normalWorks(server.url);
      await own.close();
      const { body } = await postGraphQL(server.url, NORMAL);
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'DATABASE_UNAVAILABLE' } });
      const ready = await fetch(`${server.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'database unavailable', engine: 'kuzu' });
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('refuses to open a missing read-only data folder with a clear error', async () => {
    const error = await KuzuStore.open({ path: join(tmpdir(), 'no-such-folder', 'graph.kuzu'), readOnly: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toContain('no-such-folder');
  });

  it('fails fast with DATABASE_UNAVAILABLE when Neo4j cannot be reached', async () => {
    const away = new Neo4jStore({ uri: 'bolt://127.0.0.1:1', username: 'neo4j', password: 'x', connectionTimeoutMs: 2000 });
    const server = await startHttp(away);
    try {
      const started = Date.now();
      const { body } = await postGraphQL(server.url, NORMAL);
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'DATABASE_UNAVAILABLE' } });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect((await fetch(`${server.url}/ready`)).status).toBe(503);
    } finally {
      await server.stop();
      await away.close();
    }
  });
});

describe('a graceful stop of the HTTP server', () => {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const HEALTH = 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
  // One store for the suite; each test starts a server of its own, since each stops it.
  let store: KuzuStore;
  beforeAll(async () => {
    store = await KuzuStore.open({ path: inject('seededGraphPath'), readOnly: true });
  });
  afterAll(() => store.close());
  /** A raw connection to the server, and everything the server sends on it until it closes. */
  async function openConnection(url: string) {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
    socket.on('error', () => undefined);
    return { socket, closed };
  }

  it('answers a request sent, after the stop began, on a connection opened before it, then closes that connection', async () => {
    const server = await startHttp(store);
    const { socket, closed } = await openConnection(server.url);
    await wait(50);
    const stopped = server.stop();
    // Past the moment the server stops listening and first closes idle connections.
    await wait(500);
    socket.write(HEALTH);
    const reply = await closed;
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
    expect(reply).toMatch(/\r\nconnection: close\r\n/i);
    await stopped;
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });

  it('answers a request that reached a kept-alive connection just as the stop began, though the server had not read it yet', async () => {
    const server = await startHttp(store);
    const { socket, closed } = await openConnection(server.url);
    socket.write(HEALTH);
    await wait(100);
    // The server runs in this process: in the same turn of its loop, the second request waits unread in the kernel.
    socket.write(HEALTH);
    await server.stop();
    expect((await closed).match(/HTTP\/1\.1 200 /g)).toHaveLength(2);
  });

  it('does not wait for ever on a connection that never sends a request, nor on one kept alive between requests', async () => {
    const server = await startHttp(store);
    const silent = await openConnection(server.url);
    const keptAlive = await openConnection(server.url);
    keptAlive.socket.write(HEALTH);
    await wait(100);
    const started = Date.now();
    await server.stop();
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(await keptAlive.closed).toMatch(/^HTTP\/1\.1 200 /);
    expect(await silent.closed).toBe('');
  });
});
