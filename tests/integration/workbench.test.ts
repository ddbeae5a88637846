import type { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import type { GraphStore } from '../../src/graph/store.js';
import { execute, startApollo } from '../support/api.js';
import { ENGINES, withSeededServer } from '../support/stores.js';

/** The dashboard's additions to the API: achievements by year, the holder-kind and year filters, and the charts' counts narrowed by filters. */
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

    it('counts achievements by year, earliest first, each year as the year filter of the achievements list finds them', async () => {
      const { stats } = await run('{ stats { achievementsByYear { year count stated } achievementsWithoutYear } }');
      const years = stats.achievementsByYear as Array<{ year: number; count: number; stated: number }>;
      expect(years.length).toBeGreaterThan(0);
      expect(years.map((y) => y.year)).toEqual([...years.map((y) => y.year)].sort((a, b) => a - b));
      for (const { year, count, stated } of years) {
        const { achievements } = await run(
          'query($y: Int) { achievements(first: 100, filter: { year: $y }) { totalCount edges { node { year period { basis } } } } }',
          {
            y: year,
          },
        );
        expect(achievements.totalCount, String(year)).toBe(count);
        if (count <= 100) {
          expect(achievements.edges.every((e: any) => e.node.year === year)).toBe(true);
          expect(achievements.edges.filter((e: any) => e.node.period.basis === 'STATED').length, String(year)).toBe(stated);
        }
      }
      const { achievements: all } = await run('{ achievements(first: 0) { totalCount } }');
      expect(years.reduce((sum, y) => sum + y.count, 0) + stats.achievementsWithoutYear).toBe(all.totalCount);
      // The period filters take whatever period reaches the years: a period ending in 2023 may start before 2022.
      const { achievements: reaching } = await run('{ achievements(first: 0, filter: { yearFrom: 2022, yearTo: 2022 }) { totalCount } }');
      expect(reaching.totalCount).toBeGreaterThan(years.find((y) => y.year === 2022)!.count);
    });

    it("narrows the charts' counts by the filters of their lists, so a count and its list agree", async () => {
      const place = 'place:山西省';
      const report = 'report:002';
      const { stats } = await run(
        `query($o: OrganizationFilter, $p: OrganizationFilter, $a: AchievementFilter) { stats {
          organizationsByKind(filter: $o) { key count } byPlace(filter: $p) { place { id } organizations achievements }
          achievementsByYear(filter: $a) { year count stated } achievementsWithoutYear(filter: $a) } }`,
        { o: { place }, p: { kinds: ['HOSPITAL'] }, a: { holderKinds: ['MEDICAL_GROUP'], report } },
      );
      const count = async (list: string, filterType: string, filter: unknown) =>
        (await run(`query($f: ${filterType}) { ${list}(first: 0, filter: $f) { totalCount } }`, { f: filter }))[list].totalCount as number;
      expect(stats.organizationsByKind.length).toBeGreaterThan(1);
      for (const { key, count: n } of stats.organizationsByKind)
        expect(await count('organizations', 'OrganizationFilter', { place, kinds: [key] }), key).toBe(n);
      expect(stats.organizationsByKind.reduce((sum: number, k: any) => sum + k.count, 0)).toBe(
        await count('organizations', 'OrganizationFilter', { place }),
      );
      expect(stats.byPlace.length).toBeGreaterThan(1);
      expect(stats.byPlace.map((p: any) => p.organizations)).toEqual([...stats.byPlace.map((p: any) => p.organizations)].sort((a, b) => b - a));
      for (const { place: p, organizations } of stats.byPlace)
        expect(await count('organizations', 'OrganizationFilter', { place: p.id, kinds: ['HOSPITAL'] }), p.id).toBe(organizations);
      const shanxi = stats.byPlace.find((p: any) => p.place.id === place);
      const { organizations: hospitals } = await run(
        '{ organizations(first: 100, filter: { kinds: [HOSPITAL], place: "place:山西省" }) { edges { node { achievements(first: 100) { edges { node { id } } } } } } }',
      );
      expect(shanxi.achievements).toBe(new Set(hospitals.edges.flatMap((e: any) => e.node.achievements.edges.map((a: any) => a.node.id))).size);
      expect(stats.achievementsByYear.length).toBeGreaterThan(0);
      for (const { year, count: n } of stats.achievementsByYear)
        expect(await count('achievements', 'AchievementFilter', { holderKinds: ['MEDICAL_GROUP'], report, year }), String(year)).toBe(n);
      expect(stats.achievementsByYear.reduce((sum: number, y: any) => sum + y.count, 0) + stats.achievementsWithoutYear).toBe(
        await count('achievements', 'AchievementFilter', { holderKinds: ['MEDICAL_GROUP'], report }),
      );
    });

    it('counts by type and by report under a selection, leaving out the types a part of it does not apply to', async () => {
      const { stats } = await run(
        `query($report: StatsFilter, $place: StatsFilter, $kinds: StatsFilter, $year: StatsFilter) { stats {
          byReport { report { id } byType { type count } }
          inReport: byType(filter: $report) { type count } inPlace: byType(filter: $place) { type count }
          ofKinds: byType(filter: $kinds) { type count } ofYear: byType(filter: $year) { type count }
          reportsOfKinds: byReport(filter: $kinds) { report { id } byType { type count } total } } }`,
        {
          report: { report: 'report:002' },
          place: { place: 'place:山西省' },
          kinds: { organizationKinds: ['HOSPITAL'] },
          year: { year: 2022, organizationKinds: ['HOSPITAL'], place: 'place:山西省' },
        },
      );
      // Mentioned in a report: the same counts as the report's own in the unfiltered counts per report.
      const own = stats.byReport.find((r: any) => r.report.id === 'report:002').byType;
      const sorted = (list: Array<{ type: string; count: number }>) => list.filter((c) => c.count > 0).sort((a, b) => a.type.localeCompare(b.type));
      expect(sorted(stats.inReport)).toEqual(sorted(own));
      expect(stats.inPlace.map((c: any) => c.type).sort()).toEqual(['ACHIEVEMENT', 'EVENT', 'ORGANIZATION', 'PERSON', 'PLACE', 'PROGRAM']);
      // The lists of the types whose public filters take a place (people and events are placed through the organizations they belong to).
      const lists: Array<[string, string, string]> = [
        ['ORGANIZATION', 'organizations', 'OrganizationFilter'],
        ['PROGRAM', 'programs', 'ProgramFilter'],
        ['ACHIEVEMENT', 'achievements', 'AchievementFilter'],
        ['PLACE', 'places', 'PlaceFilter'],
      ];
      for (const [type, list, filterType] of lists) {
        const count = stats.inPlace.find((c: any) => c.type === type).count;
        const { [list]: found } = await run(`query($f: ${filterType}) { ${list}(first: 0, filter: $f) { totalCount } }`, {
          f: { place: 'place:山西省' },
        });
        expect(found.totalCount, type).toBe(count);
      }
      expect(stats.ofKinds.map((c: any) => c.type).sort()).toEqual(['ACHIEVEMENT', 'ORGANIZATION']);
      expect(stats.ofYear.map((c: any) => c.type)).toEqual(['ACHIEVEMENT']);
      const { achievements } = await run(
        '{ achievements(first: 0, filter: { year: 2022, holderKinds: [HOSPITAL], place: "place:山西省" }) { totalCount } }',
      );
      expect(stats.ofYear[0].count).toBe(achievements.totalCount);
      expect(stats.reportsOfKinds.length).toBeGreaterThan(0);
      for (const { report, byType, total } of stats.reportsOfKinds.slice(0, 4)) {
        const { organizations, achievements: held } = await run(
          'query($r: ID) { organizations(first: 0, filter: { kinds: [HOSPITAL], report: $r }) { totalCount } achievements(first: 0, filter: { holderKinds: [HOSPITAL], report: $r }) { totalCount } }',
          { r: report.id },
        );
        expect(total, report.id).toBe(organizations.totalCount + held.totalCount);
        expect(byType.every((c: any) => ['ORGANIZATION', 'ACHIEVEMENT'].includes(c.type))).toBe(true);
      }
    });

    it('says which part of a selection is malformed', async () => {
      const { errors } = await execute(apollo, store, { query: '{ stats { byType(filter: { place: "org:寿阳县医疗集团" }) { type count } } }' });
      expect(errors?.[0]).toMatchObject({ message: expect.stringContaining('filter.place'), extensions: { code: 'BAD_USER_INPUT' } });
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
      const { achievements: in2023 } = await run('{ achievements(first: 100, filter: { holderKinds: [MEDICAL_GROUP], year: 2023 }) { totalCount } }');
      expect(in2023.totalCount).toBe([...held.values()].filter((y) => y === 2023).length);
      const { achievements: none } = await run('{ achievements(first: 1, filter: { holderKinds: [] }) { totalCount } }');
      const { achievements: all } = await run('{ achievements(first: 1) { totalCount } }');
      expect(none.totalCount).toBe(all.totalCount);
    });
  });
}
