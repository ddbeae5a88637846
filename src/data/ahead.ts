/**
 * Reading ahead: the loads a node's fields will make, started before their resolvers ask, so that a
 * request waits for the database fewer times in turn. A lookup by id starts them beside the node (its
 * id is known before the node is read). A page of a list sends each field's statement from the page
 * itself, beside the page, and the rows answer the loads of the page's nodes.
 */
import type DataLoader from 'dataloader';
import type { Row } from '../graph/store.js';
import { RELATION_FIELDS, type RelationFieldName } from '../model/fields.js';
import type { NodeLabel } from '../model/graph.js';
import type { Entities } from './entities.js';
import type { Related } from './related.js';

/** A field of a node, read ahead. */
export interface Ahead {
  /** Starts the field's load for one node. */
  load(id: string): Promise<unknown>;
  /**
   * The field's statement from the nodes `start(v)` finds, naming them `v`, and the loads of those nodes
   * its rows answer. Absent when the field takes more than one statement.
   */
  from?: { cypher: (start: (variable: string) => string) => string; absorb: (ids: readonly string[], rows: Row[]) => void };
}

/**
 * The field a loader answers from one statement, read ahead: `cypher` is the statement from any start,
 * `values` what its rows give for a batch of ids (also the loader's own way of reading them).
 */
export function keyedAhead<V>(
  loader: DataLoader<string, V>,
  cypher: (start: (variable: string) => string) => string,
  values: (ids: readonly string[], rows: Row[]) => V[],
): Ahead {
  const absorb = (ids: readonly string[], rows: Row[]) => values(ids, rows).forEach((value, i) => loader.prime(ids[i]!, value));
  return { load: (id) => loader.load(id), from: { cypher, absorb } };
}

const isRelationField = (name: string): name is RelationFieldName => name in RELATION_FIELDS;

/** The field `field` of nodes of `label` read ahead, when it is read from the node's id alone. */
export function aheadOf(entities: Entities, related: Related, label: NodeLabel, field: string): Ahead | undefined {
  const name = `${label}.${field}`;
  if (isRelationField(name)) return entities.relationAhead(name);
  if (name === 'Organization.descendants') return related.treeAhead;
  if (name === 'Place.ancestors') return related.ancestorsAhead;
  if (name === 'Place.organizations') return related.organizationsInAhead;
  if (field === 'achievements') return related.achievementsAhead(label);
  // A report's evidence is empty by definition: nothing to read.
  if (field === 'evidence' && label !== 'Report') return entities.evidenceAhead(label);
  if (field === 'links') return { load: (id) => entities.links.load(id) };
  return undefined;
}
