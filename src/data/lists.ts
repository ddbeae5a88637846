import type { NodeLabel } from '../model/graph.js';
import type { Batch } from './batch.js';
import { presentFilters, type ListFilter, type Order } from './filters.js';
import type { Page, PageRequest } from './paging.js';
import type { Plan, Selection } from './plan.js';
import type { Projection } from './projection.js';
import type { EntityRecord } from './records.js';
import { toEntity } from './rows.js';
import { listStatements } from './statements/lists.js';

/** What is read beside a page: the fields selected on its items (and what they carry along), and whether its count is (a page's count is otherwise read when asked for). */
export interface PageReading {
  selection?: Selection;
  counted?: boolean;
}

/** Filtered, ordered pages of any label. */
export class Lists {
  constructor(
    private readonly batch: Batch,
    private readonly projection: Projection,
    private readonly plan: Plan,
  ) {}

  /** A page, with the fields selected on its items read beside it (see `Plan`), and its count when `counted`. */
  async page(
    label: NodeLabel,
    filter: ListFilter,
    order: Order,
    request: PageRequest,
    { selection, counted = true }: PageReading = {},
  ): Promise<Page<EntityRecord>> {
    const { keys, params } = presentFilters(label, filter);
    const statements = this.projection.spelled(`list ${label} ${keys.join(' ')} ${order}`, () => listStatements(label, keys, order, this.projection));
    const paged = { ...params, offset: request.offset, limit: request.limit };
    let counting: Promise<number> | undefined;
    const total = () => (counting ??= this.batch.readOnce(statements.count, params, { alone: false }).then((rows) => Number(rows[0]?.total ?? 0)));
    if (counted) void total().catch(() => undefined);
    if (request.offset > this.batch.store.dialect.safeSkip && request.offset >= (await total())) return { items: [], offset: request.offset, total };
    const items = this.batch.read(statements.page, paged).then((rows) => rows.map((row) => toEntity(this.projection, row, label)));
    // The fields' statements start from the page (on Neo4j, sent with it, they share one finding of it):
    // worth it where a wait is a network round trip, not in process, where the loaders' second turn is cheaper.
    const fields = this.batch.store.inProcess || !selection ? [] : this.plan.plans(label, selection);
    const ids = items.then((read) => read.map((item) => item.id));
    const [list] = await Promise.all([items, this.plan.readAhead(statements.start, paged, ids, fields)]);
    return { items: list, offset: request.offset, total };
  }
}
