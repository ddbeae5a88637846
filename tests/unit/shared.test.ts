import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GraphShared, MAX_SHARED_ANSWERS } from '../../src/data/shared.js';
import { KuzuStore } from '../../src/graph/kuzu.js';

describe('answers shared per graph version', () => {
  let store: KuzuStore;
  beforeAll(async () => {
    store = await KuzuStore.open({ path: inject('seededGraphPath'), readOnly: true });
  });
  afterAll(() => store.close());

  it('computes each once, keeps a bounded number and drops the least recently used first', async () => {
    const shared = new GraphShared(store);
    const computed: string[] = [];
    const ask = (key: string) =>
      shared.memo(key, () => {
        computed.push(key);
        return Promise.resolve(key.length);
      });
    for (let i = 0; i < MAX_SHARED_ANSWERS; i++) await ask(`count ${i}`);
    expect(computed).toHaveLength(MAX_SHARED_ANSWERS);
    // Used again, the first is now the most recent; one more answer drops the second instead.
    expect(await ask('count 0')).toBe('count 0'.length);
    await ask('one more');
    computed.length = 0;
    await ask('count 0');
    await ask('count 1');
    expect(computed).toEqual(['count 1']);
  });

  it('keeps no failure', async () => {
    const shared = new GraphShared(store);
    await expect(shared.memo('flaky', () => Promise.reject(new Error('the database failed this once')))).rejects.toThrow('failed this once');
    expect(await shared.memo('flaky', () => Promise.resolve('read again'))).toBe('read again');
  });
});
