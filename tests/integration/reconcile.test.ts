import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/store.js';
import { postGraphQL, startHttp } from '../support/api.js';
import { ENGINES, seededStore } from '../support/stores.js';

interface Candidate {
  id: string;
  name: string;
  type: Array<{ id: string }>;
  score: number;
  match: boolean;
}
type Answers = Record<string, { result: Candidate[] }>;

/** Strings of the labelled set (tests/reconcile/set.json), one or two per rule, with the entity each names. */
const BATCH = {
  exact: { query: '首都医科大学宣武医院' },
  department: { query: '首都医科大学宣武医院检验科' },
  traditional: { query: '首都醫科大學附屬北京兒童醫院' },
  bracketed: { query: '中信银行股份有限公司（原址）' },
  english: { query: 'Qilihe Nursing Home, Jinzhong, China' },
  absent: { query: '北京协和医院' },
  wrongProvince: { query: '四川省寿阳县西洛镇卫生院' },
  typed: { query: '寿阳县', type: 'Place' },
  placed: { query: '寿阳县人民医院', properties: [{ pid: 'place', v: '晋中市' }] },
};
const EXPECTED: Record<string, string | null> = {
  exact: 'org:首都医科大学宣武医院',
  department: 'org:首都医科大学宣武医院',
  traditional: 'org:首都医科大学附属北京儿童医院',
  bracketed: 'org:中信银行股份有限公司',
  english: 'org:七里河养老院',
  absent: null,
  wrongProvince: null,
  typed: 'place:寿阳县',
  placed: 'org:寿阳县人民医院',
};

for (const engine of ENGINES)
  describe(`the reconciliation service, on ${engine}`, () => {
    let store: GraphStore;
    let http: Awaited<ReturnType<typeof startHttp>>;
    /** Reads the server sent alone and combined (`readAll`, where the store has it). */
    const sent = { alone: 0, combined: 0 };
    beforeAll(async () => {
      store = await seededStore(engine);
      const counted = Object.assign(Object.create(store) as GraphStore, {
        read: (...args: Parameters<GraphStore['read']>) => (sent.alone++, store.read(...args)),
        ...(store.readAll && { readAll: (...args: Parameters<NonNullable<GraphStore['readAll']>>) => (sent.combined++, store.readAll!(...args)) }),
      });
      http = await startHttp(counted, { RESPONSE_CACHE: 'false' });
    });
    afterAll(async () => {
      await http.stop();
      await store.close();
    });

    const post = async (queries: unknown): Promise<Answers> => {
      const response = await fetch(`${http.url}/reconcile`, { method: 'POST', body: new URLSearchParams({ queries: JSON.stringify(queries) }) });
      expect(response.status).toBe(200);
      return (await response.json()) as Answers;
    };

    it('describes itself in a manifest', async () => {
      const manifest = (await (await fetch(`${http.url}/reconcile`)).json()) as { versions: string[]; identifierSpace: string; batchSize: number };
      expect(manifest.versions).toContain('0.2');
      expect(manifest.identifierSpace).toMatch(/\/entity\/$/);
      expect(manifest.batchSize).toBeGreaterThanOrEqual(Object.keys(BATCH).length);
    });

    it('answers a batch: each string its own candidates, a sure one matched, a string naming no body of the graph matched to none', async () => {
      const answers = await post(BATCH);
      expect(Object.keys(answers)).toEqual(Object.keys(BATCH));
      for (const [key, expected] of Object.entries(EXPECTED)) {
        const [top] = answers[key]!.result;
        if (expected === null) expect(top?.match ?? false, key).toBe(false);
        else expect([key, top?.id, top?.match]).toEqual([key, expected, true]);
      }
      expect(answers.typed!.result.every((c) => c.type[0]!.id === 'Place')).toBe(true);
      expect(answers.english!.result[0]!.name).toBe('Qilihe Nursing Home');
    });

    it('answers a string in a batch as it answers it alone', async () => {
      const batch = await post(BATCH);
      for (const [key, query] of Object.entries(BATCH)) expect((await post({ q: query })).q, key).toEqual(batch[key]);
    });

    it('sends the statements of a batch each alone, where GraphQL combines those of a turn: every batch makes new combinations', async () => {
      Object.assign(sent, { alone: 0, combined: 0 });
      await post(BATCH);
      expect(sent).toEqual({ alone: expect.any(Number), combined: 0 });
      expect(sent.alone).toBeGreaterThan(3);
      await postGraphQL(http.url, { query: '{ organization(id: "org:寿阳县医疗集团") { name } place(id: "place:寿阳县") { name } }' });
      expect(sent.combined > 0).toBe(!!store.readAll);
    });

    it('wraps a GET in the JSONP callback it names', async () => {
      const queries = encodeURIComponent(JSON.stringify({ q: BATCH.exact }));
      const text = await (await fetch(`${http.url}/reconcile?queries=${queries}&callback=answer`)).text();
      expect(text).toMatch(/^\/\*\*\/answer\(\{"q":\{"result":\[\{"id":"org:首都医科大学宣武医院"/);
    });
  });
