import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { StatementError, type GraphStore } from '../graph/store.js';
import { SEED_STAMP } from '../model/graph.js';
import { CYPHER_STRING, CypherSyntaxError, parameterize, splitStatements, type Statement } from './statements.js';

/** A seed file split into statements. */
export interface SeedFile {
  name: string;
  statements: Statement[];
}

/** A seed file that failed: names the file and, where known, the statement and its line. */
export class SeedError extends Error {
  override readonly name = 'SeedError';
  constructor(
    readonly file: string,
    readonly statement: number | undefined,
    readonly line: number | undefined,
    reason: string,
  ) {
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
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => readCypherFile(join(dir, f)));
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
export function withMatchCount(text: string): string | undefined {
  return /^MATCH\b/i.test(text) && !/\bRETURN\b/i.test(text.replace(CYPHER_STRING, "''")) ? `${text} RETURN count(*) AS matched` : undefined;
}

/** How long loading one seed file (or the sweep after) may take: far longer than any read. */
export const SEED_TIMEOUT_MS = 600_000;

/**
 * Loads seed files, each in one write transaction, stamping what they state with `stamp`: a failing
 * statement rolls its whole file back and stops the load with a `SeedError` naming the file, the
 * statement and its line.
 */
export async function loadSeedFiles(store: GraphStore, files: readonly SeedFile[], stamp: string): Promise<number> {
  let count = 0;
  for (const file of files) {
    const errorAt = (index: number, reason: string) => new SeedError(file.name, index + 1, file.statements[index]!.line, reason);
    const counted = file.statements.map((s) => withMatchCount(s.text));
    const batch = file.statements.map((s, i) => {
      const { text, params } = parameterize(counted[i] ?? s.text);
      return { cypher: text, params: { ...params, [SEED_STAMP]: stamp } };
    });
    await store.writeTransaction(
      async (tx) => {
        const results = await tx.runAll(batch).catch((error: unknown) => {
          throw error instanceof StatementError ? errorAt(error.index, error.message) : error;
        });
        const empty = results.findIndex((rows, i) => counted[i] && Number(rows[0]?.matched ?? 0) === 0);
        if (empty >= 0) throw errorAt(empty, 'its MATCH finds nothing (a relationship to a missing node?)');
      },
      { timeoutMs: SEED_TIMEOUT_MS },
    );
    count += file.statements.length;
  }
  return count;
}
