import type { NodeLabel } from '../model/graph.js';
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
  /** A plain fetch of the nodes only: `many` for a batch of at least `JOINED_FROM` ids (see there). */
  joined?: string;
  /** A plain fetch of the nodes of one label only: `count` ids each sought by its key (see `SEEKS_UP_TO`). */
  seeks?: { label: NodeLabel; spelled: (count: number) => string };
  /** The same statement from other nodes: `start(v)` finds them (a page of a list) and names them `v`. */
  from: (start: Start) => string;
}

/** The start of a statement at the node of the label part `labels` whose id is `$id`. */
export const atKey =
  (labels: string): Start =>
  (v) =>
    `MATCH (${v}${labels} {id: $id})`;

/**
 * From this many ids a plain fetch joins them to its table instead of filtering it. Kuzu tests each row of
 * the scan against every id of an `IN` list, so the filter costs the table's size times the ids; the join
 * scans the table once. Measured at ×100 for 400 ids: 38 ms filtered, 5 ms joined; on the seed graph the
 * join costs at most 0.2 ms more from 64 ids. A statement going on from the nodes stays filtered: joined,
 * Kuzu also scans the far side's tables whole (three to four times slower at ×100). Neo4j seeks its id
 * index in both spellings.
 */
export const JOINED_FROM = 64;

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

/**
 * Where a batch filtered with `IN` scans the table (`Dialect.scansForKeys`), a batch of at most this many
 * ids seeks each by its key, in one statement of `UNION ALL` branches, once the table holds at least
 * `ROWS_PER_SEEK` rows per id. Measured on Kuzu 0.11 at ×100 (40,900 programs): 20 ids filtered 5.7 ms,
 * sought 1.8 ms; 5 ids 3.6 ms and 0.8 ms. A seek costs about 0.09 ms, a filtered row 0.08–0.14 µs; on the
 * seed graph (409 programs) the filter takes 0.34 ms for 20 ids and stays. Each count of ids is a
 * statement of its own, prepared once per connection.
 */
export const SEEKS_UP_TO = 32;
export const ROWS_PER_SEEK = 700;

/** The parameters of a `seeks` statement for these ids. */
export const seekParams = (ids: readonly string[]) => Object.fromEntries(ids.map((id, i) => [`id${i}`, id]));

/** `keyed` for a statement that only reads the nodes of `label` found: large batches join their ids (see `JOINED_FROM`), small ones may seek them (see `SEEKS_UP_TO`). */
export function fetched(label: NodeLabel, build: (start: Start) => string): Keyed {
  const labels = `:${label}`;
  return {
    ...keyed(labels, build),
    joined: build((v) => `UNWIND $ids AS wanted MATCH (${v}${labels} {id: wanted})`),
    seeks: {
      label,
      spelled: (count) => Array.from({ length: count }, (_, i) => build((v) => `MATCH (${v}${labels} {id: $id${i}})`)).join(' UNION ALL '),
    },
  };
}
