import type { ApolloServer } from '@apollo/server';
import { Kind, print, type DocumentNode } from 'graphql';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Context } from '../../src/context.js';
import { DataAccess } from '../../src/data/access.js';
import { PROFILE, profileLoader, type GraphProfile } from '../../src/data/profile.js';
import type { SearchIndex } from '../../src/data/search-index.js';
import { SEARCH_INDEX } from '../../src/data/search.js';
import { sharedOf } from '../../src/data/shared.js';
import * as generated from '../../src/generated/client/graphql.js';
import { KuzuStore } from '../../src/graph/kuzu.js';
import type { Params } from '../../src/graph/store.js';
import { createApollo, createContext } from '../../src/server.js';
import { loadExamples } from '../../src/web/examples.js';
import { testConfig } from '../support/api.js';
import { RecordingStore, type Turn } from '../support/recording-store.js';

/**
 * What every shipped operation sends, per engine, as files under `tests/unit/sent/`: each statement
 * with its parameters, grouped by the turn it is sent in (statements of a turn are sent before the
 * database answers any), and on Neo4j the combined statements that travel. A change to the read path
 * shows here as a diff. The operations are every document the client preset generates: the tests'
 * (`tests/operations/`), the pages' (`web/**\/*.graphql`) and the playground's examples.
 */

const GROUP = 'org:寿阳县医疗集团';
/** The variables each operation is sent with: those a page or a test sends; the examples' come with them. */
const VARIABLES: Record<string, Record<string, unknown>> = {
  AchievementsFiltered: { filter: { report: 'report:002', kinds: ['METRIC'], valueMin: 100 }, first: 100 },
  Counts: {},
  GroupWithHospitals: { id: GROUP },
  MedicalCenters: { first: 3, after: 'b2Zmc2V0OjI' },
  MetricRanking: { unit: '人次', first: 5 },
  Neighborhood: { id: GROUP, depth: 2 },
  NestedOrganizations: { first: 50 },
  OrganizationAchievements: { id: GROUP, includeDescendants: true, first: 100 },
  PathBetween: { from: 'org:寿阳县人民医院', to: 'org:寿阳县中医院', maxLength: 4 },
  PlaceOrganizations: { place: 'place:山西省', first: 100 },
  SearchByName: { query: '壽陽縣醫療集團' },
  DashboardOverview: {},
  // Hospitals in Shanxi selected: each chart counts under the other charts' selections.
  DashboardCharts: {
    types: { organizationKinds: ['HOSPITAL'], place: 'place:山西省' },
    kinds: { place: 'place:山西省' },
    provinces: { kinds: ['HOSPITAL'] },
    reports: { organizationKinds: ['HOSPITAL'], place: 'place:山西省' },
    years: { holderKinds: ['HOSPITAL'], place: 'place:山西省' },
  },
  DashboardAchievements: { first: 25, filter: { holderKinds: ['MEDICAL_GROUP'], yearFrom: 2023, yearTo: 2023 }, orderBy: 'VALUE_DESC' },
  DashboardOrganizations: { first: 25, filter: { place: 'place:山西省', kinds: ['HOSPITAL'] }, orderBy: 'NAME_ASC' },
  DashboardPrograms: { first: 25, after: 'b2Zmc2V0OjI0', orderBy: 'MENTIONS_DESC' },
  DashboardPolicies: { first: 25, filter: { report: 'report:000' } },
  ExplorerSearch: { query: '寿阳' },
  ExplorerNode: { id: GROUP },
  ExplorerLinks: { id: GROUP },
  ExplorerDegree: { id: GROUP },
  ExplorerPath: { from: 'org:寿阳县人民医院', to: 'place:山西省', maxLength: 4, types: null, avoid: ['org:寿阳县医疗集团'], avoidTypes: ['PERSON'] },
  ExplorerDetails: { id: 'ach:002:寿阳县医疗集团门诊人次' },
  ExplorerAchievements: { holder: GROUP, descendants: true, year: 2023 },
  ExplorerYears: {},
  ...Object.fromEntries(loadExamples().map((e) => [operationName(e.query), e.variables ? (JSON.parse(e.variables) as Record<string, unknown>) : {}])),
};

function operationName(source: string): string {
  return /^(?:query|mutation)\s+(\w+)/m.exec(source)![1]!;
}

/** Every operation the client preset types, by name. */
const OPERATIONS = Object.values(generated)
  .filter((value): value is DocumentNode => typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT)
  .flatMap((document) => {
    const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    return operation ? [{ name: operation.name!.value, document }] : [];
  });

const json = (value: unknown) => JSON.stringify(value);
const paramLines = (params: Params, indent: string) =>
  Object.keys(params)
    .sort()
    .map((name) => `${indent}$${name} = ${json(params[name])}`);
/** A combined statement shown a clause a line (as sent, with newlines for spaces). */
const clauses = (cypher: string) => cypher.replace(/ \} (CALL \(|UNWIND \[)/g, ' }\n    $1');

/** The turns as text: each statement and its parameters, and on Neo4j what travelled for it. */
function render(turns: readonly Turn[]): string {
  return turns
    .flatMap((turn, t) => [
      `turn ${t + 1}: ${turn.length} trip${turn.length > 1 ? 's' : ''}`,
      ...turn.flatMap((trip) => [
        ...trip.statements.flatMap(({ cypher, params }) => [`  ${cypher}`, ...paramLines(params, '    ')]),
        ...(trip.combined ?? []).flatMap(({ cypher, params }, i, all) => [
          `  sent as ${all.length > 1 ? `piece ${i + 1} of ${all.length}` : 'one statement'}:`,
          `    ${clauses(cypher)}`,
          ...paramLines(params, '      '),
        ]),
      ]),
    ])
    .join('\n');
}

describe('what each shipped operation sends', () => {
  let inner: KuzuStore;
  beforeAll(async () => {
    inner = await KuzuStore.open({ path: inject('seededGraphPath'), readOnly: true });
  });
  afterAll(() => inner.close());

  it('covers every operation with variables of its own', () => {
    expect(OPERATIONS.length).toBeGreaterThan(20);
    expect(OPERATIONS.map((o) => o.name).filter((name) => !(name in VARIABLES))).toEqual([]);
  });

  for (const engine of ['kuzu', 'neo4j'] as const) {
    describe(`on ${engine}`, () => {
      let apollo: ApolloServer<Context>;
      /** The answers every request on a graph version shares, read once: the profile and the search index. */
      let shared: { profile: Promise<GraphProfile>; index: Promise<SearchIndex> };
      /** A store of its own for an operation: per-version answers it reads itself (counts) are read cold, the shared ones are given. */
      async function recordingStore(): Promise<RecordingStore> {
        const store = new RecordingStore(inner, engine);
        await sharedOf(store).version.state();
        await sharedOf(store).memo(PROFILE, () => shared.profile);
        await sharedOf(store).memo(SEARCH_INDEX, () => shared.index);
        store.record();
        return store;
      }
      /** The statements the search index was read with. */
      let indexTurns: Turn[];
      beforeAll(async () => {
        const store = new RecordingStore(inner, engine);
        const indexStore = new RecordingStore(inner, engine);
        indexStore.record();
        indexTurns = indexStore.turns;
        shared = { profile: profileLoader(store)(), index: new DataAccess(indexStore).search.index() };
        apollo = createApollo(testConfig(), store);
        await apollo.start();
      });
      afterAll(() => apollo.stop());

      it('reads the search index once per graph version', async () => {
        await shared.index;
        await expect(render(indexTurns)).toMatchFileSnapshot(join(import.meta.dirname, 'sent', engine, '(search index).txt'));
      });

      it.each(OPERATIONS)('$name', async ({ name, document }) => {
        const recording = await recordingStore();
        const contextValue = createContext(recording);
        const variables = VARIABLES[name]!;
        const response = await apollo.executeOperation({ query: print(document), variables }, { contextValue });
        if (response.body.kind !== 'single') throw new Error('expected a single result');
        expect(response.body.singleResult.errors).toBeUndefined();
        const { statements, roundTrips, waits } = contextValue.data;
        // The counted layer and the store agree on what was sent.
        expect(recording.turns.flatMap((turn) => turn.flatMap((trip) => trip.statements))).toHaveLength(statements);
        expect(recording.turns.flat()).toHaveLength(roundTrips);
        const text = [
          `# ${name} on ${engine}: ${statements} statements, ${roundTrips} round trips, ${waits} waits`,
          `# variables: ${json(variables)}`,
          render(recording.turns),
          '',
        ].join('\n');
        await expect(text).toMatchFileSnapshot(join(import.meta.dirname, 'sent', engine, `${name}.txt`));
      });
    });
  }
});
