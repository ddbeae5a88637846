import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { WEB_BASE, WEB_OUT } from '../../web/paths.js';
import { PAGE_HEADERS, type StaticBody } from '../http/respond.js';

/** The pages' bundle (playground, explorer, dashboard), built by Vite from web/ (`npm run build:web`), and its URL prefix. */
export const WEB_BUILD = WEB_OUT;
export const WEB_PREFIX = WEB_BASE;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Files read once and kept while unchanged on disk (the same bytes keep their compressed forms). */
const cache = new Map<string, { mtimeMs: number; body: Buffer }>();

/** A file as a static response: its bytes, type and cache policy; HTML pages get the pages' security headers. */
export function staticFile(path: string, cacheControl: string): StaticBody {
  const { mtimeMs } = statSync(path);
  let hit = cache.get(path);
  if (!hit || hit.mtimeMs !== mtimeMs) {
    hit = { mtimeMs, body: readFileSync(path) };
    cache.set(path, hit);
  }
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  return { type, body: hit.body, cacheControl, headers: type.startsWith('text/html') ? PAGE_HEADERS : undefined };
}

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_HOUR = 'public, max-age=3600';
export const CACHE_REVALIDATE = 'no-cache';

/** A file of the built bundle for a path under /web/, or undefined: paths outside the build folder never resolve. */
export function bundleFile(relative: string): string | undefined {
  const path = normalize(join(WEB_BUILD, relative));
  if (!path.startsWith(WEB_BUILD + sep) || path.split(sep).includes('.vite')) return undefined;
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}
