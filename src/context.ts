import type { DataAccess } from './data/access.js';

/** What every resolver receives: the request's data-access layer. */
export interface Context {
  data: DataAccess;
}
