import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { Neo4jStore } from '../../src/graph/neo4j.js';
import type { GraphStore } from '../../src/graph/store.js';
import { countGraph, expectedCounts } from '../../src/seed/integrity.js';
import { SeedError, readSeedFiles } from '../../src/seed/loader.js';
import { seed } from '../../src/seed/seed.js';
import { startNeo4j, type LocalNeo4j } from '../support/neo4j.js';
import { ENGINES, freshKuzu } from '../support/stores.js';

const { cypherDir } = loadConfig();
const expected = expectedCounts(cypherDir)!;
/** Loading the whole graph twice takes a minute or more on a busy machine. */
const LOADING_MS = 300_000;

/** A cypher/ folder with the project's schema and the given seed files, to load other input without touching the real one. */
function cypherWith(dir: string, files: Record<string, string>, base?: string): string {
  const copy = join(dir, `cypher-${Math.random().toString(36).slice(2)}`);
  cpSync(join(cypherDir, 'schema'), join(copy, 'schema'), { recursive: true });
  if (base) cpSync(join(base, 'seed'), join(copy, 'seed'), { recursive: true });
  else mkdirSync(join(copy, 'seed'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(copy, 'seed', name), text);
  return copy;
}

/** An empty writable store of an engine: a fresh embedded folder, or a Neo4j server of this file's own. */
async function emptyStore(
  engine: (typeof ENGINES)[number],
): Promise<{ store: GraphStore; env: Record<string, string>; cleanup: () => Promise<void> }> {
  if (engine === 'kuzu') {
    const kuzu = await freshKuzu();
    return { store: kuzu.store, env: { DATA_DIR: join(kuzu.dir, 'cli-data') }, cleanup: kuzu.cleanup };
  }
  const server: LocalNeo4j = await startNeo4j();
  const store = new Neo4jStore({ uri: server.uri, connectionTimeoutMs: 10_000 });
  return {
    store,
    env: { NEO4J_URI: server.uri, NEO4J_USERNAME: '' },
    cleanup: async () => {
      await store.close();
      await server.dispose();
    },
  };
}

for (const engine of ENGINES) {
  describe(`the seed loader on ${engine}`, () => {
    let target: Awaited<ReturnType<typeof emptyStore>>;
    let dir: string;
    beforeAll(async () => {
      target = await emptyStore(engine);
      dir = mkdtempSync(join(tmpdir(), 'health-graph-seed-'));
    });
    afterAll(async () => {
      await target.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    it(
      'loads every seed file into exactly the curated graph, and loading twice changes nothing',
      async () => {
        const first = await seed(target.store, cypherDir);
        expect(first.files).toBe(readSeedFiles(cypherDir).length);
        expect(await countGraph(target.store)).toEqual(expected);
        await seed(target.store, cypherDir);
        expect(await countGraph(target.store)).toEqual(expected);
      },
      LOADING_MS,
    );

    it(
      'converges from an older graph: facts dropped from curation disappear, changed ones are replaced, nothing doubles',
      async () => {
        const older = cypherWith(
          dir,
          {
            'zz-older.cypher': [
              "MERGE (n:Organization {id: 'org:旧机构'}) SET n.name = '旧机构', n.kind = 'OTHER', n.seed = $seed;",
              "MATCH (a:Organization {id: 'org:旧机构'}), (b:Organization {id: 'org:寿阳县医疗集团'}) MERGE (a)-[r:PART_OF {source: '002'}]->(b) SET r.quote = '旧', r.seed = $seed;",
              "MATCH (a:Organization {id: 'org:寿阳县人民医院'}), (b:Organization {id: 'org:寿阳县医疗集团'}) MERGE (a)-[r:MEMBER_OF {source: '002'}]->(b) SET r.quote = '旧', r.seed = $seed;",
              "MATCH (n:Organization {id: 'org:寿阳县医疗集团'}) SET n.description = '旧的描述', n.seed = $seed;",
            ].join('\n'),
          },
          cypherDir,
        );
        await seed(target.store, older);
        const withOld = await countGraph(target.store);
        expect(withOld.labels.Organization).toBe(expected.labels.Organization! + 1);

        await seed(target.store, cypherDir);
        expect(await countGraph(target.store)).toEqual(expected);
        const [group] = await target.store.read("MATCH (n:Organization {id: 'org:寿阳县医疗集团'}) RETURN n.description AS description");
        expect(group!.description).not.toBe('旧的描述');
      },
      LOADING_MS,
    );

    it('rejects a broken file naming the file and statement, and loads nothing from it', async () => {
      const before = await countGraph(target.store);
      const broken = cypherWith(dir, {
        'zz-broken.cypher': [
          "MERGE (n:Organization {id: 'org:半途'}) SET n.name = '半途', n.kind = 'OTHER', n.seed = $seed;",
          '// the second statement misspells MERGE',
          "MERGEE (n:Organization {id: 'org:坏'});",
        ].join('\n'),
      });
      const error = await seed(target.store, broken).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SeedError);
      expect(error).toMatchObject({ file: 'zz-broken.cypher', statement: 2, line: 2 });
      expect((error as Error).message).toMatch(/^zz-broken\.cypher, statement 2 \(line 2\): /);
      expect(await countGraph(target.store)).toEqual(before);
    });

    it.each([
      ['an unknown label', "MERGE (n:Hospital {id: 'org:甲'}) SET n.name = '甲';", 1, /unknown label Hospital/],
      [
        'an unknown relationship type',
        "MATCH (a:Organization {id: 'org:寿阳县人民医院'}), (b:Organization {id: 'org:寿阳县医疗集团'}) MERGE (a)-[r:OWNS]->(b);",
        1,
        /unknown relationship type OWNS/,
      ],
      [
        'an id under two labels',
        "MERGE (n:Organization {id: 'org:乙'});\nMERGE (n:Program {id: 'org:乙'});",
        2,
        /id 'org:乙' does not belong to label Program/,
      ],
      [
        'a relationship to a missing node',
        "MERGE (n:Organization {id: 'org:丙'}) SET n.name = '丙', n.kind = 'OTHER', n.seed = $seed;\nMATCH (a:Organization {id: 'org:丙'}), (b:Organization {id: 'org:不存在'}) MERGE (a)-[r:PART_OF {source: '002'}]->(b);",
        2,
        /MATCH finds nothing/,
      ],
    ])('rejects %s naming the file and statement, leaving the graph as it was', async (_, text, statement, reason) => {
      const before = await countGraph(target.store);
      const error = await seed(target.store, cypherWith(dir, { 'zz-case.cypher': text })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SeedError);
      expect(error).toMatchObject({ file: 'zz-case.cypher', statement });
      expect((error as Error).message).toMatch(reason);
      expect(await countGraph(target.store)).toEqual(before);
    });

    it('exits non-zero from `npm run seed` with the broken file named', async () => {
      const broken = cypherWith(dir, { 'zz-bad.cypher': 'MATCH (n:NoSuchLabel) SET n.x = 1;' });
      const result = await promisify(execFile)('npx', ['tsx', 'src/seed/cli.ts'], {
        env: { ...process.env, ...target.env, CYPHER_DIR: broken },
      }).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => e,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/seed failed: zz-bad\.cypher, statement 1 \(line 1\)/);
    });
  });
}

it('refuses a seed file with an unterminated string before loading anything', () => {
  const dir = mkdtempSync(join(tmpdir(), 'health-graph-seed-'));
  const broken = cypherWith(dir, { '000-first.cypher': "MERGE (n:Organization {id: 'org:x});" });
  expect(() => readSeedFiles(broken)).toThrowError(/000-first\.cypher: unterminated string starting on line 1/);
  rmSync(dir, { recursive: true, force: true });
});
