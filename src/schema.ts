import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './config.js';

/** The SDL of every `schema/*.graphql` file, in name order: the API's contract. */
export function loadTypeDefs(dir = join(PROJECT_ROOT, 'schema')): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}
