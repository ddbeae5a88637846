import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CuratedGraph } from '../../src/curation/reader.js';
import { ENTITY_PREFIX, MENTIONED_IN, type EntityLabel } from '../../src/model/graph.js';
import { comparableIn, defaultCatalog, loadReportTexts, reportOfSource, reportsDir } from '../../src/curation/reports.js';
import { DataAccess } from '../../src/data/access.js';
import type { GraphStore } from '../../src/graph/store.js';
import { curatedGraph } from '../support/curated.js';
import { ENGINES, seededStore } from '../support/stores.js';
import { text } from '../../src/graph/values.js';

/** Counts of a curated property, as `[{ key, count }]` sorted like the store's answer. */
function tally(values: string[]): Array<{ key: string; count: number }> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

for (const engine of ENGINES)
  describe(`the loaded knowledge graph on ${engine}`, () => {
    let store: GraphStore;
    let curated: CuratedGraph;
    let data: DataAccess;
    beforeAll(async () => {
      store = await seededStore(engine);
      curated = curatedGraph();
      data = new DataAccess(store);
    });
    afterAll(() => store.close());

    const nodesOf = (label?: string) => [...curated.nodes.values()].filter((n) => !label || n.label === label);

    it('holds every curated node, by label and by kind (a lost file or a broken MERGE shows here)', async () => {
      expect(await data.stats.counts('byLabel')).toEqual(tally(nodesOf().map((n) => n.label)));
      expect(await data.stats.counts('organizationKinds')).toEqual(tally(nodesOf('Organization').map((n) => String(n.props.kind))));
      expect(await data.stats.counts('achievementKinds')).toEqual(tally(nodesOf('Achievement').map((n) => String(n.props.kind))));
      expect(await data.stats.counts('programKinds')).toEqual(tally(nodesOf('Program').map((n) => String(n.props.kind))));
      expect(await data.stats.counts('placeLevels')).toEqual(tally(nodesOf('Place').map((n) => String(n.props.level))));
    });

    it('is exhaustive: hundreds of organizations and achievements from every report and article of the manifest', () => {
      expect(nodesOf('Organization').length).toBeGreaterThan(200);
      expect(nodesOf('Achievement').length).toBeGreaterThan(600);
      const sources = new Set([...curated.files.values()].flatMap((f) => f.mentions.map((m) => m.source)));
      expect([...sources].sort()).toEqual([...defaultCatalog().evidenceSources].sort());
    });

    it('holds every report and article of the manifest, with its metadata and place', async () => {
      const rows = await store.read(
        'MATCH (r:Report) OPTIONAL MATCH (r)-[:LOCATED_IN]->(p:Place) RETURN r.id AS id, r.title AS title, r.publisher AS publisher, r.date AS date, p.id AS place ORDER BY id',
      );
      const expected = defaultCatalog().sources.map(({ source, title, publisher, date, place }) => ({
        id: `report:${source}`,
        title,
        publisher: publisher ?? null,
        date: date ?? null,
        place: place ?? null,
      }));
      expect(rows).toEqual(expected.sort((a, b) => a.id.localeCompare(b.id)));
      expect(expected.filter((r) => r.place).length).toBeGreaterThan(0);
    });

    it('keeps every relationship, so none pointed at a missing node', async () => {
      const mentions = new Set([...curated.files.values()].flatMap((f) => f.mentions.map((m) => `${m.id}|${m.source}|${m.quote}`)));
      const expected = tally([...curated.relations.map((r) => r.type), ...[...mentions].map(() => MENTIONED_IN)]);
      expect(await data.stats.counts('relationshipTypes')).toEqual(expected);
    });

    it('derives every id from the label and the normalized name (and the article, for masked names)', async () => {
      const rows = await store.read(
        `MATCH ${store.dialect.graphNode('n')} RETURN n.id AS id, ${store.dialect.nodeLabel('n')} AS label, n.name AS name, n.scope AS scope, n.masked AS masked`,
      );
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
      for (const { id, label, name, scope, masked } of rows as Array<Record<string, string | boolean | null>>) {
        if (label === 'Report' || label === 'Achievement') continue;
        const prefix = ENTITY_PREFIX[label as EntityLabel];
        if (masked) expect(id).toBe(`${prefix}:${scope}:${String(name).replace(`（${scope}）`, '')}`);
        else expect(id).toBe(`${prefix}:${name}`);
      }
    });

    it('places every place in China: each reaches 中国 along PART_OF', async () => {
      const loose = await store.read("MATCH (p:Place) WHERE NOT EXISTS { MATCH (p)-[:PART_OF*0..8]->(:Place {id: 'place:中国'}) } RETURN p.id AS id");
      expect(loose).toEqual([]);
    });

    it('names who runs every program, or the curation says why the reports name nobody', async () => {
      const unrun = await store.read('MATCH (p:Program) WHERE NOT EXISTS { MATCH (p)<-[:RUNS|LEADS|CO_BUILDS]-() } RETURN p.id AS id');
      expect(unrun.map((r) => text(r.id)).filter((id) => !curated.unrun.has(id))).toEqual([]);
      // A reason is only given where it is needed.
      const run = new Set((await store.read('MATCH (p:Program)<-[:RUNS|LEADS|CO_BUILDS]-() RETURN DISTINCT p.id AS id')).map((r) => text(r.id)));
      expect([...curated.unrun.keys()].filter((id) => run.has(id))).toEqual([]);
    });

    it('relates every organization to something', async () => {
      const loose = await store.read(
        `MATCH (o:Organization) WHERE NOT EXISTS { MATCH (o)-[r]-() WHERE ${store.dialect.relationshipType('r')} <> 'MENTIONED_IN' } RETURN o.id AS id`,
      );
      expect(loose).toEqual([]);
    });

    const texts = loadReportTexts();
    it.skipIf(!existsSync(reportsDir()))(`finds every evidence quote in its report (reads ${reportsDir()}; skipped when absent)`, async () => {
      const quotes = await store.read('MATCH (n)-[m:MENTIONED_IN]->(r:Report) RETURN r.source AS source, m.quote AS quote');
      const stated = await store.read(
        `MATCH ()-[r]->() WHERE ${store.dialect.relationshipType('r')} <> 'MENTIONED_IN' AND r.quote IS NOT NULL RETURN r.source AS source, r.quote AS quote`,
      );
      expect(quotes.length).toBeGreaterThan(1000);
      const missing = [...quotes, ...stated].filter(({ source, quote }) => {
        const report = reportOfSource(text(source));
        return !texts.get(report)!.includes(comparableIn(report, text(quote)));
      });
      expect(missing).toEqual([]);
      for (const { quote } of [...quotes, ...stated]) expect([...text(quote)].length).toBeLessThanOrEqual(60);
    });
  });
