import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { ErrorCode } from '../errors/codes.js';

/** On every response: no MIME sniffing, no referrer leaking to other sites. */
export const COMMON_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

/**
 * On every HTML page: scripts, styles, images and connections from this server only (pages load nothing
 * from elsewhere), never framed by another site.
 */
export const PAGE_HEADERS = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The playground's editors (Monaco) run their language services in workers: files of the bundle, never blobs.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-frame-options': 'DENY',
};

export function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'content-type': type, ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body), headers);
}

/** An error response in GraphQL's shape, for requests refused before GraphQL sees them. */
export function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] }, headers);
}

/** A file served as is: a page or an asset, with its cache policy. */
export interface StaticBody {
  type: string;
  body: Buffer;
  /** `Cache-Control`: long-lived for hashed asset names, revalidated for pages. */
  cacheControl: string;
  /** Extra headers (a page's security policy; a `Vary` is extended by the encoding's). */
  headers?: Record<string, string>;
}

/** The content encodings the server writes, brotli preferred. */
export type Encoding = 'br' | 'gzip';

/** The encoding to answer `Accept-Encoding` with: brotli, else gzip, else none (`q=0` refuses one). */
export function negotiate(acceptEncoding: string | undefined): Encoding | undefined {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return (['br', 'gzip'] as const).find((name) => accepted.has(name) || accepted.has('*'));
}

/** Text compresses; images and fonts are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|graphql-response\+json)|image\/svg)/;
/** Small bodies are not worth the header overhead. */
const MIN_COMPRESSED = 1024;

/** Whether a body of this media type and size is sent compressed when the client accepts it. */
export const worthCompressing = (type: string | undefined, body: Buffer) => !!type && COMPRESSIBLE.test(type) && body.length >= MIN_COMPRESSED;

/**
 * `body` compressed. Levels: `best` for files compressed once and kept, otherwise fast ones (brotli 5,
 * gzip 6), which shrink a large GraphQL answer about tenfold in well under a millisecond.
 */
export function compress(body: Buffer, encoding: Encoding, best = false): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: best ? 6 : 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: best ? 9 : 6 });
}

interface Encoded {
  etag: string;
  br?: Buffer;
  gzip?: Buffer;
}

const encodings = new WeakMap<Buffer, Encoded>();

/** The compressed forms of a body, made once and kept as long as the body is. */
function encoded(file: StaticBody): Encoded {
  let found = encodings.get(file.body);
  if (!found) {
    found = { etag: `"${createHash('sha256').update(file.body).digest('base64url').slice(0, 27)}"` };
    if (worthCompressing(file.type, file.body)) {
      found.br = compress(file.body, 'br', true);
      found.gzip = compress(file.body, 'gzip', true);
    }
    encodings.set(file.body, found);
  }
  return found;
}

/** Sends a page or asset compressed as the client accepts (brotli, then gzip), answering 304 to a matching ETag. */
export function sendStatic(req: IncomingMessage, res: ServerResponse, file: StaticBody): void {
  const found = encoded(file);
  const vary = [file.headers?.vary, 'accept-encoding'].filter(Boolean).join(', ');
  const headers: Record<string, string> = { ...file.headers, etag: found.etag, 'cache-control': file.cacheControl, vary };
  if (req.headers['if-none-match'] === found.etag) {
    res.writeHead(304, { ...COMMON_HEADERS, ...headers });
    return void res.end();
  }
  const encoding = negotiate(req.headers['accept-encoding']);
  const body = encoding && found[encoding];
  if (body) return send(res, 200, file.type, body, { ...headers, 'content-encoding': encoding });
  send(res, 200, file.type, file.body, headers);
}
