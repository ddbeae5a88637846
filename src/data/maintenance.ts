import { GRAPH_STATE, SEED_STAMP } from '../model/graph.js';

const STATE_NODE = `(g:${GRAPH_STATE.label} {id: '${GRAPH_STATE.id}'})`;

/**
 * After a load has stamped everything the seed files state, whatever carries another stamp (or none)
 * was dropped from curation: removing it leaves exactly the curated graph.
 */
export const SWEEP_QUERIES = {
  relationships: `MATCH ()-[r]->() WHERE r.${SEED_STAMP} IS NULL OR r.${SEED_STAMP} <> $${SEED_STAMP} DELETE r`,
  nodes: `MATCH (n) WHERE n.${SEED_STAMP} IS NULL OR n.${SEED_STAMP} <> $${SEED_STAMP} DETACH DELETE n`,
  /** The stamp the graph was loaded with (every node carries it): its version where no load recorded one (a graph loaded by hand). */
  stamp: `MATCH (r:Report) RETURN r.${SEED_STAMP} AS stamp LIMIT 1`,
} as const;

/** The graph's state node: marked as a load starts, given the load's version (and stamp, so the sweep keeps it) in its last transaction. */
export const STATE_QUERIES = {
  loading: `MERGE ${STATE_NODE} SET g.state = 'loading'`,
  loaded: `MERGE ${STATE_NODE} SET g.state = 'ready', g.version = $${SEED_STAMP}, g.${SEED_STAMP} = $${SEED_STAMP}`,
  read: `MATCH ${STATE_NODE} RETURN g.version AS version, g.state AS state`,
} as const;
