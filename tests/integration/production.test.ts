import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverAudits } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { DeadlineError, type GraphStore, type Params, type ReadOptions } from '../../src/graph/store.js';
import { operationHash } from '../../src/http/safelist.js';
import { doublingFragments } from '../fixtures/bad-inputs.js';
import { postGraphQL, startHttp } from '../support/api.js';
import { burst } from '../support/load.js';
import { ENGINES, withSeededServer } from '../support/stores.js';

const NORMAL = { query: '{ organization(id: "org:寿阳县医疗集团") { name } }' };
const ANSWER = { organization: { name: '寿阳县医疗集团' } };
/** A statement that runs for minutes unless interrupted: ordered triples of all nodes, compared one by one. */
const ENDLESS = 'MATCH (a), (b), (c) WHERE a.id < b.id AND b.id < c.id RETURN count(*) AS n';

/**
 * The store with its first `slow` request reads (those with a deadline; the server's own reads have
 * none) replaced by the endless statement, run with the request's deadline.
 */
function slowFirst(store: GraphStore, slow: number): GraphStore {
  let left = slow;
  return Object.assign(Object.create(store) as GraphStore, {
    read: (cypher: string, params?: Params, options?: ReadOptions) =>
      options?.deadline && left-- > 0 ? store.read(ENDLESS, {}, options) : store.read(cypher, params, options),
  });
}

/** The store with every request read delayed, to hold admission slots. */
function delayed(store: GraphStore, ms: number): GraphStore {
  return Object.assign(Object.create(store) as GraphStore, {
    read: async (cypher: string, params?: Params, options?: ReadOptions) => {
      if (options?.deadline) await new Promise((r) => setTimeout(r, ms));
      return store.read(cypher, params, options);
    },
  });
}

const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
};

for (const engine of ENGINES)
  describe(`the server as production runs it, on ${engine}`, () => {
    let store: GraphStore;
    let http: Awaited<ReturnType<typeof startHttp>>;
    withSeededServer(engine, startHttp, (s, h) => ((store = s), (http = h)));

    it('keeps introspection, suggestions and the pages off in production unless switched on', async () => {
      const prod = await startHttp(store, { NODE_ENV: 'production' });
      const open = await startHttp(store, { NODE_ENV: 'production', INTROSPECTION: 'true', PLAYGROUND: 'true' });
      try {
        const introspection = await postGraphQL(prod.url, { query: '{ __schema { queryType { name } } }' });
        expect(introspection.body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
        const typo = await postGraphQL(prod.url, { query: '{ organisation(id: "org:x") { id } }' });
        expect(typo.body.errors?.[0].message).not.toMatch(/Did you mean/);
        expect((await fetch(`${prod.url}/explore`)).status).toBe(404);
        expect((await fetch(`${prod.url}/`, { headers: { accept: 'text/html' } })).status).toBe(404);

        expect((await postGraphQL(open.url, { query: '{ __schema { queryType { name } } }' })).body.data.__schema.queryType.name).toBe('Query');
        expect((await postGraphQL(open.url, { query: '{ organisation(id: "org:x") { id } }' })).body.errors?.[0].message).toMatch(
          /Did you mean "organization"/,
        );
        expect((await fetch(`${open.url}/explore`)).status).toBe(200);
      } finally {
        await prod.stop();
        await open.stop();
      }
    });

    it('serves pages with a content security policy, no framing and no sniffing', async () => {
      for (const path of ['/', '/explore']) {
        const response = await fetch(`${http.url}${path}`, { headers: { accept: 'text/html' } });
        expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      }
      const api = await fetch(`${http.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(NORMAL),
      });
      expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('accepts application/json in any case and with parameters', async () => {
      for (const type of ['Application/JSON', 'application/json; charset=UTF-8', 'APPLICATION/GRAPHQL-RESPONSE+JSON;charset=utf-8']) {
        expect((await postGraphQL(http.url, NORMAL, { 'content-type': type })).body.data).toEqual(ANSWER);
      }
    });

    it('passes every MUST and every SHOULD of the GraphQL-over-HTTP audit', async () => {
      const results = await Promise.all(serverAudits({ url: `${http.url}/graphql`, fetchFn: fetch }).map((audit) => audit.fn()));
      const failed = results.filter((r) => !r.name.startsWith('MAY') && r.status !== 'ok').map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`);
      expect(failed).toEqual([]);
    });

    it('measures a 39-level doubling fragment chain in linear time and keeps answering', async () => {
      const { result, ms } = await timed(() => postGraphQL(http.url, { query: doublingFragments(39) }));
      expect(result.body).toEqual({ data: { __typename: 'Query' } });
      expect(ms).toBeLessThan(2_000);
      // Spread twice per level, merged as execution merges them: the chain costs what one copy costs.
      const leaf = 'organizations(first: 100) { edges { node { achievements(first: 100) { edges { node { holders { id name } } } } } } }';
      const chain = (await postGraphQL(http.url, { query: doublingFragments(39, leaf) })).body.errors?.[0];
      const single = (await postGraphQL(http.url, { query: `{ ${leaf} }` })).body.errors?.[0];
      expect(chain.extensions.code).toBe('QUERY_TOO_COSTLY');
      expect(chain.message).toBe(single.message);
      expect((await fetch(`${http.url}/health`)).status).toBe(200);
    });

    it("answers GraphiQL's own introspection query whenever introspection is on", async () => {
      const { getIntrospectionQuery } = await import('graphql');
      const { body } = await postGraphQL(http.url, {
        query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true }),
      });
      expect(body.errors).toBeUndefined();
      expect(body.data.__schema.queryType.name).toBe('Query');
    });

    it('serves only safelisted operations when PERSISTED_ONLY is on, by text or by hash', async () => {
      const locked = await startHttp(store, { PERSISTED_ONLY: 'true' });
      try {
        const text = readFileSync(join(PROJECT_ROOT, 'tests/operations/GroupWithHospitals.graphql'), 'utf8');
        const variables = { id: 'org:寿阳县医疗集团' };
        const byText = await postGraphQL(locked.url, { query: text.replace(/#.*\n/g, '').replace(/\s+/g, ' '), variables });
        expect(byText.body.data.organization.name).toBe('寿阳县医疗集团');
        const extensions = { persistedQuery: { version: 1, sha256Hash: operationHash(text) } };
        const byHash = await postGraphQL(locked.url, { variables, extensions });
        expect(byHash.body.data).toEqual(byText.body.data);
        // Apollo's CSRF guard wants a header on GETs that a plain cross-site form cannot send.
        const get = await fetch(
          `${locked.url}/graphql?variables=${encodeURIComponent(JSON.stringify(variables))}&extensions=${encodeURIComponent(JSON.stringify(extensions))}`,
          {
            headers: { 'apollo-require-preflight': 'true' },
          },
        );
        expect(((await get.json()) as { data: unknown }).data).toEqual(byText.body.data);
        for (const body of [
          NORMAL,
          { query: NORMAL.query, extensions: { persistedQuery: { version: 1, sha256Hash: operationHash(NORMAL.query) } } },
        ]) {
          const refused = await postGraphQL(locked.url, body);
          expect(refused.status).toBe(400);
          expect(refused.body.errors?.[0].extensions.code).toBe('OPERATION_NOT_ALLOWED');
        }
      } finally {
        await locked.stop();
      }
    });

    it('limits each client to RATE_LIMIT requests a minute, with Retry-After', async () => {
      const limited = await startHttp(store, { RATE_LIMIT: '5' });
      try {
        const statuses = [];
        for (let i = 0; i < 6; i++) statuses.push((await postGraphQL(limited.url, NORMAL)).status);
        expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
        const refused = await fetch(`${limited.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(NORMAL),
        });
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('RATE_LIMITED');
      } finally {
        await limited.stop();
      }
    });

    it('interrupts a read at its deadline instead of letting it run', async () => {
      const { result, ms } = await timed(() => store.read(ENDLESS, {}, { deadline: Date.now() + 200 }).catch((e: unknown) => e));
      expect(String(result)).toMatch(/interrupted|timed ?out|terminated/i);
      expect(ms).toBeLessThan(2_000);
      await expect(store.read('RETURN 1 AS x', {}, { deadline: Date.now() - 1 })).rejects.toBeInstanceOf(DeadlineError);
    });

    it('cancels the database work of a timed-out request, so the next request is served at once', async () => {
      const server = await startHttp(slowFirst(store, 1), { REQUEST_TIMEOUT_MS: '3000', MAX_CONCURRENT: '1' });
      try {
        const first = await timed(() => postGraphQL(server.url, NORMAL));
        expect(first.result.status).toBe(503);
        expect(first.result.body.errors?.[0].extensions.code).toBe('REQUEST_TIMEOUT');
        // One slot: had the first request's query kept running, this one would wait for it and time out too.
        const next = await timed(() => postGraphQL(server.url, NORMAL));
        expect(next.result.body.data).toEqual(ANSWER);
        expect(next.ms).toBeLessThan(1_500);
      } finally {
        await server.stop();
      }
    });

    it('turns overload away at once with 503 and Retry-After, and answers normally right after', async () => {
      const server = await startHttp(delayed(store, 200), { MAX_CONCURRENT: '2', MAX_QUEUE: '4', REQUEST_TIMEOUT_MS: '5000' });
      try {
        const burst = await Promise.all(
          Array.from({ length: 40 }, () =>
            timed(async () => {
              const response = await fetch(`${server.url}/graphql`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(NORMAL),
              });
              return {
                status: response.status,
                retryAfter: response.headers.get('retry-after'),
                body: (await response.json()) as { errors?: Array<{ extensions: { code: string } }> },
              };
            }),
          ),
        );
        const refused = burst.filter((r) => r.result.status === 503);
        expect(burst.filter((r) => r.result.status === 200)).toHaveLength(6);
        expect(refused).toHaveLength(34);
        expect(refused.every((r) => r.result.retryAfter === '1' && r.result.body.errors?.[0]?.extensions.code === 'OVERLOADED')).toBe(true);
        expect(Math.max(...refused.map((r) => r.ms))).toBeLessThan(500);
        const after = await timed(() => postGraphQL(server.url, NORMAL));
        expect(after.result.body.data).toEqual(ANSWER);
        expect(after.ms).toBeLessThan(1_000);
      } finally {
        await server.stop();
      }
    });

    it('stays responsive under hundreds of connections: fast refusals, nothing slower than the time limit', async () => {
      const server = await startHttp(store, { REQUEST_TIMEOUT_MS: '3000' });
      const heavy = { query: '{ neighborhood(id: "org:寿阳县医疗集团", depth: 2, limit: 100) { nodes { id name } } }' };
      try {
        const results = await burst(server.url, heavy, 300);
        expect(results.every((r) => r.status === 200 || r.status === 503)).toBe(true);
        expect(results.some((r) => r.status === 503 && r.code === 'OVERLOADED')).toBe(true);
        const slowest = Math.max(...results.map((r) => r.ms));
        console.log(
          `300 connections: ${results.filter((r) => r.status === 200).length} answered, ${results.filter((r) => r.status === 503).length} refused, slowest ${Math.round(slowest)} ms`,
        );
        // The limit plus a little.
        expect(slowest).toBeLessThan(3_000 + 1_500);
        const after = await timed(() => postGraphQL(server.url, NORMAL));
        expect(after.result.body.data).toEqual(ANSWER);
        expect(after.ms).toBeLessThan(1_000);
      } finally {
        await server.stop();
      }
    });
  });
