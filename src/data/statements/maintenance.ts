/**
 * Statements about the graph as a whole: marking and sweeping a load, the graph's state, and what the
 * store holds. The seed loader and the server both send them: the offline pipeline may import this
 * module (and only the statements of this folder) from the data layer.
 */
import type { Dialect } from '../../graph/dialect.js';
import { cypher, param, returns, statement } from '../../graph/statement.js';
import { GRAPH_STATE, SEED_STAMP } from '../../model/graph.js';
import { register } from './registry.js';

const STATE_NODE = `(g:${GRAPH_STATE.label} {id: '${GRAPH_STATE.id}'})`;
const stamp = param(SEED_STAMP);

/**
 * After a load has stamped everything the seed files state, whatever carries another stamp (or none)
 * was dropped from curation: removing it leaves exactly the curated graph.
 */
export const SWEEP_STATEMENTS = {
  relationships: statement(cypher`MATCH ()-[r]->() WHERE r.${SEED_STAMP} IS NULL OR r.${SEED_STAMP} <> ${stamp} DELETE r`),
  nodes: statement(cypher`MATCH (n) WHERE n.${SEED_STAMP} IS NULL OR n.${SEED_STAMP} <> ${stamp} DETACH DELETE n`),
  /** The stamp the graph was loaded with (every node carries it): its version where no load recorded one (a graph loaded by hand). */
  stamp: statement(cypher`MATCH (r:Report) RETURN ${returns([`r.${SEED_STAMP}`, 'stamp'])} LIMIT 1`),
};

/** The graph's state node: marked as a load starts, given the load's version (and stamp, so the sweep keeps it) in its last transaction. */
export const STATE_STATEMENTS = {
  loading: statement(cypher`MERGE ${STATE_NODE} SET g.state = 'loading'`),
  loaded: statement(cypher`MERGE ${STATE_NODE} SET g.state = 'ready', g.version = ${stamp}, g.${SEED_STAMP} = ${stamp}`),
  read: statement(cypher`MATCH ${STATE_NODE} RETURN ${returns(['g.version', 'version'], ['g.state', 'state'])}`),
};

/** What the store holds: whether the graph is there, and its counts and ids for the integrity check. */
export function statusStatements(dialect: Dialect) {
  return {
    reportCount: statement(cypher`MATCH (r:Report) RETURN ${returns(['count(r)', 'reports'])}`),
    labels: statement(cypher`MATCH ${dialect.graphNode('n')} RETURN ${returns([dialect.nodeLabel('n'), 'key'], ['count(n)', 'count'])}`),
    relationships: statement(cypher`MATCH ()-[r]->() RETURN ${returns([dialect.relationshipType('r'), 'key'], ['count(r)', 'count'])}`),
    ids: statement(cypher`MATCH ${dialect.graphNode('n')} RETURN ${returns(['n.id', 'id'])}`),
  };
}

/** The writes among them: never sent together with reads (see `combine`). */
export const WRITES = [SWEEP_STATEMENTS.relationships, SWEEP_STATEMENTS.nodes, STATE_STATEMENTS.loading, STATE_STATEMENTS.loaded];

register('maintenance', (dialect) => [
  ...Object.values(SWEEP_STATEMENTS),
  ...Object.values(STATE_STATEMENTS),
  ...Object.values(statusStatements(dialect)),
]);
