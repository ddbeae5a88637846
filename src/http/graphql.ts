import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from '../context.js';
import { ErrorCode } from '../errors/codes.js';
import { COMMON_HEADERS, compress, negotiate, sendError, worthCompressing, type Encoding } from './respond.js';
import type { Admission } from './admission.js';
import { HttpCache, persistedHash } from './cache.js';
import { clientOf, type RateLimit } from './rate-limit.js';
import type { Replay, Sent } from './replay.js';
import type { Safelist } from './safelist.js';
import { requestVariables, variablesProblem } from './variables.js';
import { BodyTooLargeError, readBody } from './body.js';

/** What the GraphQL route needs besides the request. */
export interface GraphQLRoute {
  apollo: ApolloServer<Context>;
  /** The per-request context, whose queries are cut short at `deadline` (epoch milliseconds). */
  context: (deadline: number) => Context;
  admission: Admission;
  rateLimit?: RateLimit;
  /** The operations known by hash: the only ones served when `persistedOnly` is set (`PERSISTED_ONLY`). */
  safelist?: Safelist;
  persistedOnly?: boolean;
  /** ETags and caching headers of GET requests of persisted operations. */
  httpCache?: HttpCache;
  /** Answers to POST bodies sent before, written back without running the operation again. */
  replay?: Replay;
  maxBodyBytes: number;
  requestTimeoutMs: number;
  /** How many proxies in front of this server append to `X-Forwarded-For` (0: the socket's peer is the client). */
  trustProxy: number;
}

/** `application/json` or `application/graphql-response+json`, in any case, with any parameters. */
const JSON_BODY = /^\s*application\/(graphql-response\+)?json\s*(;|$)/i;

type Refusal = { status: number; code: ErrorCode; message: string };

/**
 * Applies the safelist to the request's operation. Strict (`PERSISTED_ONLY`): its text is replaced by
 * the listed text, or it is refused. Otherwise a known hash sent without text gets its text, so
 * persisted GETs work without registering first; anything else is Apollo's to handle.
 */
function safelisted(safelist: Safelist, request: HTTPGraphQLRequest, strict: boolean): Refusal | undefined {
  const refusal = { status: 400, code: ErrorCode.OPERATION_NOT_ALLOWED, message: 'This server only runs its safelisted operations (PERSISTED_ONLY)' };
  if (request.method === 'GET') {
    const params = new URLSearchParams(request.search);
    const hash = persistedHash(params.get('extensions'));
    if (!strict && (params.has('query') || typeof hash !== 'string')) return undefined;
    const text = safelist.resolve(params.get('query') ?? undefined, hash);
    if (!text) return strict ? refusal : undefined;
    params.set('query', text);
    params.delete('extensions');
    request.search = `?${params}`;
    return undefined;
  }
  const body = request.body as Record<string, unknown> | undefined;
  if (typeof body !== 'object' || body === null) return undefined; // Apollo reports the malformed body
  const hash = persistedHash(body.extensions);
  if (!strict && (body.query !== undefined || typeof hash !== 'string')) return undefined;
  const text = safelist.resolve(body.query, hash);
  if (!text) return strict ? refusal : undefined;
  const { extensions: _persisted, ...rest } = body;
  request.body = { ...rest, query: text };
  return undefined;
}

/** An answer's headers, their `Vary` added to one already set (CORS varies by origin). */
function withVary(res: ServerResponse, headers: Record<string, string>): Record<string, string> {
  const set = res.getHeader('vary');
  return set && headers.vary ? { ...headers, vary: `${String(set)}, ${headers.vary}` } : headers;
}

/** Writes an answer. */
function write(res: ServerResponse, sent: Sent): void {
  res.writeHead(sent.status, withVary(res, sent.headers));
  res.end(sent.body);
}

/** Headers of an answer that may be sent compressed: it varies by `Accept-Encoding`, whether it is or not. */
const byEncoding = (headers: Record<string, string>) => ({ ...headers, vary: [headers.vary, 'accept-encoding'].filter(Boolean).join(', ') });

/** An answer compressed as negotiated when it is large enough. */
function encode(sent: Sent, encoding: Encoding | undefined): Sent {
  const headers = byEncoding(sent.headers);
  if (!encoding || !worthCompressing(sent.headers['content-type'], sent.body)) return { ...sent, headers };
  return { ...sent, headers: { ...headers, 'content-encoding': encoding }, body: compress(sent.body, encoding) };
}

/**
 * Errors of requests that are not GraphQL requests at all, or name an operation their document lacks
 * (nothing can be run): these stay 400 whatever the media type.
 */
const NOT_GRAPHQL: ReadonlySet<string> = new Set([
  ErrorCode.BAD_REQUEST,
  ErrorCode.OPERATION_RESOLUTION_FAILURE,
  ErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
]);

/**
 * Under `application/json` a well-formed GraphQL request gets 200 even when its response holds only
 * errors (parse, validation, limits: the GraphQL-over-HTTP spec's SHOULD); `application/graphql-response+json`
 * keeps the 4xx.
 */
function statusOf(response: HTTPGraphQLResponse): number {
  const status = response.status ?? 200;
  if (status !== 400 || !response.headers.get('content-type')?.startsWith('application/json') || response.body.kind !== 'complete') return status;
  const { errors } = JSON.parse(response.body.string) as { errors?: Array<{ extensions?: { code?: string } }> };
  return errors?.some((e) => NOT_GRAPHQL.has(String(e.extensions?.code))) ? status : 200;
}

/** A request's headers as Apollo takes them. */
function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** What reading a POST body gave: the parsed body and its replay key, or nothing when it was answered already. */
type ReadBody = { body: unknown; replayKey: string | undefined } | undefined;

/**
 * Reads a POST body within its size limit and media type, writes back a kept answer to the same body
 * (see `Replay`), and parses it; answers the client itself when any of that ends the request.
 */
async function readPost(
  req: IncomingMessage,
  res: ServerResponse,
  route: GraphQLRoute,
  headers: HeaderMap,
  encoding: Encoding | undefined,
): Promise<ReadBody> {
  let text: string;
  try {
    text = await readBody(req, route.maxBodyBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    res.setHeader('connection', 'close');
    return void sendError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, `Request body is larger than ${route.maxBodyBytes} bytes`);
  }
  if (!JSON_BODY.test(headers.get('content-type') ?? '')) {
    return void sendError(res, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'POST bodies must be application/json');
  }
  // Needs no slot: writing back a kept answer costs less than waiting for one.
  const replayKey = await route.replay?.key(headers.get('accept') ?? '', encoding ?? '', text);
  const kept = replayKey && (await route.replay!.find(replayKey));
  if (kept) return void write(res, kept);
  try {
    return { body: text ? JSON.parse(text) : undefined, replayKey };
  } catch {
    return void sendError(res, 400, ErrorCode.BAD_REQUEST, 'Request body is not valid JSON');
  }
}

/** What the request's cache headers and the safelist decide before anything runs; true when answered. */
function answeredBeforeRunning(res: ServerResponse, route: GraphQLRoute, request: HTTPGraphQLRequest, tag: string | undefined): boolean {
  const refused = route.safelist && safelisted(route.safelist, request, route.persistedOnly ?? false);
  if (refused) {
    sendError(res, refused.status, refused.code, refused.message);
    return true;
  }
  // The client holds this answer for this graph version already: nothing to execute.
  if (tag && HttpCache.preflighted(request.headers) && HttpCache.matches(request.headers.get('if-none-match'), tag)) {
    res.writeHead(304, { ...COMMON_HEADERS, ...withVary(res, byEncoding(route.httpCache!.notModified(tag))) });
    res.end();
    return true;
  }
  return false;
}

/** Writes Apollo's answer: headers with the cache's, status as the media type asks, compressed and kept for replay when complete. */
async function sendResponse(
  res: ServerResponse,
  route: GraphQLRoute,
  response: HTTPGraphQLResponse,
  answer: { tag?: string; encoding?: Encoding; replayKey?: string },
): Promise<void> {
  const out: Record<string, string> = { ...COMMON_HEADERS };
  for (const [key, value] of response.headers) out[key] = value;
  Object.assign(out, HttpCache.headers(response, answer.tag));
  const status = statusOf(response);
  if (response.body.kind === 'complete') {
    const sent = encode({ status, headers: out, body: Buffer.from(response.body.string) }, answer.encoding);
    if (answer.replayKey) route.replay!.keep(answer.replayKey, response, sent);
    return write(res, sent);
  }
  res.writeHead(status, withVary(res, out));
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * Runs a request through admission and Apollo within its deadline. When the time is up the client
 * gets 503 at once and the request's remaining database work is interrupted at the same deadline; its
 * slot is held until that work has actually stopped, so capacity is never overcommitted.
 */
async function run(
  res: ServerResponse,
  route: GraphQLRoute,
  request: HTTPGraphQLRequest,
  deadline: number,
): Promise<HTTPGraphQLResponse | undefined> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), Math.max(0, deadline - Date.now()));
  const timedOut = () =>
    void sendError(res, 503, ErrorCode.REQUEST_TIMEOUT, `The request took longer than ${route.requestTimeoutMs} ms`, { 'retry-after': '1' });
  try {
    const entering = route.admission.enter(timeout.signal);
    if (!entering) return void sendError(res, 503, ErrorCode.OVERLOADED, 'The server is at capacity; retry shortly', { 'retry-after': '1' });
    let release: () => void;
    try {
      release = await entering;
    } catch {
      return timedOut();
    }
    const execution = route.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: request,
      context: () => Promise.resolve(route.context(deadline)),
    });
    void execution.finally(release).catch(() => undefined);
    const aborted = new Promise<'timeout'>((resolve) => timeout.signal.addEventListener('abort', () => resolve('timeout'), { once: true }));
    const response = await Promise.race([execution, aborted]);
    return response === 'timeout' ? timedOut() : response;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One GraphQL request over HTTP, in steps: rate limit, the POST body (limits, media type, a kept
 * answer, JSON), the variables' shape, the safelist and conditional requests, then Apollo within the
 * request's time limit (`run`), and the answer compressed as negotiated (`sendResponse`).
 */
export async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, route: GraphQLRoute): Promise<void> {
  const deadline = Date.now() + route.requestTimeoutMs;
  const wait = route.rateLimit?.take(clientOf(req, route.trustProxy));
  if (wait)
    return sendError(res, 429, ErrorCode.RATE_LIMITED, `Too many requests from this client; retry in ${wait} s`, { 'retry-after': String(wait) });
  const headers = headerMapOf(req);
  const encoding = negotiate(headers.get('accept-encoding'));
  const posted = req.method === 'POST' ? await readPost(req, res, route, headers, encoding) : { body: undefined, replayKey: undefined };
  if (!posted) return;
  const request: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers, search: url.search, body: posted.body };
  const malformed = variablesProblem(requestVariables(request.method, posted.body, url.search));
  if (malformed) return sendError(res, 400, ErrorCode.BAD_USER_INPUT, `Variables refused: ${malformed}`);
  // Tagged before the safelist rewrites the request: the tag names what the client asked for.
  const tag = await route.httpCache?.tag(request, encoding);
  if (answeredBeforeRunning(res, route, request, tag)) return;
  const response = await run(res, route, request, deadline);
  if (response) await sendResponse(res, route, response, { tag, encoding, replayKey: posted.replayKey });
}
