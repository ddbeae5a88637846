import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { GraphStore } from '../graph/store.js';
import { CypherSyntaxError, splitStatements, type Statement } from './statements.js';

/** A seed file split into statements. */
export interface SeedFile {
  name: string;
  statements: Statement[];
}

/** A seed file that failed: names the file and, where known, the statement and its line. */
export class SeedError extends Error {
  override readonly name = 'SeedError';
  constructor(readonly file: string, readonly statement: number | undefined, readonly line: number | undefined, reason: string) {
    super(`${file}${statement ? `, statement ${statement} (line ${line})` : ''}: ${reason}`);
  }
}

/** Reads a Cypher file into statements; a file that cannot be split is a `SeedError` naming it. */
export function readCypherFile(path: string): SeedFile {
  const name = basename(path);
  try {
    return { name, statements: splitStatements(readFileSync(path, 'utf8')) };
  } catch (error) {
    if (error instanceof CypherSyntaxError) throw new SeedError(name, undefined, undefined, error.message);
    throw error;
  }
}

/** The seed files of `cypher/seed/`, in name order, all read and split before any is loaded. */
export function readSeedFiles(cypherDir: string): SeedFile[] {
  const dir = join(cypherDir, 'seed');
  if (!existsSync(dir)) throw new SeedError('cypher/seed', undefined, undefined, 'the seed folder is missing');
  return readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort().map((f) => readCypherFile(join(dir, f)));
}

/** Prepares an empty database with the engine's schema file (idempotent: every statement says IF NOT EXISTS). */
export async function applySchema(store: GraphStore, cypherDir: string): Promise<void> {
  const file = readCypherFile(join(cypherDir, 'schema', store.dialect.schemaFile));
  await store.applySchema(file.statements.map((s) => s.text));
}

/**
 * A statement that starts by matching must match something: `MATCH (a), (b) MERGE (a)-[:R]->(b)` with a
 * missing end would otherwise load nothing, silently. Such statements are run with a count returned.
 */
export function countingMatches(text: string): string | undefined {
  return /^MATCH\b/i.test(text) && !/\bRETURN\b/i.test(text.replace(/'(?:[^'\\]|\\.)*'/g, "''")) ? `${text} RETURN count(*) AS matched` : undefined;
}

/**
 * Loads seed files, each in one write transaction: a failing statement rolls its whole file back and
 * stops the load with a `SeedError` naming the file, the statement and its line.
 */
export async function loadSeedFiles(store: GraphStore, files: readonly SeedFile[]): Promise<number> {
  let count = 0;
  for (const file of files) {
    await store.writeTransaction(async (tx) => {
      for (const [index, statement] of file.statements.entries()) {
        const fail = (reason: string) => new SeedError(file.name, index + 1, statement.line, reason);
        const counted = countingMatches(statement.text);
        let rows;
        try {
          rows = await tx.run(counted ?? statement.text);
        } catch (error) {
          throw fail((error as Error).message);
        }
        if (counted && Number(rows[0]?.matched ?? 0) === 0) throw fail('its MATCH finds nothing (a relationship to a missing node?)');
      }
    });
    count += file.statements.length;
  }
  return count;
}
