/**
 * The records the data layer returns: what codegen maps the GraphQL types to (`mappers` in
 * `codegen.yml`), and what resolvers read. A record's stored properties are plain values; `text` reads
 * one as text.
 */
import type { Value } from '../graph/statement.js';
import type { NodeLabel, RelationType } from '../model/graph.js';

export type { Value } from '../graph/statement.js';
export { text } from '../graph/values.js';

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

/** A step of a path search: a relationship's type and direction, and its far node's label and (a place's) level. */
export interface StepRecord {
  type: RelationType;
  direction: 'OUT' | 'IN';
  otherId: string;
  label: NodeLabel;
  level: string | null;
}

/** One organization below a root: its depth and its parent on the shortest way up. */
export interface TreeEntryRecord {
  id: string;
  depth: number;
  parentId: string;
}
