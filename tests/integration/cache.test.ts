import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { STATE_STATEMENTS } from '../../src/data/statements/maintenance.js';
import type { Read } from '../../src/graph/statement.js';
import type { GraphStore, Params, ReadOptions } from '../../src/graph/store.js';
import { operationHash } from '../../src/http/safelist.js';
import { postGraphQL, startHttp } from '../support/api.js';
import { ENGINES, seededStore, type Engine } from '../support/stores.js';

const NORMAL = { query: '{ organization(id: "org:寿阳县医疗集团") { name children { name } } }' };

/** GraphVersion reads a Neo4j graph's version again once it is older than this. */
const VERSION_RECHECK_MS = 5_000;

/**
 * The store as a graph that another process may reseed: requests' reads (those with a deadline) are
 * counted, round trips and statements (reads sent together travel as one trip), and can be made to fail, and its version (the one its graph state records) can be switched. It says it is
 * Neo4j, whose version the server reads again every few seconds, whatever the engine underneath.
 */
function observed(store: GraphStore) {
  let together = 0;
  const state = { reads: 0, statements: 0, failNext: false, stamp: undefined as string | undefined, hold: undefined as Promise<void> | undefined };
  const wrapper = Object.assign(Object.create(store) as GraphStore, {
    engine: 'neo4j' as const,
    read: async (cypher: string, params?: Params, options?: ReadOptions) => {
      if (cypher === STATE_STATEMENTS.read.text && state.stamp) return [{ version: state.stamp, state: 'ready' }];
      if (options?.deadline) {
        state.reads++;
        if (!together) state.statements++;
        await state.hold;
        if (state.failNext) {
          state.failNext = false;
          throw new Error('the database failed this once');
        }
      }
      return store.read(cypher, params, options);
    },
    ...(store.readAll && {
      readAll: async (reads: readonly Read[], options?: ReadOptions) => {
        state.statements += reads.length;
        together++;
        try {
          // Through this wrapper's `read`, one call a trip.
          return await store.readAll!.call(wrapper, reads, options);
        } finally {
          together--;
        }
      },
    }),
  });
  return { store: wrapper, state };
}

/** A GET of a persisted operation, as Apollo clients send it (with the header Apollo's CSRF guard asks for). */
function getPersisted(url: string, hash: string, variables: unknown, headers: Record<string, string> = {}) {
  const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
  return fetch(`${url}/graphql?variables=${encodeURIComponent(JSON.stringify(variables))}&extensions=${extensions}`, {
    headers: { 'apollo-require-preflight': 'true', ...headers },
  });
}

/** A POST as sent and answered byte for byte (fetch would decompress the answer). */
function rawPost(url: string, body: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A server over an observed seeded store, for the tests of one describe. */
function observedServer(engine: Engine, env: Record<string, string>) {
  const server = {} as { base: GraphStore; graph: ReturnType<typeof observed>; http: Awaited<ReturnType<typeof startHttp>> };
  beforeAll(async () => {
    server.base = await seededStore(engine);
    server.graph = observed(server.base);
    server.http = await startHttp(server.graph.store, env);
  });
  afterAll(async () => {
    await server.http.stop();
    await server.base.close();
  });
  return server;
}

const GROUP = readFileSync(join(PROJECT_ROOT, 'tests/operations/GroupWithHospitals.graphql'), 'utf8');
const GROUP_HASH = operationHash(GROUP);
const GROUP_VARIABLES = { id: 'org:寿阳县医疗集团' };

for (const engine of ENGINES)
  describe(`caching answers, on ${engine}`, () => {
    const server = observedServer(engine, { RESPONSE_CACHE: 'true' });

    /** The reads of the store a piece of work causes. */
    const readsOf = async <T>(work: () => Promise<T>) => {
      const before = server.graph.state.reads;
      const result = await work();
      return { result, reads: server.graph.state.reads - before };
    };

    it('answers a repeated operation from the response cache, without asking the store', async () => {
      const first = await readsOf(() => postGraphQL(server.http.url, NORMAL));
      expect(first.result.body.data.organization.name).toBe('寿阳县医疗集团');
      expect(first.reads).toBeGreaterThan(0);
      const second = await readsOf(() => postGraphQL(server.http.url, NORMAL));
      expect(second.result.body).toEqual(first.result.body);
      expect(second.reads).toBe(0);
      // Other variables are another answer.
      const query = 'query ($id: ID!) { organization(id: $id) { name } }';
      const one = await readsOf(() => postGraphQL(server.http.url, { query, variables: { id: 'org:寿阳县人民医院' } }));
      const other = await readsOf(() => postGraphQL(server.http.url, { query, variables: { id: 'org:寿阳县中医院' } }));
      expect([one.reads > 0, other.reads > 0]).toEqual([true, true]);
      expect(other.result.body.data.organization.name).toBe('寿阳县中医院');
    });

    it('writes back an answer to a repeated POST body as sent, compressed as asked, even with every slot taken', async () => {
      const small = await startHttp(server.graph.store, {
        RESPONSE_CACHE: 'true',
        MAX_CONCURRENT: '1',
        MAX_QUEUE: '0',
        CORS_ORIGINS: 'https://a.example',
      });
      let release = () => {};
      try {
        const body = JSON.stringify({ query: '{ neighborhood(id: "org:寿阳县医疗集团", depth: 1) { nodes { id name } } }' });
        const plain = await rawPost(small.url, body, {});
        expect(plain.headers['content-encoding']).toBeUndefined();
        expect(plain.body.length).toBeGreaterThan(1024);
        const data = JSON.parse(plain.body.toString()) as { data: { neighborhood: { nodes: unknown[] } } };
        expect(data.data.neighborhood.nodes.length).toBeGreaterThan(5);

        const br = await rawPost(small.url, body, { 'accept-encoding': 'gzip, br', origin: 'https://a.example' });
        expect([br.status, br.headers['content-encoding'], br.headers.vary]).toEqual([200, 'br', 'origin, accept-encoding']);
        expect(br.headers['access-control-allow-origin']).toBe('https://a.example');
        expect(br.body.length).toBeLessThan(plain.body.length / 3);
        expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(data);
        const gzip = await rawPost(small.url, body, { 'accept-encoding': 'br;q=0, gzip' });
        expect(gzip.headers['content-encoding']).toBe('gzip');
        expect(JSON.parse(gunzipSync(gzip.body).toString())).toEqual(data);

        // A request waiting for the store holds the only slot, and none may queue.
        server.graph.state.hold = new Promise((resolve) => (release = resolve));
        const before = server.graph.state.reads;
        const blocked = postGraphQL(small.url, { query: '{ organization(id: "org:寿阳县中医院") { name } }' });
        while (server.graph.state.reads === before) await new Promise((resolve) => setTimeout(resolve, 5));
        const again = await rawPost(small.url, body, { 'accept-encoding': 'gzip, br' });
        expect([again.status, again.headers['content-encoding'], again.headers.vary]).toEqual([200, 'br', 'origin, accept-encoding']);
        expect(again.headers['access-control-allow-origin']).toBeUndefined();
        expect(again.body.equals(br.body)).toBe(true);
        // The same operation written otherwise is Apollo's to answer, and that takes a slot.
        const respaced = await rawPost(small.url, body.replace('{', '{ '), { 'accept-encoding': 'gzip, br' });
        expect(respaced.status).toBe(503);
        expect(JSON.parse(respaced.body.toString()).errors[0].extensions.code).toBe('OVERLOADED');
        release();
        expect((await blocked).body.data.organization.name).toBe('寿阳县中医院');
      } finally {
        server.graph.state.hold = undefined;
        release();
        await small.stop();
      }
    });

    it('asks the store every time when RESPONSE_CACHE is off', async () => {
      const uncached = await startHttp(server.graph.store, { RESPONSE_CACHE: 'false' });
      try {
        for (let i = 0; i < 2; i++) expect((await readsOf(() => postGraphQL(uncached.url, NORMAL))).reads).toBeGreaterThan(0);
      } finally {
        await uncached.stop();
      }
    });

    it('never caches an answer with errors', async () => {
      const query = { query: '{ organization(id: "org:寿阳县人民医院") { name kind } }' };
      server.graph.state.failNext = true;
      const failed = await postGraphQL(server.http.url, query);
      expect(failed.body.errors?.[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      const retried = await readsOf(() => postGraphQL(server.http.url, query));
      expect(retried.reads).toBeGreaterThan(0);
      expect(retried.result.body).toEqual({ data: { organization: { name: '寿阳县人民医院', kind: 'HOSPITAL' } } });
      expect((await readsOf(() => postGraphQL(server.http.url, query))).reads).toBe(0);
      // Refusals are not stored either: the same bad request is measured and refused again.
      for (let i = 0; i < 2; i++)
        expect((await postGraphQL(server.http.url, { query: '{ organizations(first: 1000) { totalCount } }' })).body.errors).toHaveLength(1);
    });

    it('serves GET persisted operations with an ETag and Cache-Control, and answers 304 without executing', async () => {
      const first = await readsOf(() => getPersisted(server.http.url, GROUP_HASH, GROUP_VARIABLES));
      expect(first.result.status).toBe(200);
      const tag = first.result.headers.get('etag');
      expect(tag).toMatch(/^"[\w-]+"$/);
      expect(first.result.headers.get('cache-control')).toBe('public, max-age=300');
      expect(first.result.headers.get('vary')).toMatch(/accept/);
      expect(((await first.result.json()) as { data: { organization: { name: string } } }).data.organization.name).toBe('寿阳县医疗集团');

      const revalidated = await readsOf(() => getPersisted(server.http.url, GROUP_HASH, GROUP_VARIABLES, { 'if-none-match': `W/${tag}, "other"` }));
      expect(revalidated.result.status).toBe(304);
      expect(revalidated.result.headers.get('etag')).toBe(tag);
      // A 304 varies as the answer it stands for.
      expect(revalidated.result.headers.get('vary')).toBe(first.result.headers.get('vary'));
      expect(await revalidated.result.text()).toBe('');
      expect(revalidated.reads).toBe(0);

      const other = await getPersisted(server.http.url, GROUP_HASH, { id: 'org:寿阳县人民医院' }, { 'if-none-match': tag! });
      expect(other.status).toBe(200);
      expect(other.headers.get('etag')).not.toBe(tag);
      // Apollo's CSRF guard stays: a GET without a header a cross-site form cannot send is refused.
      const plain = await fetch(
        `${server.http.url}/graphql?variables=${encodeURIComponent(JSON.stringify(GROUP_VARIABLES))}&extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: GROUP_HASH } }))}`,
      );
      expect(plain.status).toBe(400);
    });

    it('never HTTP-caches POSTs, GETs with the query text, or answers with errors', async () => {
      const tag = (await getPersisted(server.http.url, GROUP_HASH, GROUP_VARIABLES)).headers.get('etag')!;
      const post = await fetch(`${server.http.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'if-none-match': tag },
        body: JSON.stringify({ query: GROUP, variables: GROUP_VARIABLES }),
      });
      expect(post.status).toBe(200);
      expect(post.headers.get('cache-control')).toBe('no-store');
      expect(post.headers.get('etag')).toBeNull();
      const text = await fetch(`${server.http.url}/graphql?query=${encodeURIComponent(NORMAL.query)}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(text.status).toBe(200);
      expect(text.headers.get('cache-control')).toBe('no-store');
      const refused = await getPersisted(server.http.url, GROUP_HASH, { id: 'not an id' });
      expect(((await refused.json()) as { errors: unknown[] }).errors).toHaveLength(1);
      expect(refused.headers.get('cache-control')).toBe('no-store');
      expect(refused.headers.get('etag')).toBeNull();
    });

    it('invalidates every cached answer when the graph is reseeded (its version changes)', async () => {
      await postGraphQL(server.http.url, NORMAL);
      const tag = (await getPersisted(server.http.url, GROUP_HASH, GROUP_VARIABLES)).headers.get('etag')!;
      expect((await readsOf(() => postGraphQL(server.http.url, NORMAL))).reads).toBe(0);
      server.graph.state.stamp = 'reseeded';
      await new Promise((resolve) => setTimeout(resolve, VERSION_RECHECK_MS + 200));
      const after = await readsOf(() => postGraphQL(server.http.url, NORMAL));
      expect(after.reads).toBeGreaterThan(0);
      expect(after.result.body.data.organization.name).toBe('寿阳县医疗集团');
      const revalidated = await readsOf(() => getPersisted(server.http.url, GROUP_HASH, GROUP_VARIABLES, { 'if-none-match': tag }));
      expect(revalidated.result.status).toBe(200);
      expect(revalidated.result.headers.get('etag')).not.toBe(tag);
      expect(revalidated.reads).toBeGreaterThan(0);
    });
  });

for (const engine of ENGINES)
  describe(`counts under a filter, on ${engine}, with the response cache off`, () => {
    const server = observedServer(engine, { RESPONSE_CACHE: 'false' });

    /** The statements a request sends, however they travel. */
    const readsOf = async (query: string) => {
      const before = server.graph.state.statements;
      const { body } = await postGraphQL(server.http.url, { query });
      expect(body.errors).toBeUndefined();
      return { data: body.data, reads: server.graph.state.statements - before };
    };

    it('reads each once per graph version, and again once the graph is reseeded', async () => {
      const charts =
        '{ stats { organizationsByKind(filter: { kinds: [HOSPITAL] }) { key count } achievementsByYear(filter: { kinds: [METRIC] }) { year count } } }';
      const page = '{ organizations(first: 2, filter: { kinds: [HOSPITAL] }) { totalCount edges { node { id } } } }';
      const first = await readsOf(charts);
      expect(first.reads).toBe(2);
      expect(first.data.stats.organizationsByKind).toEqual([{ key: 'HOSPITAL', count: expect.any(Number) }]);
      expect(await readsOf(charts)).toEqual({ ...first, reads: 0 });
      // Another filter is another count.
      expect((await readsOf(charts.replace('METRIC', 'MILESTONE'))).reads).toBe(1);
      // A list's count is kept, its page read each time.
      const listed = await readsOf(page);
      expect(listed.reads).toBe(2);
      expect(await readsOf(page)).toEqual({ ...listed, reads: 1 });

      server.graph.state.stamp = 'reseeded';
      await new Promise((resolve) => setTimeout(resolve, VERSION_RECHECK_MS + 200));
      expect(await readsOf(charts)).toEqual({ ...first, reads: 2 });
      expect(await readsOf(page)).toEqual({ ...listed, reads: 2 });
    });
  });
