import { HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { HttpCache } from '../../src/http/cache.js';

const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'abc' } }));
const get = (search: string, accept = 'application/json'): HTTPGraphQLRequest => ({
  method: 'GET',
  headers: new HeaderMap([['accept', accept]]),
  search,
  body: undefined,
});

describe('HTTP caching of GET persisted operations', () => {
  let version = 'v1';
  const cache = new HttpCache({ get: () => Promise.resolve(version) }, 300, ['type Query { a: Int }']);

  it('tags only GETs of persisted operations, by version, operation, variables and media type', async () => {
    const tag = await cache.tag(get(`?extensions=${extensions}&variables={"id":"a"}`));
    expect(tag).toMatch(/^"[\w-]{27}"$/);
    expect(await cache.tag(get(`?extensions=${extensions}&variables={"id":"a"}`))).toBe(tag);
    expect(await cache.tag(get(`?extensions=${extensions}&variables={"id":"b"}`))).not.toBe(tag);
    expect(await cache.tag(get(`?extensions=${extensions}&variables={"id":"a"}`, 'application/graphql-response+json'))).not.toBe(tag);
    expect(await cache.tag(get('?query={a}'))).toBeUndefined();
    expect(await cache.tag({ ...get(`?extensions=${extensions}`), method: 'POST' })).toBeUndefined();
    version = 'v2';
    expect(await cache.tag(get(`?extensions=${extensions}&variables={"id":"a"}`))).not.toBe(tag);
    expect(await new HttpCache({ get: () => Promise.resolve(version) }, 0, []).tag(get(`?extensions=${extensions}`))).toBeUndefined();
    expect(await new HttpCache({ get: () => Promise.reject(new Error('away')) }, 300, []).tag(get(`?extensions=${extensions}`))).toBeUndefined();
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    expect(HttpCache.matches('"x"', '"x"')).toBe(true);
    expect(HttpCache.matches('"y", W/"x"', '"x"')).toBe(true);
    expect(HttpCache.matches('*', '"x"')).toBe(true);
    expect(HttpCache.matches('"y"', '"x"')).toBe(false);
    expect(HttpCache.matches(undefined, '"x"')).toBe(false);
  });

  it('makes public only cacheable 200 answers that carry a tag', () => {
    const response = (cacheControl?: string, status?: number) => ({
      status,
      headers: new HeaderMap(cacheControl ? [['cache-control', cacheControl]] : []),
      body: { kind: 'complete' as const, string: '{}' },
    });
    expect(HttpCache.headers(response('max-age=300, public'), '"x"')).toEqual({
      etag: '"x"',
      'cache-control': 'public, max-age=300',
      vary: 'accept',
    });
    expect(HttpCache.headers(response('max-age=300, public'), undefined)).toEqual({ 'cache-control': 'no-store' });
    expect(HttpCache.headers(response(undefined), '"x"')).toEqual({ 'cache-control': 'no-store' });
    expect(HttpCache.headers(response('max-age=300, public', 400), '"x"')).toEqual({ 'cache-control': 'no-store' });
  });
});
