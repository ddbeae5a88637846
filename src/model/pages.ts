/**
 * The sizes of the API's lists and walks, one home for the resolvers that check them and the cost limit
 * that counts them: both read an argument as `value ?? default`, so `null` means the default.
 */
export interface SizeArgument {
  /** The schema's default, used when the argument is absent or null. */
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

export const PAGE_SIZE = {
  /** A connection's page (`first`): more is an error, never a silent truncation. */
  page: { default: 20, min: 0, max: 100 },
  /** Search hits (`search(first)`). */
  search: { default: 20, min: 1, max: 100 },
  /** `metricRanking(first)`. */
  ranking: { default: 10, min: 0, max: 100 },
  /** A neighborhood's node limit. */
  neighborhood: { default: 200, min: 1, max: 500 },
  /** A neighborhood's depth in steps. */
  depth: { default: 1, min: 1, max: 3 },
  /** Reconciliation candidates. */
  reconcile: { default: 3, min: 1, max: 25 },
  /** A shortest path's length in steps. */
  pathLength: { default: 8, min: 1, max: 10 },
} as const satisfies Record<string, SizeArgument>;

/** The deepest position a cursor may point at: longer than any list this API serves. */
export const MAX_CURSOR_OFFSET = 10_000_000;

/** An argument's value as served, for the cost limit: absent or null is the default, the rest held to the range (out of range is the resolver's error). */
export const servedSize = (value: unknown, size: SizeArgument): number =>
  Math.min(Math.max(typeof value === 'number' && Number.isFinite(value) ? value : size.default, size.min), size.max);
