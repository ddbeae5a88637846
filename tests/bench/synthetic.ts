import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_LABELS, NODE_PROPERTIES } from '../../src/model/graph.js';
import type { KuzuStore } from '../../src/graph/kuzu.js';
import type { Value } from '../../src/graph/store.js';

/** A CSV field: quoted, lists in Kuzu's `[a,b]` form (list items lose commas and brackets). */
function csv(value: Value | undefined): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? `[${value.map((v) => String(v).replace(/[,[\]]/g, ' ')).join(',')}]` : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Grows the seeded graph `factor` times with the same shape: every node but the reports is copied with
 * its id suffixed `~k`, and every relationship between the copies of its ends. Written as CSV and
 * loaded with COPY, Kuzu's bulk path (row-by-row MERGE would take hours at ×100).
 */
export async function growGraph(source: KuzuStore, target: KuzuStore, factor: number, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const suffix = (id: string, k: number, label: string) => (k === 0 || label === 'Report' ? id : `${id}~${k}`);
  for (const label of NODE_LABELS) {
    const columns = ['id', ...Object.keys(NODE_PROPERTIES[label])];
    const rows = await source.read(`MATCH (n:${label}) RETURN n AS node`);
    const copies = label === 'Report' ? 1 : factor;
    const lines: string[] = [];
    for (let k = 0; k < copies; k++) {
      for (const { node } of rows) {
        const props = node as Record<string, Value>;
        lines.push(columns.map((c) => csv(c === 'id' ? suffix(String(props.id), k, label) : props[c])).join(','));
      }
    }
    const file = join(dir, `${label}.csv`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    await target.applySchema([`COPY ${label} FROM '${file}' (header=false, parallel=false)`]);
  }
  const rels = await source.read(
    'MATCH (a)-[r]->(b) RETURN label(a) AS fromLabel, a.id AS from, label(r) AS type, label(b) AS toLabel, b.id AS to, r.source AS source, r.quote AS quote, r.role AS role, r.detail AS detail',
  );
  const groups = new Map<string, string[]>();
  for (const r of rels) {
    const key = `${r.type}|${r.fromLabel}|${r.toLabel}`;
    const lines = groups.get(key) ?? [];
    for (let k = 0; k < factor; k++) {
      const props = [r.source, r.quote, r.role, r.detail];
      lines.push(
        [suffix(String(r.from), k, String(r.fromLabel)), suffix(String(r.to), k, String(r.toLabel)), ...props].map((v) => csv(v as Value)).join(','),
      );
    }
    groups.set(key, lines);
  }
  for (const [key, lines] of groups) {
    const [type, from, to] = key.split('|');
    const file = join(dir, `${type}-${from}-${to}.csv`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    await target.applySchema([`COPY ${type} FROM '${file}' (from='${from}', to='${to}', header=false, parallel=false)`]);
  }
}
