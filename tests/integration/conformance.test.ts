import type { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import type { GraphStore } from '../../src/graph/store.js';
import { loadExamples } from '../../src/web/examples.js';
import { execute, startApollo } from '../support/api.js';
import { graphqlFiles, operationsOf } from '../support/documents.js';
import { ENGINES, seededStore } from '../support/stores.js';

const GROUP = 'org:寿阳县医疗集团';

/** The variables each named operation runs with (only those without defaults). */
const VARIABLES: Record<string, Record<string, unknown>> = {
  AchievementsFiltered: { filter: { report: 'report:002', kinds: ['METRIC'] } },
  GroupWithHospitals: { id: GROUP },
  MetricRanking: { unit: '人次' },
  Neighborhood: { id: GROUP, depth: 2 },
  NestedOrganizations: { first: 30 },
  OrganizationAchievements: { id: GROUP },
  PathBetween: { from: 'org:寿阳县人民医院', to: 'org:山西省卫生健康委员会' },
  PlaceOrganizations: { place: 'place:山西省' },
  SearchByName: { query: '医院' },
  ExplorerSearch: { query: '寿阳' },
  ExplorerNode: { id: GROUP },
  ExplorerLinks: { id: GROUP },
  ExplorerDegree: { id: GROUP },
  ExplorerPath: { from: 'org:寿阳县人民医院', to: 'org:国家卫生健康委员会', maxLength: 8, avoidTypes: ['EVENT'] },
  ExplorerDetails: { id: GROUP },
  ExplorerAchievements: { holder: GROUP, descendants: true },
  DashboardAchievements: { first: 25, filter: { kinds: ['METRIC'] }, orderBy: 'VALUE_DESC' },
  DashboardOrganizations: { first: 25, filter: { kinds: ['HOSPITAL'] } },
  DashboardPrograms: { first: 25 },
  DashboardPolicies: { first: 25 },
};

const CASES = [
  ...operationsOf([...graphqlFiles('tests/operations'), ...graphqlFiles('web')]).map(({ name, query }) => ({
    name,
    query,
    variables: VARIABLES[name] ?? {},
  })),
  ...loadExamples().map((example) => ({
    name: `playground: ${example.title}`,
    query: example.query,
    variables: example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : {},
  })),
];

/**
 * The same operations on both engines must give the same answers: every operation the tests, the pages
 * and the playground's examples send, compared as they come (the resolvers order every list).
 */
describe('both engines give the same answers', () => {
  const running: Partial<Record<(typeof ENGINES)[number], { store: GraphStore; apollo: ApolloServer<Context> }>> = {};
  beforeAll(async () => {
    for (const engine of ENGINES) {
      const store = await seededStore(engine);
      running[engine] = { store, apollo: await startApollo(store) };
    }
  });
  afterAll(async () => {
    for (const { store, apollo } of Object.values(running)) {
      await apollo.stop();
      await store.close();
    }
  });

  it('has operations from the tests, the pages and the playground to compare', () => {
    expect(CASES.filter((c) => c.name.startsWith('Explorer')).length).toBeGreaterThan(0);
    expect(CASES.filter((c) => c.name.startsWith('Dashboard')).length).toBeGreaterThan(0);
    expect(CASES.filter((c) => c.name.startsWith('playground')).length).toBeGreaterThan(0);
  });

  it.each(CASES)('$name on Kuzu and Neo4j', async ({ query, variables }) => {
    const [kuzu, neo4j] = await Promise.all(ENGINES.map((engine) => execute(running[engine]!.apollo, running[engine]!.store, { query, variables })));
    expect(kuzu!.errors).toBeUndefined();
    expect(neo4j!.errors).toBeUndefined();
    expect(neo4j!.data).toEqual(kuzu!.data);
  });
});
