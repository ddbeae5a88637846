import type { GraphStore } from '../graph/store.js';
import type { NodeLabel } from '../model/graph.js';
import { aheadOf, readAhead, type Ahead, type AheadPlan, type Start } from './ahead.js';
import type { Params } from '../graph/store.js';
import { Projection } from './columns.js';
import { CountingStore } from './counting.js';
import { Entities } from './entities.js';
import { Explore } from './explore.js';
import { Lists } from './lists.js';
import { profileLoader } from './profile.js';
import { Related } from './related.js';
import { Search } from './search.js';
import { sharedOf } from './shared.js';
import { Stats } from './stats.js';
import { Workbench } from './workbench.js';

/** The data-access layer for one request: every domain's queries and batch loaders over one counted store. */
export class DataAccess {
  private readonly db: CountingStore;
  private projection!: Projection;
  // Set again, empty, when the projection is (see `project`).
  entities!: Entities;
  lists!: Lists;
  related!: Related;
  search!: Search;
  explore!: Explore;
  stats!: Stats;
  workbench!: Workbench;

  /**
   * `batching: false` gives the naive one-query-per-field baseline (benchmarks only); `deadline` (epoch
   * milliseconds) is when the request's time is up and its queries are interrupted.
   */
  constructor(
    private readonly store: GraphStore,
    { batching = true, deadline }: { batching?: boolean; deadline?: number } = {},
  ) {
    this.db = new CountingStore(store, batching, { deadline }, profileLoader(store));
    this.wire(Projection.ALL);
  }

  /**
   * Reads entities with the properties `projection` names from now on: set once the operation is known,
   * before its first read, since the loaders start again empty.
   */
  project(projection: Projection): void {
    if (projection !== this.projection) this.wire(projection);
  }

  private wire(projection: Projection): void {
    this.projection = projection;
    const { db, store } = this;
    this.entities = new Entities(db, store.dialect, projection);
    this.lists = new Lists(db, projection);
    this.related = new Related(db, projection);
    this.search = new Search(db, store.dialect, sharedOf(store), this.entities);
    this.explore = new Explore(this.entities);
    this.stats = new Stats(db, store.dialect, sharedOf(store), this.entities);
    this.workbench = new Workbench(db);
  }

  /** The field \`field\` of nodes of \`label\` read ahead, when it is read from the node's id alone (see \`Ahead\`). */
  ahead(label: NodeLabel, field: string): Ahead | undefined {
    return aheadOf(this.entities, this.related, label, field);
  }

  /** Statements sent so far in this request: the same on every engine. */
  get statements(): number {
    return this.db.statements;
  }

  /** The planned fields of the nodes `start` finds (their ids: `parents`), read ahead in this turn (see `readAhead`). */
  readAhead(start: Start, params: Params, parents: readonly string[], plans: readonly AheadPlan[]): Promise<unknown> {
    return readAhead(this.db, start, params, Promise.resolve(parents), plans);
  }

  /** Database round trips so far in this request (statements sent together travel as one where the engine allows). */
  get roundTrips(): number {
    return this.db.roundTrips;
  }

  /** Times so far this request waited for the database in turn (see `CountingStore.waits`). */
  get waits(): number {
    return this.db.waits;
  }
}
