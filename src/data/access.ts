import type { GraphStore } from '../graph/store.js';
import { CountingStore } from './counting.js';
import { Organizations } from './organizations.js';

/** The data-access layer for one request: every domain's queries and batch loaders over one counted store. */
export class DataAccess {
  private readonly db: CountingStore;
  readonly organizations: Organizations;

  constructor(store: GraphStore) {
    this.db = new CountingStore(store);
    this.organizations = new Organizations(this.db);
  }

  /** Database round trips so far in this request. */
  get roundTrips(): number {
    return this.db.roundTrips;
  }
}
