import type { DumpNode, DumpRelationship } from './dump.js';
import { DUMP_RELATION_PROPERTIES, dumpProperties } from '../data/statements/dump.js';
import type { DumpValue } from './dump.js';
import { NODE_LABELS, NODE_PROPERTIES } from '../model/graph.js';
import { TextFile, type DumpWriter } from './output.js';
import { LIST_SEPARATOR, joinList, relationshipId } from './values.js';
import { PROPERTY_DESCRIPTIONS } from './vocabulary.js';

/** The edges' attributes: where a relationship is stated, and the report's words. */
const RELATION_DESCRIPTIONS: Record<string, string> = {
  ...PROPERTY_DESCRIPTIONS,
  source: 'The report (or article) stating it: its number, as in report:<source>; a mention states its report as its target.',
};

export const GRAPHML_FILE = 'graph.graphml';

/** GraphML's attribute types for the stored ones; lists become one string (GraphML has no lists). */
const GRAPHML_TYPES: Record<string, string> = { STRING: 'string', 'STRING[]': 'string', INT64: 'long', DOUBLE: 'double', BOOLEAN: 'boolean' };

interface Key {
  id: string;
  for: 'node' | 'edge';
  name: string;
  type: string;
  description: string;
}

/** A place's level is written as its kind: one column for what sort of node it is. */
const attributeOf = (property: string) => (property === 'level' ? 'kind' : property);

/** Every node attribute: the label, then each stored property of any label (first declared type wins; they agree). */
function nodeKeys(): Key[] {
  const keys = new Map<string, Key>([
    ['labels', { id: 'n_labels', for: 'node', name: 'labels', type: 'string', description: 'The node label (Organization, Place …).' }],
  ]);
  for (const label of NODE_LABELS)
    for (const property of dumpProperties(label)) {
      const name = attributeOf(property);
      if (keys.has(name)) continue;
      const stored = NODE_PROPERTIES[label][property]!;
      const description = `${name === 'kind' ? `${PROPERTY_DESCRIPTIONS.kind} For a place: ${PROPERTY_DESCRIPTIONS.level}` : PROPERTY_DESCRIPTIONS[name]}${
        stored === 'STRING[]' ? ` A list: its items joined with "${LIST_SEPARATOR}".` : ''
      }`;
      keys.set(name, { id: `n_${name}`, for: 'node', name, type: GRAPHML_TYPES[stored]!, description });
    }
  return [...keys.values()];
}

const EDGE_KEYS: Key[] = [
  { id: 'e_label', for: 'edge', name: 'label', type: 'string', description: 'The relationship type (PART_OF, MENTIONED_IN …).' },
  ...DUMP_RELATION_PROPERTIES.map((name): Key => ({ id: `e_${name}`, for: 'edge', name, type: 'string', description: RELATION_DESCRIPTIONS[name]! })),
];

/** XML 1.0 cannot hold most control characters, even escaped: they become U+FFFD. */
const escape = (text: string) =>
  text.replace(
    /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? '\ufffd',
  );

function data(key: string, value: DumpValue, what: string): string {
  const text = Array.isArray(value) ? joinList(value, what) : String(value);
  return `<data key="${key}">${escape(text)}</data>`;
}

/**
 * GraphML, as Gephi, networkx and yEd read it: every key declared with its type (no list types: lists
 * are joined), a directed graph of nodes with their label and properties, then edges with their
 * relationship type as `label` and the stable id of each relationship.
 */
export class GraphMLWriter implements DumpWriter {
  private readonly file: TextFile;
  private readonly nodeKeys = nodeKeys();
  private state: 'new' | 'nodes' | 'edges' = 'new';

  constructor(dir: string) {
    this.file = new TextFile(dir, GRAPHML_FILE);
  }

  private header(): string {
    const keys = [...this.nodeKeys, ...EDGE_KEYS].map(
      (k) => `  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"><desc>${escape(k.description)}</desc></key>`,
    );
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
      '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
      ...keys,
      '  <graph id="health-graph" edgedefault="directed">',
      '',
    ].join('\n');
  }

  private async begin(): Promise<void> {
    if (this.state !== 'new') return;
    this.state = 'nodes';
    await this.file.write(this.header());
  }

  async nodes(page: readonly DumpNode[]): Promise<void> {
    await this.begin();
    if (this.state === 'edges') throw new Error('GraphML: the nodes are written before the edges');
    const lines = page.map((n) => {
      const fields = [
        data('n_labels', n.label, n.id),
        ...Object.entries(n.properties).map(([p, v]) => data(`n_${attributeOf(p)}`, v, `${n.id} ${p}`)),
      ];
      return `    <node id="${escape(n.id)}">${fields.join('')}</node>\n`;
    });
    await this.file.write(lines.join(''));
  }

  async relationships(page: readonly DumpRelationship[]): Promise<void> {
    await this.begin();
    this.state = 'edges';
    const lines = page.map((r) => {
      const fields = [
        data('e_label', r.type, r.type),
        ...DUMP_RELATION_PROPERTIES.flatMap((p) => (r.properties[p] === undefined ? [] : [data(`e_${p}`, r.properties[p], p)])),
      ];
      return `    <edge id="${relationshipId(r)}" source="${escape(r.start.id)}" target="${escape(r.end.id)}">${fields.join('')}</edge>\n`;
    });
    await this.file.write(lines.join(''));
  }

  async close(): Promise<string[]> {
    await this.begin();
    await this.file.write('  </graph>\n</graphml>\n');
    await this.file.close();
    return [GRAPHML_FILE];
  }
}
