/**
 * The reconciliation service's routes (`/reconcile`, its suggestions and previews; see
 * src/reconcile/service.ts): query batches by GET or form-encoded POST, JSONP for GET, its own rate
 * limit, a slot of the server's admission, and the request's time limit. Bad input is a 400 naming it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from '../context.js';
import type { RequestOptions } from '../data/access.js';
import { DatabaseUnavailableError, DeadlineError } from '../graph/store.js';
import { ErrorCode } from '../errors/codes.js';
import { ReconcileInputError, answerQueries, manifest, parseQueries, previewHtml, suggestEntities, suggestFrom } from '../reconcile/service.js';
import type { Admission } from './admission.js';
import { BodyTooLargeError, readBody } from './body.js';
import { clientOf, type RateLimit } from './rate-limit.js';
import { PAGE_HEADERS, send, sendError, sendJson } from './respond.js';

export interface ReconcileRoute {
  context: (deadline: number, options?: RequestOptions) => Context;
  admission: Admission;
  rateLimit?: RateLimit;
  trustProxy: number;
  maxBodyBytes: number;
  requestTimeoutMs: number;
}

/** Any origin may call the service: it is public and read-only, and browser tools call it directly. */
const OPEN = { 'access-control-allow-origin': '*' };
const CALLBACK = /^[A-Za-z_$][\w$.]{0,63}$/;

/** The origin the service's URLs are written under, as the client reached it. */
function baseOf(req: IncomingMessage, trustProxy: number): string {
  const forwarded = (name: string) =>
    trustProxy
      ? String(req.headers[name] ?? '')
          .split(',')[0]!
          .trim()
      : '';
  const proto = forwarded('x-forwarded-proto') || 'http';
  const host = forwarded('x-forwarded-host') || req.headers.host || 'localhost';
  return `${proto}://${host}`;
}

/** A JSON answer, wrapped in the JSONP callback a GET names. */
function answer(res: ServerResponse, url: URL, body: unknown): void {
  const callback = url.searchParams.get('callback');
  if (callback === null) return sendJson(res, 200, body, OPEN);
  if (!CALLBACK.test(callback)) return sendError(res, 400, ErrorCode.BAD_REQUEST, '"callback" must be a JavaScript name', OPEN);
  send(res, 200, 'application/javascript; charset=utf-8', `/**/${callback}(${JSON.stringify(body)});`, {
    ...OPEN,
    'x-content-type-options': 'nosniff',
  });
}

/** The parameters of a request: the query string, and a form-encoded POST body's. */
async function parametersOf(req: IncomingMessage, url: URL, limit: number): Promise<URLSearchParams> {
  if (req.method !== 'POST') return url.searchParams;
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw new ReconcileInputError('a POST must be application/x-www-form-urlencoded (queries=…)');
  return new URLSearchParams(await readBody(req, limit));
}

/** Runs `work` in a slot of the server's admission, within the request's time limit. */
async function admitted<T>(route: ReconcileRoute, work: (data: Context['data']) => Promise<T>): Promise<T | 'overloaded'> {
  const deadline = Date.now() + route.requestTimeoutMs;
  const timeout = AbortSignal.timeout(route.requestTimeoutMs);
  const entering = route.admission.enter(timeout);
  if (!entering) return 'overloaded';
  const release = await entering;
  try {
    // A batch's strings make new combinations of statements at every turn (see `RequestOptions`).
    return await work(route.context(deadline, { together: false }).data);
  } finally {
    release();
  }
}

/** Handles a request under `/reconcile`; false when the path is none of the service's. */
export async function handleReconcile(req: IncomingMessage, res: ServerResponse, url: URL, route: ReconcileRoute): Promise<boolean> {
  const path = url.pathname.replace(/\/+$/, '');
  if (!['/reconcile', '/reconcile/preview', '/reconcile/suggest/entity', '/reconcile/suggest/type', '/reconcile/suggest/property'].includes(path))
    return false;
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      ...OPEN,
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '600',
    });
    return (void res.end(), true);
  }
  if (req.method !== 'GET' && req.method !== 'POST')
    return (sendError(res, 405, ErrorCode.BAD_REQUEST, 'The reconciliation service takes GET and POST', { ...OPEN, allow: 'GET, POST' }), true);
  const wait = route.rateLimit?.take(clientOf(req, route.trustProxy));
  if (wait)
    return (
      sendError(res, 429, ErrorCode.RATE_LIMITED, `Too many reconciliation requests from this client; retry in ${wait} s`, {
        ...OPEN,
        'retry-after': String(wait),
      }),
      true
    );
  try {
    const params = await parametersOf(req, url, route.maxBodyBytes);
    const base = baseOf(req, route.trustProxy);
    const done = await admitted(route, async (data) => {
      if (path === '/reconcile/suggest/type' || path === '/reconcile/suggest/property')
        return suggestFrom(path.endsWith('type') ? 'type' : 'property', params.get('prefix') ?? '');
      if (path === '/reconcile/suggest/entity') return suggestEntities(data, params.get('prefix') ?? '', params.get('type') ?? undefined);
      if (path === '/reconcile/preview') {
        const id = params.get('id') ?? '';
        const entity = id.length <= 300 ? await data.entities.byId.load(id).catch(() => null) : null;
        if (!entity) throw new ReconcileInputError(`no entity with id ${JSON.stringify(id.slice(0, 100))}`);
        return { html: previewHtml(entity, base) };
      }
      const queries = params.get('queries');
      return queries === null ? manifest(base) : answerQueries(data, parseQueries(queries));
    });
    if (done === 'overloaded')
      return (sendError(res, 503, ErrorCode.OVERLOADED, 'The server is at capacity; retry shortly', { ...OPEN, 'retry-after': '1' }), true);
    if (isHtml(done)) send(res, 200, 'text/html; charset=utf-8', done.html, { ...PAGE_HEADERS, ...OPEN });
    else answer(res, url, done);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return (sendError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, `Request body is larger than ${route.maxBodyBytes} bytes`, OPEN), true);
    if (error instanceof DeadlineError || (error as Error).name === 'TimeoutError') {
      return (
        sendError(res, 503, ErrorCode.REQUEST_TIMEOUT, `The request took longer than ${route.requestTimeoutMs} ms`, { ...OPEN, 'retry-after': '1' }),
        true
      );
    }
    if (error instanceof DatabaseUnavailableError)
      return (
        sendError(res, 503, ErrorCode.DATABASE_UNAVAILABLE, 'The database is unavailable; retry shortly', { ...OPEN, 'retry-after': '1' }),
        true
      );
    if (!(error instanceof ReconcileInputError)) throw error;
    sendError(res, 400, ErrorCode.BAD_USER_INPUT, error.message, OPEN);
  }
  return true;
}

const isHtml = (value: unknown): value is { html: string } => typeof value === 'object' && value !== null && 'html' in value;
