import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { expectedCounts } from '../../src/seed/integrity.js';
import { postGraphQL } from '../support/api.js';
import { seededDataFolder, startServer, type ServerProcess } from '../support/process.js';

const expected = expectedCounts(loadConfig().cypherDir)!;
const HUB = 'org:寿阳县医疗集团';

/** The server at `url` says it is ready and serves every node of the seed files, label by label. */
async function servesCompleteGraph(url: string): Promise<void> {
  const ready = await fetch(`${url}/ready`);
  expect(await ready.json()).toMatchObject({ status: 'ready' });
  const { body } = await postGraphQL(url, { query: '{ stats { byType { type count } } }' });
  const counts = Object.fromEntries((body.data.stats.byType as Array<{ type: string; count: number }>).map((c) => [c.type, c.count]));
  expect(counts).toEqual(Object.fromEntries(Object.entries(expected.labels).map(([label, n]) => [label.toUpperCase(), n])));
}

const freshFolder = () => mkdtempSync(join(tmpdir(), 'health-graph-recovery-'));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Each test starts servers on a folder of their own, most loading the whole graph once or twice (15–30 s
// each while other test files share the two cores): more than the suite's default minute.
describe('the server process: shutdown, crashes and a shared data folder', { timeout: 180_000 }, () => {
  const started: ServerProcess[] = [];
  const folders: string[] = [];
  const start = (dir: string, env: Record<string, string> = {}, command?: string[]) => {
    const server = startServer(dir, env, command);
    started.push(server);
    return server;
  };
  const folder = (dir: string) => (folders.push(dir), dir);
  afterEach(async () => {
    for (const server of started.splice(0)) {
      server.signal('SIGKILL');
      await server.exited;
    }
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('stops gracefully on SIGTERM to `npm start` in production: in-flight requests finish, the database closes cleanly', async () => {
    const dir = folder(seededDataFolder());
    const server = start(dir, { NODE_ENV: 'production' });
    const url = await server.ready;
    const query = { query: `{ neighborhood(id: "${HUB}", depth: 3, limit: 500) { nodes { id name kind } edges { id type evidence { quote } } } }` };
    const inFlight = Array.from({ length: 10 }, () => postGraphQL(url, query));
    // Long enough for the server to have accepted all ten (connections still in the kernel's queue are refused once it stops listening).
    await wait(150);
    server.signal('SIGTERM');
    const responses = await Promise.all(inFlight);
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(responses.every((r) => r.body.data.neighborhood.nodes.length > 10)).toBe(true);
    expect(await server.exited).toBe(0);
    // Requests were still under way when the signal came (a test of nothing otherwise).
    const open = /SIGTERM: finishing in-flight requests on (\d+) open connections[\s\S]*stopped/.exec(server.output());
    expect(Number(open?.[1])).toBeGreaterThan(0);
    // A clean close leaves the record of it and no lock behind.
    expect(existsSync(join(dir, 'graph.kuzu.closed'))).toBe(true);
    expect(existsSync(join(dir, 'graph.kuzu.lock'))).toBe(false);
  });

  it('reports a crash of the server process by its signal, and starts it again', async () => {
    const server = start(folder(seededDataFolder()), { NODE_ENV: 'production' });
    await server.ready;
    const pid = Number(/ready at \S+ \(process (\d+)\)/.exec(server.output())?.[1]);
    // What a fault in the native engine does to the process it runs in.
    process.kill(pid, 'SIGSEGV');
    for (let waited = 0; (server.output().match(/ready at/g) ?? []).length < 2 && waited < 60_000; waited += 200) await wait(200);
    expect(server.output()).toMatch(new RegExp(`the server process ${pid} ended by SIGSEGV, unexpectedly`));
    const [, again] = [...server.output().matchAll(/ready at (http:\/\/\S+)\/graphql/g)].map((m) => m[1]!);
    await servesCompleteGraph(again!);
  });

  it('starts again after a crash in a PID namespace, as in a container, where its pid is the same at every start', async () => {
    const dir = folder(seededDataFolder());
    const command = ['unshare', '--pid', '--fork', '--mount-proc', 'node', '--import', 'tsx', 'src/main.ts'];
    const first = start(dir, {}, command);
    await first.ready;
    first.signal('SIGKILL');
    await first.exited;
    // The lock names the pid the server had in its namespace, which the next start has again.
    expect(readFileSync(join(dir, 'graph.kuzu.lock'), 'utf8')).toMatch(/^\d+ \d+$/);
    const second = start(dir, {}, command);
    await servesCompleteGraph(await second.ready);
  });

  it('stops gracefully on SIGTERM when serving from Neo4j too', async () => {
    const { uri } = inject('neo4j');
    const server = start(folder(freshFolder()), { NODE_ENV: 'production', NEO4J_URI: uri, NEO4J_USERNAME: '' });
    const url = await server.ready;
    const inFlight = Array.from({ length: 10 }, () =>
      postGraphQL(url, { query: `{ neighborhood(id: "${HUB}", depth: 3, limit: 500) { nodes { id } } }` }),
    );
    // Long enough for the server to have accepted all ten (connections still in the kernel's queue are refused once it stops listening).
    await wait(300);
    server.signal('SIGTERM');
    expect((await Promise.all(inFlight)).map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await server.exited).toBe(0);
  });

  it('rebuilds the graph when a crash right after loading left a write-ahead log cut in half', async () => {
    const dir = folder(freshFolder());
    const first = start(dir);
    await first.ready;
    first.signal('SIGKILL');
    await first.exited;
    const wal = join(dir, 'graph.kuzu.wal');
    if (existsSync(wal)) truncateSync(wal, Math.floor(statSync(wal).size / 2));
    const second = start(dir);
    await servesCompleteGraph(await second.ready);
  });

  it('serves the complete graph after being killed at a random moment while loading it', async () => {
    const dir = folder(freshFolder());
    const first = start(dir);
    await wait(1_000 + Math.random() * 8_000);
    first.signal('SIGKILL');
    await first.exited;
    const second = start(dir);
    await servesCompleteGraph(await second.ready);
  });

  it('rebuilds a database whose pages were damaged on disk, saying so, rather than serving part of it or crashing', async () => {
    const dir = folder(seededDataFolder());
    const file = join(dir, 'graph.kuzu');
    const fd = openSync(file, 'r+');
    const size = statSync(file).size;
    for (const at of [0.001, 0.01, 0.05, 0.2]) writeSync(fd, Buffer.alloc(64 * 1024, 0xa5), 0, 64 * 1024, Math.floor(size * at));
    closeSync(fd);
    const server = start(dir);
    await servesCompleteGraph(await server.ready);
    expect(server.output()).toMatch(new RegExp(`rebuilding the embedded graph at ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('refuses a second server on the data folder the first is loading, and the first still serves the complete graph', async () => {
    const dir = folder(freshFolder());
    const first = start(dir);
    await wait(1_500);
    const second = start(dir);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(new RegExp(`data folder ${dir} is in use by process \\d+`));
    await servesCompleteGraph(await first.ready);
    expect(readFileSync(join(dir, 'graph.kuzu.lock'), 'utf8')).toMatch(/^[1-9]\d* \d+$/);
  });
});
