import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A digest of the schema and seed files: it changes whenever the graph they build would. */
export function seedFingerprint(cypherDir: string): string {
  const hash = createHash('sha256');
  for (const sub of ['schema', 'seed']) {
    for (const file of readdirSync(join(cypherDir, sub)).filter((f) => f.endsWith('.cypher')).sort()) {
      hash.update(`${sub}/${file}\n`).update(readFileSync(join(cypherDir, sub, file)));
    }
  }
  return hash.digest('hex');
}

const markerOf = (kuzuPath: string) => `${kuzuPath}.seeded`;

/**
 * The embedded graph is derived data: when it was built from other seed files than the current ones
 * (after a pull, say), its files are removed so start-up builds it again instead of serving stale facts.
 * Returns whether it was removed.
 */
export function discardStaleEmbedded(kuzuPath: string, fingerprint: string): boolean {
  if (!existsSync(kuzuPath)) return false;
  const marker = markerOf(kuzuPath);
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === fingerprint) return false;
  const name = basename(kuzuPath);
  for (const file of readdirSync(dirname(kuzuPath)).filter((f) => f.startsWith(name))) {
    rmSync(join(dirname(kuzuPath), file), { recursive: true, force: true });
  }
  return true;
}

/** Records which seed files the embedded graph was built from. */
export function recordSeeded(kuzuPath: string, fingerprint: string): void {
  writeFileSync(markerOf(kuzuPath), `${fingerprint}\n`);
}
