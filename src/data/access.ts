import type { GraphStore } from '../graph/store.js';
import { Batch } from './batch.js';
import { Entities } from './entities.js';
import { Explore } from './explore.js';
import { Lists } from './lists.js';
import { Plan } from './plan.js';
import { profileLoader } from './profile.js';
import { Projection } from './projection.js';
import { Related } from './related.js';
import { Search } from './search.js';
import { sharedOf } from './shared.js';
import { Stats } from './stats.js';
import { Workbench } from './workbench.js';

/** How a request's statements travel. */
export interface RequestOptions {
  /**
   * Whether a turn's statements travel as one combined statement where the store allows (Neo4j). Off for
   * requests whose turns hold ever new combinations, such as a reconciliation batch's strings: Neo4j plans
   * each new combined text (0.1–0.5 s) before running it, and plans each statement alone once.
   */
  together?: boolean;
}

/**
 * The data-access layer for one request: the plan of what its operation reads, and every domain's
 * loaders and reads, over one batch of its statements (see `src/data/README.md` for the stages).
 */
export class DataAccess {
  private readonly batch: Batch;
  private projection!: Projection;
  // Set again, empty, when the projection is (see `project`).
  plan!: Plan;
  entities!: Entities;
  related!: Related;
  lists!: Lists;
  search!: Search;
  explore!: Explore;
  stats!: Stats;
  workbench!: Workbench;

  /**
   * `batching: false` gives the naive one-statement-per-field baseline (benchmarks only); `deadline` (epoch
   * milliseconds) is when the request's time is up and its statements are interrupted; `together: false`
   * sends each statement on its own where the store would combine a turn's (see `RequestOptions`).
   */
  constructor(
    private readonly store: GraphStore,
    { batching = true, deadline, together = true }: { batching?: boolean; deadline?: number } & RequestOptions = {},
  ) {
    this.batch = new Batch(store, batching, { deadline }, profileLoader(store), together);
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
    const { batch, store } = this;
    this.entities = new Entities(batch, store.dialect, projection);
    this.related = new Related(batch, projection, store.dialect);
    this.plan = new Plan(batch, this.entities, this.related);
    this.lists = new Lists(batch, projection, this.plan);
    this.search = new Search(batch, store.dialect, sharedOf(store), this.entities);
    this.explore = new Explore(this.entities);
    this.stats = new Stats(batch, store.dialect, sharedOf(store), this.entities);
    this.workbench = new Workbench(batch);
  }

  /** Statements sent so far in this request: the same on every engine. */
  get statements(): number {
    return this.batch.statements;
  }

  /** Database round trips so far in this request (statements sent together travel as one where the engine allows). */
  get roundTrips(): number {
    return this.batch.roundTrips;
  }

  /** Times so far this request waited for the database in turn (see `Batch.waits`). */
  get waits(): number {
    return this.batch.waits;
  }
}
