import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';

/**
 * No module of src/ imports itself back through others, type-only imports included (the lint's
 * `import-x/no-cycle` skips those): each folder's modules read in one direction.
 */
const SRC = join(PROJECT_ROOT, 'src');
const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.startsWith('generated'))
  .map((f) => join(SRC, f));

/** The modules of src/ a file imports or re-exports, by path. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((i) => i.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name.replace(/\.js$/, '.ts')));
}

/** One cycle as the chain of files around it, or none. */
function cycle(): string[] | undefined {
  const graph = new Map(files.map((f) => [f, importsOf(f).filter((i) => i.startsWith(SRC))]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === 'done') return undefined;
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    state.set(file, 'done');
    return undefined;
  };
  for (const file of files) {
    const found = visit(file);
    if (found) return found.map((f) => f.slice(SRC.length + 1));
  }
  return undefined;
}

describe('the modules of src/', () => {
  it('import one another without cycles, type-only imports included', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(cycle()).toBeUndefined();
  });
});
