/**
 * The integrity record: what loading the seed files must give, written beside them by the curation
 * compiler and checked by the seed loader and the server's readiness.
 */
import { createHash } from 'node:crypto';

/** What a complete load contains: nodes per label, relationships per type, and a digest of every node id. */
export interface GraphCounts {
  labels: Record<string, number>;
  relationships: Record<string, number>;
  ids: string;
}

/** The file beside the seed files holding what loading them must give (written by `npm run curate`). */
export const EXPECTED_FILE = 'expected.json';

/** The digest of a set of node ids, independent of their order. */
export function idDigest(ids: Iterable<string>): string {
  return createHash('sha256')
    .update([...ids].sort().join('\n'))
    .digest('hex');
}
