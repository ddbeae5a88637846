import type { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import type { GraphStore } from '../../src/graph/store.js';
import { encodeCursor } from '../../src/resolvers/connections.js';
import { execute, postGraphQL, startApollo, startHttp } from '../support/api.js';
import { ENGINES, withSeededServer } from '../support/stores.js';

const GROUP = 'org:寿阳县医疗集团';

const ORGANIZATION = `query Organization($id: ID!) {
  organization(id: $id) { id name kind aliases parents { id } children { id name kind } }
}`;

for (const engine of ENGINES) {
  describe(`the organization API on ${engine}`, () => {
    let store: GraphStore;
    let apollo: ApolloServer<Context>;
    withSeededServer(engine, startApollo, (s, a) => ((store = s), (apollo = a)));

    it('finds the Shouyang County medical group with its hospitals and township health centers', async () => {
      const { data, errors } = await execute(apollo, store, { query: ORGANIZATION, variables: { id: GROUP } });
      expect(errors).toBeUndefined();
      const group = data!.organization as { name: string; kind: string; children: Array<{ id: string; name: string; kind: string }> };
      expect(group).toMatchObject({ name: '寿阳县医疗集团', kind: 'MEDICAL_GROUP' });
      const hospitals = group.children.filter((c) => c.kind === 'HOSPITAL').map((c) => c.name);
      expect(hospitals).toEqual(expect.arrayContaining(['寿阳县人民医院', '寿阳县中医院']));
      expect(group.children.filter((c) => c.kind === 'PRIMARY_CARE').length).toBeGreaterThanOrEqual(3);
    });

    it('links a member back to its group as parent', async () => {
      const { data } = await execute(apollo, store, { query: ORGANIZATION, variables: { id: 'org:寿阳县人民医院' } });
      expect(data!.organization).toMatchObject({ parents: expect.arrayContaining([{ id: GROUP }]) });
    });

    it('returns null for an unknown id, and finds an organization through node()', async () => {
      expect((await execute(apollo, store, { query: ORGANIZATION, variables: { id: 'org:不存在' } })).data).toEqual({ organization: null });
      const { data } = await execute(apollo, store, { query: `{ node(id: "${GROUP}") { __typename id ... on Organization { kind } } }` });
      expect(data).toEqual({ node: { __typename: 'Organization', id: GROUP, kind: 'MEDICAL_GROUP' } });
    });

    it('pages through organizations of a kind with cursors, in name order, without gaps or repeats', async () => {
      const query = `query Page($after: String) { organizations(first: 2, kind: HOSPITAL, after: $after) {
        totalCount edges { cursor node { name kind } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
      const seen: string[] = [];
      let after: string | null = null;
      let total = 0;
      for (let page = 0; page < 200; page++) {
        const { data, errors } = await execute(apollo, store, { query, variables: { after } });
        expect(errors).toBeUndefined();
        const connection = data!.organizations as any;
        total = connection.totalCount;
        expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
        for (const edge of connection.edges) {
          expect(edge.node.kind).toBe('HOSPITAL');
          seen.push(edge.node.name);
        }
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(seen.length).toBe(total);
      expect(new Set(seen).size).toBe(total);
      expect(seen).toContain('寿阳县人民医院');
    });

    it('refuses a page size above the cap and a forged cursor, naming the argument', async () => {
      const big = await execute(apollo, store, { query: '{ organizations(first: 1000) { totalCount } }' });
      expect(big.errors?.[0]).toMatchObject({ message: expect.stringContaining('first'), extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
      const forged = await execute(apollo, store, { query: '{ organizations(after: "bm90LWEtY3Vyc29y") { totalCount } }' });
      expect(forged.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } });
      const valid = await execute(apollo, store, { query: `{ organizations(first: 1, after: "${encodeCursor(0)}") { edges { cursor } } }` });
      expect(valid.data).toEqual({ organizations: { edges: [{ cursor: encodeCursor(1) }] } });
    });

    it('serves the same queries over HTTP, with health and readiness', async () => {
      const http = await startHttp(store);
      try {
        const { status, body } = await postGraphQL(http.url, { query: ORGANIZATION, variables: { id: GROUP } });
        expect(status).toBe(200);
        expect(body.data.organization.name).toBe('寿阳县医疗集团');
        const bad = await postGraphQL(http.url, { query: '{ organizations(first: -1) { totalCount } }' });
        expect(bad.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(await (await fetch(`${http.url}/health`)).json()).toEqual({ status: 'ok' });
        expect(await (await fetch(`${http.url}/ready`)).json()).toEqual({ status: 'ready', engine });
      } finally {
        await http.stop();
      }
    });
  });
}
