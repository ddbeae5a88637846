import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Config } from './config.js';
import type { Context } from './context.js';
import { DataAccess } from './data/access.js';
import { isGraphLoaded } from './data/status.js';
import type { GraphStore } from './graph/store.js';
import { allResolvers } from './resolvers/index.js';
import { loadTypeDefs } from './schema.js';
import { readAsset } from './web/assets.js';
import { loadExamples } from './web/examples.js';
import { explorerPage, playgroundPage } from './web/pages.js';

/** Requests larger than this are refused before they are parsed. */
export const MAX_BODY_BYTES = 1_000_000;

/** Apollo Server over the store, with the resolvers and schema of this project. */
export function createApollo(config: Pick<Config, 'production'>): ApolloServer<Context> {
  return new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: allResolvers(),
    includeStacktraceInErrorResponses: !config.production,
    // The default landing page loads scripts from a CDN; the API serves its own pages instead.
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
}

/** The per-request context: a fresh data-access layer, so batching and counting are per operation. */
export function createContext(store: GraphStore): Context {
  return { data: new DataAccess(store) };
}

class BodyTooLargeError extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError());
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendHtml(res: ServerResponse, html: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}

/** A browser asking for /graphql (no query, HTML accepted) gets the playground instead of an error. */
function wantsPage(req: IncomingMessage, url: URL): boolean {
  return req.method === 'GET' && !url.searchParams.has('query') && (req.headers.accept ?? '').includes('text/html');
}

async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, apollo: ApolloServer<Context>, store: GraphStore) {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown;
  if (req.method === 'POST') {
    let text: string;
    try {
      text = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return sendJson(res, 413, { errors: [{ message: `Request body is larger than ${MAX_BODY_BYTES} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      }
      throw error;
    }
    const type = headers.get('content-type') ?? '';
    if (type.includes('json')) {
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        return sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      }
    } else body = text;
  }
  const request: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers, search: url.search, body };
  const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => createContext(store) });
  const outHeaders: Record<string, string> = {};
  for (const [key, value] of response.headers) outHeaders[key] = value;
  res.writeHead(response.status ?? 200, outHeaders);
  if (response.body.kind === 'complete') res.end(response.body.string);
  else {
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/** The HTTP server: GraphQL at /graphql, liveness at /health, readiness at /ready. */
export async function createHttpServer(store: GraphStore, config: Pick<Config, 'production'>): Promise<{ server: Server; apollo: ApolloServer<Context> }> {
  const apollo = createApollo(config);
  await apollo.start();
  const examples = loadExamples();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = async () => {
      if (url.pathname === '/' || (url.pathname === '/graphql' && wantsPage(req, url))) return sendHtml(res, playgroundPage);
      if (url.pathname === '/graphql') return handleGraphQL(req, res, url, apollo, store);
      if (url.pathname === '/explore') return sendHtml(res, explorerPage);
      if (url.pathname === '/playground/examples.json') return sendJson(res, 200, examples);
      if (url.pathname.startsWith('/assets/')) {
        const asset = readAsset(url.pathname.slice('/assets/'.length));
        if (!asset) return sendJson(res, 404, { error: `No asset ${url.pathname}` });
        res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'public, max-age=3600' });
        return res.end(asset.body);
      }
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/ready') {
        const loaded = await isGraphLoaded(store).catch(() => undefined);
        if (loaded === undefined) return sendJson(res, 503, { status: 'database unavailable' });
        return sendJson(res, loaded ? 200 : 503, { status: loaded ? 'ready' : 'graph not loaded', engine: store.engine });
      }
      return sendJson(res, 404, { error: `No route for ${url.pathname}` });
    };
    route().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: config.production ? 'Internal server error' : String(error) }] });
      else res.end();
    });
  });
  return { server, apollo };
}
