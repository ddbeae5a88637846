import type { GraphStore } from '../graph/store.js';
import { GraphVersion } from './version.js';

/**
 * How many answers are kept: the fixed whole-graph ones, and counts under the filters clients ask for
 * (a dashboard's picks, a list's), the least recently used dropped first.
 */
export const MAX_SHARED_ANSWERS = 2_000;

/**
 * What requests on one store share: the graph's version, and answers about the whole graph computed
 * once per version (counts, the search index, the profile of list sizes). Nothing here is the store:
 * each entry is derived from it and dropped when the graph changes.
 */
export class GraphShared {
  readonly version: GraphVersion;
  private readonly entries = new Map<string, { version: string; value: Promise<unknown> }>();

  constructor(store: GraphStore) {
    this.version = new GraphVersion(store);
  }

  /** `compute()`'s answer for the current graph version, computed once per version (a failure is not kept; nothing is kept while a load is under way). */
  async memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const { value: version, loading } = await this.version.state();
    if (loading) return compute();
    const entry = this.entries.get(key);
    if (entry?.version === version) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value as Promise<T>;
    }
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > MAX_SHARED_ANSWERS) this.entries.delete(this.entries.keys().next().value!);
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}

const shared = new WeakMap<GraphStore, GraphShared>();

/** The shared state of a store, made on first use. */
export function sharedOf(store: GraphStore): GraphShared {
  let found = shared.get(store);
  if (!found) shared.set(store, (found = new GraphShared(store)));
  return found;
}
