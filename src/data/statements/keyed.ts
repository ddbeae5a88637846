import { Cypher, NODES, cypher, param, statement, statementOn, type Statement } from '../../graph/statement.js';
import type { NodeLabel } from '../../model/graph.js';

/**
 * The start of a statement: a clause finding some nodes and naming them `NODES` (nothing else stays in
 * scope), or the nodes a step reaches from those of another start (`via`, named `named` for the step).
 * A statement on a reached start goes on from the first start: reads of a turn share its finding
 * however deep they reach (see `combine`).
 */
export type Start = { readonly clause: Cypher } | { readonly via: Start; readonly named: string; readonly step: Cypher };

/** The statement going on from the nodes `start` finds, named `variable`, with `rest`. */
export function on(start: Start, variable: string, rest: Cypher): Statement {
  return 'via' in start ? on(start.via, start.named, cypher`${start.step.naming(variable)} ${rest}`) : statementOn(start.clause, variable, rest);
}

/** A statement spelled from any start: the nodes the start finds are where it goes on from. */
export type FromStart = (start: Start) => Statement;

/**
 * A statement that starts from nodes given by id, in both spellings: a batch filters
 * `WHERE v.id IN $ids`, a single key seeks `{id: $id}`. Kuzu answers the second through its primary-key
 * index in constant time but filters a scan of the table for the first, so a lookup of one id stays flat
 * however large the graph grows; Neo4j seeks its id index either way.
 */
export interface Keyed {
  one: Statement;
  many: Statement;
  /** A plain fetch of the nodes only: `many` for a batch of at least `JOINED_FROM` ids (see there). */
  joined?: Statement;
  /** A plain fetch of the nodes of one label only: `count` ids each sought by its key (see `SEEKS_UP_TO`). */
  seeks?: { label: NodeLabel; spelled: (count: number) => Statement };
  /** The same statement from other nodes: a start finding them (a page of a list). */
  from: FromStart;
}

/** The start at the node of the label part `labels` whose id is `$id`. */
export const atKey = (labels: string): Start => ({ clause: cypher`MATCH (${NODES}${labels} {id: ${param('id')}})` });

/** A statement read on its own: the same text, no start a batch could share. */
const alone = ({ text, cypher: whole, columns }: Statement): Statement => ({ text, cypher: whole, columns });

/**
 * From this many ids a plain fetch joins them to its table instead of filtering it. Kuzu tests each row of
 * the scan against every id of an `IN` list, so the filter costs the table's size times the ids; the join
 * scans the table once. A statement going on from the nodes stays filtered: joined, Kuzu also scans the
 * far side's tables whole. Neo4j seeks its id index in both spellings (measurements: docs/bench/).
 */
export const JOINED_FROM = 64;

/**
 * Builds both spellings from one template: `build(start)` opens the statement with the nodes of the label
 * part `labels` (`:Organization`) found by their key, and goes on from them.
 */
export function keyed(labels: string, build: FromStart): Keyed {
  return {
    one: alone(build(atKey(labels))),
    many: alone(build({ clause: cypher`MATCH (${NODES}${labels}) WHERE ${NODES}.id IN ${param('ids')}` })),
    from: build,
  };
}

/**
 * Where a batch filtered with `IN` scans the table (`Dialect.scansForKeys`), a batch of at most this many
 * ids seeks each by its key, in one statement of `UNION ALL` branches, once the table holds at least
 * `ROWS_PER_SEEK` rows per id: a seek costs about 0.09 ms, a filtered row 0.08–0.14 µs on Kuzu 0.11
 * (measurements: docs/bench/). Each count of ids is a statement of its own, prepared once per connection.
 */
export const SEEKS_UP_TO = 32;
export const ROWS_PER_SEEK = 700;

/** The parameters of a `seeks` statement for these ids. */
export const seekParams = (ids: readonly string[]) => Object.fromEntries(ids.map((id, i) => [`id${i}`, id]));

/** `keyed` for a statement that only reads the nodes of `label` found: large batches join their ids (see `JOINED_FROM`), small ones may seek them (see `SEEKS_UP_TO`). */
export function fetched(label: NodeLabel, build: FromStart): Keyed {
  const labels = `:${label}`;
  return {
    ...keyed(labels, build),
    joined: alone(build({ clause: cypher`UNWIND ${param('ids')} AS wanted MATCH (${NODES}${labels} {id: wanted})` })),
    seeks: {
      label,
      spelled: (count) =>
        statement(
          Cypher.join(
            Array.from({ length: count }, (_, i) => build({ clause: cypher`MATCH (${NODES}${labels} {id: ${param(`id${i}`)}})` }).cypher),
            ' UNION ALL ',
          ),
        ),
    },
  };
}

/** Every spelling of a keyed statement, `seeks` for two ids (what the lint checks). */
export const spellings = ({ one, many, joined, seeks }: Keyed): Statement[] => [
  one,
  many,
  ...(joined ? [joined] : []),
  ...(seeks ? [seeks.spelled(2)] : []),
];
