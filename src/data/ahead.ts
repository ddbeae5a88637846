/**
 * Reading ahead: the loads a node's fields will make, started before their resolvers ask, so that a
 * request waits for the database fewer times in turn. A lookup by id starts them beside the node (its
 * id is known before the node is read). A page of a list sends each field's statement from the page
 * itself, beside the page, and the rows answer the loads of the page's nodes. A field that reaches
 * nodes of one label (`children`, `achievements`) carries its own selected fields along: their
 * statements start from the nodes the field reaches, so a query two levels deep still waits once.
 */
import type DataLoader from 'dataloader';
import type { Start } from '../graph/combined.js';
import type { Params, Row } from '../graph/store.js';
import { RELATION_FIELDS, type RelationFieldName } from '../model/fields.js';
import type { NodeLabel } from '../model/graph.js';
import type { CountingStore } from './counting.js';
import type { Entities } from './entities.js';
import type { Related } from './related.js';

export type { Start } from '../graph/combined.js';

/** A field of a node, read ahead. */
export interface Ahead {
  /** Starts the field's load for one node. */
  load(id: string): Promise<unknown>;
  /**
   * The field's statement from the nodes `start` finds, what its rows give for those nodes, and how a
   * node's answer is put in the field's loader (a promise while what it carries along is read).
   * Absent when the field takes more than one statement.
   */
  from?: {
    cypher: (start: Start) => string;
    values: (ids: readonly string[], rows: Row[]) => unknown[];
    prime: (id: string, value: Promise<unknown>) => void;
  };
  /**
   * The nodes the field reaches, when all are of one label: `start` finds them from the nodes another
   * start finds, `ids` reads them from a node's answer, and `path` leads from the field to them in a
   * selection (`['edges', 'node']` for a connection).
   */
  reach?: { label: NodeLabel; path: readonly string[]; start: (from: Start) => Start; ids: (value: unknown) => string[] };
}

/** A field to read ahead, and the fields of the nodes it reaches to read with it. */
export interface AheadPlan {
  ahead: Ahead;
  nested: AheadPlan[];
}

/**
 * The field a loader answers from one statement, read ahead: `cypher` is the statement from any start,
 * `values` what its rows give for a batch of ids (also the loader's own way of reading them).
 */
export function keyedAhead<V>(
  loader: DataLoader<string, V>,
  cypher: (start: Start) => string,
  values: (ids: readonly string[], rows: Row[]) => V[],
  reach?: Ahead['reach'],
): Ahead {
  return { load: (id) => loader.load(id), from: { cypher, values, prime: (id, value) => loader.prime(id, value as Promise<V>) }, reach };
}

/** The nodes a pattern reaches from those `from` finds, each once. */
export const reaching = (pattern: string) => (from: Start) => (variable: string) => `${from('x')} MATCH (x)${pattern} WITH DISTINCT b AS ${variable}`;

/**
 * Sends now, in one turn, each planned field's statement from the nodes `start` finds (with `params`)
 * and, for the fields that carry others along, theirs from the nodes the field reaches. Each field's
 * loader is primed for the `parents` (those nodes' ids, once known) with an answer that arrives when
 * everything it carries along is primed too, so no resolver below it asks the database again. Resolves
 * when every answer is in.
 */
export function readAhead(
  db: CountingStore,
  start: Start,
  params: Params,
  parents: Promise<readonly string[]>,
  plans: readonly AheadPlan[],
  // The way from the nodes \`start\` finds to the parents: every level keeps the first start, which the
  // statements of a turn then share (see \`combine\`).
  through: (start: Start) => Start = (found) => found,
): Promise<unknown> {
  return Promise.all(
    plans.flatMap(({ ahead: { from, reach }, nested }) => {
      if (!from) return [];
      const rows = db.readFrom(start, params, (found) => from.cypher(through(found)));
      const values = Promise.all([parents, rows]).then(([ids, read]) => from.values(ids, read));
      const carried =
        reach && nested.length
          ? readAhead(
              db,
              start,
              params,
              values.then((answers) => [...new Set(answers.flatMap(reach.ids))]),
              nested,
              (found) => reach.start(through(found)),
            )
          : undefined;
      const answered = Promise.all([values, carried]).then(([answers]) => answers);
      // A failure reaches the resolvers that load the answer; nothing else waits for these promises.
      const prime = (ids: readonly string[]) =>
        ids.forEach((id, i) => {
          const answer = answered.then((answers) => answers[i]);
          answer.catch(() => undefined);
          from.prime(id, answer);
        });
      parents.then(prime, () => undefined);
      return [answered];
    }),
  );
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
