/**
 * A reseed of Neo4j under load, as an operator runs `npm run seed` beside serving instances: the
 * graph's version changes once, after the last file, so no answer computed from the half-loaded graph
 * is kept, readiness says "reseeding" meanwhile, and no answer stays stale past the version poll.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, loadConfig } from '../../src/config.js';
import { Neo4jStore } from '../../src/graph/neo4j.js';
import { operationHash } from '../../src/http/safelist.js';
import { seed } from '../../src/seed/seed.js';
import { postGraphQL, startHttp } from '../support/api.js';
import { startNeo4j, type LocalNeo4j } from '../support/neo4j.js';

const { cypherDir } = loadConfig();
const GROUP = readFileSync(join(PROJECT_ROOT, 'tests/operations/GroupWithHospitals.graphql'), 'utf8');
const VARIABLES = { id: 'org:寿阳县医疗集团' };
const RENAMED = '寿阳县医疗集团（新名）';
/** How long after a reseed every answer may still be the old one: the version is read again every five seconds. */
const POLL_MS = 5_000;

/** The seed files with the group renamed (its id unchanged): a reseed the answers must follow. */
function renamedSeeds(): string {
  const dir = mkdtempSync(join(tmpdir(), 'health-graph-renamed-'));
  cpSync(cypherDir, dir, { recursive: true });
  const seeds = join(dir, 'seed');
  for (const file of readdirSync(seeds)) {
    const path = join(seeds, file);
    const text = readFileSync(path, 'utf8');
    // Only the node's own name: its id and the quotes stay.
    writeFileSync(path, text.replaceAll("n.name = '寿阳县医疗集团'", `n.name = '${RENAMED}'`));
  }
  expect(readdirSync(seeds).some((f) => readFileSync(join(seeds, f), 'utf8').includes(RENAMED))).toBe(true);
  return dir;
}

describe('a reseed of Neo4j under load', { timeout: 300_000 }, () => {
  let server: LocalNeo4j;
  let store: Neo4jStore;
  let renamed: string;
  beforeAll(async () => {
    server = await startNeo4j();
    store = new Neo4jStore({ uri: server.uri, connectionTimeoutMs: 5_000 });
    await seed(store, cypherDir);
    renamed = renamedSeeds();
  });
  afterAll(async () => {
    await store?.close();
    await server?.dispose();
    rmSync(renamed, { recursive: true, force: true });
  });

  it('changes the version once, after the last file: readiness says so meanwhile, and no answer stays stale past the poll', async () => {
    const http = await startHttp(store, { RESPONSE_CACHE: 'true', CACHE_MAX_AGE: '300' });
    try {
      const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: operationHash(GROUP) } }));
      const persisted = `${http.url}/graphql?variables=${encodeURIComponent(JSON.stringify(VARIABLES))}&extensions=${extensions}`;
      const post = JSON.stringify({ query: GROUP, variables: VARIABLES });
      const search = { query: `{ search(query: "${RENAMED}", first: 1) { node { id name } } }` };
      type Seen = { at: number; get: string; post: string; ready: string };
      const seen: Seen[] = [];
      let polling = true;
      let etag: string | undefined;
      // A client polling as the pages and a CDN would: a persisted GET revalidated with its ETag, a POST body sent again, readiness.
      const poller = (async () => {
        while (polling) {
          const get = await fetch(persisted, { headers: { 'apollo-require-preflight': 'true', ...(etag ? { 'if-none-match': etag } : {}) } });
          if (get.status === 200) etag = get.headers.get('etag') ?? undefined;
          const getName =
            get.status === 304 ? 'unchanged' : ((await get.json()) as { data: { organization: { name: string } } }).data.organization.name;
          const answered = await postGraphQL(http.url, post);
          const ready = ((await (await fetch(`${http.url}/ready`)).json()) as { status: string }).status;
          seen.push({ at: Date.now(), get: getName, post: answered.body.data.organization.name as string, ready });
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const started = Date.now();
      await seed(store, renamed);
      const loaded = Date.now();
      await new Promise((resolve) => setTimeout(resolve, POLL_MS + 3_000));
      polling = false;
      await poller;

      const during = seen.filter((s) => s.at > started && s.at < loaded);
      expect(during.length).toBeGreaterThan(0);
      expect(during.some((s) => s.ready === 'reseeding')).toBe(true);
      // Past the poll, every answer is the new graph's: none kept from the old one or from the half-loaded one.
      const after = seen.filter((s) => s.at > loaded + POLL_MS + 500);
      expect(after.length).toBeGreaterThan(3);
      for (const s of after) {
        expect(s.post).toBe(RENAMED);
        expect(s.ready).toBe('ready');
        // A 304 is right only once the client holds the new answer; the first 200 after the reseed must bring it.
        expect(s.get === 'unchanged' || s.get === RENAMED).toBe(true);
      }
      expect(seen.some((s) => s.at > loaded && s.get === RENAMED)).toBe(true);
      const found = await postGraphQL(http.url, search);
      expect(found.body.data.search[0].node).toEqual({ id: 'org:寿阳县医疗集团', name: RENAMED });
    } finally {
      await http.stop();
      await seed(store, cypherDir);
    }
  });
});
