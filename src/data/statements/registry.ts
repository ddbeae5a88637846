import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Dialect } from '../../graph/dialect.js';
import type { Statement } from '../../graph/statement.js';

/**
 * Every statement the project can send, registered by the module of this folder that builds it, each
 * spelled for a dialect: what the Cypher lint checks against Neo4j's own front end. Statements whose
 * text varies (a list's filters, a page's start) register the shapes they are built from: with none,
 * each one and all of their parts.
 */
const registered = new Map<string, (dialect: Dialect) => Iterable<Statement>>();

/** Registers the statements of the module `name` (its file name without extension). */
export function register(name: string, spell: (dialect: Dialect) => Iterable<Statement>): void {
  registered.set(name, spell);
}

/** Loads every module of this folder, so that each registers its statements: the registry misses none. */
export async function loadStatements(): Promise<void> {
  const dir = import.meta.dirname;
  for (const file of readdirSync(dir).filter((f) => /\.[jt]s$/.test(f))) await import(pathToFileURL(join(dir, file)).href);
}

/** The modules that registered statements. */
export const registeredModules = (): string[] => [...registered.keys()];

/** Every registered statement in a dialect, each once. */
export function registeredStatements(dialect: Dialect): Statement[] {
  const byText = new Map<string, Statement>();
  for (const spell of registered.values()) for (const s of spell(dialect)) byText.set(s.text, s);
  return [...byText.values()];
}
