import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { LABEL_ORDERS } from '../../src/data/filters.js';
import { entityStatements } from '../../src/data/statements/entities.js';
import { on, type Start } from '../../src/data/statements/keyed.js';
import { listStatements } from '../../src/data/statements/lists.js';
import { NODES, cypher, param, returns, statement, type Read, type Statement } from '../../src/graph/statement.js';
import { COMBINED_UP_TO } from '../../src/graph/combined.js';
import { neo4jDialect } from '../../src/graph/dialect.js';
import { Neo4jStore } from '../../src/graph/neo4j.js';
import { StatementError, type GraphStore, type Params, type ReadOptions } from '../../src/graph/store.js';
import { GRAPH_STATE, NODE_LABELS } from '../../src/model/graph.js';
import { seed } from '../../src/seed/seed.js';
import { postGraphQL, startHttp } from '../support/api.js';
import { startNeo4j, type LocalNeo4j } from '../support/neo4j.js';

const { cypherDir } = loadConfig();
const NORMAL = { query: '{ organization(id: "org:寿阳县医疗集团") { name children { id } } }' };
/** The type `SHOW CONSTRAINTS` gives a node property's uniqueness constraint: in Cypher 5, and in Cypher 25. */
const UNIQUENESS = new Set(['UNIQUENESS', 'NODE_PROPERTY_UNIQUENESS']);
/** A statement Neo4j runs for minutes unless its transaction is ended: ordered triples of all nodes. */
const ENDLESS = 'MATCH (a), (b), (c) WHERE a.id < b.id AND b.id < c.id RETURN count(*) AS n';

/** The store with its first request read (one with a deadline) replaced by the endless statement. */
function slowFirst(store: GraphStore): GraphStore {
  let left = 1;
  return Object.assign(Object.create(store) as GraphStore, {
    read: (cypher: string, params?: Params, options?: ReadOptions) =>
      options?.deadline && left-- > 0 ? store.read(ENDLESS, {}, options) : store.read(cypher, params, options),
  });
}

/** The operators of the plan Neo4j makes for each statement, root first. */
async function operatorsOf(uri: string, statements: ReadonlyArray<{ query: string; params: Record<string, unknown> }>): Promise<string[]> {
  const driver = neo4j.driver(uri);
  try {
    const plans: string[] = [];
    for (const { query, params } of statements) {
      const { summary } = await driver.executeQuery(`EXPLAIN ${query}`, params);
      const operators: string[] = [];
      const walk = (plan: { operatorType: string; children: unknown[] }) => {
        operators.push(plan.operatorType);
        plan.children.forEach((child) => walk(child as typeof plan));
      };
      walk(summary.plan as unknown as { operatorType: string; children: unknown[] });
      plans.push(operators.join(' '));
    }
    return plans;
  } finally {
    await driver.close();
  }
}

/**
 * Everything that needs a Neo4j server to itself, started here: writes, a transaction time limit,
 * routing, several API instances, and the server going away and coming back.
 */
describe('Neo4j, on a server of its own', () => {
  let server: LocalNeo4j;
  let store: Neo4jStore;
  beforeAll(async () => {
    server = await startNeo4j();
    store = new Neo4jStore({ uri: server.uri, connectionTimeoutMs: 3_000, transactionTimeoutMs: 10_000 });
    await seed(store, cypherDir);
  });
  afterAll(async () => {
    await store?.close();
    await server?.dispose();
  });

  it('answers a ping, commits with parameters, returns plain values and rolls back a failed transaction', async () => {
    await store.ping();
    await store.writeTransaction((tx) =>
      tx.run('MERGE (t:AdapterTestThing {id: $id}) SET t.n = $n, t.x = $x, t.tags = $tags', { id: 'a', n: 3, x: 4.5, tags: ['甲'] }),
    );
    const [row] = await store.read(
      'MATCH (t:AdapterTestThing {id: $id}) RETURN t.id AS id, t.n AS n, t.x AS x, t.tags AS tags, date("2023-07-19") AS d',
      { id: 'a' },
    );
    expect(row).toEqual({ id: 'a', n: 3, x: 4.5, tags: ['甲'], d: '2023-07-19' });
    await expect(
      store.writeTransaction(async (tx) => {
        await tx.run("MERGE (t:AdapterTestThing {id: 'rolled-back'})");
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await store.read("MATCH (t:AdapterTestThing {id: 'rolled-back'}) RETURN count(t) AS c")).toEqual([{ c: 0 }]);
    await store.writeTransaction((tx) => tx.run('MATCH (t:AdapterTestThing) DETACH DELETE t'));
  });

  it('pipelines a batch of statements and names the first one that failed', async () => {
    const error = await store
      .writeTransaction((tx) =>
        tx.runAll([
          { cypher: 'MERGE (t:AdapterTestThing {id: $id})', params: { id: 'b' } },
          { cypher: 'RETURN 1/0 AS boom' },
          { cypher: 'RETURN 1 AS fine' },
        ]),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StatementError);
    expect(error).toMatchObject({ index: 1 });
    expect(await store.read("MATCH (t:AdapterTestThing {id: 'b'}) RETURN count(t) AS c")).toEqual([{ c: 0 }]);
  });

  it('sends reads together as one statement, each answered as if sent alone', async () => {
    const kind = param('kind');
    const statements: Read[] = [
      // Ordered, limited, and with a parameter of the same name as the next statement's.
      {
        statement: statement(
          cypher`MATCH (o:Organization) WHERE o.kind = ${kind} RETURN ${returns(['o.id', 'id'], ['o.name', 'name'])} ORDER BY name DESC, id LIMIT 7`,
        ),
        params: { kind: 'HOSPITAL' },
      },
      { statement: statement(cypher`MATCH (o:Organization) WHERE o.kind = ${kind} RETURN ${returns(['count(o)', 'n'])}`), params: { kind: 'GROUP' } },
      { statement: statement(cypher`MATCH (o:Organization {id: 'org:none'}) RETURN ${returns(['o.id', 'id'])}`) },
      {
        statement: statement(
          cypher`MATCH (p:Place) WITH p ORDER BY p.id LIMIT 3 RETURN ${returns(['collect(p.id)', 'ids'], ['[p IN collect(p) | {name: p.name}]', 'names'])}`,
        ),
      },
    ];
    const alone = await Promise.all(statements.map((r) => store.read(r.statement.text, r.params)));
    expect(alone[0]).toHaveLength(7);
    expect(alone[2]).toEqual([]);
    expect(await store.readAll(statements)).toEqual(alone);
    // Statements built on one start find its nodes once: the answers are those of each sent alone.
    const start: Start = {
      clause: cypher`MATCH (o:Organization) WITH o ORDER BY o.name DESC, o.id SKIP ${param('offset')} LIMIT ${param('limit')} WITH o AS ${NODES}`,
    };
    const page = { offset: 3, limit: 100 };
    const fromStart: Read[] = [
      on(start, 'n', cypher`RETURN ${returns(['n.id', 'id'])}`),
      on(start, 'a', cypher`MATCH (a)-[:LOCATED_IN]->(p:Place) RETURN ${returns(['a.id', 'key'], ['p.name', 'place'])} ORDER BY key, place`),
      on(
        start,
        'x',
        cypher`MATCH (x)<-[:PART_OF]-(b:Organization) WITH DISTINCT b AS h MATCH (h)-[:HAS_ACHIEVEMENT]->(t) RETURN ${returns(['h.id', 'key'], ['t.id', 'id'])} ORDER BY key, id`,
      ),
    ].map((built) => ({ statement: built, params: page }));
    const separately = await Promise.all(fromStart.map((r) => store.read(r.statement.text, r.params)));
    expect(separately.every((rows) => rows.length)).toBe(true);
    expect(await store.readAll([...fromStart, statements[1]!])).toEqual([...separately, alone[1]]);
    // A batch wider than a piece goes as pieces side by side, each answer in its place.
    const wide = Array.from({ length: 2 * COMBINED_UP_TO + 3 }, (_, i) => statements[i % statements.length]!);
    const sent: string[] = [];
    const read = store.read.bind(store);
    const watched = Object.assign(Object.create(store) as Neo4jStore, {
      read: (cypher: string, params?: Params) => (sent.push(cypher), read(cypher, params)),
    });
    expect(await watched.readAll(wide)).toEqual(wide.map((_, i) => alone[i % statements.length]));
    expect(sent).toHaveLength(3);
    // One failing statement fails the batch with the engine's error, in one piece or in several.
    const fine = { statement: statement(cypher`RETURN ${returns(['1', 'fine'])}`) };
    const boom = { statement: statement(cypher`RETURN ${returns(['1/0', 'boom'])}`) };
    await expect(store.readAll([fine, boom])).rejects.toThrow(/by zero/i);
    await expect(store.readAll([...wide, boom])).rejects.toThrow(/by zero/i);
  });

  it("has a uniqueness constraint on every label's id, and looks ids up through it", async () => {
    const constraints = await store.read(
      'SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN labelsOrTypes[0] AS label, properties AS props, type',
    );
    expect(
      constraints
        .filter((c) => UNIQUENESS.has(c.type as string) && (c.props as string[])[0] === 'id')
        .map((c) => c.label)
        .sort(),
    ).toEqual([...NODE_LABELS, GRAPH_STATE.label].sort());
    const { byIds, links } = entityStatements(neo4jDialect);
    const lookups: Array<[string, Statement]> = [
      ...Object.entries(byIds).flatMap(([label, { one, many, joined }]): Array<[string, Statement]> => [
        [`${label} by one id`, one],
        [`${label} by ids`, many],
        [`${label} by many ids`, joined!],
      ]),
      ['links of a frontier of every label', links.OUT.many],
    ];
    const plans = await operatorsOf(
      server.uri,
      lookups.map(([, query]) => ({ query: query.text, params: { ids: ['x', 'y'], id: 'x' } })),
    );
    lookups.forEach(([label], i) => {
      expect(plans[i], `the id lookup of ${label}`).toMatch(/NodeUniqueIndexSeek/);
      expect(plans[i], `the id lookup of ${label}`).not.toMatch(/AllNodesScan|NodeByLabelScan/);
    });
  });

  it('reads a page ordered by name from the name index in its order, without sorting every node', async () => {
    const pages = NODE_LABELS.flatMap((label) => LABEL_ORDERS[label].filter((o) => o.startsWith('NAME_')).map((order) => ({ label, order })));
    const plans = await operatorsOf(
      server.uri,
      pages.map(({ label, order }) => ({ query: listStatements(label, [], order).page.text, params: { offset: 0, limit: 20 } })),
    );
    pages.forEach(({ label, order }, i) => {
      expect(plans[i], `${label} by ${order}`).toMatch(/NodeIndexScan/);
      expect(plans[i], `${label} by ${order}`).not.toMatch(/NodeByLabelScan|\bTop\b|\bSort\b/);
    });
  });

  it('ends a query past the transaction time limit with QUERY_TIMEOUT, and a request past its own with REQUEST_TIMEOUT', async () => {
    const strict = new Neo4jStore({ uri: server.uri, connectionTimeoutMs: 3_000, transactionTimeoutMs: 500 });
    const http = await startHttp(slowFirst(strict));
    try {
      const { body } = await postGraphQL(http.url, NORMAL);
      expect(body.errors?.[0].extensions.code).toBe('QUERY_TIMEOUT');
      expect((await postGraphQL(http.url, NORMAL)).body.data.organization.name).toBe('寿阳县医疗集团');
    } finally {
      await http.stop();
      await strict.close();
    }
    const timed = await startHttp(slowFirst(store), { REQUEST_TIMEOUT_MS: '3000', MAX_CONCURRENT: '1' });
    try {
      const first = await postGraphQL(timed.url, NORMAL);
      expect(first.status).toBe(503);
      expect(first.body.errors?.[0].extensions.code).toBe('REQUEST_TIMEOUT');
      // One slot: had the first request's query kept running, this one would wait for it and time out too.
      const next = await postGraphQL(timed.url, NORMAL);
      expect(next.body.data.organization.name).toBe('寿阳县医疗集团');
    } finally {
      await timed.stop();
    }
  });

  it('serves through a neo4j:// routing URI, and two API instances on one Neo4j answer alike', async () => {
    const routed = new Neo4jStore({ uri: server.uri.replace('bolt://', 'neo4j://'), connectionTimeoutMs: 5_000 });
    const [a, b] = [await startHttp(store), await startHttp(routed)];
    try {
      const query = {
        query:
          '{ search(query: "寿阳", first: 5) { node { id name } } stats { byType { type count } } organizations(first: 5) { edges { node { id } } } }',
      };
      const [fromA, fromB] = await Promise.all([postGraphQL(a.url, query), postGraphQL(b.url, query)]);
      expect(fromA.body.errors).toBeUndefined();
      expect(fromB.body).toEqual(fromA.body);
    } finally {
      await a.stop();
      await b.stop();
      await routed.close();
    }
  });

  it('fails fast with DATABASE_UNAVAILABLE when the Neo4j process stops, says so on /ready, and recovers by itself when it is back', async () => {
    const http = await startHttp(store);
    try {
      expect((await postGraphQL(http.url, NORMAL)).body.data.organization.name).toBe('寿阳县医疗集团');
      await server.stop();
      const started = Date.now();
      const away = await postGraphQL(http.url, NORMAL);
      expect(away.body.errors?.[0].extensions.code).toBe('DATABASE_UNAVAILABLE');
      expect(Date.now() - started).toBeLessThan(15_000);
      const ready = await fetch(`${http.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'database unavailable', engine: 'neo4j' });
      await server.restart();
      await expect
        .poll(async () => (await postGraphQL(http.url, NORMAL)).body.data?.organization?.name, { timeout: 60_000, interval: 500 })
        .toBe('寿阳县医疗集团');
      await expect.poll(async () => (await fetch(`${http.url}/ready`)).status, { timeout: 30_000, interval: 500 }).toBe(200);
    } finally {
      await http.stop();
    }
  });
});
