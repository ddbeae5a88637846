import type { Start } from './ahead.js';

/**
 * A statement that starts from nodes given by id, in both spellings: a batch filters
 * `WHERE v.id IN $ids`, a single key seeks `{id: $id}`. Kuzu answers the second through its primary-key
 * index in constant time but filters a scan of the table for the first, so a lookup of one id stays flat
 * however large the graph grows; Neo4j seeks its id index either way.
 */
export interface Keyed {
  one: string;
  many: string;
  /** The same statement from other nodes: `start(v)` finds them (a page of a list) and names them `v`. */
  from: (start: Start) => string;
}

/** The start of a statement at the node of the label part `labels` whose id is `$id`. */
export const atKey =
  (labels: string): Start =>
  (v) =>
    `MATCH (${v}${labels} {id: $id})`;

/**
 * Builds both spellings from one template: `start(v)` opens the statement with the node `v` of the label
 * part `labels` (`:Organization`) found by its key, and the rest continues from `v`.
 */
export function keyed(labels: string, build: (start: Start) => string): Keyed {
  return {
    one: build(atKey(labels)),
    many: build((v) => `MATCH (${v}${labels}) WHERE ${v}.id IN $ids`),
    from: build,
  };
}
