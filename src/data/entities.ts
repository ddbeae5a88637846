/**
 * The request's loaders of entities: by id, their evidence, their links and each relationship field,
 * each batched per level of the query (one statement for a batch of keys) and cached for the request.
 */
import DataLoader from 'dataloader';
import type { Dialect } from '../graph/dialect.js';
import type { Row } from '../graph/statement.js';
import { text } from '../graph/values.js';
import { RELATION_FIELDS, type RelationFieldName } from '../model/fields.js';
import { RELATION_TYPES, labelOfId, type NodeLabel, type RelationType } from '../model/graph.js';
import type { Batch } from './batch.js';
import type { Projection } from './projection.js';
import type { EntityRecord, EvidenceRecord, LinkRecord, NodeSummary, StepRecord } from './records.js';
import { compareText } from '../text/collation.js';
import { groupBy, mergeLinks, toEntity, toSummary } from './rows.js';
import { entityStatements } from './statements/entities.js';
import type { Keyed } from './statements/keyed.js';
import { relationStatement } from './statements/relations.js';

/** A field read by one keyed statement: its loader, the statement, and what the statement's rows give for a batch of ids. */
export interface KeyedRead<V> {
  loader: DataLoader<string, V>;
  statement: Keyed;
  values: (ids: readonly string[], rows: Row[]) => V[];
}

/** The loader of one keyed statement, with the statement and its rows' values (see `KeyedRead`). */
export function keyedRead<V>(batch: Batch, statement: Keyed, values: (ids: readonly string[], rows: Row[]) => V[]): KeyedRead<V> {
  const loader = new DataLoader<string, V>(async (ids) => values(ids, await batch.readKeys(statement, ids)), batch.loaderOptions);
  return { loader, statement, values };
}

/** Groups ids by the label their prefix names and reads a label's statement for each group, all rows together. */
async function byLabel(batch: Batch, statements: Record<NodeLabel, Keyed>, ids: readonly string[]): Promise<Array<{ label: NodeLabel; row: Row }>> {
  const groups = new Map<NodeLabel, string[]>();
  for (const id of ids) {
    const label = labelOfId(id);
    if (label) groups.set(label, [...(groups.get(label) ?? []), id]);
  }
  const answers = await Promise.all(
    [...groups].map(async ([label, some]) => (await batch.readKeys(statements[label], some)).map((row) => ({ label, row }))),
  );
  return answers.flat();
}

/** A node's steps from its rows, each once, in the order of its links (see `mergeLinks`): ties between paths fall alike on every engine. */
function toSteps(rows: Row[]): StepRecord[] {
  const steps = new Map<string, StepRecord>();
  for (const row of rows) {
    const step: StepRecord = {
      type: row.type as RelationType,
      direction: row.direction as 'OUT' | 'IN',
      otherId: text(row.other),
      label: row.label as NodeLabel,
      level: (row.level as string | null) ?? null,
    };
    steps.set(`${step.type}|${step.direction}|${step.otherId}`, step);
  }
  return [...steps.values()].sort((a, b) => compareText(a.type, b.type) || compareText(a.otherId, b.otherId));
}

/** Entities by id, their evidence, their links and each relationship field, batched per request. */
export class Entities {
  readonly byId: DataLoader<string, EntityRecord | null>;
  readonly evidence: DataLoader<string, EvidenceRecord[]>;
  readonly links: DataLoader<string, LinkRecord[]>;
  /** Each node's steps either way, as a path search reads them (see `StepRecord`). */
  readonly steps: DataLoader<string, StepRecord[]>;
  private readonly relations = new Map<RelationFieldName, KeyedRead<LinkRecord[]>>();
  /** Summaries of the nodes links have reached in this request. */
  private readonly summaries = new Map<string, NodeSummary>();
  private readonly statements: ReturnType<typeof entityStatements>;

  constructor(
    private readonly batch: Batch,
    private readonly dialect: Dialect,
    private readonly projection: Projection,
  ) {
    this.statements = projection.spelled(`entities ${dialect.schemaFile}`, () => entityStatements(dialect, projection));
    const { statements } = this;
    this.byId = new DataLoader(async (ids) => {
      const found = new Map((await byLabel(batch, statements.byIds, ids)).map(({ label, row }) => [text(row.id), toEntity(projection, row, label)]));
      return ids.map((id) => found.get(id) ?? null);
    }, batch.loaderOptions);
    this.evidence = new DataLoader(
      async (ids) =>
        this.evidenceOf(
          ids,
          (await byLabel(batch, statements.evidence, ids)).map(({ row }) => row),
        ),
      batch.loaderOptions,
    );
    this.links = new DataLoader(
      async (ids) => this.linksOf(ids, (await Promise.all([this.eachWay(statements.links.OUT, ids), this.eachWay(statements.links.IN, ids)])).flat()),
      batch.loaderOptions,
    );
    this.steps = new DataLoader(async (ids) => {
      const rows = (await Promise.all([this.eachWay(statements.steps.OUT, ids), this.eachWay(statements.steps.IN, ids)])).flat();
      return groupBy(ids, rows, 'key', (row) => row).map(toSteps);
    }, batch.loaderOptions);
  }

  /** The rows of a statement of relationships one way from these nodes: by the label's key for one. */
  private eachWay({ many, one }: ReturnType<typeof entityStatements>['links']['OUT'], ids: readonly string[]): Promise<Row[]> {
    const label = ids.length === 1 ? labelOfId(ids[0]!) : undefined;
    if (label) return this.batch.read(one[label], { id: ids[0]! });
    return ids.length > 1 ? this.batch.read(many, { ids: [...ids] }) : Promise.resolve([]);
  }

  /** The links going out of these nodes, read whole (one statement; `links` reads both ways). */
  async linksOut(ids: readonly string[]): Promise<LinkRecord[][]> {
    return this.linksOf(ids, await this.eachWay(this.statements.links.OUT, ids));
  }

  /** Each node's links from rows of a links statement; the summaries of the nodes they reach are kept. */
  private linksOf(ids: readonly string[], rows: Row[]): LinkRecord[][] {
    for (const row of rows) this.summaries.set(text(row.other), toSummary(row, 'b_'));
    return groupBy(ids, rows, 'key', (row) => row).map(mergeLinks);
  }

  /**
   * Reads ahead the links of at most `limit.nodes` nodes one step from node `id` along `types`, and
   * primes them. Every node found has a link (the one that found it), so each is answered whole. Which
   * nodes a truncated neighbourhood keeps is decided by its own walk: those not read here are loaded
   * then. A walk from the start that reaches `limit.links` rows may have left some out: then none is
   * primed, and the frontier is sought by id.
   */
  async linksAround(id: string, types: readonly string[], limit: { nodes: number; links: number }): Promise<void> {
    const label = labelOfId(id);
    const walks = this.dialect.scansAfterWith;
    if (!label || (walks && !RELATION_TYPES.every((type) => types.includes(type)))) return;
    const params = { id, types: [...types], limit: limit.nodes, rows: limit.links };
    // Sent with the turn's other reads: on Neo4j in one statement, a tenth faster than beside it.
    const [out, into] = await Promise.all([
      this.batch.read(this.statements.around.OUT[label], params),
      this.batch.read(this.statements.around.IN[label], params),
    ]);
    if (walks && Math.max(out.length, into.length) >= limit.links) return;
    const rows = [...out, ...into];
    const ids = [...new Set(rows.map((row) => text(row.key)))];
    this.linksOf(ids, rows).forEach((links, i) => this.links.prime(ids[i]!, links));
  }

  /**
   * What a subgraph draws of a node: from the links that reached it, at once (so a drawn node's fields
   * resolve without a promise each), else from its entity.
   */
  summary(id: string): NodeSummary | Promise<NodeSummary | null> {
    return this.summaries.get(id) ?? this.summaryOfEntity(id);
  }

  private async summaryOfEntity(id: string): Promise<NodeSummary | null> {
    const entity = await this.byId.load(id);
    return (
      entity && {
        label: entity.label,
        name: entity.name,
        nameEn: (entity.nameEn as string | null) ?? null,
        kind: (entity.kind ?? entity.level ?? null) as string | null,
      }
    );
  }

  /** The evidence of nodes from the rows of an evidence statement; the report of each quote comes in the same row. */
  private evidenceOf(ids: readonly string[], rows: Row[]): EvidenceRecord[][] {
    for (const row of rows) this.byId.prime(text(row.report), toEntity(this.projection, row, 'Report', 'r_'));
    return groupBy(ids, rows, 'key', (row) => ({ reportId: text(row.report), quote: text(row.quote) }));
  }

  /** The links of one relationship field from its statement's rows; their far entities come primed. */
  private relationOf(name: RelationFieldName, ids: readonly string[], rows: Row[]): LinkRecord[][] {
    const { other } = RELATION_FIELDS[name];
    if (other) for (const row of rows) this.byId.prime(text(row.other), toEntity(this.projection, row, other, 'b_'));
    return groupBy(ids, rows, 'key', (row) => row).map(mergeLinks);
  }

  /** The links of one relationship field, loaded for a whole level of the query at once. */
  relation(name: RelationFieldName): DataLoader<string, LinkRecord[]> {
    return this.relationRead(name).loader;
  }

  /** A relationship field's loader, statement and rows' values (see `KeyedRead`). */
  relationRead(name: RelationFieldName): KeyedRead<LinkRecord[]> {
    let read = this.relations.get(name);
    if (!read) {
      const statement = this.projection.spelled(`${name} ${this.dialect.schemaFile}`, () => relationStatement(this.dialect, name, this.projection));
      this.relations.set(name, (read = keyedRead(this.batch, statement, (ids, rows) => this.relationOf(name, ids, rows))));
    }
    return read;
  }

  /** The evidence of nodes of a label: the evidence loader, the label's statement and its rows' values. */
  evidenceRead(label: NodeLabel): KeyedRead<EvidenceRecord[]> {
    return { loader: this.evidence, statement: this.statements.evidence[label], values: (ids, rows) => this.evidenceOf(ids, rows) };
  }
}
