import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KuzuStore } from '../../src/graph/kuzu.js';
import { DatabaseUnavailableError } from '../../src/graph/store.js';
import { freshKuzu } from '../support/stores.js';
import { join } from 'node:path';
import { spawn } from 'node:child_process';

describe('the embedded engine adapter', () => {
  let kuzu: Awaited<ReturnType<typeof freshKuzu>>;
  beforeAll(async () => {
    kuzu = await freshKuzu();
    await kuzu.store.applySchema([
      'CREATE NODE TABLE IF NOT EXISTS Thing(id STRING, n INT64, x DOUBLE, tags STRING[], ok BOOLEAN, PRIMARY KEY(id))',
      'CREATE REL TABLE IF NOT EXISTS LINKS(FROM Thing TO Thing, note STRING)',
    ]);
  });
  afterAll(() => kuzu.cleanup());

  it('applies schema statements idempotently', async () => {
    await expect(kuzu.store.applySchema(['CREATE NODE TABLE IF NOT EXISTS Thing(id STRING, PRIMARY KEY(id))'])).resolves.toBeUndefined();
  });

  it('commits a write transaction and returns plain values with parameters', async () => {
    await kuzu.store.writeTransaction(async (tx) => {
      await tx.run('MERGE (t:Thing {id: $id}) SET t.n = $n, t.x = $x, t.tags = $tags, t.ok = $ok', {
        id: 'a',
        n: 3,
        x: 4.5,
        tags: ['甲', 'b'],
        ok: true,
      });
      await tx.run("MERGE (t:Thing {id: 'b'})");
      await tx.run("MATCH (a:Thing {id: 'a'}), (b:Thing {id: 'b'}) MERGE (a)-[:LINKS {note: 'n'}]->(b)");
    });
    const rows = await kuzu.store
      .read('MATCH (t:Thing {id: $id}) RETURN t.id AS id, t.n AS n, t.x AS x, t.tags AS tags, t.ok AS ok, t.missing_is_null AS m', { id: 'a' })
      .catch(() => null);
    expect(rows).toBeNull(); // an unknown property is a query error, not a silent null
    const [row] = await kuzu.store.read('MATCH (t:Thing {id: $id}) RETURN t.id AS id, t.n AS n, t.x AS x, t.tags AS tags, t.ok AS ok', { id: 'a' });
    expect(row).toEqual({ id: 'a', n: 3, x: 4.5, tags: ['甲', 'b'], ok: true });
  });

  it('returns nodes as plain property objects without internal ids', async () => {
    const [row] = await kuzu.store.read("MATCH (t:Thing {id: 'b'}) RETURN t");
    expect(row).toEqual({ t: { id: 'b', n: null, x: null, tags: null, ok: null } });
  });

  it('rolls a write transaction back when it throws', async () => {
    await expect(
      kuzu.store.writeTransaction(async (tx) => {
        await tx.run("MERGE (t:Thing {id: 'c'})");
        await tx.run('MERGE (t:NoSuchTable {id: 1})');
      }),
    ).rejects.toThrow(/NoSuchTable/);
    const [row] = await kuzu.store.read("MATCH (t:Thing {id: 'c'}) RETURN count(t) AS c");
    expect(row).toEqual({ c: 0 });
  });

  it('runs read transactions and serializes concurrent write transactions', async () => {
    const ids = ['w1', 'w2', 'w3', 'w4'];
    await Promise.all(ids.map((id) => kuzu.store.writeTransaction((tx) => tx.run('MERGE (t:Thing {id: $id})', { id }))));
    const count = await kuzu.store.readTransaction(
      async (tx) => (await tx.run('MATCH (t:Thing) WHERE t.id IN $ids RETURN count(t) AS c', { ids }))[0],
    );
    expect(count).toEqual({ c: 4 });
  });

  it('answers a ping and refuses work once closed', async () => {
    await expect(kuzu.store.ping()).resolves.toBeUndefined();
    const other = await KuzuStore.open({ path: join(kuzu.dir, 'other.kuzu') });
    await other.close();
    await expect(other.read('RETURN 1 AS x')).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });

  it('waits for queries under way before closing', async () => {
    const other = await KuzuStore.open({ path: join(kuzu.dir, 'busy.kuzu') });
    const running = other.read('UNWIND range(1, 2000000) AS x RETURN sum(x) AS total');
    await new Promise((r) => setTimeout(r, 5));
    await other.close();
    expect(await running).toEqual([{ total: 2000001000000 }]);
    await expect(other.read('RETURN 1 AS x')).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });

  it('reports a database folder another process holds as unavailable', async () => {
    const path = join(kuzu.dir, 'held.kuzu');
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `
      const kuzu = require('kuzu');
      const db = new kuzu.Database(${JSON.stringify(path)});
      new kuzu.Connection(db).query('RETURN 1').then(() => console.log('held'));
      setTimeout(() => {}, 60000);`,
      ],
      { cwd: process.cwd() },
    );
    try {
      await new Promise((resolve) => holder.stdout.once('data', resolve));
      const error = await KuzuStore.open({ path }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect((error as Error).message).toContain(path);
    } finally {
      holder.kill();
    }
  });
});
