import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { SeedError, readSeedFiles } from '../../src/seed/loader.js';
import { seed } from '../../src/seed/seed.js';
import { freshKuzu } from '../support/stores.js';

const { cypherDir } = loadConfig();

/** Counts of every node label and relationship type: a fingerprint of the whole graph. */
async function fingerprint(store: Awaited<ReturnType<typeof freshKuzu>>['store']) {
  const nodes = await store.read('MATCH (n) RETURN label(n) AS label, count(n) AS count, collect(n.name) AS names ORDER BY label');
  const rels = await store.read('MATCH ()-[r]->() RETURN label(r) AS type, count(r) AS count ORDER BY type');
  return { nodes: nodes.map((r) => ({ label: r.label, count: r.count, names: (r.names as string[]).sort() })), rels };
}

/** A cypher/ folder with the project's schema and one seed file, to load broken input without touching the real one. */
function cypherWith(dir: string, name: string, text: string): string {
  const copy = join(dir, 'cypher');
  cpSync(join(cypherDir, 'schema'), join(copy, 'schema'), { recursive: true });
  mkdirSync(join(copy, 'seed'));
  writeFileSync(join(copy, 'seed', name), text);
  return copy;
}

describe('the seed loader', () => {
  let kuzu: Awaited<ReturnType<typeof freshKuzu>>;
  beforeAll(async () => {
    kuzu = await freshKuzu();
  });
  afterAll(() => kuzu.cleanup());

  it('loads every seed file, and loading twice leaves the same graph', async () => {
    const first = await seed(kuzu.store, cypherDir);
    expect(first.files).toBe(readSeedFiles(cypherDir).length);
    const once = await fingerprint(kuzu.store);
    expect(once.nodes.find((n) => n.label === 'Organization')?.count).toBeGreaterThan(0);
    await seed(kuzu.store, cypherDir);
    expect(await fingerprint(kuzu.store)).toEqual(once);
  });

  it('rejects a broken file naming the file and statement, and loads nothing from it', async () => {
    const before = await fingerprint(kuzu.store);
    const dir = join(kuzu.dir, 'broken');
    mkdirSync(dir);
    const broken = cypherWith(dir, 'zz-broken.cypher', [
      "MERGE (n:Organization {id: 'org:半途'}) SET n.name = '半途', n.kind = 'OTHER';",
      '// the second statement misspells MERGE',
      "MERGEE (n:Organization {id: 'org:坏'});",
    ].join('\n'));
    const error = await seed(kuzu.store, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedError);
    expect(error).toMatchObject({ file: 'zz-broken.cypher', statement: 2, line: 2 });
    expect((error as Error).message).toMatch(/^zz-broken\.cypher, statement 2 \(line 2\): /);
    expect(await fingerprint(kuzu.store)).toEqual(before);
  });

  it.each([
    ['an unknown label', "MERGE (n:Hospital {id: 'org:甲'}) SET n.name = '甲';", 1, /unknown label Hospital/],
    ['an unknown relationship type', "MATCH (a:Organization {id: 'org:寿阳县人民医院'}), (b:Organization {id: 'org:寿阳县医疗集团'}) MERGE (a)-[r:OWNS]->(b);", 1, /unknown relationship type OWNS/],
    ['an id under two labels', "MERGE (n:Organization {id: 'org:乙'});\nMERGE (n:Program {id: 'org:乙'});", 2, /id 'org:乙' does not belong to label Program/],
    ['a relationship to a missing node', "MERGE (n:Organization {id: 'org:丙'}) SET n.name = '丙', n.kind = 'OTHER';\nMATCH (a:Organization {id: 'org:丙'}), (b:Organization {id: 'org:不存在'}) MERGE (a)-[r:PART_OF {source: '002'}]->(b);", 2, /MATCH finds nothing/],
  ])('rejects %s naming the file and statement, leaving the graph as it was', async (_, text, statement, reason) => {
    const before = await fingerprint(kuzu.store);
    const dir = join(kuzu.dir, `case-${statement}-${String(reason).length}`);
    mkdirSync(dir);
    const error = await seed(kuzu.store, cypherWith(dir, 'zz-case.cypher', text)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedError);
    expect(error).toMatchObject({ file: 'zz-case.cypher', statement });
    expect((error as Error).message).toMatch(reason);
    expect(await fingerprint(kuzu.store)).toEqual(before);
  });

  it('rejects a file with an unterminated string before loading anything', async () => {
    const dir = join(kuzu.dir, 'unterminated');
    mkdirSync(dir);
    const broken = cypherWith(dir, '000-first.cypher', "MERGE (n:Organization {id: 'org:x});");
    expect(() => readSeedFiles(broken)).toThrowError(/000-first\.cypher: unterminated string starting on line 1/);
  });

  it('exits non-zero from `npm run seed` with the broken file named', async () => {
    const dir = join(kuzu.dir, 'cli');
    mkdirSync(dir);
    const broken = cypherWith(dir, 'zz-bad.cypher', 'MATCH (n:NoSuchLabel) SET n.x = 1;');
    const result = await promisify(execFile)('npx', ['tsx', 'src/seed/cli.ts'], {
      env: { ...process.env, DATA_DIR: join(dir, 'data'), CYPHER_DIR: broken },
    }).then(() => ({ code: 0, stderr: '' }), (e: { code: number; stderr: string }) => e);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/seed failed: zz-bad\.cypher, statement 1 \(line 1\)/);
  });
});
