/**
 * `npm run bench`: latency, throughput, GraphQL overhead, round trips, scale and start-up of the API on
 * the embedded engine, printed as tables. Numbers are measured here, never asserted.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { DataAccess } from '../../src/data/access.js';
import { KuzuStore } from '../../src/graph/kuzu.js';
import type { GraphStore, Params } from '../../src/graph/store.js';
import { seed } from '../../src/seed/seed.js';
import { applySchema } from '../../src/seed/loader.js';
import { createApollo } from '../../src/server.js';
import { postGraphQL, startHttp, testConfig } from '../support/api.js';
import { growGraph } from './synthetic.js';

const MIX = {
  lookup: '{ organization(id: "org:寿阳县医疗集团") { name kind aliases parents { name } children { name kind } } }',
  list: '{ organizations(first: 20, filter: { kinds: [HOSPITAL] }) { totalCount edges { node { name places { name } } } } }',
  search: '{ search(query: "医院", first: 20) { score matchedField node { id name } } }',
  neighborhood: '{ neighborhood(id: "org:寿阳县医疗集团", depth: 2) { nodes { id name type } edges { id type source target } } }',
  nested:
    '{ organizations(first: 50) { edges { node { name parents { name } achievements(first: 5) { edges { node { statement evidence { quote report { title } } } } } evidence { quote } } } } }',
  stats: '{ stats { byType { type count } organizationsByKind { key count } byPlace { place { name } organizations } } }',
};
type Op = keyof typeof MIX;
const OPS = Object.keys(MIX) as Op[];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);
function table(title: string, rows: Array<Record<string, string | number>>): void {
  console.log(`\n## ${title}\n`);
  const columns = Object.keys(rows[0]!);
  console.log(`| ${columns.join(' | ')} |\n| ${columns.map(() => '---').join(' | ')} |`);
  for (const row of rows) console.log(`| ${columns.map((c) => row[c]).join(' | ')} |`);
}

/** A store that records the queries it is sent, so they can be replayed on the engine alone. */
function recording(store: GraphStore): GraphStore & { sent: Array<[string, Params | undefined]> } {
  const wrapper = Object.create(store) as GraphStore & { sent: Array<[string, Params | undefined]> };
  wrapper.sent = [];
  wrapper.read = (cypher, params) => {
    wrapper.sent.push([cypher, params]);
    return store.read(cypher, params);
  };
  return wrapper;
}

/** Engine time of an operation: its queries replayed one after another straight on the store. */
async function replay(store: GraphStore, sent: Array<[string, Params | undefined]>): Promise<number> {
  const started = performance.now();
  for (const [cypher, params] of sent) await store.read(cypher, params);
  return performance.now() - started;
}

async function executeTimes(store: GraphStore, op: Op, runs: number, batching = true) {
  const apollo = createApollo(testConfig(), store);
  await apollo.start();
  const times: number[] = [];
  let roundTrips = 0;
  for (let i = 0; i < runs; i++) {
    const data = new DataAccess(store, { batching });
    const started = performance.now();
    const response = await apollo.executeOperation({ query: MIX[op] }, { contextValue: { data } });
    times.push(performance.now() - started);
    if (response.body.kind === 'single' && response.body.singleResult.errors)
      throw new Error(`${op}: ${response.body.singleResult.errors[0]!.message}`);
    roundTrips = data.roundTrips;
  }
  await apollo.stop();
  return { median: median(times), roundTrips };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'health-graph-bench-'));
  const { cypherDir } = loadConfig();
  console.log(
    `# Benchmarks\n\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, embedded engine (Kuzu).`,
  );

  // Load time of the seed graph, statement by statement as start-up does it.
  let started = performance.now();
  const base = await KuzuStore.open({ path: join(work, 'x1', 'graph.kuzu') });
  await seed(base, cypherDir);
  const seedMs = performance.now() - started;

  // Latency, GraphQL overhead and round trips per operation.
  const engine = recording(base);
  const http = await startHttp(engine);
  const perOp: Array<Record<string, string | number>> = [];
  for (const op of OPS) {
    for (let i = 0; i < 3; i++) await postGraphQL(http.url, { query: MIX[op] });
    const api: number[] = [];
    const db: number[] = [];
    for (let i = 0; i < 15; i++) {
      engine.sent = [];
      const t = performance.now();
      await postGraphQL(http.url, { query: MIX[op] });
      api.push(performance.now() - t);
      db.push(await replay(base, engine.sent));
    }
    const batched = await executeTimes(base, op, 1);
    const naive = await executeTimes(base, op, 1, false);
    perOp.push({
      operation: op,
      'API p50 ms': ms(median(api)),
      'engine ms': ms(median(db)),
      'API / engine': (median(api) / Math.max(median(db), 0.01)).toFixed(2),
      'round trips': batched.roundTrips,
      'naive round trips': naive.roundTrips,
    });
  }
  table('Per operation (sequential HTTP, median of 15; engine ms: the same queries replayed one by one on Kuzu)', perOp);

  // Throughput of the mix with concurrent clients.
  const load = await autocannon({
    url: `${http.url}/graphql`,
    connections: 8,
    duration: 10,
    requests: OPS.map((op) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: MIX[op] }) })),
  });
  table('Query mix over HTTP (autocannon, 8 connections, 10 s)', [
    {
      requests: load.requests.total,
      'req/s': load.requests.average.toFixed(0),
      'p50 ms': load.latency.p50,
      'p99 ms': load.latency.p99,
      errors: load.errors + load.non2xx,
      timeouts: load.timeouts,
    },
  ]);
  await http.stop();

  // Scale: the same shape ×10 and ×100, loaded with COPY.
  const scale: Array<Record<string, string | number>> = [];
  const [{ nodes: baseNodes }] = (await base.read('MATCH (n) RETURN count(n) AS nodes')) as [{ nodes: number }];
  const [{ rels: baseRels }] = (await base.read('MATCH ()-[r]->() RETURN count(r) AS rels')) as [{ rels: number }];
  const x1: Record<string, string | number> = {
    size: '×1',
    nodes: baseNodes,
    relationships: baseRels,
    'load s': (seedMs / 1000).toFixed(1) + ' (MERGE)',
  };
  for (const op of OPS) x1[`${op} ms`] = ms((await executeTimes(base, op, 5)).median);
  scale.push(x1);
  for (const factor of [10, 100]) {
    const grown = await KuzuStore.open({ path: join(work, `x${factor}`, 'graph.kuzu') });
    await applySchema(grown, cypherDir);
    started = performance.now();
    await growGraph(base, grown, factor, join(work, `csv${factor}`));
    const loadMs = performance.now() - started;
    const [{ nodes }] = (await grown.read('MATCH (n) RETURN count(n) AS nodes')) as [{ nodes: number }];
    const [{ rels }] = (await grown.read('MATCH ()-[r]->() RETURN count(r) AS rels')) as [{ rels: number }];
    const row: Record<string, string | number> = { size: `×${factor}`, nodes, relationships: rels, 'load s': (loadMs / 1000).toFixed(1) + ' (COPY)' };
    for (const op of OPS) row[`${op} ms`] = ms((await executeTimes(grown, op, 5)).median);
    scale.push(row);
    await grown.close();
  }
  table('Scale (median of 5 executions per query, in process)', scale);
  await base.close();

  // Start-up to the first answered query, on a fresh data folder (seeding) and on a loaded one.
  const startup: Array<Record<string, string | number>> = [];
  const dataDir = join(work, 'startup');
  for (const run of ['fresh data folder (seeds)', 'loaded data folder']) {
    const t = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((resolve) =>
      child.stdout.on('data', (c: Buffer) => {
        const m = /(http:\/\/\S+)\/graphql/.exec(String(c));
        if (m) resolve(m[1]!);
      }),
    );
    await postGraphQL(url, { query: MIX.lookup });
    const firstAnswer = performance.now() - t;
    for (let i = 0; i < 50; i++) await postGraphQL(url, { query: MIX[OPS[i % OPS.length]!] });
    const peak = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
    startup.push({ start: run, 'first answer s': (firstAnswer / 1000).toFixed(1), 'peak RSS MiB': peak ? (Number(peak) / 1024).toFixed(0) : '?' });
    await new Promise((resolve) => {
      child.on('exit', resolve);
      child.kill('SIGTERM');
    });
  }
  table('Start-up (server process)', startup);
  console.log(`\nBenchmark process peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  rmSync(work, { recursive: true, force: true });
}

await main();
