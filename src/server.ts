import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Config } from './config.js';
import type { Context } from './context.js';
import { DataAccess } from './data/access.js';
import { isGraphLoaded } from './data/status.js';
import { formatError } from './errors.js';
import type { GraphStore } from './graph/store.js';
import { limitsPlugin } from './limits.js';
import { allResolvers } from './resolvers/index.js';
import { loadTypeDefs } from './schema.js';
import { loadExamples } from './web/examples.js';
import { playgroundPage } from './web/pages.js';
import { serveWeb } from './web/routes.js';

/** The settings the HTTP layer reads. */
export type ServerConfig = Pick<Config, 'production' | 'limits' | 'maxBodyBytes' | 'requestTimeoutMs' | 'corsOrigins' | 'introspection' | 'pages'>;

/** Apollo Server with this project's schema, resolvers, limits and error shaping. */
export function createApollo(config: ServerConfig): ApolloServer<Context> {
  return new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: allResolvers(),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !config.production,
    formatError: formatError(config.production),
    // The default landing page loads scripts from a CDN; the API serves its own pages instead.
    plugins: [ApolloServerPluginLandingPageDisabled(), limitsPlugin(config.limits)],
  });
}

/** The per-request context: a fresh data-access layer, so batching and counting are per operation. */
export function createContext(store: GraphStore): Context {
  return { data: new DataAccess(store) };
}

class BodyTooLargeError extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > limit) return reject(new BodyTooLargeError());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) reject(new BodyTooLargeError());
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

/** An error response in GraphQL's shape, for requests refused before GraphQL sees them. */
function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

/** A browser asking for /graphql (no query, HTML accepted) gets the playground instead of an error. */
function wantsPage(req: IncomingMessage, url: URL): boolean {
  return req.method === 'GET' && !url.searchParams.has('query') && (req.headers.accept ?? '').includes('text/html');
}

/** CORS for the configured origins only; answers preflight requests. Returns true when the request is done. */
function cors(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin && (origins.includes('*') || origins.includes(origin))) {
    res.setHeader('access-control-allow-origin', origins.includes('*') ? '*' : origin);
    res.setHeader('vary', 'origin');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type',
        'access-control-max-age': '600',
      });
      res.end();
      return true;
    }
  }
  return false;
}

async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, apollo: ApolloServer<Context>, store: GraphStore, config: ServerConfig) {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown;
  if (req.method === 'POST') {
    let text: string;
    try {
      text = await readBody(req, config.maxBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      res.setHeader('connection', 'close');
      return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `Request body is larger than ${config.maxBodyBytes} bytes`);
    }
    const type = headers.get('content-type') ?? '';
    if (!/^application\/(graphql-response\+)?json\b/.test(type)) {
      return sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'POST bodies must be application/json');
    }
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return sendError(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON');
    }
  }
  const request: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers, search: url.search, body };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), config.requestTimeoutMs); });
  const response = await Promise.race([
    apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => createContext(store) }),
    timeout,
  ]).finally(() => clearTimeout(timer));
  if (response === 'timeout') return sendError(res, 503, 'REQUEST_TIMEOUT', `The request took longer than ${config.requestTimeoutMs} ms`);
  const outHeaders: Record<string, string> = {};
  for (const [key, value] of response.headers) outHeaders[key] = value;
  res.writeHead(response.status ?? 200, outHeaders);
  if (response.body.kind === 'complete') res.end(response.body.string);
  else {
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/** Readiness: the database answers and holds the graph. */
async function readiness(store: GraphStore): Promise<{ status: number; body: Record<string, string> }> {
  const loaded = await isGraphLoaded(store).catch(() => undefined);
  if (loaded === undefined) return { status: 503, body: { status: 'database unavailable', engine: store.engine } };
  return { status: loaded ? 200 : 503, body: { status: loaded ? 'ready' : 'graph not loaded', engine: store.engine } };
}

/**
 * Stops gracefully: no new connections, in-flight requests finish (idle keep-alive connections are
 * closed at once), then Apollo and the store close.
 */
export async function stopGracefully(server: Server, apollo: ApolloServer<Context>, store: GraphStore): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
  await apollo.stop();
  await store.close();
}

/** The HTTP server: GraphQL at /graphql, the pages (playground, /explore, /dashboard) and their assets, liveness at /health, readiness at /ready. */
export async function createHttpServer(store: GraphStore, config: ServerConfig): Promise<{ server: Server; apollo: ApolloServer<Context> }> {
  const apollo = createApollo(config);
  await apollo.start();
  const examples = loadExamples();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = async () => {
      if (cors(req, res, config.corsOrigins)) return;
      const page = config.pages && (url.pathname === '/' || (url.pathname === '/graphql' && wantsPage(req, url)));
      if (page) return send(res, 200, 'text/html; charset=utf-8', playgroundPage);
      if (url.pathname === '/graphql') return handleGraphQL(req, res, url, apollo, store, config);
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/ready') {
        const { status, body } = await readiness(store);
        return sendJson(res, status, body);
      }
      if (config.pages && url.pathname === '/playground/examples.json') return sendJson(res, 200, examples);
      if (config.pages && (await serveWeb(req, res, url.pathname))) return;
      return sendJson(res, 404, { error: `No route for ${url.pathname}` });
    };
    route().catch((error: unknown) => {
      if (res.headersSent) return void res.end();
      sendError(res, 500, 'INTERNAL_SERVER_ERROR', config.production ? 'Internal server error' : String(error));
    });
  });
  return { server, apollo };
}
