import type { Page, PageRequest } from '../data/paging.js';
import { MAX_CURSOR_OFFSET, PAGE_SIZE } from '../model/pages.js';
import { sizeArgument } from './args.js';
import { badArgument } from './errors.js';

const CURSOR_PREFIX = 'offset:';

/** An opaque cursor for the item at a position of an ordered list. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isSafeInteger(offset) || offset < 0 || encodeCursor(offset) !== cursor) {
    throw badArgument('after', `"${cursor}" is not a cursor this API issued`);
  }
  if (offset >= MAX_CURSOR_OFFSET) throw badArgument('after', `"${cursor}" points past the end of any list this API serves`);
  return offset;
}

/** Checks `first` and `after` and turns them into the slice to read. */
export function pageRequest(args: { first?: number | null; after?: string | null }): PageRequest {
  const first = sizeArgument('first', args.first, PAGE_SIZE.page);
  return { offset: args.after ? decodeCursor(args.after) + 1 : 0, limit: first };
}

/** The fields of every connection type, from a page of records. */
export const connectionResolvers = {
  edges: <T>(page: Page<T>) => page.items.map((node, i) => ({ node, cursor: encodeCursor(page.offset + i) })),
  pageInfo: async <T>(page: Page<T>) => ({
    hasNextPage: page.offset + page.items.length < (await page.total()),
    hasPreviousPage: page.offset > 0,
    startCursor: page.items.length ? encodeCursor(page.offset) : null,
    endCursor: page.items.length ? encodeCursor(page.offset + page.items.length - 1) : null,
  }),
  totalCount: <T>(page: Page<T>) => page.total(),
};
