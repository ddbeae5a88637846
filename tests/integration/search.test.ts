import type { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import { DataAccess } from '../../src/data/access.js';
import type { GraphStore } from '../../src/graph/store.js';
import { NODE_LABELS, type NodeLabel } from '../../src/model/graph.js';
import { pinyinKeys } from '../../src/text/search-keys.js';
import { execute, startApollo } from '../support/api.js';
import { curatedGraph } from '../support/curated.js';
import { ENGINES, withSeededServer } from '../support/stores.js';

const SEARCH =
  'query S($q: String!, $report: ID, $first: Int) { search(query: $q, report: $report, first: $first) { score matchedField node { id } } }';

/** What analysts type, and the entity that must come first (or be among the first five). */
const TABLE: Array<{ kind: string; query: string; first?: string; among?: string }> = [
  { kind: 'Traditional characters', query: '壽陽縣醫療集團', first: 'org:寿阳县医疗集团' },
  { kind: 'short form 中共', query: '中共济南市委员会', first: 'org:中国共产党济南市委员会' },
  { kind: 'short form 卫健委, city without 市', query: '济南卫健委', first: 'org:济南市卫生健康委员会' },
  { kind: 'short form 卫健委, with 市', query: '济南市卫健委', first: 'org:济南市卫生健康委员会' },
  { kind: 'spun wording pasted from report 004', query: '济南市卫生矫健委', first: 'org:济南市卫生健康委员会' },
  { kind: 'spun program name', query: '机灵中药房', first: 'prog:智慧中药房' },
  { kind: 'pinyin initials', query: 'syxyljt', first: 'org:寿阳县医疗集团' },
  { kind: 'full pinyin', query: 'shouyang', among: 'org:寿阳县医疗集团' },
  { kind: 'full pinyin with spaces', query: 'shou yang xian yi liao ji tuan', first: 'org:寿阳县医疗集团' },
  { kind: 'masked name, exactly', query: '市人民医院', first: 'org:001-01:市人民医院' },
];

for (const engine of ENGINES) {
  describe(`search on ${engine}`, () => {
    let store: GraphStore;
    let apollo: ApolloServer<Context>;
    withSeededServer(engine, startApollo, (s, a) => ((store = s), (apollo = a)));

    const search = async (variables: Record<string, unknown>) => {
      const { data, errors } = await execute(apollo, store, { query: SEARCH, variables });
      expect(errors).toBeUndefined();
      return (data as { search: Array<{ score: number; matchedField: string; node: { id: string } }> }).search;
    };

    it.each(TABLE)('finds what analysts type: $kind ($query)', async ({ query, first, among }) => {
      const hits = await search({ q: query, first: 5 });
      if (first) expect(hits[0]?.node.id).toBe(first);
      if (among) expect(hits.map((h) => h.node.id)).toContain(among);
    });

    it('keeps to one report when asked, a compilation including its articles', async () => {
      const inside = await search({ q: '医院', report: 'report:002', first: 50 });
      expect(inside.length).toBeGreaterThan(0);
      const everywhere = await search({ q: '医院', first: 50 });
      expect(inside.map((h) => h.node.id)).not.toEqual(everywhere.map((h) => h.node.id));
      const articles = await search({ q: '市人民医院', report: 'report:001', first: 50 });
      expect(articles.map((h) => h.node.id)).toContain('org:001-01:市人民医院');
    });

    it('ranks the first hits as a search taking every hit does, and takes every name holding the query', async () => {
      const index = await new DataAccess(store).search.index();
      const names = [...curatedGraph().nodes.values()].map((n) => ({ id: n.id, label: n.label, name: String(n.props.name ?? '') }));
      const typed = names.filter((_, i) => i % 5 === 0);
      // Pieces of names, as typed: two characters (the most hits), three, whole names, and pinyin.
      const queries = [
        ...new Set(
          names.flatMap(({ name }) => [...[0, 1, 3].map((at) => [...name].slice(at, at + 2).join('')), [...name].slice(1, 4).join(''), name]),
        ),
        ...['yiyuan', 'zhongxin', 'rmyy', 'sy', 'jiankang'],
        ...typed.slice(0, 20).map(({ name }) => pinyinKeys(name).full.slice(2, 8)),
      ].filter((q) => q.length > 1);
      const scopes: Array<[readonly NodeLabel[], string | undefined]> = [
        [NODE_LABELS, undefined],
        [['Organization', 'Place'], undefined],
        [NODE_LABELS, 'report:002'],
      ];
      for (const [i, query] of queries.entries()) {
        const [labels, report] = scopes[i % scopes.length]!;
        const every = index.search(query, labels, report, Number.MAX_SAFE_INTEGER);
        for (const first of [1, 5, 20]) expect(index.search(query, labels, report, first), `${query}, first ${first}`).toEqual(every.slice(0, first));
        const key = index.keys.queryKeys(query)[0]!;
        const holders = names.filter((n) => labels.includes(n.label) && !report && index.keys.key(n.name).includes(key)).map((n) => n.id);
        expect(
          every.map((h) => h.id),
          query,
        ).toEqual(expect.arrayContaining(holders));
      }
    });

    it('never lets a generic alias (集团, 医院) outrank a real name match', async () => {
      const hits = await search({ q: '集团', first: 10 });
      const firstAlias = hits.findIndex((h) => h.matchedField === 'ALIAS');
      const lastName = hits.map((h) => h.matchedField).lastIndexOf('NAME');
      if (firstAlias >= 0 && lastName >= 0) expect(firstAlias).toBeGreaterThan(lastName);
    });
  });
}
