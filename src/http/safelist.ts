import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, print } from 'graphql';

/** The canonical text of a document (printed from its parse), so spacing and comments do not matter. */
export function canonical(query: string): string {
  return print(parse(query));
}

/** The hash an operation is known by: SHA-256 of its canonical text, in hex. */
export const operationHash = (query: string): string => createHash('sha256').update(canonical(query)).digest('hex');

/** Every `.graphql` file under the folders, recursively. */
function documents(dirs: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.graphql')) files.push(join(dir, entry.name));
    }
  };
  dirs.forEach(walk);
  return files;
}

/** The operations a locked-down server serves (`PERSISTED_ONLY`), by hash. */
export class Safelist {
  readonly byHash = new Map<string, string>();

  constructor(dirs: readonly string[]) {
    for (const file of documents(dirs)) {
      const text = canonical(readFileSync(file, 'utf8'));
      this.byHash.set(createHash('sha256').update(text).digest('hex'), text);
    }
  }

  /**
   * The query text to run for a request: the safelisted text of its hash (`extensions.persistedQuery.sha256Hash`,
   * as Apollo clients send it) or its own text when that is on the list; undefined when it is not allowed.
   */
  resolve(query: unknown, hash: unknown): string | undefined {
    if (typeof hash === 'string') {
      const text = this.byHash.get(hash);
      if (text && (typeof query !== 'string' || safeHash(query) === hash)) return text;
      return undefined;
    }
    if (typeof query !== 'string') return undefined;
    const own = safeHash(query);
    return own ? this.byHash.get(own) : undefined;
  }
}

function safeHash(query: string): string | undefined {
  try {
    return operationHash(query);
  } catch {
    return undefined; // text that does not parse is on no list
  }
}
