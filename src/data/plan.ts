/**
 * The plan: what an operation reads of the nodes it looks up and lists, beside the nodes themselves, so
 * that a request waits for the database fewer times in turn. A lookup by id starts its selected fields'
 * loads beside the node (its id is known before the node is read). A page of a list sends each field's
 * statement from the page itself, beside the page, and the rows answer the loads of the page's nodes.
 * A field that reaches nodes of one label (`children`, `achievements`) carries their selected fields
 * along: their statements start from the nodes the field reaches, so a query two levels deep still
 * waits once. Each field's statement is its loader's own, spelled from another start (see `Start`).
 */
import type { Params, Row } from '../graph/statement.js';
import { RELATION_FIELDS, type RelationFieldName } from '../model/fields.js';
import { labelOfId, type NodeLabel } from '../model/graph.js';
import type { Batch } from './batch.js';
import type { Entities, KeyedRead } from './entities.js';
import type { EntityRecord, LinkRecord } from './records.js';
import type { Related } from './related.js';
import { atKey, type FromStart, type Start } from './statements/keyed.js';
import { reachAchievements } from './statements/related.js';
import { relationReach } from './statements/relations.js';

/**
 * The fields an operation selects on nodes of one type, as the resolvers read them from the operation
 * (fragments applied): `fields` names them; `on` gives the type a field leads to (its items', for a list
 * or a connection) and the fields selected there.
 */
export interface Selection {
  fields(): Iterable<string>;
  on(field: string): { type: string | undefined; selection: Selection };
}

/** A field of a node, read ahead. */
interface FieldRead {
  /** Starts the field's load for one node. */
  load(id: string): Promise<unknown>;
  /**
   * The field's statement from any start, what its rows give for those nodes, and how a node's answer is
   * put in the field's loader (a promise while what it carries along is read). Absent when the field
   * takes more than one statement.
   */
  from?: { statement: FromStart; values: (ids: readonly string[], rows: Row[]) => unknown[]; prime: (id: string, value: Promise<unknown>) => void };
  /** The nodes the field reaches, when all are of one label: their start from the nodes of another start, and their ids in a node's answer. */
  reach?: { label: NodeLabel; start: (from: Start) => Start; ids: (value: unknown) => string[] };
}

/** A field to read ahead, and the fields of the nodes it reaches to read with it. */
export interface FieldPlan {
  read: FieldRead;
  nested: FieldPlan[];
}

/** A field its loader answers from one statement (see `KeyedRead`), read ahead. */
const keyedField = <V>({ loader, statement, values }: KeyedRead<V>, reach?: FieldRead['reach']): FieldRead => ({
  load: (id) => loader.load(id),
  from: { statement: statement.from, values, prime: (id, value) => loader.prime(id, value as Promise<V>) },
  reach,
});

const isRelationField = (name: string): name is RelationFieldName => name in RELATION_FIELDS;

/** The nodes a relationship field reaches (see `FieldRead.reach`): the far ends of its links. */
function relationFieldReach(name: RelationFieldName): FieldRead['reach'] {
  const reach = relationReach(name);
  return reach && { ...reach, ids: (links) => (links as LinkRecord[]).map((l) => l.otherId) };
}

/** The achievements a holder's connection reaches. */
const ACHIEVEMENTS_REACH: NonNullable<FieldRead['reach']> = {
  label: 'Achievement',
  start: reachAchievements,
  ids: (achievements) => (achievements as EntityRecord[]).map((a) => a.id),
};

/** What a request reads ahead of the nodes it looks up and lists. */
export class Plan {
  constructor(
    private readonly batch: Batch,
    private readonly entities: Entities,
    private readonly related: Related,
  ) {}

  /**
   * The node of a valid id, with the loads of its selected fields started beside it, and the fields
   * they carry along from their own statements. Nothing waits for those loads here: a failure surfaces
   * in the field that asks for the same load.
   */
  lookup(id: string, selection: Selection): Promise<EntityRecord | null> {
    const label = labelOfId(id)!;
    for (const plan of this.plans(label, selection)) {
      const read =
        plan.nested.length && plan.read.from ? this.readAhead(atKey(`:${label}`), { id }, Promise.resolve([id]), [plan]) : plan.read.load(id);
      read.catch(() => undefined);
    }
    return this.entities.byId.load(id);
  }

  /**
   * The fields selected on nodes of `label` that can be read ahead, each with the fields selected on the
   * nodes it reaches, when the field's type is those nodes (not links to them).
   */
  plans(label: NodeLabel, selection: Selection): FieldPlan[] {
    return [...selection.fields()].flatMap((field) => {
      const read = this.field(label, field);
      if (!read) return [];
      const reached = read.reach && selection.on(field);
      const nested = reached && reached.type === read.reach!.label ? this.plans(read.reach!.label, reached.selection) : [];
      return [{ read, nested }];
    });
  }

  /**
   * Sends now, in one turn, each planned field's statement from the nodes `start` finds (with `params`)
   * and, for the fields that carry others along, theirs from the nodes the field reaches. Each field's
   * loader is primed for the `parents` (those nodes' ids, once known) with an answer that arrives when
   * everything it carries along is primed too, so no resolver below it asks the database again. Resolves
   * when every answer is in.
   */
  readAhead(
    start: Start,
    params: Params,
    parents: Promise<readonly string[]>,
    plans: readonly FieldPlan[],
    // The way from the nodes `start` finds to the parents: every level keeps the first start, which the
    // statements of a turn then share (see `combine`).
    through: (start: Start) => Start = (found) => found,
  ): Promise<unknown> {
    return Promise.all(
      plans.flatMap(({ read: { from, reach }, nested }) => {
        if (!from) return [];
        const rows = this.batch.read(from.statement(through(start)), params);
        const values = Promise.all([parents, rows]).then(([ids, read]) => from.values(ids, read));
        const carried =
          reach && nested.length
            ? this.readAhead(
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

  /** The field `field` of nodes of `label` read ahead, when it is read from the node's id alone. */
  private field(label: NodeLabel, field: string): FieldRead | undefined {
    const name = `${label}.${field}`;
    if (isRelationField(name)) return keyedField(this.entities.relationRead(name), relationFieldReach(name));
    if (name === 'Organization.descendants') return keyedField(this.related.treeRead);
    if (name === 'Place.ancestors') return keyedField(this.related.ancestorsRead);
    if (name === 'Place.organizations') return keyedField(this.related.organizationsInRead);
    if (field === 'achievements') {
      const achievements = this.related.achievementsRead(label);
      return achievements && keyedField(achievements, ACHIEVEMENTS_REACH);
    }
    // A report's evidence is empty by definition: nothing to read.
    if (field === 'evidence' && label !== 'Report') return keyedField(this.entities.evidenceRead(label));
    if (field === 'links') return { load: (id) => this.entities.links.load(id) };
    return undefined;
  }
}
