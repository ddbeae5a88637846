import type { NodeLabel, RelationType } from '../model/graph.js';
import type { Row, Value } from '../graph/store.js';
import { text } from '../graph/values.js';

/** Any entity as the data-access layer returns it: its label and every stored property (absent ones null). */
export interface EntityRecord {
  id: string;
  label: NodeLabel;
  name: string;
  aliases: string[];
  description: string | null;
  [property: string]: Value | undefined;
}

/** What a subgraph draws of a node: its label, name, and kind (or a place's level). */
export interface NodeSummary {
  label: NodeLabel;
  name: string;
  /** The English name (a report's English title). */
  nameEn: string | null;
  kind: string | null;
}

/** A quote supporting a fact: the report (or article) id and the text. */
export interface EvidenceRecord {
  reportId: string;
  quote: string;
}

/** A relationship seen from one end, with every source that states it. */
export interface LinkRecord {
  type: RelationType;
  direction: 'OUT' | 'IN';
  otherId: string;
  role: string | null;
  detail: string | null;
  evidence: EvidenceRecord[];
}

/** Groups rows by a key column, keeping the order of `keys` (DataLoader's contract). */
export function groupBy<T>(keys: readonly string[], rows: Row[], key: string, map: (row: Row) => T): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = text(row[key]);
    const list = groups.get(k) ?? [];
    list.push(map(row));
    groups.set(k, list);
  }
  return keys.map((k) => groups.get(k) ?? []);
}

/** The report id of a relationship's `source` property (`001-03` → `report:001-03`). */
export const reportIdOf = (source: string) => `report:${source}`;
