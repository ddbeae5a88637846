/**
 * `npm run bench`: the API on both engines (the embedded Kuzu, and a Neo4j of its own started with
 * tools/neo4j on a spare port), printed as Markdown tables: each operation beside the best hand-written
 * Cypher for the same answer, round trips, CPU and throughput from the server's own process, the
 * response cache against the server's floor, ×10 and ×100 graphs, and on Neo4j the peer
 * `@neo4j/graphql`. Numbers are measured here, never asserted.
 */
import { fork, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { PROJECT_ROOT, loadConfig } from '../../src/config.js';
import { DataAccess } from '../../src/data/access.js';
import { KuzuStore } from '../../src/graph/kuzu.js';
import { Neo4jStore } from '../../src/graph/neo4j.js';
import type { GraphStore } from '../../src/graph/store.js';
import { applySchema } from '../../src/seed/loader.js';
import { seed } from '../../src/seed/seed.js';
import { createApollo } from '../../src/server.js';
import { postGraphQL, startHttp, testConfig } from '../support/api.js';
import { startNeo4j, type LocalNeo4j } from '../support/neo4j.js';
import { COMPARED, MIX, OPS, canonical, documentOf, idealStatements, type Ideal, type Op } from './mix.js';
import { PEER_OPS, startPeer } from './peer.js';
import type { Measured, Run } from './load.js';
import { growKuzu, growNeo4j, shrinkNeo4j } from './synthetic.js';
import { dumpName, writeArchive } from '../../src/web/downloads.js';
import { GraphVersion } from '../../src/data/version.js';
import { samplesOf, shippedOperations, type Shipped } from './shipped.js';

type Engine = 'kuzu' | 'neo4j';
/** A seeded graph on one engine: its store, and where a server process of its own finds it. */
interface Graph {
  engine: Engine;
  store: GraphStore;
  seedMs: number;
  kuzuPath?: string;
  neo4j?: LocalNeo4j;
}
type Row = Record<string, string | number>;

/** Executions a median is taken of: on two cores beside a JVM, one execution moves by tens of percent from the next. */
const RUNS = 51;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);
const ratio = (a: number, b: number) => (a / Math.max(b, 0.01)).toFixed(2);

function table(title: string, rows: Row[], note?: string): void {
  console.log(`\n### ${title}\n`);
  const columns = Object.keys(rows[0]!);
  console.log(`| ${columns.join(' | ')} |\n| ${columns.map(() => '---').join(' | ')} |`);
  for (const row of rows) console.log(`| ${columns.map((c) => row[c]).join(' | ')} |`);
  if (note) console.log(`\n${note}`);
}

/** Median times of pieces of work run in turn (so a warming engine or JIT favours none), after a few unmeasured rounds. */
async function medians(works: Array<() => Promise<unknown>>, runs = RUNS, warm = 3): Promise<number[]> {
  const taken = works.map((): number[] => []);
  for (let round = 0; round < warm + runs; round++) {
    for (const [i, work] of works.entries()) {
      const started = performance.now();
      await work();
      if (round >= warm) taken[i]!.push(performance.now() - started);
    }
  }
  return taken.map(median);
}

/** One operation executed in process by an Apollo Server of its own, and what its last execution cost the database. */
async function inProcess(store: GraphStore, op: Op, batching = true) {
  const apollo = createApollo(testConfig(), store);
  await apollo.start();
  const cost = { statements: 0, roundTrips: 0, waits: 0 };
  const last = { answerBytes: 0, answer: undefined as unknown };
  const run = async () => {
    const data = new DataAccess(store, { batching });
    const response = await apollo.executeOperation({ query: documentOf(op) }, { contextValue: { data } });
    if (response.body.kind !== 'single') throw new Error(`${op}: answered incrementally`);
    const { errors, data: answer } = response.body.singleResult;
    if (errors) throw new Error(`${op}: ${errors[0]!.message}`);
    Object.assign(cost, { statements: data.statements, roundTrips: data.roundTrips, waits: data.waits });
    last.answerBytes = Buffer.byteLength(JSON.stringify(answer));
    last.answer = answer;
  };
  return { run, cost, last, stop: () => apollo.stop() };
}

/** What one execution of an operation costs the database, batched or naive. */
async function costOf(store: GraphStore, op: Op, batching: boolean) {
  const execution = await inProcess(store, op, batching);
  await execution.run();
  await execution.stop();
  return execution.cost;
}

/** The hand-written statements of an operation, run as a client would (side by side when several). */
const runIdeal = async (store: GraphStore, ideal: Ideal) =>
  (await Promise.all((Array.isArray(ideal.cypher) ? ideal.cypher : [ideal.cypher]).map((c) => store.read(c, ideal.params)))).flat();

/** Rounds of the whole mix, the API's and the ideal's, before any is timed: a fresh JVM compiles its hot paths over the first seconds. */
const WARM_ROUNDS = 30;

async function warmUp(graph: Graph): Promise<void> {
  const ideal = idealStatements(graph.engine, graph.store.dialect);
  const apollo = createApollo(testConfig(), graph.store);
  await apollo.start();
  for (let round = 0; round < WARM_ROUNDS; round++)
    for (const op of COMPARED) {
      await apollo.executeOperation({ query: documentOf(op) }, { contextValue: { data: new DataAccess(graph.store) } });
      await runIdeal(graph.store, ideal[op]);
    }
  await apollo.stop();
}

/**
 * Per operation: the API in process and over HTTP beside the ideal Cypher, and what each costs the
 * database. The ratio compares like with like, both run from this process with no HTTP between: the
 * HTTP column adds what any server in front of the ideal would add too.
 */
async function perOperation(graph: Graph): Promise<void> {
  const http = await startHttp(graph.store, { RESPONSE_CACHE: 'false' });
  const ideal = idealStatements(graph.engine, graph.store.dialect);
  const rows: Row[] = [];
  const floor = (await medians([() => postGraphQL(http.url, { query: '{ __typename }' })]))[0]!;
  for (const op of COMPARED) {
    const execution = await inProcess(graph.store, op);
    const [api, overHttp, best] = (await medians([
      execution.run,
      () => postGraphQL(http.url, { query: documentOf(op) }),
      () => runIdeal(graph.store, ideal[op]),
    ])) as [number, number, number];
    await execution.stop();
    const answer = (await postGraphQL(http.url, { query: documentOf(op) })).body.data;
    const same = isDeepStrictEqual(canonical(answer), canonical(ideal[op].shape(await runIdeal(graph.store, ideal[op]))));
    const { cost } = execution;
    rows.push({
      operation: op,
      'API p50 ms': ms(api),
      'ideal Cypher p50 ms': ms(best),
      'API / ideal': ratio(api, best),
      'API over HTTP p50 ms': ms(overHttp),
      'same answer': same ? 'yes' : 'NO',
      'statements (round trips, waits)': `${cost.statements} (${cost.roundTrips}, ${cost.waits})`,
      'naive statements': (await costOf(graph.store, op, false)).statements,
    });
  }
  await http.stop();
  table(
    `Per operation (median of ${RUNS} taken in turn with the ideal's, response cache off)`,
    rows,
    'API: executed by Apollo Server in this process, as the ideal Cypher (one hand-written statement per operation giving the same answer, tests/bench/mix.ts; ' +
      'on Kuzu, search and neighborhood in parts side by side) runs from it; target API / ideal ≤ 1.5. ' +
      `Over HTTP: the same request sent to the server over loopback, which adds ${ms(floor)} ms for \`{ __typename }\`. ` +
      'Statements: what the batched data layer sends, in how many round trips (reads of one turn travel together where the engine is across a network) ' +
      'and waits in turn; naive: the one-query-per-field baseline.',
  );
}

/** A server of the graph in a process of its own (tests/bench/server.ts), and the CPU it has used. */
async function serverProcess(graph: Graph, env: Record<string, string>) {
  const child = fork(join(PROJECT_ROOT, 'tests/bench/server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      ...env,
      NODE_ENV: 'production',
      BENCH_KUZU: graph.kuzuPath ?? '',
      NEO4J_URI: graph.neo4j?.uri ?? '',
      NEO4J_USERNAME: '',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(key: string) => new Promise<T>((resolve) => child.on('message', (m: Record<string, T>) => key in m && resolve(m[key]!)));
  const url = await next<string>('url');
  return {
    url,
    /** CPU (user and system) the server has used so far, in milliseconds. */
    cpu: async () => {
      const asked = next<NodeJS.CpuUsage>('cpu');
      child.send('cpu');
      const { user, system } = await asked;
      return (user + system) / 1000;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

/** The load generator (tests/bench/load.ts): `fire` sends it one run at a time. */
function loadGenerator() {
  const child = fork(join(PROJECT_ROOT, 'tests/bench/load.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    fire: (run: Run) =>
      new Promise<Measured>((resolve, reject) => {
        child.once('message', (m: { measured?: Measured; error?: string }) => (m.measured ? resolve(m.measured) : reject(new Error(m.error))));
        child.send(run);
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

/**
 * A fixed run of requests with the server's CPU over it, after an unmeasured run of a quarter as many
 * (the server's JIT would otherwise favour whichever run comes later).
 */
async function load(
  generator: ReturnType<typeof loadGenerator>,
  server: Awaited<ReturnType<typeof serverProcess>>,
  label: string,
  bodies: string[],
  amount: number,
): Promise<Row> {
  await generator.fire({ url: server.url, bodies, amount: Math.ceil(amount / 4) });
  const cpuBefore = await server.cpu();
  const measured = await generator.fire({ url: server.url, bodies, amount });
  const cpu = (await server.cpu()) - cpuBefore;
  return {
    run: label,
    requests: measured.requests,
    'req/s': (measured.requests / measured.seconds).toFixed(0),
    'p50 ms': measured.p50,
    'p99 ms': measured.p99,
    'CPU ms / request': (cpu / measured.requests).toFixed(2),
    errors: measured.errors,
  };
}

/** CPU and throughput of the mix without the response cache, then the warm cache beside the server's floor. */
async function throughput(graph: Graph): Promise<void> {
  const queries = OPS.map((op) => JSON.stringify({ query: documentOf(op) }));
  const rows: Row[] = [];
  const generator = loadGenerator();
  const cold = await serverProcess(graph, { RESPONSE_CACHE: 'false' });
  rows.push(await load(generator, cold, 'mix, response cache off', queries, 500));
  await cold.stop();
  const warm = await serverProcess(graph, { RESPONSE_CACHE: 'true' });
  const cached = await load(generator, warm, 'mix, response cache on (warm)', queries, 20_000);
  const floor = await load(generator, warm, 'floor: { __typename }', [JSON.stringify({ query: '{ __typename }' })], 20_000);
  await warm.stop();
  await generator.stop();
  rows.push(cached, floor);
  table(
    'Throughput and CPU (server process; autocannon at 8 connections in a process of its own, a fixed number of requests)',
    rows,
    `CPU: \`process.cpuUsage()\` of the server process over the run; target ≤ 12 ms a request with the cache off. ` +
      `Warm cache / floor: ${ratio(Number(cached['req/s']), Number(floor['req/s']))} (target ≥ 0.5).`,
  );
}

/** Samples of each shipped operation timed per operation, and how many weighted request bodies the load runs send. */
const SHIPPED_SAMPLES = 21;
const SHIPPED_BODIES = 400;

/** The weighted request bodies of the shipped mix; with `fresh`, each a document text of its own, as people typing in the playground send. */
function shippedBodies(shipped: Shipped[], fresh: boolean): string[] {
  const weighted = shipped.flatMap((op) => Array<Shipped>(op.weight).fill(op));
  return Array.from({ length: SHIPPED_BODIES }, (_, i) => {
    const op = weighted[(i * 7919) % weighted.length]!;
    return JSON.stringify({ query: fresh ? `# request ${i}\n${op.document}` : op.document, variables: op.variables() });
  });
}

/**
 * What data engineers send besides the pages' GraphQL: the reconciliation service's batches (strings of
 * its labelled set, ten a batch, as OpenRefine sends them) and English searches, timed as the rest.
 */
async function beyondGraphQL(url: string, floor: number): Promise<Row[]> {
  const set = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'tests/reconcile/set.json'), 'utf8')) as Array<{ query: string }>).map((s) => s.query);
  const english = set.filter((q) => /^[A-Za-z]/.test(q));
  let at = 0;
  const batch = () => Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`q${i}`, { query: set[at++ % set.length], limit: 3 }]));
  const reconcile = async () => {
    const response = await fetch(`${url}/reconcile`, { method: 'POST', body: new URLSearchParams({ queries: JSON.stringify(batch()) }) });
    if (!response.ok) throw new Error(`reconcile: ${response.status}`);
    await response.json();
  };
  const single = async () => {
    const { body } = await postGraphQL(url, {
      query: 'query R($q: String!) { reconcile(query: $q) { score match entity { id name } } }',
      variables: { q: set[at++ % set.length] },
    });
    if (body.errors) throw new Error(`reconcile: ${JSON.stringify(body.errors[0])}`);
  };
  const search = async () => {
    const { body } = await postGraphQL(url, {
      query: 'query S($q: String!) { search(query: $q, first: 10) { score node { id name(language: EN) } } }',
      // The name before its first comma, within the 100 characters a search takes.
      variables: { q: english[at++ % english.length]!.split(',')[0]!.slice(0, 100) },
    });
    if (body.errors) throw new Error(`search: ${JSON.stringify(body.errors[0])}`);
  };
  // As many unmeasured rounds first as measured: a batch's reads combine into statements of many shapes,
  // each planned by Neo4j the first time it is seen (as the shipped operations' bodies are, above).
  const [batched, one, words] = (await medians([reconcile, single, search], SHIPPED_SAMPLES, SHIPPED_SAMPLES)) as [number, number, number];
  const row = (operation: string, p50: number): Row => ({
    operation,
    weight: 0,
    'p50 ms over HTTP': ms(p50),
    '× floor': ratio(p50, floor),
    'statements (round trips, waits)': '–',
    errors: 0,
  });
  return [
    row('/reconcile: a batch of 10 strings (W3C)', batched),
    row('query reconcile: one string', one),
    row('query search: English words', words),
  ];
}

/**
 * Every operation the product sends (tests/bench/shipped.ts): each one's median over HTTP across many
 * variables against the `{ __typename }` floor, and what one execution costs the database; then the
 * server's CPU per request over the weighted mix, with the document texts the pages send and with a new
 * text per request.
 */
async function shippedOperationsPart(graph: Graph): Promise<void> {
  const shipped = shippedOperations(await samplesOf(graph.store));
  const http = await startHttp(graph.store, { RESPONSE_CACHE: 'false' });
  const floor = (await medians([() => postGraphQL(http.url, { query: '{ __typename }' })]))[0]!;
  const bodiesOf = new Map(
    shipped.map((op) => [op, Array.from({ length: SHIPPED_SAMPLES }, () => ({ query: op.document, variables: op.variables() }))]),
  );
  // Every body once, unmeasured: a server in service has planned its statements' shapes (Neo4j plans each
  // new statement text, tens of milliseconds, and keeps the plan) and compiled its hot paths.
  for (const bodies of bodiesOf.values()) for (const body of bodies) await postGraphQL(http.url, body);
  const rows: Row[] = [];
  for (const op of shipped) {
    const bodies = bodiesOf.get(op)!;
    let errors = 0;
    let at = 0;
    const [p50] = (await medians(
      [
        async () => {
          const { body } = await postGraphQL(http.url, bodies[at++ % bodies.length]);
          if (body.errors) errors++;
        },
      ],
      SHIPPED_SAMPLES,
      2,
    )) as [number];
    const data = new DataAccess(graph.store);
    const apollo = createApollo(testConfig(), graph.store);
    await apollo.start();
    await apollo.executeOperation({ query: op.document, variables: bodies[0]!.variables }, { contextValue: { data } });
    await apollo.stop();
    rows.push({
      operation: op.name,
      weight: op.weight,
      'p50 ms over HTTP': ms(p50),
      '× floor': ratio(p50, floor),
      'statements (round trips, waits)': `${data.statements} (${data.roundTrips}, ${data.waits})`,
      errors,
    });
  }
  rows.push(...(await beyondGraphQL(http.url, floor)));
  await http.stop();
  table(
    `Every shipped operation (median of ${SHIPPED_SAMPLES} sequential requests over HTTP, each with other variables; response cache off)`,
    rows,
    `Floor: \`{ __typename }\` over HTTP, ${ms(floor)} ms; target every operation ≤ 20× the floor. Variables drawn from the graph (tests/bench/shipped.ts); errors: answers with a GraphQL error (an id the operation's type does not take, say).`,
  );
  if (graph.engine === 'kuzu') await graph.store.close();
  const generator = loadGenerator();
  const server = await serverProcess(graph, { RESPONSE_CACHE: 'false' });
  const cpuRows = [
    await load(generator, server, 'shipped mix, document texts as the pages send them', shippedBodies(shipped, false), 600),
    await load(generator, server, 'shipped mix, a new document text per request', shippedBodies(shipped, true), 600),
  ];
  await server.stop();
  await generator.stop();
  if (graph.engine === 'kuzu') graph.store = await KuzuStore.open({ path: graph.kuzuPath! });
  table(
    'CPU of the shipped mix (server process, response cache off; autocannon at 8 connections in a process of its own, weighted as the pages send)',
    cpuRows,
    'Target ≤ 12 ms of server CPU a request (stretch: 6).',
  );
}

/** Our API and @neo4j/graphql side by side on the same Neo4j, each operation asking for the same data. */
async function peer(graph: Graph): Promise<void> {
  const ours = await startHttp(graph.store, { RESPONSE_CACHE: 'false' });
  const theirs = await startPeer(graph.neo4j!);
  // Uncompressed: theirs does not compress, and on loopback compressing only costs.
  const post = async (url: string, query: string) => {
    const { body } = await postGraphQL(url, { query }, { 'accept-encoding': 'identity' });
    if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors[0])}`);
  };
  const rows: Row[] = [];
  for (const [op, { ours: ourQuery, peer: peerQuery }] of Object.entries(PEER_OPS)) {
    const [a, b] = (await medians([() => post(ours.url, ourQuery), () => post(theirs.url, peerQuery)])) as [number, number];
    rows.push({
      operation: op,
      'ours p50 ms': ms(a),
      '@neo4j/graphql p50 ms': ms(b),
      'theirs / ours': ratio(b, a),
      'ours faster': a < b ? 'yes' : 'NO',
    });
  }
  await ours.stop();
  await theirs.stop();
  table(
    `Against @neo4j/graphql 7 on the same Neo4j (sequential HTTP, median of ${RUNS} taken in turn, no response cache)`,
    rows,
    'Its type definitions map the stored labels, relationships and properties (tests/bench/peer.ts); its server is its own Apollo Server in this process, as ours is.',
  );
}

const count = async (store: GraphStore, cypher: string) => Number(Object.values((await store.read(cypher))[0]!)[0]);

/**
 * The mix on ×1, ×10 and ×100 copies of the graph, each time beside ×1's; the ideal Cypher beside it, as
 * how the engine itself scales for the same answers, and the size of each answer.
 */
async function scale(graph: Graph, work: string): Promise<void> {
  const { cypherDir } = loadConfig();
  const ideal = idealStatements(graph.engine, graph.store.dialect);
  const rows: Row[] = [];
  const ideals: Row[] = [];
  const base: Partial<Record<Op, { api: number; ideal: number; bytes: number }>> = {};
  const measure = async (store: GraphStore, size: string, loadMs: number, how: string) => {
    const row: Row = {
      size,
      nodes: await count(store, 'MATCH (n) RETURN count(n) AS n'),
      relationships: await count(store, 'MATCH ()-[r]->() RETURN count(r) AS n'),
      'load s': `${(loadMs / 1000).toFixed(1)} (${how})`,
    };
    const scaled: Row = { size };
    // A grown graph makes the engine plan its statements again (Neo4j replans on changed statistics), and
    // growing it was other work for its JIT: as many rounds of the whole mix first as before ×1.
    const executions = await Promise.all(COMPARED.map((op) => inProcess(store, op)));
    for (let round = 0; round < WARM_ROUNDS; round++) for (const execution of executions) await execution.run();
    for (const [i, op] of COMPARED.entries()) {
      // Timed apart: the ideal's whole-table scans between the API's runs would evict what the API's reads keep warm.
      const [api] = (await medians([executions[i]!.run])) as [number];
      const [best] = (await medians([() => runIdeal(store, ideal[op])])) as [number];
      const bytes = executions[i]!.last.answerBytes;
      const same = isDeepStrictEqual(canonical(executions[i]!.last.answer), canonical(ideal[op].shape(await runIdeal(store, ideal[op]))));
      const at = (base[op] ??= { api, ideal: best, bytes });
      row[`${op} ms`] = `${ms(api)} (${ratio(api, at.api)}×)`;
      scaled[`${op} ms`] = `${ms(best)} (${ratio(best, at.ideal)}×)${same ? '' : ', another answer'}`;
      scaled[`${op} answer`] = `${(bytes / 1024).toFixed(1)} KB (${ratio(bytes, at.bytes)}×)`;
    }
    await Promise.all(executions.map((execution) => execution.stop()));
    rows.push(row);
    ideals.push(scaled);
  };
  await measure(graph.store, '×1', graph.seedMs, 'seed files');
  let copies = 1;
  for (const factor of [10, 100]) {
    const started = performance.now();
    if (graph.engine === 'kuzu') {
      const grown = await KuzuStore.open({ path: join(work, `x${factor}`, 'graph.kuzu') });
      await applySchema(grown, cypherDir);
      await growKuzu(graph.store as KuzuStore, grown, factor, join(work, `csv${factor}`));
      await measure(grown, `×${factor}`, performance.now() - started, 'COPY');
      await grown.close();
    } else {
      await growNeo4j(graph.store, copies, factor);
      copies = factor;
      // The copies carry the original's seed stamp, so the graph's version is unchanged: a store of its own,
      // as a server started on the grown graph, computes its whole-graph answers (search index, stats) anew.
      const grown = new Neo4jStore({ uri: graph.neo4j!.uri, connectionTimeoutMs: 30_000 });
      await measure(grown, `×${factor}`, performance.now() - started, 'UNWIND batches');
      await grown.close();
    }
  }
  table(
    `Scale (median of ${RUNS} executions per operation, in process; in brackets: against ×1)`,
    rows,
    'The graph copied ×10 and ×100 with the same shape (tests/bench/synthetic.ts); targets: within 2× of ×1, lookups by id within 1.2×.',
  );
  table(
    'Scale of the ideal Cypher and of the answers (the same runs; in brackets: against ×1)',
    ideals,
    "The ideal: the per-operation table's hand-written statements for the same answers, timed after the API's; how the engine itself scales " +
      '(“another answer” where its rows, shaped, differ from the API’s at that size). Answer: the JSON of the API’s data.',
  );
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/**
 * The bulk dump of ×1 and ×100 graphs as the server builds its download (every format, then the gzipped
 * tar): how long it takes, how large it is, and the most heap the process held meanwhile, sampled.
 */
async function exportDump(graph: Graph, work: string): Promise<void> {
  const { cypherDir } = loadConfig();
  const rows: Row[] = [];
  const measure = async (store: GraphStore, size: string) => {
    const folder = join(work, `export-${size}`);
    mkdirSync(folder, { recursive: true });
    const version = new GraphVersion(store);
    let peak = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 50);
    const started = performance.now();
    const archive = await writeArchive(store, version, folder, dumpName(await version.get()));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    rows.push({
      size,
      nodes: await count(store, 'MATCH (n) RETURN count(n) AS n'),
      relationships: await count(store, 'MATCH ()-[r]->() RETURN count(r) AS n'),
      'export and archive s': seconds.toFixed(1),
      'archive MB (tar.gz)': mb(statSync(archive).size),
      'peak heap MB': mb(peak),
    });
    rmSync(folder, { recursive: true, force: true });
  };
  await measure(graph.store, '×1');
  if (graph.engine === 'kuzu') {
    const grown = await KuzuStore.open({ path: join(work, 'export-x100', 'graph.kuzu') });
    await applySchema(grown, cypherDir);
    await growKuzu(graph.store as KuzuStore, grown, 100, join(work, 'export-csv100'));
    await measure(grown, '×100');
    await grown.close();
  } else {
    await growNeo4j(graph.store, 1, 100);
    // Copies carry the original's stamp: a store of its own reads the graph afresh.
    const grown = new Neo4jStore({ uri: graph.neo4j!.uri, connectionTimeoutMs: 30_000 });
    await measure(grown, '×100');
    await grown.close();
    await shrinkNeo4j(graph.store);
  }
  table(
    'Bulk export (`npm run export`, and the download the server builds once per graph version)',
    rows,
    'GraphML, Turtle, JSON Lines and neo4j-admin CSV written at once from chunks of 1,000 rows streamed per label (src/export/dump.ts), then packed as the download; ' +
      'peak heap sampled every 50 ms in this process: the export holds a chunk at a time, not the graph.',
  );
}

/** Start-up to the first answered query, on a fresh data folder (seeding) and on a loaded one. */
async function startup(work: string): Promise<void> {
  const rows: Row[] = [];
  const dataDir = join(work, 'startup');
  for (const run of ['fresh data folder (seeds)', 'loaded data folder']) {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, NEO4J_URI: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        const match = /(http:\/\/\S+)\/graphql/.exec(String(chunk));
        if (match) resolve(match[1]!);
      }),
    );
    await postGraphQL(url, { query: MIX.lookup });
    const firstAnswer = performance.now() - started;
    for (let i = 0; i < 50; i++) await postGraphQL(url, { query: documentOf(OPS[i % OPS.length]!) });
    const peak = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
    rows.push({ start: run, 'first answer s': (firstAnswer / 1000).toFixed(1), 'peak RSS MiB': peak ? (Number(peak) / 1024).toFixed(0) : '?' });
    await new Promise((resolve) => {
      child.on('exit', resolve);
      child.kill('SIGTERM');
    });
  }
  table('Start-up (server process, embedded engine)', rows);
}

async function seeded(engine: Engine, work: string): Promise<Graph> {
  const { cypherDir } = loadConfig();
  const kuzuPath = join(work, 'x1', 'graph.kuzu');
  const neo4j = engine === 'neo4j' ? await startNeo4j() : undefined;
  const store = neo4j ? new Neo4jStore({ uri: neo4j.uri, connectionTimeoutMs: 30_000 }) : await KuzuStore.open({ path: kuzuPath });
  const started = performance.now();
  await seed(store, cypherDir);
  return { engine, store, seedMs: performance.now() - started, kuzuPath: neo4j ? undefined : kuzuPath, neo4j };
}

/** `npm run bench -- --engine kuzu --parts operations,scale` runs a part of the bench (all of it by default). */
const PARTS = ['operations', 'shipped', 'throughput', 'peer', 'export', 'scale', 'startup'] as const;
function selection(): { engines: Engine[]; parts: Set<string> } {
  const { values } = parseArgs({ options: { engine: { type: 'string' }, parts: { type: 'string' } } });
  const engines = values.engine ? [values.engine as Engine] : (['kuzu', 'neo4j'] as Engine[]);
  const parts = new Set(values.parts ? values.parts.split(',') : PARTS);
  const unknown = [...engines.filter((e) => e !== 'kuzu' && e !== 'neo4j'), ...[...parts].filter((p) => !(PARTS as readonly string[]).includes(p))];
  if (unknown.length) throw new Error(`unknown engine or part: ${unknown.join(', ')} (engines: kuzu, neo4j; parts: ${PARTS.join(', ')})`);
  return { engines, parts };
}

async function main(): Promise<void> {
  const { engines, parts } = selection();
  const work = mkdtempSync(join(tmpdir(), 'health-graph-bench-'));
  console.log(
    `# Benchmarks\n\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
      `Node ${process.version}; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
  );
  try {
    for (const engine of engines) {
      const graph = await seeded(engine, work);
      console.log(`\n## ${graph.neo4j ? `Neo4j ${graph.neo4j.version} (tools/neo4j, loopback)` : 'Kuzu 0.11 (embedded)'}`);
      try {
        await warmUp(graph);
        if (parts.has('operations')) await perOperation(graph);
        if (parts.has('shipped')) await shippedOperationsPart(graph);
        if (parts.has('throughput')) {
          // The embedded database takes one process at a time: the server process opens it meanwhile.
          if (engine === 'kuzu') await graph.store.close();
          await throughput(graph);
          if (engine === 'kuzu') graph.store = await KuzuStore.open({ path: graph.kuzuPath! });
        }
        if (engine === 'neo4j' && parts.has('peer')) await peer(graph);
        if (parts.has('export')) await exportDump(graph, work);
        if (parts.has('scale')) await scale(graph, work);
      } finally {
        await graph.store.close();
        await graph.neo4j?.dispose();
      }
    }
    if (parts.has('startup')) await startup(work);
    console.log(`\nBenchmark process peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
