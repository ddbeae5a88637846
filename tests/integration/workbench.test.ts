import type { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import type { GraphStore } from '../../src/graph/store.js';
import { execute, startApollo } from '../support/api.js';
import { ENGINES, withSeededServer } from '../support/stores.js';

/** The dashboard's additions to the API: achievements by year, and the holder-kind filter. */
for (const engine of ENGINES) {
  describe(`the workbench API on ${engine}`, () => {
    let store: GraphStore;
    let apollo: ApolloServer<Context>;
    withSeededServer(engine, startApollo, (s, a) => ((store = s), (apollo = a)));
    const run = async (query: string, variables: Record<string, unknown> = {}) => {
      const { data, errors } = await execute(apollo, store, { query, variables });
      expect(errors).toBeUndefined();
      return data as any;
    };

    it('counts achievements by year, earliest first, matching the year filter of the achievements list', async () => {
      const { stats } = await run('{ stats { achievementsByYear { year count } } }');
      const years = stats.achievementsByYear as Array<{ year: number; count: number }>;
      expect(years.length).toBeGreaterThan(0);
      expect(years.map((y) => y.year)).toEqual([...years.map((y) => y.year)].sort((a, b) => a - b));
      for (const { year, count } of years) {
        const { achievements } = await run('query($y: Int) { achievements(first: 0, filter: { yearFrom: $y, yearTo: $y }) { totalCount } }', {
          y: year,
        });
        expect(achievements.totalCount, String(year)).toBe(count);
      }
      const { achievements: dated } = await run('{ achievements(first: 0, filter: { yearFrom: 0 }) { totalCount } }');
      expect(years.reduce((sum, y) => sum + y.count, 0)).toBe(dated.totalCount);
    });

    it('filters achievements by the kind of organization holding them, with the other filters', async () => {
      const { organizations } = await run(
        '{ organizations(first: 40, filter: { kinds: [MEDICAL_GROUP] }) { totalCount edges { node { id achievements(first: 100) { edges { node { id year } } } } } } }',
      );
      expect(organizations.totalCount).toBeLessThanOrEqual(40);
      const held = new Map<string, number | null>();
      for (const { node } of organizations.edges) for (const { node: a } of node.achievements.edges) held.set(a.id, a.year);
      const { achievements } = await run(
        '{ achievements(first: 100, filter: { holderKinds: [MEDICAL_GROUP] }) { totalCount edges { node { id holders { ... on Organization { kind } } } } } }',
      );
      expect(achievements.totalCount).toBe(held.size);
      for (const { node } of achievements.edges)
        expect(
          node.holders.some((h: any) => h.kind === 'MEDICAL_GROUP'),
          node.id,
        ).toBe(true);
      const { achievements: in2023 } = await run(
        '{ achievements(first: 100, filter: { holderKinds: [MEDICAL_GROUP], yearFrom: 2023, yearTo: 2023 }) { totalCount } }',
      );
      expect(in2023.totalCount).toBe([...held.values()].filter((y) => y === 2023).length);
      const { achievements: none } = await run('{ achievements(first: 1, filter: { holderKinds: [] }) { totalCount } }');
      const { achievements: all } = await run('{ achievements(first: 1) { totalCount } }');
      expect(none.totalCount).toBe(all.totalCount);
    });
  });
}
