/** Which slice of an ordered list a connection asks for. */
export interface PageRequest {
  offset: number;
  limit: number;
}

/** A slice of an ordered list, with where it starts and how long the whole list is. */
export interface Page<T> {
  items: T[];
  offset: number;
  /** The whole list's length: a page read from the database counts it when first asked, if it was not counted beside the page. */
  total: () => Promise<number>;
}

/** The page of a list already in memory (lists batched per request are paged after loading). */
export function pageOf<T>(items: readonly T[], request: PageRequest): Page<T> {
  return { items: items.slice(request.offset, request.offset + request.limit), offset: request.offset, total: () => Promise.resolve(items.length) };
}
