import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphML } from 'graphology-graphml';
import { DataFactory, Parser, Store, type Quad_Object } from 'n3';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataAccess } from '../../src/data/access.js';
import { sharedOf } from '../../src/data/shared.js';
import { exportGraph, type Manifest } from '../../src/export/export.js';
import { Neo4jStore } from '../../src/graph/neo4j.js';
import type { GraphStore } from '../../src/graph/store.js';
import { startHttp } from '../support/api.js';
import { freePort, startNeo4j, type LocalNeo4j } from '../support/neo4j.js';
import { ENGINES, seededStore } from '../support/stores.js';

const namedNode = (value: string) => DataFactory.namedNode(value);
const literal = (value: string, language: string) => DataFactory.literal(value, language);
const BASE = 'https://example.org/health/id/';
const iri = (id: string) => namedNode(`${BASE}${encodeURIComponent(id)}`);
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const SCHEMA = 'https://schema.org/';
const HG = 'https://health-graph.example/vocab#';
const PROV = 'http://www.w3.org/ns/prov#';

/** Names the tests look for: a Chinese name with its English one, and a masked name. */
const GROUP = { id: 'org:寿阳县医疗集团', name: '寿阳县医疗集团', nameEn: 'Shouyang County Medical Group' };
const MASKED = { id: 'org:001-01:xx卫生院', name: 'xx卫生院（001-01）', nameEn: 'xx Health Center (article 001-01)' };
const COUNTY = { id: 'place:寿阳县', code: '140725' };

type Counts = Manifest['counts'];
const tally = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

/** The graph's own counts, as the API's stats read them. */
async function graphCounts(store: GraphStore): Promise<Counts> {
  const { stats } = new DataAccess(store);
  const asRecord = (rows: Array<{ key: string; count: number }>) => Object.fromEntries(rows.map((r) => [r.key, r.count]));
  return { nodes: asRecord(await stats.counts('byLabel')), relationships: asRecord(await stats.counts('relationshipTypes')) };
}

/** Serves a folder's files over loopback HTTP, for Neo4j's LOAD CSV. */
async function serveFolder(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(dir + sep) || !existsSync(path)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
    createReadStream(path).pipe(res);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, server };
}

/**
 * Cypher loading one neo4j-admin CSV file with LOAD CSV, read from its header alone: `name:type` columns
 * converted by type (`string[]` split on the array delimiter), `:LABEL` and `:TYPE` as dynamic labels and types.
 */
function loadStatement(header: string[]): string {
  const value = (column: string) => {
    const [name, type] = column.split(':') as [string, string | undefined];
    const cell = `row['${column}']`;
    const converted =
      { long: `toInteger(${cell})`, double: `toFloat(${cell})`, boolean: `toBoolean(${cell})`, 'string[]': `split(${cell}, ';')` }[type ?? ''] ??
      cell;
    return `${name}: ${converted}`;
  };
  if (header.includes(':LABEL')) {
    const properties = header.filter((c) => c !== ':LABEL').map((c) => (c === 'id:ID' ? `id: row['id:ID']` : value(c)));
    return `LOAD CSV WITH HEADERS FROM $url AS row CREATE (n:$(row[':LABEL']):Loaded {${properties.join(', ')}})`;
  }
  const properties = header.filter((c) => !c.startsWith(':')).map(value);
  return (
    "LOAD CSV WITH HEADERS FROM $url AS row MATCH (a:Loaded {id: row[':START_ID']}) MATCH (b:Loaded {id: row[':END_ID']}) " +
    `CREATE (a)-[r:$(row[':TYPE'])]->(b) SET r = {${properties.join(', ')}}`
  );
}

/** Every line of a JSON Lines file, parsed one at a time. */
async function* jsonLines(path: string): AsyncGenerator<Record<string, any>> {
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) if (line) yield JSON.parse(line);
}

/** A Neo4j of the test's own, for loading the CSV: the run's shared one is never written to. */
let loader: Promise<LocalNeo4j> | undefined;
afterAll(async () => (await loader)?.dispose());

describe.each(ENGINES)('the bulk export of the graph on %s', (engine) => {
  let store: GraphStore;
  let dir: string;
  let manifest: Manifest;
  let expected: Counts;
  /** The JSON Lines' entries, parsed line by line, and each node's properties as they hold them. */
  const entries: Array<Record<string, any>> = [];
  const jsonNodes = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    store = await seededStore(engine);
    dir = mkdtempSync(join(tmpdir(), 'health-graph-export-'));
    manifest = await exportGraph(store, sharedOf(store).version, dir, { base: BASE });
    expected = await graphCounts(store);
    for await (const entry of jsonLines(join(dir, 'graph.jsonl'))) {
      entries.push(entry);
      if (entry.type === 'node') jsonNodes.set(entry.id, { ...entry.properties, label: entry.labels[0] });
    }
  });
  afterAll(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('streams a read in chunks, and a stream left early frees its connection', async () => {
    const chunks: number[] = [];
    for await (const rows of store.stream('MATCH (n:Place) RETURN n.id AS id', {}, { chunk: 10 })) chunks.push(rows.length);
    expect(chunks.slice(0, -1).every((n) => n === 10)).toBe(true);
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(expected.nodes.Place);
    // Kuzu's pool has four connections: streams left early, more than that, must each give theirs back.
    for (let i = 0; i < 6; i++) for await (const _ of store.stream('MATCH (n:Achievement) RETURN n.id AS id', {}, { chunk: 1 })) break;
    expect((await store.read('MATCH (n:Place) RETURN count(n) AS count'))[0]!.count).toBe(expected.nodes.Place);
  });

  it('writes a manifest with the graph version, its counts and every file with its size', async () => {
    expect(manifest.version).toBe(await sharedOf(store).version.get());
    expect(Number.isNaN(Date.parse(manifest.date))).toBe(false);
    expect(manifest.counts).toEqual(expected);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))).toEqual(manifest);
    expect(manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(['graph.graphml', 'graph.ttl', 'graph.jsonl', 'csv/nodes/Place.csv']));
    for (const file of manifest.files) expect(statSync(join(dir, file.path)).size).toBe(file.bytes);
  });

  it("writes JSON Lines in APOC's shape with the graph's ids, every node and relationship once", () => {
    const counts: Counts = { nodes: {}, relationships: {} };
    const relationshipIds = new Set<string>();
    const ends: Array<{ id: string; labels: string[] }> = [];
    for (const entry of entries) {
      if (entry.type === 'node') {
        expect(Object.keys(entry)).toEqual(['type', 'id', 'labels', 'properties']);
        expect(entry.properties.id).toBe(entry.id);
        tally(counts.nodes, entry.labels[0]);
      } else {
        expect(Object.keys(entry)).toEqual(['type', 'id', 'label', 'start', 'end', 'properties']);
        expect(entry.type).toBe('relationship');
        expect(relationshipIds.has(entry.id)).toBe(false);
        relationshipIds.add(entry.id);
        ends.push(entry.start, entry.end);
        tally(counts.relationships, entry.label);
      }
    }
    expect(counts).toEqual(expected);
    expect(jsonNodes.size).toBe(entries.length - relationshipIds.size);
    // Every relationship joins nodes of the dump, with their labels.
    for (const end of ends) expect([end.id, end.labels]).toEqual([end.id, [jsonNodes.get(end.id)?.label]]);
    expect(jsonNodes.get(GROUP.id)).toMatchObject({ name: GROUP.name, nameEn: GROUP.nameEn, kind: 'MEDICAL_GROUP' });
    expect(jsonNodes.get(MASKED.id)).toMatchObject({ name: MASKED.name, nameEn: MASKED.nameEn, masked: true });
  });

  it('writes Turtle that an RDF parser reads: schema.org types, names in both languages, codes, and each fact reified with its report and quote', () => {
    const quads = new Store(new Parser({ format: 'text/turtle' }).parse(readFileSync(join(dir, 'graph.ttl'), 'utf8')));
    const type = namedNode(`${RDF}type`);
    const typed = (cls: string) => quads.getSubjects(type, namedNode(cls), null);
    for (const [label, count] of Object.entries(expected.nodes)) expect([label, typed(`${HG}${label}`).length]).toEqual([label, count]);
    // One rdf:Statement per relationship, its predicate the type's.
    const statements = typed(`${RDF}Statement`);
    const byPredicate: Record<string, number> = {};
    for (const s of statements) tally(byPredicate, quads.getObjects(s, namedNode(`${RDF}predicate`), null)[0]!.value.slice(HG.length));
    const camel = (type: string) => type.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    expect(byPredicate).toEqual(Object.fromEntries(Object.entries(expected.relationships).map(([t, n]) => [camel(t), n])));

    const objects = (subject: string, predicate: string) => quads.getObjects(iri(subject), namedNode(predicate), null);
    const group = objects(GROUP.id, `${RDF}type`).map((o) => o.value);
    expect(group).toEqual(expect.arrayContaining([`${SCHEMA}Organization`, `${SCHEMA}MedicalOrganization`, `${HG}Organization`]));
    expect(objects(GROUP.id, `${RDFS}label`)).toEqual(expect.arrayContaining<Quad_Object>([literal(GROUP.name, 'zh'), literal(GROUP.nameEn, 'en')]));
    expect(objects(MASKED.id, `${RDFS}label`)).toEqual(
      expect.arrayContaining<Quad_Object>([literal(MASKED.name, 'zh'), literal(MASKED.nameEn, 'en')]),
    );
    expect(objects(COUNTY.id, `${RDF}type`).map((o) => o.value)).toEqual(expect.arrayContaining([`${SCHEMA}Place`, `${SCHEMA}AdministrativeArea`]));
    expect(objects(COUNTY.id, `${HG}code`).map((o) => o.value)).toEqual([COUNTY.code]);
    // The group's mentions: each a statement with its quote and the report it is derived from, a schema:Report.
    const mentions = statements.filter(
      (s) =>
        quads.has(DataFactory.quad(s, namedNode(`${RDF}subject`), iri(GROUP.id))) &&
        quads.has(DataFactory.quad(s, namedNode(`${RDF}predicate`), namedNode(`${HG}mentionedIn`))),
    );
    expect(mentions.length).toBeGreaterThan(0);
    for (const mention of mentions) {
      const [report] = quads.getObjects(mention, namedNode(`${PROV}wasDerivedFrom`), null);
      expect(quads.getObjects(mention, namedNode(`${RDF}object`), null)).toEqual([report]);
      expect(quads.has(DataFactory.quad(report as never, type, namedNode(`${SCHEMA}Report`)))).toBe(true);
      expect(quads.getObjects(mention, namedNode(`${HG}quote`), null)[0]).toMatchObject({ language: 'zh' });
      expect(quads.has(DataFactory.quad(iri(GROUP.id), namedNode(`${HG}mentionedIn`), report as never))).toBe(true);
    }
  });

  it('writes GraphML that graphology reads: typed attributes, lists joined, edges labelled with their type', () => {
    const graph = parseGraphML(MultiDirectedGraph, readFileSync(join(dir, 'graph.graphml'), 'utf8'));
    const counts: Counts = { nodes: {}, relationships: {} };
    graph.forEachNode((_, attributes) => tally(counts.nodes, attributes.labels as string));
    graph.forEachEdge((_, attributes) => tally(counts.relationships, attributes.label as string));
    expect(counts).toEqual(expected);
    expect(graph.getNodeAttributes(GROUP.id)).toMatchObject({ name: GROUP.name, nameEn: GROUP.nameEn, kind: 'MEDICAL_GROUP' });
    expect(graph.getNodeAttributes(MASKED.id)).toMatchObject({ name: MASKED.name, nameEn: MASKED.nameEn, masked: true });
    expect(graph.getNodeAttributes(COUNTY.id)).toMatchObject({ kind: 'COUNTY', code: COUNTY.code });
    // Numbers and booleans come back typed; lists as one string joined with ';'.
    for (const [id, properties] of jsonNodes) {
      const attributes = graph.getNodeAttributes(id);
      for (const [key, value] of Object.entries(properties)) {
        if (key === 'id' || key === 'label') continue;
        // A place's level is its kind there.
        expect([id, key, attributes[key === 'level' ? 'kind' : key]]).toEqual([id, key, Array.isArray(value) ? value.join(';') : value]);
      }
    }
  });

  it('writes CSV that neo4j-admin headers describe: loaded into a Neo4j of its own, it gives back the graph', { timeout: 240_000 }, async () => {
    loader ??= startNeo4j();
    const neo4j = new Neo4jStore({ uri: (await loader).uri, connectionTimeoutMs: 30_000 });
    const files = await serveFolder(dir);
    try {
      await neo4j.writeTransaction((tx) => tx.run('MATCH (n) DETACH DELETE n'));
      await neo4j.applySchema(['CREATE INDEX loaded_id IF NOT EXISTS FOR (n:Loaded) ON (n.id)']);
      for (const kind of ['nodes', 'relationships'])
        for (const name of readdirSync(join(dir, 'csv', kind))) {
          const path = `csv/${kind}/${name}`;
          const header = readFileSync(join(dir, path), 'utf8').split('\n', 1)[0]!.split(',');
          await neo4j.writeTransaction((tx) => tx.run(loadStatement(header), { url: `${files.url}/${path}` }), { timeoutMs: 120_000 });
        }
      const loaded = await neo4j.read(
        "MATCH (n:Loaded) UNWIND labels(n) AS label WITH label WHERE label <> 'Loaded' RETURN label, count(*) AS count",
      );
      const types = await neo4j.read('MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS count');
      expect({
        nodes: Object.fromEntries(loaded.map((r) => [r.label, r.count])),
        relationships: Object.fromEntries(types.map((r) => [r.type, r.count])),
      }).toEqual(expected);
      // Every node's properties, read back typed (lists, integers, doubles, booleans), equal the JSON Lines'.
      const rows = await neo4j.read('MATCH (n:Loaded) RETURN n.id AS id, properties(n) AS properties');
      expect(rows.length).toBe(jsonNodes.size);
      for (const row of rows) {
        const { label: _, ...properties } = jsonNodes.get(row.id as string)!;
        expect([row.id, row.properties]).toEqual([row.id, properties]);
      }
      const [quote] = await neo4j.read('MATCH (:Loaded {id: $id})-[r:MENTIONED_IN]->(report) RETURN r.quote AS quote, report.id AS report LIMIT 1', {
        id: GROUP.id,
      });
      expect(quote).toMatchObject({ report: expect.stringMatching(/^report:/), quote: expect.any(String) });
    } finally {
      files.server.close();
      await neo4j.close();
    }
  });

  it('is downloadable from the server with the pages on, in production too: one archive per graph version, built once', async () => {
    const http = await startHttp(store, { NODE_ENV: 'production', PLAYGROUND: 'true' });
    const work = mkdtempSync(join(tmpdir(), 'health-graph-download-'));
    try {
      const latest = await fetch(`${http.url}/downloads/health-graph.tar.gz`, { redirect: 'manual' });
      expect(latest.status).toBe(302);
      const location = latest.headers.get('location')!;
      const name = `health-graph-${manifest.version.slice(0, 12)}.tar.gz`;
      expect(location).toBe(`/downloads/${name}`);
      const first = await fetch(`${http.url}${location}`);
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toBe('application/gzip');
      expect(first.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
      const archive = join(work, name);
      writeFileSync(archive, Buffer.from(await first.arrayBuffer()));
      execFileSync('tar', ['-xzf', archive, '-C', work]);
      const inside = JSON.parse(readFileSync(join(work, name.replace('.tar.gz', ''), 'manifest.json'), 'utf8')) as Manifest;
      expect([inside.version, inside.counts]).toEqual([manifest.version, expected]);
      const again = await fetch(`${http.url}${location}`, { method: 'HEAD' });
      expect([again.status, again.headers.get('last-modified'), again.headers.get('content-length')]).toEqual([
        200,
        first.headers.get('last-modified'),
        first.headers.get('content-length'),
      ]);
      const stale = await fetch(`${http.url}/downloads/health-graph-000000000000.tar.gz`);
      expect([stale.status, (await stale.json()).errors[0].message]).toEqual([404, expect.stringContaining(location)]);
    } finally {
      await http.stop();
      rmSync(work, { recursive: true, force: true });
    }
    // Without the pages (production's default), there is no download either.
    const closed = await startHttp(store, { NODE_ENV: 'production' });
    try {
      expect((await fetch(`${closed.url}/downloads/health-graph.tar.gz`, { redirect: 'manual' })).status).toBe(404);
    } finally {
      await closed.stop();
    }
  });
});
