import DataLoader from 'dataloader';
import type { Dialect } from '../graph/dialect.js';
import type { Row } from '../graph/store.js';
import { RELATION_FIELDS, type RelationField, type RelationFieldName } from '../model/fields.js';
import { NODE_LABELS, RELATION_TYPES, labelOfId, type NodeLabel, type RelationType } from '../model/graph.js';
import { Projection, summaryColumns, toSummary } from './columns.js';
import type { CountingStore } from './counting.js';
import { keyedAhead, reaching, type Ahead } from './ahead.js';
import { fetched, keyed, type Keyed } from './keyed.js';
import { groupBy, reportIdOf, type EntityRecord, type EvidenceRecord, type LinkRecord, type NodeSummary } from './records.js';
import { text } from '../graph/values.js';
import { compareText } from '../text/collation.js';

const perLabel = <T>(query: (label: NodeLabel) => T) => Object.fromEntries(NODE_LABELS.map((label) => [label, query(label)])) as Record<NodeLabel, T>;

/** The columns of one relationship seen from `a`: its type and direction, the far end, and its source and qualifiers as `projection` reads them. */
const linkColumns = (dialect: Dialect, direction: 'OUT' | 'IN', projection: Projection) =>
  `a.id AS key, ${dialect.relationshipType('r')} AS type, '${direction}' AS direction, b.id AS other, ${projection.linkColumns('r')}`;

/** A pattern from `a` along some relationship types, one way, to `b` (of a label when given). */
const along = (types: readonly RelationType[], direction: 'OUT' | 'IN', other?: NodeLabel) =>
  `${direction === 'OUT' ? '-' : '<-'}[r:${types.join('|')}]${direction === 'OUT' ? '->' : '-'}(b${other ? `:${other}` : ''})`;

/**
 * The links of nodes one way, with the far node's summary in the same row (a subgraph draws it without
 * another statement; its whole entity, of whatever label, is one lookup away). A batch takes one statement for a
 * whole frontier of mixed labels (Neo4j seeks each label's id index); a single node seeks its own
 * label's primary key.
 */
function linksQuery(dialect: Dialect, direction: 'OUT' | 'IN', projection: Projection) {
  const build = (labels: string) =>
    keyed(
      labels,
      (start) =>
        `${start('a')} MATCH (a)${along(RELATION_TYPES, direction)} RETURN ${linkColumns(dialect, direction, projection)}, ${summaryColumns('b', dialect, 'b_')}`,
    );
  return { many: build(dialect.anyLabel(NODE_LABELS)).many, one: perLabel((label) => build(`:${label}`).one) };
}

/**
 * The links of the nodes one step from a node: the frontier a neighbourhood's second step reads, found
 * from the start in the same turn as its first. Where the engine walks on from a `WITH`, of at most
 * `$limit` of those nodes along the types `$types`, each node once. Where it would scan instead (see
 * `Dialect.scansAfterWith`), one pattern walks from the start along every type and stops at `$rows`
 * rows; a node reached along several relationships comes once for each, which `mergeLinks` folds.
 * (Kuzu 0.11 filters that pattern's first relationship by `label(t) IN …` against the wrong labels in
 * some databases: a walk along some types only is read step by step.)
 */
function aroundQuery(dialect: Dialect, direction: 'OUT' | 'IN', projection: Projection) {
  const first = `-[t:${RELATION_TYPES.join('|')}]-`;
  const links = `MATCH (a)${along(RELATION_TYPES, direction)} RETURN ${linkColumns(dialect, direction, projection)}, ${summaryColumns('b', dialect, 'b_')}`;
  return perLabel((label) =>
    dialect.scansAfterWith
      ? `MATCH (s:${label} {id: $id})${first}(a) ${links} LIMIT $rows`
      : `MATCH (s:${label} {id: $id}) MATCH (s)${first}(x) WHERE ${dialect.relationshipType('t')} IN $types WITH DISTINCT x AS a LIMIT $limit ${links}`,
  );
}

/**
 * The queries behind lookups, evidence and links, spelled for a dialect. Each starts from an id index
 * (see `keyed`), names the relationship types it follows and their direction, and returns the columns
 * it needs (entities' as `projection` reads them), never whole nodes.
 */
export function entityQueries(dialect: Dialect, projection = Projection.ALL) {
  return {
    byIds: perLabel((label) => fetched(label, (start) => `${start('n')} RETURN ${projection.columns('n', label)}`)),
    evidence: perLabel((label) =>
      keyed(
        `:${label}`,
        (start) =>
          `${start('n')} MATCH (n)-[m:MENTIONED_IN]->(r:Report) RETURN n.id AS key, r.id AS report, m.quote AS quote, ${projection.columns('r', 'Report', 'r_')} ORDER BY key, report, quote`,
      ),
    ),
    links: { OUT: linksQuery(dialect, 'OUT', projection), IN: linksQuery(dialect, 'IN', projection) },
    around: { OUT: aroundQuery(dialect, 'OUT', projection), IN: aroundQuery(dialect, 'IN', projection) },
  };
}

/** The label of a relationship field's parent type (`Organization.children` → Organization). */
const parentOf = (name: RelationFieldName) => name.slice(0, name.indexOf('.')) as NodeLabel;

/**
 * The query of one relationship field: typed and directed, and when the far end has one label, its
 * entity comes in the same row (one statement for the field and what it reaches).
 */
export function relationQuery(dialect: Dialect, name: RelationFieldName, projection = Projection.ALL): Keyed {
  const { types, direction, other }: RelationField = RELATION_FIELDS[name];
  const far = other ? `, ${projection.columns('b', other, 'b_')}` : '';
  return keyed(
    `:${parentOf(name)}`,
    (start) => `${start('a')} MATCH (a)${along(types, direction, other)} RETURN ${linkColumns(dialect, direction, projection)}${far}`,
  );
}

/** The nodes a relationship field reaches, when all are of one label (see `Ahead.reach`). */
export function relationReach(name: RelationFieldName): Ahead['reach'] {
  const { types, direction, other }: RelationField = RELATION_FIELDS[name];
  return (
    other && {
      label: other,
      path: [],
      start: reaching(along(types, direction, other)),
      ids: (links) => (links as LinkRecord[]).map((l) => l.otherId),
    }
  );
}

/** Groups ids by the label their prefix names and runs a label's query for each group, all rows together. */
async function byLabel(db: CountingStore, queries: Record<NodeLabel, Keyed>, ids: readonly string[]): Promise<Array<{ label: NodeLabel; row: Row }>> {
  const groups = new Map<NodeLabel, string[]>();
  for (const id of ids) {
    const label = labelOfId(id);
    if (label) groups.set(label, [...(groups.get(label) ?? []), id]);
  }
  const answers = await Promise.all(
    [...groups].map(async ([label, some]) => (await db.readKeys(queries[label], some)).map((row) => ({ label, row }))),
  );
  return answers.flat();
}

/** One link per (type, direction, other end), gathering the evidence of every source that states it. */
function mergeLinks(rows: readonly Row[]): LinkRecord[] {
  const links = new Map<string, LinkRecord>();
  for (const row of rows) {
    const key = `${text(row.type)}|${text(row.direction)}|${text(row.other)}`;
    const link: LinkRecord = links.get(key) ?? {
      type: row.type as RelationType,
      direction: row.direction as 'OUT' | 'IN',
      otherId: text(row.other),
      role: (row.role as string | null) ?? null,
      detail: (row.detail as string | null) ?? null,
      evidence: [],
    };
    // A relationship is one per type, ends and source (seed files merge on them): a row of a source
    // already taken is the same relationship reached again.
    const reportId = row.source ? reportIdOf(text(row.source)) : undefined;
    if (reportId && !link.evidence.some((e) => e.reportId === reportId)) link.evidence.push({ reportId, quote: text(row.quote ?? '') });
    links.set(key, link);
  }
  return [...links.values()].sort((a, b) => compareText(a.type, b.type) || compareText(a.otherId, b.otherId));
}

/** Entities by id, their evidence, their links and each relationship field, batched per request. */
export class Entities {
  readonly byId: DataLoader<string, EntityRecord | null>;
  readonly evidence: DataLoader<string, EvidenceRecord[]>;
  readonly links: DataLoader<string, LinkRecord[]>;
  private readonly relations = new Map<RelationFieldName, DataLoader<string, LinkRecord[]>>();
  /** Summaries of the nodes links have reached in this request. */
  private readonly summaries = new Map<string, NodeSummary>();
  private readonly queries: ReturnType<typeof entityQueries>;

  constructor(
    private readonly db: CountingStore,
    private readonly dialect: Dialect,
    private readonly projection: Projection,
  ) {
    this.queries = projection.spelled(`entities ${dialect.schemaFile}`, () => entityQueries(dialect, projection));
    const { queries } = this;
    this.byId = new DataLoader(async (ids) => {
      const found = new Map((await byLabel(db, queries.byIds, ids)).map(({ label, row }) => [text(row.id), projection.toEntity(row, label)]));
      return ids.map((id) => found.get(id) ?? null);
    }, db.loaderOptions);
    this.evidence = new DataLoader(
      async (ids) =>
        this.evidenceOf(
          ids,
          (await byLabel(db, queries.evidence, ids)).map(({ row }) => row),
        ),
      db.loaderOptions,
    );
    this.links = new DataLoader(async (ids) => {
      const one = ids.length === 1 ? labelOfId(ids[0]!) : undefined;
      const read = ({ many, one: single }: (typeof queries.links)['OUT']) =>
        one ? db.read(single[one], { id: ids[0]! }) : ids.length > 1 ? db.read(many, { ids: [...ids] }) : Promise.resolve([]);
      return this.linksOf(ids, (await Promise.all([read(queries.links.OUT), read(queries.links.IN)])).flat());
    }, db.loaderOptions);
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
      this.db.read(this.queries.around.OUT[label], params),
      this.db.read(this.queries.around.IN[label], params),
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
    for (const row of rows) this.byId.prime(text(row.report), this.projection.toEntity(row, 'Report', 'r_'));
    return groupBy(ids, rows, 'key', (row) => ({ reportId: text(row.report), quote: text(row.quote) }));
  }

  /** The links of one relationship field from its statement's rows; their far entities come primed. */
  private relationOf(name: RelationFieldName, ids: readonly string[], rows: Row[]): LinkRecord[][] {
    const { other } = RELATION_FIELDS[name];
    if (other) for (const row of rows) this.byId.prime(text(row.other), this.projection.toEntity(row, other, 'b_'));
    return groupBy(ids, rows, 'key', (row) => row).map(mergeLinks);
  }

  /** The links of one relationship field, loaded for a whole level of the query at once. */
  relation(name: RelationFieldName): DataLoader<string, LinkRecord[]> {
    let loader = this.relations.get(name);
    if (!loader) {
      const query = this.relationQuery(name);
      loader = new DataLoader(async (ids) => this.relationOf(name, ids, await this.db.readKeys(query, ids)), this.db.loaderOptions);
      this.relations.set(name, loader);
    }
    return loader;
  }

  private relationQuery(name: RelationFieldName): Keyed {
    return this.projection.spelled(`${name} ${this.dialect.schemaFile}`, () => relationQuery(this.dialect, name, this.projection));
  }

  /** A relationship field read ahead (see `Ahead`). */
  relationAhead(name: RelationFieldName): Ahead {
    return keyedAhead(this.relation(name), this.relationQuery(name).from, (ids, rows) => this.relationOf(name, ids, rows), relationReach(name));
  }

  /** The evidence of nodes of a label read ahead. */
  evidenceAhead(label: NodeLabel): Ahead {
    return keyedAhead(this.evidence, this.queries.evidence[label].from, (ids, rows) => this.evidenceOf(ids, rows));
  }
}
