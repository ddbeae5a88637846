import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphML } from 'graphology-graphml';
import { DataFactory, Parser, Store } from 'n3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DumpNode, DumpRelationship } from '../../src/export/dump.js';
import { CsvWriter } from '../../src/export/csv.js';
import { GraphMLWriter } from '../../src/export/graphml.js';
import { JsonLinesWriter } from '../../src/export/jsonl.js';
import type { DumpWriter } from '../../src/export/output.js';
import { TurtleWriter, checkBase } from '../../src/export/turtle.js';
import { relationshipId } from '../../src/export/values.js';

/** Text that breaks naive writers: quotes, delimiters, markup, line breaks, a control character, surrounding spaces. */
const AWKWARD = ' 他说："好, <很好> & 更好"\n第二行\t\u0001 ';
const NODES: DumpNode[] = [
  {
    id: 'org:甲 "乙"',
    label: 'Organization',
    properties: { name: AWKWARD, nameEn: 'A, "B" & <C>', aliases: ['甲', 'A & B'], masked: false, kind: 'HOSPITAL' },
  },
  { id: 'place:丙', label: 'Place', properties: { name: '丙县', level: 'COUNTY', code: '140725' } },
  { id: 'report:9', label: 'Report', properties: { name: '报告', periodStart: 2022 } },
  { id: 'ach:9:丁', label: 'Achievement', properties: { name: '丁', value: 4.5, year: 2023, statementEn: 'It "rose"\n4.5%' } },
];
const RELATIONSHIPS: DumpRelationship[] = [
  {
    type: 'LOCATED_IN',
    start: { id: 'org:甲 "乙"', label: 'Organization' },
    end: { id: 'place:丙', label: 'Place' },
    properties: { source: '9', quote: AWKWARD },
  },
  {
    type: 'MENTIONED_IN',
    start: { id: 'org:甲 "乙"', label: 'Organization' },
    end: { id: 'report:9', label: 'Report' },
    properties: { quote: '甲在报告中' },
  },
];

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function write(make: (dir: string) => DumpWriter): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'health-graph-writers-'));
  dirs.push(dir);
  const writer = make(dir);
  await writer.nodes(NODES);
  await writer.relationships(RELATIONSHIPS);
  await writer.close();
  return dir;
}

describe('the dump writers, read back by independent parsers', () => {
  it('GraphML keeps awkward text, numbers and booleans, and joins lists', async () => {
    const dir = await write((d) => new GraphMLWriter(d));
    const graph = parseGraphML(MultiDirectedGraph, readFileSync(join(dir, 'graph.graphml'), 'utf8'));
    // XML cannot hold U+0001 even escaped: it becomes U+FFFD.
    expect(graph.getNodeAttributes('org:甲 "乙"')).toEqual({
      labels: 'Organization',
      name: AWKWARD.replace('\u0001', '\ufffd'),
      nameEn: 'A, "B" & <C>',
      aliases: '甲;A & B',
      masked: false,
      kind: 'HOSPITAL',
    });
    expect(graph.getNodeAttributes('place:丙')).toMatchObject({ kind: 'COUNTY', code: '140725' });
    expect(graph.getNodeAttributes('ach:9:丁')).toMatchObject({ value: 4.5, year: 2023, statementEn: 'It "rose"\n4.5%' });
    expect(graph.edges().map((e) => graph.getEdgeAttributes(e))).toEqual([
      { label: 'LOCATED_IN', source: '9', quote: AWKWARD.replace('\u0001', '\ufffd') },
      { label: 'MENTIONED_IN', quote: '甲在报告中' },
    ]);
  });

  it('Turtle keeps awkward text with its language, types numbers, and reifies each relationship with its report', async () => {
    const base = 'https://example.org/id/';
    const dir = await write((d) => new TurtleWriter(d, base));
    const quads = new Store(new Parser().parse(readFileSync(join(dir, 'graph.ttl'), 'utf8')));
    const node = (id: string) => DataFactory.namedNode(`${base}${encodeURIComponent(id)}`);
    const objects = (id: string, predicate: string) => quads.getObjects(node(id), DataFactory.namedNode(predicate), null);
    expect(objects('org:甲 "乙"', 'http://www.w3.org/2000/01/rdf-schema#label')).toEqual([
      DataFactory.literal(AWKWARD, 'zh'),
      DataFactory.literal('A, "B" & <C>', 'en'),
    ]);
    expect(objects('ach:9:丁', 'https://health-graph.example/vocab#value')).toEqual([
      DataFactory.literal('4.5', DataFactory.namedNode('http://www.w3.org/2001/XMLSchema#double')),
    ]);
    const statement = DataFactory.namedNode(`${base}${encodeURIComponent(relationshipId(RELATIONSHIPS[0]!))}`);
    const about = (predicate: string) => quads.getObjects(statement, DataFactory.namedNode(predicate), null).map((o) => o.value);
    expect(about('http://www.w3.org/ns/prov#wasDerivedFrom')).toEqual([`${base}report%3A9`]);
    expect(about('https://health-graph.example/vocab#quote')).toEqual([AWKWARD]);
    expect(about('http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate')).toEqual(['https://health-graph.example/vocab#locatedIn']);
  });

  it('JSON Lines keeps every value as stored', async () => {
    const dir = await write((d) => new JsonLinesWriter(d));
    const lines = readFileSync(join(dir, 'graph.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(NODES.length + RELATIONSHIPS.length);
    expect(lines[0]).toEqual({ type: 'node', id: NODES[0]!.id, labels: ['Organization'], properties: { id: NODES[0]!.id, ...NODES[0]!.properties } });
    expect(lines[4].id).toBe(relationshipId(RELATIONSHIPS[0]!));
  });

  it('CSV quotes what needs it and writes typed headers', async () => {
    const dir = await write((d) => new CsvWriter(d));
    const organizations = readFileSync(join(dir, 'csv/nodes/Organization.csv'), 'utf8');
    expect(organizations.split('\n', 1)[0]).toBe(
      'id:ID,:LABEL,name,kind,aliases:string[],description,grade,masked:boolean,scope,nameEn,aliasesEn:string[]',
    );
    expect(organizations).toContain(`"org:甲 ""乙""",Organization,"${AWKWARD.replace(/"/g, '""')}",HOSPITAL,甲;A & B,,,false,,"A, ""B"" & <C>",\n`);
    expect(readFileSync(join(dir, 'csv/nodes/Achievement.csv'), 'utf8').split('\n', 1)[0]).toContain('value:double,unit,year:long');
  });

  it('refuses what would not read back: a list item holding the separator, a base no IRI can follow', async () => {
    const bad: DumpNode = { id: 'org:x', label: 'Organization', properties: { name: 'x', aliases: ['a;b'] } };
    const dir = mkdtempSync(join(tmpdir(), 'health-graph-writers-'));
    dirs.push(dir);
    const writer = new CsvWriter(dir);
    await expect(writer.nodes([bad])).rejects.toThrow('org:x aliases: the item "a;b" holds the list separator ";"');
    await writer.close();
    expect(() => checkBase('health-graph/id/')).toThrow('the IRI base must be an absolute http(s) IRI');
    expect(() => checkBase('https://example.org/id')).toThrow('ending in / or #');
    expect(checkBase('https://example.org/id#')).toBe('https://example.org/id#');
  });

  it('names a relationship by its type, ends, source and quote, the same every time', () => {
    const [located, mentioned] = RELATIONSHIPS as [DumpRelationship, DumpRelationship];
    expect(relationshipId(located)).toMatch(/^rel:[0-9a-f]{16}$/);
    expect(relationshipId({ ...located, properties: { ...located.properties } })).toBe(relationshipId(located));
    expect(relationshipId({ ...located, properties: { source: '8', quote: AWKWARD } })).not.toBe(relationshipId(located));
    expect(relationshipId({ ...mentioned, properties: { quote: '另一句' } })).not.toBe(relationshipId(mentioned));
  });
});
