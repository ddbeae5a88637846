import type { ApolloServer } from '@apollo/server';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import type { CuratedGraph } from '../../src/curation/reader.js';
import {
  AchievementsFilteredDocument,
  CountsDocument,
  GroupWithHospitalsDocument,
  MedicalCentersDocument,
  MetricRankingDocument,
  NeighborhoodDocument,
  NestedOrganizationsDocument,
  OrganizationAchievementsDocument,
  PathBetweenDocument,
  PlaceOrganizationsDocument,
  SearchByNameDocument,
} from '../../src/generated/client/graphql.js';
import type { Read } from '../../src/graph/statement.js';
import type { GraphStore, Params, ReadOptions, Row } from '../../src/graph/store.js';
import { DataAccess } from '../../src/data/access.js';
import { Batch } from '../../src/data/batch.js';
import { readProfile } from '../../src/data/profile.js';
import { entityStatements } from '../../src/data/statements/entities.js';
import { JOINED_FROM, ROWS_PER_SEEK, SEEKS_UP_TO } from '../../src/data/statements/keyed.js';
import { execute, startApollo } from '../support/api.js';
import { curatedGraph, idsWhere, neighbors } from '../support/curated.js';
import { ENGINES, seededStore } from '../support/stores.js';

const GROUP = 'org:寿阳县医疗集团';

for (const engine of ENGINES) {
  describe(`example operations on ${engine}`, () => {
    let store: GraphStore;
    let apollo: ApolloServer<Context>;
    let curated: CuratedGraph;

    /** Runs a typed operation from tests/operations and returns its typed data (failing on errors). */
    async function run<R, V extends Record<string, unknown>>(doc: TypedDocumentNode<R, V>, variables: V): Promise<R & { statements: number }> {
      const result = await execute(apollo, store, { query: print(doc), variables });
      expect(result.errors).toBeUndefined();
      return { ...(result.data as R), statements: result.statements };
    }
    const errorOf = async (query: string, variables: Record<string, unknown> = {}) =>
      (await execute(apollo, store, { query, variables })).errors?.[0];

    beforeAll(async () => {
      store = await seededStore(engine);
      apollo = await startApollo(store);
      curated = curatedGraph();
    });
    afterAll(async () => {
      await apollo.stop();
      await store.close();
    });

    it('shows a group with its member hospitals, its tree to any depth and its place', async () => {
      const { organization } = await run(GroupWithHospitalsDocument, { id: GROUP });
      expect(organization!.children.map((c) => c.id).sort()).toEqual(neighbors(curated, GROUP, 'PART_OF', 'IN'));
      expect(organization!.places.map((p) => p.name)).toContain('寿阳县');
      const chestPain = organization!.descendants.find((d) => d.organization.name === '寿阳县人民医院胸痛中心');
      expect(chestPain).toMatchObject({ depth: 2, parentId: 'org:寿阳县人民医院' });
      expect(new Set(organization!.descendants.map((d) => d.organization.id)).size).toBe(organization!.descendants.length);
    });

    it('lists every national and regional medical center, page by page', async () => {
      const expected = idsWhere(curated, 'Organization', (p) => ['NATIONAL_MEDICAL_CENTER', 'REGIONAL_MEDICAL_CENTER'].includes(String(p.kind)));
      const seen: string[] = [];
      let after: string | null | undefined = null;
      for (let i = 0; i < 20; i++) {
        const {
          organizations,
        }: {
          organizations: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor?: string | null };
            edges: Array<{ node: { id: string } }>;
          };
        } = await run(MedicalCentersDocument, { first: 3, after });
        expect(organizations.totalCount).toBe(expected.length);
        seen.push(...organizations.edges.map((e) => e.node.id));
        if (!organizations.pageInfo.hasNextPage) break;
        after = organizations.pageInfo.endCursor;
      }
      expect(seen.sort()).toEqual(expected);
    });

    it("gives an organization's achievements and those of everything under it, each with evidence", async () => {
      const under = [GROUP, ...idsWhere(curated, 'Organization').filter((id) => isBelow(curated, id, GROUP))];
      const expected = [...new Set(under.flatMap((id) => neighbors(curated, id, 'HAS_ACHIEVEMENT', 'OUT')))].sort();
      const { organization } = await run(OrganizationAchievementsDocument, { id: GROUP, includeDescendants: true, first: 100 });
      expect(organization!.achievements.totalCount).toBe(expected.length);
      const nodes = organization!.achievements.edges.map((e) => e.node);
      expect(nodes.map((n) => n.id).sort()).toEqual(expected.slice(0, 100));
      for (const n of nodes) {
        expect(n.evidence.length).toBeGreaterThan(0);
        expect(n.evidence.every((e) => e.quote.length > 0 && e.report.id === 'report:002')).toBe(true);
        if (n.masked || n.lost) expect(n.value).toBeNull();
      }
      const own = await run(OrganizationAchievementsDocument, { id: GROUP, includeDescendants: false, first: 100 });
      expect(own.organization!.achievements.totalCount).toBe(neighbors(curated, GROUP, 'HAS_ACHIEVEMENT', 'OUT').length);
    });

    it('searches Chinese names, normalizing Traditional input, and says what matched', async () => {
      const { search } = await run(SearchByNameDocument, { query: '壽陽縣醫療集團' });
      expect(search[0]).toMatchObject({ type: 'ORGANIZATION', matchedField: 'NAME', matchedText: '寿阳县医疗集团', node: { id: GROUP } });
      const short = await run(SearchByNameDocument, { query: '国家卫健委' });
      expect(short.search[0]).toMatchObject({ matchedField: 'NAME', matchedText: '国家卫生健康委员会', node: { id: 'org:国家卫生健康委员会' } });
      const alias = await run(SearchByNameDocument, { query: '通用技术集团' });
      expect(alias.search[0]).toMatchObject({
        matchedField: 'ALIAS',
        matchedText: '通用技术集团',
        node: { id: 'org:中国通用技术（集团）控股有限责任公司' },
      });
      const places = await run(SearchByNameDocument, { query: '寿阳', types: ['PLACE'] });
      expect(places.search.length).toBeGreaterThan(0);
      expect(places.search.every((r) => r.type === 'PLACE')).toBe(true);
      const scores = places.search.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      // A phrase found only in an evidence quote, never in a name, alias or statement.
      const phrase = '全力开展新冠疫情防控';
      const inNames = [...curated.nodes.values()].some((n) => JSON.stringify(n.props).includes(phrase));
      expect(inNames).toBe(false);
      const quote = await run(SearchByNameDocument, { query: phrase });
      expect(quote.search[0]).toMatchObject({ matchedField: 'EVIDENCE' });
      expect(quote.search[0]!.matchedText).toContain(phrase);
    });

    it('finds the shortest path between two organizations, edge by edge', async () => {
      const { shortestPath } = await run(PathBetweenDocument, { from: 'org:寿阳县人民医院', to: 'org:寿阳县中医院', maxLength: 4 });
      const nodes = shortestPath!.nodes;
      expect(nodes[0]!.id).toBe('org:寿阳县人民医院');
      expect(nodes.at(-1)!.id).toBe('org:寿阳县中医院');
      expect(shortestPath!.edges.length).toBe(nodes.length - 1);
      expect(nodes.length).toBe(3); // both are part of the group: hospital → group → hospital
      shortestPath!.edges.forEach((edge, i) => {
        expect([edge.source, edge.target].sort()).toEqual([nodes[i]!.id, nodes[i + 1]!.id].sort());
        expect(edge.evidence.length).toBeGreaterThan(0);
      });
      const none = await run(PathBetweenDocument, { from: 'org:寿阳县人民医院', to: 'org:寿阳县中医院', maxLength: 1 });
      expect(none.shortestPath).toBeNull();
    });

    it('finds a far path through the hierarchy rather than through a program, policy or achievement two bodies share', async () => {
      const far = { from: 'org:寿阳县人民医院', to: 'org:国家卫生健康委员会' };
      const chain = ['org:寿阳县人民医院', 'place:寿阳县', 'place:晋中市', 'place:山西省', 'place:中国', 'org:国家卫生健康委员会'];
      const { shortestPath } = await run(PathBetweenDocument, far);
      expect(shortestPath!.nodes.map((n) => n.id)).toEqual(chain);
      expect(shortestPath!.edges.map((e) => e.type)).toEqual(['LOCATED_IN', 'PART_OF', 'PART_OF', 'PART_OF', 'LOCATED_IN']);
      // Kept off the country, it goes through what bodies share, never an event.
      const { shortestPath: around } = await run(PathBetweenDocument, { ...far, avoidTypes: ['EVENT', 'PLACE'] });
      expect(around!.nodes.map((n) => n.type)).not.toContain('EVENT');
      expect(around!.nodes.map((n) => n.type)).not.toContain('PLACE');
    });

    it('walks a neighborhood two steps in one wait where reads travel together, as the walk read step by step does', async () => {
      const walk = async (query: string, batching: boolean) => {
        const data = new DataAccess(store, { batching });
        const response = await apollo.executeOperation({ query }, { contextValue: { data } });
        if (response.body.kind !== 'single') throw new Error('expected a single result');
        expect(response.body.singleResult.errors).toBeUndefined();
        return { data: response.body.singleResult.data, waits: data.waits };
      };
      // Whole; cut short (the walk decides which nodes stay), with the frontier read ahead whole (limit 80)
      // or, where the engine walks from the start, past the links a subgraph may hold (limit 6 and 40);
      // and along some types only.
      const cases = ['depth: 2', 'depth: 2, limit: 80', 'depth: 2, limit: 6', 'depth: 3, limit: 40', 'depth: 2, types: [PART_OF, LOCATED_IN]'];
      for (const args of cases) {
        const query = `{ neighborhood(id: "${GROUP}", ${args}) { truncated nodes { id distance name kind } edges { id type source target role evidence { quote report { id } } } } }`;
        // The naive layer reads every node's links on its own, step by step.
        expect((await walk(query, true)).data, args).toEqual((await walk(query, false)).data);
      }
      const drawn = await walk(`{ neighborhood(id: "${GROUP}", depth: 2) { nodes { id name kind } edges { id type source target } } }`, true);
      expect(drawn.waits).toBe(1);
    });

    it('draws a neighborhood, optionally along some relationship types only', async () => {
      const { neighborhood } = await run(NeighborhoodDocument, { id: GROUP, depth: 1 });
      const ids = new Set(neighborhood!.nodes.map((n) => n.id));
      for (const child of neighbors(curated, GROUP, 'PART_OF', 'IN')) expect(ids.has(child)).toBe(true);
      for (const edge of neighborhood!.edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
      const partOf = await run(NeighborhoodDocument, { id: GROUP, depth: 3, types: ['PART_OF'] });
      expect(partOf.neighborhood!.edges.every((e) => e.type === 'PART_OF')).toBe(true);
      expect(partOf.neighborhood!.nodes.some((n) => n.distance === 2)).toBe(true);
      const cut = await run(NeighborhoodDocument, { id: GROUP, depth: 2, limit: 3 });
      expect(cut.neighborhood).toMatchObject({ truncated: true });
      expect(cut.neighborhood!.nodes.length).toBe(3);
    });

    it('counts by type, kind, province and report, matching the curated files', async () => {
      const { stats } = await run(CountsDocument, {});
      for (const label of ['Organization', 'Program', 'Achievement', 'Person', 'Place', 'Policy', 'Event', 'Report']) {
        expect(stats.byType.find((c) => c.type === label.toUpperCase())?.count).toBe(idsWhere(curated, label).length);
      }
      const hospitals = idsWhere(curated, 'Organization', (p) => p.kind === 'HOSPITAL').length;
      expect(stats.organizationsByKind.find((c) => c.key === 'HOSPITAL')?.count).toBe(hospitals);
      const shanxi = stats.byPlace.find((p) => p.place.name === '山西省');
      expect(shanxi!.organizations).toBe(idsWhere(curated, 'Organization').filter((id) => locatedBelow(curated, id, 'place:山西省')).length);
      const mentionedIn002 = new Set([...curated.files.get('002')!.mentions].map((m) => m.id));
      expect(stats.byReport.find((r) => r.report.id === 'report:002')?.total).toBe(mentionedIn002.size);
    });

    it('ranks metrics by value within a unit', async () => {
      const metrics = [...curated.nodes.values()].filter(
        (n) => n.props.kind === 'METRIC' && n.props.unit === '人次' && typeof n.props.value === 'number',
      );
      const { metricRanking, metricUnits } = await run(MetricRankingDocument, { unit: '人次', first: 5 });
      expect(metricUnits.find((u) => u.unit === '人次')?.count).toBe(metrics.length);
      const values = metrics
        .map((m) => m.props.value as number)
        .sort((a, b) => b - a)
        .slice(0, 5);
      expect(metricRanking.map((m) => m.value)).toEqual(values);
    });

    it('filters organizations by a place including every place below it', async () => {
      const expected = idsWhere(curated, 'Organization').filter((id) => locatedBelow(curated, id, 'place:山西省'));
      const { organizations, place } = await run(PlaceOrganizationsDocument, { place: 'place:山西省', first: 100 });
      expect(organizations.edges.map((e) => e.node.id).sort()).toEqual(expected);
      expect(organizations.edges.map((e) => e.node.name)).toContain('寿阳县医疗集团');
      expect(place!.children.map((c) => c.name)).toContain('晋中市');
    });

    it('filters achievements by report, kind, value and year ranges', async () => {
      const fromReport = (id: string) => curated.files.get('002')!.mentions.some((m) => m.id === id);
      const expected = idsWhere(curated, 'Achievement', (p) => p.kind === 'METRIC' && typeof p.value === 'number' && p.value >= 100).filter(
        fromReport,
      );
      const { achievements } = await run(AchievementsFilteredDocument, {
        filter: { report: 'report:002', kinds: ['METRIC'], valueMin: 100 },
        first: 100,
      });
      expect(achievements.edges.map((e) => e.node.id).sort()).toEqual(expected);
      const values = achievements.edges.map((e) => e.node.value!);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      // The year range takes every period reaching it; the year, the periods ending in it.
      const { achievements: reaching2022 } = await run(AchievementsFilteredDocument, { filter: { yearFrom: 2022, yearTo: 2022 }, first: 0 });
      const reaching = idsWhere(curated, 'Achievement', (p) => Number(p.periodStart) <= 2022 && Number(p.periodEnd) >= 2022);
      expect(reaching2022.totalCount).toBe(reaching.length);
      const { achievements: of2022 } = await run(AchievementsFilteredDocument, { filter: { year: 2022 }, first: 0 });
      const ending = idsWhere(curated, 'Achievement', (p) => p.year === 2022);
      expect(of2022.totalCount).toBe(ending.length);
      expect(ending.length).toBeLessThan(reaching.length);
    });

    /** The store, with every statement sent through it noted in `sent`. */
    function watching(): { sent: string[]; watched: GraphStore } {
      const sent: string[] = [];
      const watched: GraphStore = Object.assign(Object.create(store) as GraphStore, {
        read: (cypher: string, params?: Params, options?: ReadOptions) => {
          sent.push(cypher);
          return store.read(cypher, params, options);
        },
        readAll:
          store.readAll &&
          ((reads: readonly Read[], options?: ReadOptions) => {
            sent.push(...reads.map((r) => r.statement.text));
            return store.readAll!(reads, options);
          }),
      });
      return { sent, watched };
    }

    it('reads a large batch of ids joined to the table, answering as each id looked up alone does', async () => {
      const { sent, watched } = watching();
      const ids = [...idsWhere(curated, 'Organization'), ...idsWhere(curated, 'Place'), 'org:no such organization'];
      expect(idsWhere(curated, 'Place').length).toBeGreaterThanOrEqual(JOINED_FROM);
      const batch = await new DataAccess(watched).entities.byId.loadMany(ids);
      expect(sent.filter((cypher) => cypher.startsWith('UNWIND $ids AS wanted MATCH (n:Organization {id: wanted})'))).toHaveLength(1);
      expect(sent.filter((cypher) => cypher.startsWith('UNWIND $ids AS wanted MATCH (n:Place {id: wanted})'))).toHaveLength(1);
      const alone = await Promise.all(ids.map((id) => new DataAccess(store).entities.byId.load(id)));
      expect(batch).toEqual(alone);
      expect(batch.at(-1)).toBeNull();
      expect(batch.filter(Boolean)).toHaveLength(ids.length - 1);
    });

    it('seeks a few ids of a large table one by one where filtering scans, answering as the filter does', async () => {
      const profile = await readProfile(store);
      // The seed graph's tables are small; a profile saying they are large, as at ×100, makes the batch seek.
      const large = { ...profile, nodes: () => ROWS_PER_SEEK * SEEKS_UP_TO };
      const query = entityStatements(store.dialect).byIds.Organization;
      const ids = [...idsWhere(curated, 'Organization').slice(0, SEEKS_UP_TO - 1), 'org:no such organization'];
      const byId = (rows: Row[]) => [...rows].sort((a, b) => (a.id as string).localeCompare(b.id as string));
      const filtered = byId(await store.read(query.many.text, { ids }));
      expect(filtered).toHaveLength(ids.length - 1);
      for (const [sizes, seeks] of [
        [profile, false],
        [large, store.dialect.scansForKeys],
      ] as const) {
        const { sent, watched } = watching();
        const rows = await new Batch(watched, true, {}, () => Promise.resolve(sizes)).readKeys(query, ids);
        expect(sent).toEqual([seeks ? query.seeks!.spelled(ids.length).text : query.many.text]);
        expect(byId(rows)).toEqual(filtered);
      }
      // Past `SEEKS_UP_TO` ids the filter reads them, however large the table.
      const { sent, watched } = watching();
      await new Batch(watched, true, {}, () => Promise.resolve(large)).readKeys(query, [...ids, 'org:one more']);
      expect(sent).toEqual([query.many.text]);
    });

    it('costs the same round trips for 50 nested organizations as for 1', async () => {
      // The single organization has parents, achievements and evidence, so every level of the query has data.
      const one = await run(NestedOrganizationsDocument, { first: 1, filter: { name: '寿阳县人民医院胸痛中心' } });
      expect(one.organizations.edges[0]!.node.parents.length).toBeGreaterThan(0);
      const fifty = await run(NestedOrganizationsDocument, { first: 50 });
      expect(fifty.organizations.edges.length).toBe(50);
      expect(fifty.statements).toBeLessThanOrEqual(one.statements);
      expect(one.statements).toBeGreaterThan(0);
    });

    it('waits for the database once for a node looked up by id and every field read by that id alone', async () => {
      const waitsOf = async (query: string) => {
        const result = await execute(apollo, store, { query });
        expect(result.errors).toBeUndefined();
        return { waits: result.waits, statements: result.statements, roundTrips: result.roundTrips, data: result.data };
      };
      const lookup = await waitsOf(`{ organization(id: "${GROUP}") { name kind aliases parents { name } children { name kind } } }`);
      expect(lookup).toMatchObject({ waits: 1, statements: 3 });
      // Where reads travel together (Neo4j), a turn's statements are one round trip; in process, each is its own.
      expect(lookup.roundTrips).toBe(store.readAll ? 1 : 3);
      expect((lookup.data as { organization: { children: unknown[] } }).organization.children.length).toBeGreaterThan(0);
      const organization = await waitsOf(
        `{ organization(id: "${GROUP}") { name places { name } evidence { quote } links { type } descendants { depth } achievements(first: 5) { totalCount } members { name } } }`,
      );
      expect(organization.waits).toBe(1);
      // Through \`node\`, inline fragments and named fragments on the interfaces alike.
      const node = await waitsOf(
        `{ node(id: "${GROUP}") { ... on Organization { parents { name } } ...E } } fragment E on Entity { evidence { quote } links { type } }`,
      );
      expect(node).toMatchObject({ waits: 1, statements: 5, roundTrips: store.readAll ? 1 : 5 });
      const place = await waitsOf(
        '{ place(id: "place:山西省") { name ancestors { name } children { name } organizations(first: 5) { totalCount } } }',
      );
      expect(place.waits).toBe(1);
      // Fields of the nodes a field reaches come along with it, however deep: still one wait.
      const twoLevels = await waitsOf(
        `{ organization(id: "${GROUP}") { children { name places { name } parents { id } achievements(first: 100) { edges { node { statement evidence { quote } } } } } } }`,
      );
      expect(twoLevels).toMatchObject({ waits: 1, roundTrips: store.readAll ? 1 : twoLevels.statements });
      const children = (twoLevels.data as { organization: { children: Array<{ achievements: { edges: unknown[] } }> } }).organization.children;
      expect(children.some((child) => child.achievements.edges.length)).toBe(true);
      // A field that needs the node's own properties waits for it: the scope of a masked organization.
      const scoped = idsWhere(curated, 'Organization', (p) => !!p.scope)[0]!;
      expect((await waitsOf(`{ organization(id: "${scoped}") { scope { title } } }`)).waits).toBe(2);
      // Nothing is read ahead for fields not asked for, nor for a fragment on another type.
      expect(await waitsOf(`{ node(id: "${GROUP}") { id ... on Place { children { name } } } }`)).toMatchObject({ waits: 1, statements: 1 });
    });

    it("reads the fields of a page's items beside the page where a wait is a round trip, answering as lookups of each item do", async () => {
      // Neo4j: one wait for the page and its items' fields; Kuzu, in process, reads the fields in a second turn instead.
      const turns = store.inProcess ? 2 : 1;
      const fields =
        'id name places { name } parents { id } evidence { quote report { title } } achievements(first: 3) { totalCount edges { node { id } } } links { type }';
      const first = await execute(apollo, store, { query: `{ organizations(first: 5, orderBy: MENTIONS_DESC) { edges { cursor } } }` });
      const after = (first.data as { organizations: { edges: Array<{ cursor: string }> } }).organizations.edges[2]!.cursor;
      const page = await execute(apollo, store, {
        query: `query($after: String) { organizations(first: 20, after: $after, orderBy: MENTIONS_DESC, filter: { kinds: [HOSPITAL] }) { edges { node { ${fields} } } } }`,
        variables: { after },
      });
      expect(page.errors).toBeUndefined();
      // \`links\` takes two statements, read after the page.
      expect(page.waits).toBe(2);
      const nodes = (
        page.data as { organizations: { edges: Array<{ node: { id: string; evidence: unknown[]; places: unknown[] } }> } }
      ).organizations.edges.map((e) => e.node);
      expect(nodes).toHaveLength(20);
      expect(nodes.some((n) => n.evidence.length && n.places.length)).toBe(true);
      for (const node of nodes) {
        const alone = await execute(apollo, store, { query: `{ organization(id: "${node.id}") { ${fields} } }` });
        expect((alone.data as { organization: unknown }).organization).toEqual(node);
      }
      // Two levels down (parents' places, achievements' evidence and awarding bodies): one wait where reads travel together.
      const deep =
        'id parents { id places { name } evidence { quote } } achievements(first: 3) { edges { node { id evidence { quote } awardedBy { name } } } }';
      const deepPage = await execute(apollo, store, { query: `{ organizations(first: 20, orderBy: MENTIONS_DESC) { edges { node { ${deep} } } } }` });
      expect(deepPage.errors).toBeUndefined();
      // In process, each level is a later turn of the loaders (how many depends on when each batch returns).
      if (store.inProcess) expect(deepPage.waits).toBeGreaterThan(2);
      else expect(deepPage.waits).toBe(1);
      for (const { node } of (deepPage.data as { organizations: { edges: Array<{ node: { id: string } }> } }).organizations.edges) {
        const alone = await execute(apollo, store, { query: `{ organization(id: "${node.id}") { ${deep} } }` });
        expect(alone.waits).toBe(1);
        expect((alone.data as { organization: unknown }).organization).toEqual(node);
      }
      const withoutLinks = await execute(apollo, store, {
        query: `{ organizations(first: 20) { totalCount edges { node { ${fields.replace('links { type }', '')} } } } }`,
      });
      expect(withoutLinks.waits).toBe(turns);
      const ranking = await execute(apollo, store, {
        query: '{ metricRanking(unit: "家", first: 5) { name awardedBy { name } evidence { quote } } }',
      });
      expect(ranking.errors).toBeUndefined();
      expect((ranking.data as { metricRanking: unknown[] }).metricRanking).toHaveLength(5);
      expect(ranking.waits).toBe(turns);
    });

    it('counts a list only when its total or page info is selected, once per graph version, and answers both right', async () => {
      // A filter no other test counts: its count is read here first.
      const kinds = ['PRIMARY_CARE', 'HOSPITAL'];
      const total = idsWhere(curated, 'Organization', (p) => kinds.includes(p.kind as string)).length;
      const page = (selection: string) =>
        execute(apollo, store, { query: `{ organizations(first: 3, filter: { kinds: [${kinds.join(', ')}] }) { ${selection} } }` });
      expect(await page('edges { node { id } }')).toMatchObject({ statements: 1 });
      expect(await page('totalCount edges { node { id } }')).toMatchObject({
        statements: 2,
        waits: 1,
        data: { organizations: { totalCount: total } },
      });
      // The count is kept for the graph version: the next pages read only themselves.
      expect(await page('pageInfo { hasNextPage }')).toMatchObject({
        statements: 1,
        data: { organizations: { pageInfo: { hasNextPage: total > 3 } } },
      });
      const viaFragment = await execute(apollo, store, {
        query: `{ organizations(first: 3, filter: { kinds: [${kinds.join(', ')}] }) { ...Total } } fragment Total on OrganizationConnection { totalCount }`,
      });
      expect(viaFragment).toMatchObject({ statements: 1, data: { organizations: { totalCount: total } } });
    });

    it('answers bad arguments with BAD_USER_INPUT naming the argument, and unknown ids with null', async () => {
      expect(await errorOf('{ node(id: "nonsense") { id } }')).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'id' } });
      expect(await errorOf('{ organization(id: "place:山西省") { id } }')).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'id' } });
      expect(await errorOf('{ organizations(filter: { place: "org:x" }) { totalCount } }')).toMatchObject({
        extensions: { argument: 'filter.place' },
      });
      expect(await errorOf('{ programs(filter: { yearFrom: 2023, yearTo: 2020 }) { totalCount } }')).toMatchObject({
        extensions: { argument: 'filter.yearFrom' },
      });
      expect(await errorOf('{ neighborhood(id: "org:寿阳县医疗集团", depth: 4) { truncated } }')).toMatchObject({
        extensions: { argument: 'depth' },
      });
      expect(await errorOf('{ search(query: "") { score } }')).toMatchObject({ extensions: { argument: 'query' } });
      expect(await errorOf('{ achievements(first: 101) { totalCount } }')).toMatchObject({ extensions: { argument: 'first' } });
      const unknown = await execute(apollo, store, {
        query: '{ node(id: "org:不存在的机构") { id } program(id: "prog:无") { id } neighborhood(id: "org:无") { truncated } }',
      });
      expect(unknown).toMatchObject({ data: { node: null, program: null, neighborhood: null } });
    });
  });
}

/** Whether `id` reaches `root` by PART_OF steps in the curated graph. */
function isBelow(graph: CuratedGraph, id: string, root: string, seen = new Set<string>()): boolean {
  if (seen.has(id)) return false;
  seen.add(id);
  return neighbors(graph, id, 'PART_OF', 'OUT').some((p) => p === root || isBelow(graph, p, root, seen));
}

/** Whether an organization is located in `place` or a place below it. */
function locatedBelow(graph: CuratedGraph, id: string, place: string): boolean {
  return neighbors(graph, id, 'LOCATED_IN', 'OUT').some((p) => p === place || isBelow(graph, p, place));
}
