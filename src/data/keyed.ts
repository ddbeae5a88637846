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
  from: (start: (variable: string) => string) => string;
}

/**
 * Builds both spellings from one template: `start(v)` opens the statement with the node `v` of the label
 * part `labels` (`:Organization`) found by its key, and the rest continues from `v`.
 */
export function keyed(labels: string, build: (start: (variable: string) => string) => string): Keyed {
  return {
    one: build((v) => `MATCH (${v}${labels} {id: $id})`),
    many: build((v) => `MATCH (${v}${labels}) WHERE ${v}.id IN $ids`),
    from: build,
  };
}
