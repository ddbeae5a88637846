import { SEED_STAMP } from '../model/graph.js';

/**
 * After a load has stamped everything the seed files state, whatever carries another stamp (or none)
 * was dropped from curation: removing it leaves exactly the curated graph.
 */
export const SWEEP_QUERIES = {
  relationships: `MATCH ()-[r]->() WHERE r.${SEED_STAMP} IS NULL OR r.${SEED_STAMP} <> $${SEED_STAMP} DELETE r`,
  nodes: `MATCH (n) WHERE n.${SEED_STAMP} IS NULL OR n.${SEED_STAMP} <> $${SEED_STAMP} DETACH DELETE n`,
  /** The stamp the graph was loaded with (every node carries it). */
  stamp: `MATCH (r:Report) RETURN r.${SEED_STAMP} AS stamp LIMIT 1`,
} as const;
