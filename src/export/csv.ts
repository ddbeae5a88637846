import type { DumpNode, DumpRelationship } from './dump.js';
import { DUMP_RELATION_PROPERTIES, dumpProperties } from '../data/statements/dump.js';
import type { DumpValue } from './dump.js';
import { NODE_PROPERTIES, type NodeLabel } from '../model/graph.js';
import { TextFile, type DumpWriter } from './output.js';
import { groupedBy, joinList } from './values.js';

export const CSV_DIR = 'csv';
export const nodeFile = (label: string) => `${CSV_DIR}/nodes/${label}.csv`;
export const relationshipFile = (type: string) => `${CSV_DIR}/relationships/${type}.csv`;

/** neo4j-admin's types for the stored ones (strings need none). */
const ADMIN_TYPES: Record<string, string> = { 'STRING[]': 'string[]', INT64: 'long', DOUBLE: 'double', BOOLEAN: 'boolean' };

/** A node file's header, as `neo4j-admin database import` reads it: the id, the label, then typed properties. */
export function nodeHeader(label: NodeLabel): string[] {
  const types = NODE_PROPERTIES[label];
  return ['id:ID', ':LABEL', ...dumpProperties(label).map((p) => (ADMIN_TYPES[types[p]!] ? `${p}:${ADMIN_TYPES[types[p]!]}` : p))];
}

export const RELATIONSHIP_HEADER = [':START_ID', ':END_ID', ':TYPE', ...DUMP_RELATION_PROPERTIES];

/**
 * A field: quoted when it holds the delimiter, a quote, a line break or surrounding spaces (quotes
 * doubled inside); an absent value is an empty, unquoted field, which neo4j-admin reads as no property,
 * while an empty string is `""`.
 */
function field(value: DumpValue | undefined, what: string): string {
  if (value === null || value === undefined) return '';
  const raw = Array.isArray(value) ? joinList(value, what) : String(value);
  return raw === '' || /[",\r\n]|^\s|\s$/.test(raw) ? `"${raw.replace(/"/g, '""')}"` : raw;
}

const line = (fields: string[]) => `${fields.join(',')}\n`;

/**
 * CSV for `neo4j-admin database import full`: one file of nodes per label (`csv/nodes/<Label>.csv`) and
 * one of relationships per type (`csv/relationships/<TYPE>.csv`), each with its header; ids are the
 * graph's own, in one id space; lists are joined with `LIST_SEPARATOR` (the tool's `--array-delimiter`).
 */
export class CsvWriter implements DumpWriter {
  private readonly files = new Map<string, TextFile>();

  constructor(private readonly dir: string) {}

  /** The file at `path`, opened with its header on first use. */
  private async file(path: string, header: string[]): Promise<TextFile> {
    let file = this.files.get(path);
    if (!file) {
      this.files.set(path, (file = new TextFile(this.dir, path)));
      await file.write(line(header));
    }
    return file;
  }

  async nodes(page: readonly DumpNode[]): Promise<void> {
    for (const [label, nodes] of groupedBy(page, (n) => n.label)) {
      const columns = dumpProperties(label);
      const file = await this.file(nodeFile(label), nodeHeader(label));
      await file.write(nodes.map((n) => line([field(n.id, n.id), label, ...columns.map((c) => field(n.properties[c], `${n.id} ${c}`))])).join(''));
    }
  }

  async relationships(page: readonly DumpRelationship[]): Promise<void> {
    for (const [type, relationships] of groupedBy(page, (r) => r.type)) {
      const file = await this.file(relationshipFile(type), RELATIONSHIP_HEADER);
      await file.write(
        relationships
          .map((r) =>
            line([field(r.start.id, type), field(r.end.id, type), type, ...DUMP_RELATION_PROPERTIES.map((p) => field(r.properties[p], type))]),
          )
          .join(''),
      );
    }
  }

  async close(): Promise<string[]> {
    await Promise.all([...this.files.values()].map((f) => f.close()));
    return [...this.files.keys()].sort();
  }
}
