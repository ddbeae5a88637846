import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { WEB_BASE, WEB_OUT } from '../../web/paths.js';

const require = createRequire(import.meta.url);
/** A file inside an installed package (found from its main entry: not every package exports package.json). */
const packageFile = (pkg: string, file: string) => {
  const main = require.resolve(pkg);
  return join(main.slice(0, main.lastIndexOf(`/node_modules/${pkg}/`) + `/node_modules/${pkg}/`.length), file);
};

/** The playground's files under /assets/: only these names are served, so no path from a request reaches the disk. */
const PLAYGROUND_ASSETS: Record<string, string> = {
  'react.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': packageFile('graphiql', 'graphiql.min.js'),
  'graphiql.css': packageFile('graphiql', 'graphiql.min.css'),
  'playground.js': join(import.meta.dirname, 'static', 'playground.js'),
};

/** The explorer's and dashboard's bundle, built by Vite from web/ (`npm run build:web`), and its URL prefix. */
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
};
/** Text compresses; images and fonts already are. */
const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.json', '.svg']);

/** A file ready to send: its bytes, and each encoding made once on first request and kept in memory. */
interface Cached {
  mtimeMs: number;
  body: Buffer;
  type: string;
  etag: string;
  encoded: Map<'br' | 'gzip', Promise<Buffer>>;
}
const cache = new Map<string, Cached>();

const compressors = {
  // Quality 9 is within a few per cent of 11 at a fraction of the time (graphiql.js: 955 KiB → ~230 KiB).
  br: (body: Buffer) => promisify(brotliCompress)(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
  gzip: (body: Buffer) => promisify(gzip)(body, { level: 9 }),
};

function load(path: string): Cached {
  const { mtimeMs } = statSync(path);
  const hit = cache.get(path);
  if (hit && hit.mtimeMs === mtimeMs) return hit;
  const body = readFileSync(path);
  const entry: Cached = { mtimeMs, body, type: TYPES[extname(path)] ?? 'application/octet-stream', etag: `"${body.length.toString(36)}-${Math.round(mtimeMs).toString(36)}"`, encoded: new Map() };
  cache.set(path, entry);
  return entry;
}

/** What to send for a file: status, headers, body. */
export interface FileResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * A file's response, compressed with the best encoding the client accepts (brotli, then gzip).
 * `cache` says how long browsers may keep it: hashed bundle names never change, so a year; pages are
 * revalidated every time so a new build shows at once.
 */
export async function fileResponse(path: string, request: { acceptEncoding?: string; ifNoneMatch?: string }, cacheControl: string): Promise<FileResponse> {
  const file = load(path);
  const headers: Record<string, string> = { 'content-type': file.type, 'cache-control': cacheControl, etag: file.etag, vary: 'accept-encoding' };
  if (request.ifNoneMatch === file.etag) return { status: 304, headers, body: Buffer.alloc(0) };
  const accepted = request.acceptEncoding ?? '';
  const encoding = !COMPRESSIBLE.has(extname(path)) || file.body.length < 1024 ? undefined : /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
  if (!encoding) return { status: 200, headers, body: file.body };
  if (!file.encoded.has(encoding)) file.encoded.set(encoding, compressors[encoding](file.body));
  return { status: 200, headers: { ...headers, 'content-encoding': encoding }, body: await file.encoded.get(encoding)! };
}

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_HOUR = 'public, max-age=3600';
export const CACHE_REVALIDATE = 'no-cache';

/** A playground asset's file, or undefined for a name that is not one. */
export function playgroundAsset(name: string): string | undefined {
  return Object.hasOwn(PLAYGROUND_ASSETS, name) ? PLAYGROUND_ASSETS[name] : undefined;
}

/** A file of the built bundle for a path under /web/, or undefined: paths outside the build folder never resolve. */
export function bundleFile(relative: string): string | undefined {
  const path = normalize(join(WEB_BUILD, relative));
  if (!path.startsWith(WEB_BUILD + sep) || path.split(sep).includes('.vite')) return undefined;
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}
