/**
 * Caching of answers, for a graph that only changes when it is reseeded (docs/decisions/0008):
 * - in the server, Apollo's response cache, keyed by the graph's version besides the operation and
 *   its variables, so a reseed makes every cached answer unreachable at once;
 * - in HTTP caches (browsers, CDNs), GET requests of persisted operations only: an ETag made of the
 *   graph's version and what names the answer, `Cache-Control: public`, and 304 without executing.
 */
import type { ApolloServerPlugin, HTTPGraphQLRequest, HTTPGraphQLResponse } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { OperationTypeNode } from 'graphql';
import { createHash } from 'node:crypto';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import type { GraphVersion } from '../data/version.js';
import type { Encoding } from './respond.js';

export type CacheConfig = Pick<Config, 'responseCache' | 'responseCacheBytes' | 'cacheMaxAgeSeconds'>;

/** What caches key answers by: the version of the graph the store holds now. */
export type VersionSource = Pick<GraphVersion, 'get'>;

/**
 * Cache hints without work per field. Every field is public and lives `maxAge` seconds (nothing in the
 * graph is per user, and the schema sets no hints of its own), so an operation's policy is that, set
 * once as it starts executing. Apollo's cache-control plugin would reach the same policy field by
 * field, wrapping every resolver of the schema to do so. Like it, this writes `Cache-Control` only on
 * answers without errors; the HTTP layer decides what reaches the client (see `HttpCache.headers`).
 */
export function uniformCacheHints(maxAge: number): ApolloServerPlugin<Context> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        // Queries only: an operation with effects must never be answered from a cache.
        executionDidStart: ({ operation, overallCachePolicy }) =>
          Promise.resolve(void (operation?.operation === OperationTypeNode.QUERY && overallCachePolicy.replace({ maxAge, scope: 'PUBLIC' }))),
        willSendResponse: ({ response, overallCachePolicy }) => {
          const policy = overallCachePolicy.policyIfCacheable();
          if (policy && response.body.kind === 'single' && !response.body.singleResult.errors)
            response.http.headers.set('cache-control', `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}`);
          return Promise.resolve();
        },
      }),
  };
}

/**
 * Cache hints (see `uniformCacheHints`, in place of Apollo's own) and the response cache. Apollo marks
 * a response uncacheable when it has errors, so failures and refusals are never stored.
 */
export function cachePlugins(config: CacheConfig, version: VersionSource): ApolloServerPlugin<Context>[] {
  const hints = [ApolloServerPluginCacheControlDisabled(), uniformCacheHints(config.cacheMaxAgeSeconds)];
  if (!config.responseCache) return hints;
  return [
    ...hints,
    responseCachePlugin<Context>({
      // Bounded by the size of the stored answers, least recently used out first.
      cache: new InMemoryLRUCache({ maxSize: config.responseCacheBytes, sizeCalculation: (item: string) => InMemoryLRUCache.sizeCalculation(item) }),
      // A reseed changes the version: older answers are never read again and age out of the LRU.
      // While no version can be read (the database away since start-up), nothing is stored.
      extraCacheKeyData: () => version.get().catch(() => null),
      shouldWriteToCache: () =>
        version.get().then(
          () => true,
          () => false,
        ),
    }),
  ];
}

/** How long Apollo allows an answer to be reused: its `Cache-Control` max-age, 0 when it set none. */
export function maxAgeOf(response: HTTPGraphQLResponse): number {
  return Number(/max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1] ?? 0);
}

/** `extensions.persistedQuery.sha256Hash` of a request (a JSON string in a GET's query string). */
export function persistedHash(extensions: unknown): unknown {
  let value = extensions;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return (value as { persistedQuery?: { sha256Hash?: unknown } } | null)?.persistedQuery?.sha256Hash;
}

const sha = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 27);

/** Never stored by any cache: everything but a GET of a persisted operation. */
const NO_STORE = { 'cache-control': 'no-store' };

/**
 * HTTP caching of GET requests of persisted operations. Only those: their URL names the answer
 * (operation hash, name, variables), so shared caches can hold them; a POST's body is no cache key,
 * and a GET with the query text in the URL is left uncached so URLs stay small and few.
 */
export class HttpCache {
  /** `schema` distinguishes deployments that would answer the same operation differently. */
  constructor(
    private readonly version: VersionSource,
    private readonly maxAgeSeconds: number,
    schema: readonly string[],
  ) {
    this.salt = sha(schema.join('\n'));
  }

  private readonly salt: string;

  /**
   * The ETag the answer to this request carries: undefined unless it is a GET of a persisted
   * operation, or when the graph's version cannot be read (then nothing is cached). It covers the
   * `Accept` header too, which chooses the answer's media type, and the encoding it is sent in.
   */
  async tag(request: HTTPGraphQLRequest, encoding: Encoding | undefined): Promise<string | undefined> {
    if (request.method !== 'GET' || !this.maxAgeSeconds) return undefined;
    const params = new URLSearchParams(request.search);
    const hash = persistedHash(params.get('extensions'));
    if (typeof hash !== 'string') return undefined;
    const version = await this.version.get().catch(() => undefined);
    if (version === undefined) return undefined;
    const named = [
      this.salt,
      version,
      hash,
      params.get('operationName') ?? '',
      params.get('variables') ?? '',
      request.headers.get('accept') ?? '',
      encoding ?? '',
    ];
    return `"${sha(named.join('\n'))}"`;
  }

  /**
   * Whether the client holds this answer already (`If-None-Match`, a list, weak tags matching too).
   * `*` matches nothing: whether an answer exists is known only by running the operation.
   */
  static matches(ifNoneMatch: string | undefined, tag: string): boolean {
    return !!ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === tag);
  }

  /**
   * Whether a GET passes Apollo's CSRF guard (a header a cross-site form cannot send): a 304 is
   * answered before Apollo runs, so it must not skip the guard.
   */
  static preflighted(headers: HTTPGraphQLRequest['headers']): boolean {
    const type = headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
    const simple = !type || ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'].includes(type);
    return !simple || headers.has('apollo-require-preflight') || headers.has('x-apollo-operation-name');
  }

  /** The headers of a 304 answering `tag` (its `Vary` as the answer's, before the encoding adds to it). */
  notModified(tag: string): Record<string, string> {
    return { etag: tag, 'cache-control': `public, max-age=${this.maxAgeSeconds}`, vary: 'accept' };
  }

  /**
   * The caching headers of an answer: public with its ETag when it is a GET of a persisted operation
   * that Apollo found cacheable (no errors; `max-age` as the cache hints and the response cache's
   * age leave it), `no-store` otherwise.
   */
  static headers(response: HTTPGraphQLResponse, tag: string | undefined): Record<string, string> {
    const maxAge = maxAgeOf(response);
    if (!tag || !maxAge || (response.status ?? 200) !== 200) return NO_STORE;
    return { etag: tag, 'cache-control': `public, max-age=${maxAge}`, vary: 'accept' };
  }
}
