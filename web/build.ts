/**
 * Builds the pages' bundle (web/ → dist/web/) with Vite. `--if-stale` builds only when a source is
 * newer than the last build, so `npm start` on a fresh clone builds once and later starts cost a
 * directory walk.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WEB_OUT } from './paths.js';

const ROOT = resolve(import.meta.dirname, '..');
/** What the bundle is made of: the frontend, the typed documents it imports, and the locked packages. */
const INPUTS = [import.meta.dirname, join(ROOT, 'src', 'generated', 'client'), join(ROOT, 'package-lock.json')];
/** Written last by a build, so its time is the build's. */
export const MANIFEST = join(WEB_OUT, '.vite', 'manifest.json');

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => (name === 'node_modules' ? latest : Math.max(latest, newest(join(path, name)))), stat.mtimeMs);
}

/** True when there is no build, or a source changed after it. */
export function webBuildStale(): boolean {
  if (!existsSync(MANIFEST)) return true;
  const built = statSync(MANIFEST).mtimeMs;
  return INPUTS.some((input) => existsSync(input) && newest(input) > built);
}

/** Builds the bundle, or only when stale. */
export async function buildWeb({ ifStale = false } = {}): Promise<boolean> {
  if (ifStale && !webBuildStale()) return false;
  // Vite is loaded only to build: the check alone stays a directory walk.
  const { build } = await import('vite');
  await build({ configFile: join(import.meta.dirname, 'vite.config.ts') });
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const ifStale = process.argv.includes('--if-stale');
  const started = Date.now();
  if (await buildWeb({ ifStale })) console.log(`Built the pages into ${WEB_OUT} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
