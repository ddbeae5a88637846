import type { Dialect } from '../graph/dialect.js';
import { ORGANIZATION_QUERIES } from './organizations.js';
import { STATUS_QUERIES } from './status.js';

/** Every query the data-access layer can send, spelled for a dialect: what the lint test checks. */
export function allQueries(_dialect: Dialect): string[] {
  return [ORGANIZATION_QUERIES, STATUS_QUERIES].flatMap((queries) => Object.values(queries));
}
