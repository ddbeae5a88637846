import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { PROJECT_ROOT, type Config } from './config.js';
import type { Context } from './context.js';
import { DataAccess, type RequestOptions } from './data/access.js';
import { profileLoader } from './data/profile.js';
import { sharedOf } from './data/shared.js';
import { ErrorCode } from './errors/codes.js';
import { formatError } from './errors/format.js';
import type { GraphStore } from './graph/store.js';
import { Admission } from './http/admission.js';
import { HttpCache, cachePlugins, type VersionSource } from './http/cache.js';
import { handleGraphQL } from './http/graphql.js';
import { RateLimit } from './http/rate-limit.js';
import { handleReconcile } from './http/reconcile.js';
import { Replay } from './http/replay.js';
import { sendError, sendJson } from './http/respond.js';
import { Safelist } from './http/safelist.js';
import { guardConnections, serverOptions } from './http/connections.js';
import { limitsPlugin } from './limits/plugin.js';
import { projectionPlugin } from './resolvers/projection.js';
import { checkGraph } from './seed/integrity.js';
import { allResolvers } from './resolvers/index.js';
import { loadTypeDefs } from './schema.js';
import { loadExamples } from './web/examples.js';
import { DOWNLOADS_PREFIX, Downloads } from './web/downloads.js';
import { serveWeb } from './web/routes.js';

/** The settings the HTTP layer reads. */
export type ServerConfig = Pick<
  Config,
  | 'production'
  | 'limits'
  | 'maxBodyBytes'
  | 'requestTimeoutMs'
  | 'connections'
  | 'corsOrigins'
  | 'introspection'
  | 'pages'
  | 'admission'
  | 'rateLimitPerMinute'
  | 'reconcileRateLimitPerMinute'
  | 'trustProxy'
  | 'persistedOnly'
  | 'cypherDir'
  | 'responseCache'
  | 'responseCacheBytes'
  | 'cacheMaxAgeSeconds'
>;

/**
 * Apollo Server with this project's schema, resolvers, limits, error shaping and response cache (keyed
 * by `version`, the graph's: one per store, shared by every request).
 */
export function createApollo(
  config: ServerConfig,
  store: GraphStore,
  profile = profileLoader(store),
  version: VersionSource = sharedOf(store).version,
  typeDefs = loadTypeDefs(),
): ApolloServer<Context> {
  return new ApolloServer<Context>({
    typeDefs,
    resolvers: allResolvers(),
    introspection: config.introspection,
    // "Did you mean …" would reveal the schema that introspection hides.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    includeStacktraceInErrorResponses: !config.production,
    formatError: formatError(config.production),
    parseOptions: { maxTokens: config.limits.maxTokens },
    // Shutdown is main.ts's: Apollo's own handler re-raises the signal before requests finish.
    stopOnTerminationSignals: false,
    // The default landing page loads scripts from a CDN; the API serves its own pages instead.
    // The limits run before the response cache answers: a cached answer is refused as a fresh one is.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      limitsPlugin(typeDefs, config.limits, profile),
      projectionPlugin(),
      ...cachePlugins(config, version),
    ],
  });
}

/** The per-request context: a fresh data-access layer, so batching, counting and the deadline are per operation. */
export function createContext(store: GraphStore, deadline?: number, options: RequestOptions = {}): Context {
  return { data: new DataAccess(store, { deadline, ...options }) };
}

/**
 * A browser opening /graphql (a GET preferring HTML to JSON) gets the playground, which opens the
 * operation a shared link carries (`?query=…&variables=…`); API clients ask for JSON.
 */
function wantsPage(req: IncomingMessage): boolean {
  if (req.method !== 'GET') return false;
  const accept = (req.headers.accept ?? '').toLowerCase();
  const html = accept.indexOf('text/html');
  const json = accept.search(/application\/(graphql-response\+)?json/);
  return html >= 0 && (json < 0 || html < json);
}

/** CORS for the configured origins only; answers preflight requests. Returns true when the request is done. */
function cors(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): boolean {
  const origin = req.headers.origin;
  // Allowed or not, the answer depends on the origin: caches must keep one per origin.
  if (origins.length && !origins.includes('*')) res.setHeader('vary', 'origin');
  if (origin && (origins.includes('*') || origins.includes(origin))) {
    res.setHeader('access-control-allow-origin', origins.includes('*') ? '*' : origin);
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

/** How long a readiness answer is reused: counting the graph on every probe of a balancer would be waste. */
const READINESS_TTL_MS = 10_000;

/** Readiness: the database answers and holds exactly the graph of the seed files (counted, at most every 10 s). */
function readinessProbe(store: GraphStore, cypherDir: string) {
  const { version } = sharedOf(store);
  let last: { at: number; answer: { status: number; body: Record<string, unknown> } } | undefined;
  return async () => {
    const loading = await version.state().then(
      (s) => s.loading,
      () => false,
    );
    if (loading) return { status: 503, body: { status: 'reseeding', engine: store.engine } };
    if (last && Date.now() - last.at < READINESS_TTL_MS) return last.answer;
    const problems = await checkGraph(store, cypherDir).catch(() => undefined);
    const answer = !problems
      ? { status: 503, body: { status: 'database unavailable', engine: store.engine } }
      : problems.length
        ? { status: 503, body: { status: 'graph incomplete', engine: store.engine, problems } }
        : { status: 200, body: { status: 'ready', engine: store.engine } };
    // An unavailable database is asked again at once next time: recovery shows without delay.
    last = problems ? { at: Date.now(), answer } : undefined;
    return answer;
  };
}

/** Where the operations a locked-down server accepts are written. */
const SAFELIST_DIRS = ['tests/operations', 'src/web/examples', 'web'].map((dir) => join(PROJECT_ROOT, dir));

/**
 * The HTTP server: GraphQL at /graphql, the pages (playground, /explore, /dashboard) and their assets,
 * the graph's bulk dump under /downloads/, liveness at /health, readiness at /ready. `version` is the graph's version caches are keyed by.
 * `stop` stops it gracefully: no new connections, every request sent answered, then Apollo stops (the
 * store is the caller's to close).
 */
export async function createHttpServer(
  store: GraphStore,
  config: ServerConfig,
  version: VersionSource = sharedOf(store).version,
): Promise<{ server: Server; apollo: ApolloServer<Context>; stop: () => Promise<void> }> {
  const profile = profileLoader(store);
  // Measured before the first request so none waits for it; a store that is away now is asked again later.
  await profile().catch(() => undefined);
  await version.get().catch(() => undefined);
  const typeDefs = loadTypeDefs();
  const apollo = createApollo(config, store, profile, version, typeDefs);
  await apollo.start();
  const examples = loadExamples();
  const route = {
    apollo,
    context: (deadline: number, options?: RequestOptions) => createContext(store, deadline, options),
    admission: new Admission(config.admission.active, config.admission.queued),
    rateLimit: config.rateLimitPerMinute ? new RateLimit(config.rateLimitPerMinute) : undefined,
    // Known operations are served by hash either way; PERSISTED_ONLY serves nothing else.
    safelist: new Safelist(SAFELIST_DIRS),
    persistedOnly: config.persistedOnly,
    httpCache: new HttpCache(version, config.cacheMaxAgeSeconds, typeDefs),
    replay: config.responseCache ? new Replay(version, config.responseCacheBytes) : undefined,
    maxBodyBytes: config.maxBodyBytes,
    requestTimeoutMs: config.requestTimeoutMs,
    trustProxy: config.trustProxy,
  };
  const reconcile = {
    context: route.context,
    admission: route.admission,
    rateLimit: config.reconcileRateLimitPerMinute ? new RateLimit(config.reconcileRateLimitPerMinute) : undefined,
    trustProxy: config.trustProxy,
    maxBodyBytes: config.maxBodyBytes,
    requestTimeoutMs: config.requestTimeoutMs,
  };
  const ready = readinessProbe(store, config.cypherDir);
  // The bulk dump goes with the pages, which link to it.
  const downloads = config.pages ? new Downloads(store, version) : undefined;
  const server = createServer(serverOptions(config.connections), (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const respond = async () => {
      if (cors(req, res, config.corsOrigins)) return;
      if (config.pages && url.pathname === '/graphql' && wantsPage(req) && serveWeb(req, res, url.pathname)) return;
      if (url.pathname === '/graphql') return handleGraphQL(req, res, url, route);
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/ready') {
        const { status, body } = await ready();
        return sendJson(res, status, body);
      }
      if (config.pages && url.pathname === '/playground/examples.json') return sendJson(res, 200, examples);
      if (config.pages && url.pathname.startsWith('/reconcile') && (await handleReconcile(req, res, url, reconcile))) return;
      if (downloads && (req.method === 'GET' || req.method === 'HEAD') && url.pathname.startsWith(DOWNLOADS_PREFIX))
        return downloads.serve(req, res, url.pathname);
      if (config.pages && serveWeb(req, res, url.pathname)) return;
      return sendError(res, 404, ErrorCode.NOT_FOUND, `No route for ${url.pathname}`);
    };
    respond().catch((error: unknown) => {
      if (res.headersSent) return void res.end();
      sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, config.production ? 'Internal server error' : String(error));
    });
  });
  const stopHttp = guardConnections(server, config.connections);
  const stop = async () => {
    await stopHttp();
    await apollo.stop();
    downloads?.close();
  };
  return { server, apollo, stop };
}
