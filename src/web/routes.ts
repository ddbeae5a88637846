import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { send, sendStatic } from '../http/respond.js';
import { bundleFile, CACHE_HOUR, CACHE_IMMUTABLE, CACHE_REVALIDATE, staticFile, WEB_BUILD, WEB_PREFIX } from './assets.js';

/** The pages built from web/: each route serves its entry HTML, which loads the hashed bundle under /web/. */
const PAGES: Record<string, string> = {
  '/': join('playground', 'index.html'),
  '/graphql': join('playground', 'index.html'),
  '/explore': join('explorer', 'index.html'),
  '/dashboard': join('dashboard', 'index.html'),
};

/** The file a path names and how long it may be cached; `unbuilt` for a page whose bundle is missing. */
function webFile(pathname: string): { path: string; cacheControl: string } | 'unbuilt' | undefined {
  if (Object.hasOwn(PAGES, pathname)) {
    const page = bundleFile(PAGES[pathname]!);
    return page ? { path: page, cacheControl: CACHE_REVALIDATE } : 'unbuilt';
  }
  if (pathname === '/favicon.ico' || pathname === '/favicon.svg') {
    const icon = bundleFile('favicon.svg');
    return icon ? { path: icon, cacheControl: CACHE_HOUR } : undefined;
  }
  if (pathname.startsWith(WEB_PREFIX)) {
    const file = bundleFile(decodeURIComponent(pathname.slice(WEB_PREFIX.length)));
    // Vite puts content hashes in every name under assets/; anything else may change under the same name.
    return file ? { path: file, cacheControl: pathname.startsWith(`${WEB_PREFIX}assets/`) ? CACHE_IMMUTABLE : CACHE_HOUR } : undefined;
  }
  return undefined;
}

/**
 * Serves the pages and their assets: the playground (at / and /graphql: the caller decides when /graphql
 * is a page), the explorer and dashboard, the bundle (hashed names cached a year) and the favicon.
 * Answers false for any other path.
 */
export function serveWeb(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const file = webFile(pathname);
  if (!file) return false;
  if (file === 'unbuilt')
    send(
      res,
      503,
      'text/plain; charset=utf-8',
      `The pages are not built yet: run \`npm run build:web\` (npm start does it) to write ${WEB_BUILD}.\n`,
    );
  else {
    const body = staticFile(file.path, file.cacheControl);
    // /graphql is the playground or the API as the Accept header asks: caches must keep one of each.
    sendStatic(req, res, pathname === '/graphql' ? { ...body, headers: { ...body.headers, vary: 'accept' } } : body);
  }
  return true;
}
