import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { bundleFile, CACHE_HOUR, CACHE_IMMUTABLE, CACHE_REVALIDATE, fileResponse, playgroundAsset, WEB_BUILD, WEB_PREFIX } from './assets.js';

/** The pages built from web/: each route serves its entry HTML, which loads the hashed bundle under /web/. */
const PAGES: Record<string, string> = {
  '/explore': join('explorer', 'index.html'),
  '/dashboard': join('dashboard', 'index.html'),
};

async function sendFile(req: IncomingMessage, res: ServerResponse, path: string, cacheControl: string): Promise<void> {
  const header = (name: string) => { const v = req.headers[name]; return Array.isArray(v) ? v.join(', ') : v; };
  const { status, headers, body } = await fileResponse(path, { acceptEncoding: header('accept-encoding'), ifNoneMatch: header('if-none-match') }, cacheControl);
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Serves the pages and their assets: the explorer and dashboard, the bundle (hashed names cached a
 * year), the playground's package files, and the favicon. Answers false for any other path.
 */
export async function serveWeb(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const page = Object.hasOwn(PAGES, pathname) ? bundleFile(PAGES[pathname]!) : undefined;
  if (Object.hasOwn(PAGES, pathname) && !page) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`The pages are not built yet: run \`npm run build:web\` (npm start does it) to write ${WEB_BUILD}.\n`);
    return true;
  }
  if (page) return sendFile(req, res, page, CACHE_REVALIDATE).then(() => true);
  if (pathname === '/favicon.ico' || pathname === '/favicon.svg') {
    const icon = bundleFile('favicon.svg');
    return icon ? sendFile(req, res, icon, CACHE_HOUR).then(() => true) : false;
  }
  if (pathname.startsWith(WEB_PREFIX)) {
    const file = bundleFile(decodeURIComponent(pathname.slice(WEB_PREFIX.length)));
    // Vite puts content hashes in every name under assets/; anything else may change under the same name.
    return file ? sendFile(req, res, file, pathname.startsWith(`${WEB_PREFIX}assets/`) ? CACHE_IMMUTABLE : CACHE_HOUR).then(() => true) : false;
  }
  const asset = pathname.startsWith('/assets/') ? playgroundAsset(pathname.slice('/assets/'.length)) : undefined;
  return asset ? sendFile(req, res, asset, CACHE_HOUR).then(() => true) : false;
}
