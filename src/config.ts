import { resolve } from 'node:path';
import type { Neo4jOptions } from './graph/neo4j.js';
import type { ConnectionLimits } from './http/connections.js';
import type { QueryLimits } from './limits/plugin.js';

/** Every setting the server reads from the environment, parsed and checked in one place. */
export interface Config {
  port: number;
  host: string;
  /** `development` shows error details; anything else hides them. */
  production: boolean;
  /** The embedded database folder (used when `neo4j` is absent). */
  kuzuPath: string;
  /** Set when `NEO4J_URI` is: the server then runs against Neo4j. */
  neo4j?: Neo4jOptions;
  /** Per-query (Kuzu) and per-transaction (Neo4j) time limit. */
  queryTimeoutMs: number;
  /** Folder of the Cypher schema and seed files. */
  cypherDir: string;
  /** The largest, deepest and costliest operation served. */
  limits: QueryLimits;
  /** Operations run at once, and how many more may wait for a slot (then 503 at once). */
  admission: { active: number; queued: number };
  /** Requests a minute one client may send (0: no limit). */
  rateLimitPerMinute: number;
  /** Requests a minute one client may send to the reconciliation service (0: no limit). */
  reconcileRateLimitPerMinute: number;
  /** Proxies in front of the server that append to `X-Forwarded-For`: the client is the entry that many from the right. */
  trustProxy: number;
  /** Serve only the safelisted operations (`tests/operations/`, the pages' own). */
  persistedOnly: boolean;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Time limit for one HTTP request. */
  requestTimeoutMs: number;
  /** Time limits of slow and silent clients, the connection cap and the graceful stop's limit. */
  connections: ConnectionLimits;
  /** Origins allowed to call the API from browsers (`*` for any); none by default. */
  corsOrigins: string[];
  /** Whether the schema can be introspected. */
  introspection: boolean;
  /** Whether the playground and explorer pages are served. */
  pages: boolean;
  /** Whether whole responses are cached in memory, keyed by the graph's version (`RESPONSE_CACHE`). */
  responseCache: boolean;
  /** The most memory the response cache holds, in bytes (least recently used answers go first). */
  responseCacheBytes: number;
  /** How long an answer may be reused (the response cache's and HTTP caches' max-age), in seconds; 0: never. */
  cacheMaxAgeSeconds: number;
}

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

/** A setting that cannot be used as given; the message names the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** `TRUST_PROXY`: a number of proxy hops; `true` is one (a single proxy in front), `false` none. */
function proxyHops(env: NodeJS.ProcessEnv): number {
  const raw = env.TRUST_PROXY?.trim().toLowerCase();
  if (raw === 'true') return 1;
  if (raw === 'false') return 0;
  return integer(env, 'TRUST_PROXY', 0, 0, 10);
}

/** Reads the configuration from an environment (the process's by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(PROJECT_ROOT, env.DATA_DIR ?? 'data');
  const queryTimeoutMs = integer(env, 'QUERY_TIMEOUT_MS', 10_000, 0, 600_000);
  const uri = env.NEO4J_URI?.trim();
  if (uri && !/^(neo4j|bolt)(\+s|\+ssc)?:\/\//.test(uri)) {
    throw new ConfigError(`NEO4J_URI must start with neo4j://, neo4j+s://, bolt:// or bolt+s://, got "${uri}"`);
  }
  const production = (env.NODE_ENV ?? 'development') !== 'development' && env.NODE_ENV !== 'test';
  const introspection = flag(env, 'INTROSPECTION', !production);
  const requestTimeoutMs = integer(env, 'REQUEST_TIMEOUT_MS', 15_000, 100, 600_000);
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || 'localhost',
    production,
    kuzuPath: resolve(dataDir, 'graph.kuzu'),
    neo4j: uri
      ? {
          uri,
          username: env.NEO4J_USERNAME ?? 'neo4j',
          password: env.NEO4J_PASSWORD ?? '',
          database: env.NEO4J_DATABASE || undefined,
          transactionTimeoutMs: queryTimeoutMs,
        }
      : undefined,
    queryTimeoutMs,
    cypherDir: resolve(PROJECT_ROOT, env.CYPHER_DIR ?? 'cypher'),
    limits: {
      maxDepth: integer(env, 'MAX_QUERY_DEPTH', 12, 1, 100),
      maxCost: integer(env, 'MAX_QUERY_COST', 50_000, 10, 10_000_000),
      maxTokens: integer(env, 'MAX_QUERY_TOKENS', 5_000, 100, 1_000_000),
      maxAliases: integer(env, 'MAX_ALIASES', 50, 0, 10_000),
      maxDirectives: integer(env, 'MAX_DIRECTIVES', 50, 0, 10_000),
      maxFragmentSpreads: integer(env, 'MAX_FRAGMENT_SPREADS', 100, 0, 10_000),
    },
    admission: { active: integer(env, 'MAX_CONCURRENT', 8, 1, 1_000), queued: integer(env, 'MAX_QUEUE', 64, 0, 100_000) },
    rateLimitPerMinute: integer(env, 'RATE_LIMIT', 0, 0, 1_000_000),
    // A batch holds up to 50 queries: the service's own limit counts batches.
    reconcileRateLimitPerMinute: integer(env, 'RECONCILE_RATE_LIMIT', 120, 0, 1_000_000),
    trustProxy: proxyHops(env),
    persistedOnly: flag(env, 'PERSISTED_ONLY', false),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 100_000, 1_000, 100_000_000),
    requestTimeoutMs,
    connections: {
      headersTimeoutMs: integer(env, 'HEADERS_TIMEOUT_MS', 10_000, 100, 600_000),
      bodyTimeoutMs: integer(env, 'BODY_TIMEOUT_MS', 30_000, 100, 600_000),
      idleTimeoutMs: integer(env, 'IDLE_TIMEOUT_MS', 5_000, 100, 600_000),
      // Longer than a request may run: an operation working is not a stalled connection.
      stallTimeoutMs: integer(env, 'STALL_TIMEOUT_MS', requestTimeoutMs + 15_000, requestTimeoutMs + 1_000, 3_600_000),
      maxConnections: integer(env, 'MAX_CONNECTIONS', 1_000, 1, 100_000),
      stopTimeoutMs: integer(env, 'STOP_TIMEOUT_MS', 10_000, 0, 600_000),
    },
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    // Production keeps the schema and the pages to itself unless switched on.
    introspection,
    pages: flag(env, 'PLAYGROUND', !production),
    responseCache: flag(env, 'RESPONSE_CACHE', true),
    responseCacheBytes: integer(env, 'RESPONSE_CACHE_MB', 64, 1, 100_000) * 2 ** 20,
    cacheMaxAgeSeconds: integer(env, 'CACHE_MAX_AGE', 300, 0, 31_536_000),
  };
}
