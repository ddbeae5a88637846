import { HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { HttpCache } from '../../src/http/cache.js';
import { Replay, type Sent } from '../../src/http/replay.js';
import { negotiate } from '../../src/http/respond.js';

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

  it('tags only GETs of persisted operations, by version, operation, variables, media type and encoding', async () => {
    const tag = await cache.tag(get(`?extensions=${extensions}&variables={"id":"a"}`), 'br');
    expect(tag).toMatch(/^"[\w-]{27}"$/);
    expect(await cache.tag(get(`?extensions=${extensions}&variables={"id":"a"}`), 'br')).toBe(tag);
    expect(await cache.tag(get(`?extensions=${extensions}&variables={"id":"b"}`), 'br')).not.toBe(tag);
    expect(await cache.tag(get(`?extensions=${extensions}&variables={"id":"a"}`, 'application/graphql-response+json'), 'br')).not.toBe(tag);
    expect(await cache.tag(get(`?extensions=${extensions}&variables={"id":"a"}`), 'gzip')).not.toBe(tag);
    expect(await cache.tag(get(`?extensions=${extensions}&variables={"id":"a"}`), undefined)).not.toBe(tag);
    expect(await cache.tag(get('?query={a}'), 'br')).toBeUndefined();
    expect(await cache.tag({ ...get(`?extensions=${extensions}`), method: 'POST' }, 'br')).toBeUndefined();
    version = 'v2';
    expect(await cache.tag(get(`?extensions=${extensions}&variables={"id":"a"}`), 'br')).not.toBe(tag);
    expect(await new HttpCache({ get: () => Promise.resolve(version) }, 0, []).tag(get(`?extensions=${extensions}`), 'br')).toBeUndefined();
    expect(
      await new HttpCache({ get: () => Promise.reject(new Error('away')) }, 300, []).tag(get(`?extensions=${extensions}`), 'br'),
    ).toBeUndefined();
  });

  it('matches If-None-Match lists and weak tags, but not *, which would answer 304 for operations never run', () => {
    expect(HttpCache.matches('"x"', '"x"')).toBe(true);
    expect(HttpCache.matches('"y", W/"x"', '"x"')).toBe(true);
    expect(HttpCache.matches('*', '"x"')).toBe(false);
    expect(HttpCache.matches('"y"', '"x"')).toBe(false);
    expect(HttpCache.matches(undefined, '"x"')).toBe(false);
  });

  it('makes public only cacheable 200 answers that carry a tag', () => {
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

/** An answer of Apollo's with the `Cache-Control` its cache hints gave it. */
const response = (cacheControl?: string, status?: number) => ({
  status,
  headers: new HeaderMap(cacheControl ? [['cache-control', cacheControl]] : []),
  body: { kind: 'complete' as const, string: '{}' },
});

describe('negotiating the content encoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['GZIP;q=0.5, identity', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', undefined],
    ['*', 'br'],
    ['deflate', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('answers %j with %s', (header, encoding) => expect(negotiate(header)).toBe(encoding));
});

describe('writing back answers to repeated POST bodies', () => {
  const sent = (body: string, status = 200): Sent => ({ status, headers: { 'content-type': 'application/json', age: '3' }, body: Buffer.from(body) });

  it('keeps cacheable 200 answers by version, media type, encoding and body, without their age', async () => {
    let version = 'v1';
    const replay = new Replay({ get: () => Promise.resolve(version) }, 2 ** 20);
    const key = (await replay.key('application/json', 'br', '{"query":"{a}"}'))!;
    replay.keep(key, response('max-age=300, public'), sent('{"data":{"a":1}}'));
    expect(await replay.find(key)).toEqual({ status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"data":{"a":1}}') });
    for (const [accept, encoding, body] of [
      ['application/graphql-response+json', 'br', '{"query":"{a}"}'],
      ['application/json', '', '{"query":"{a}"}'],
      ['application/json', 'br', '{"query": "{a}"}'],
    ])
      expect(await replay.find((await replay.key(accept!, encoding!, body!))!)).toBeUndefined();
    version = 'v2';
    expect(await replay.find((await replay.key('application/json', 'br', '{"query":"{a}"}'))!)).toBeUndefined();
  });

  it('keeps nothing Apollo found uncacheable, no refusal, and nothing while the version is unknown', async () => {
    const replay = new Replay({ get: () => Promise.resolve('v1') }, 2 ** 20);
    const key = (await replay.key('', '', '{}'))!;
    replay.keep(key, response(undefined), sent('{"errors":[]}'));
    replay.keep(key, response('max-age=300, public'), sent('{"errors":[]}', 400));
    expect(await replay.find(key)).toBeUndefined();
    expect(await new Replay({ get: () => Promise.reject(new Error('away')) }, 2 ** 20).key('', '', '{}')).toBeUndefined();
  });

  it('lets the least recently used answers go beyond its size', async () => {
    const replay = new Replay({ get: () => Promise.resolve('v1') }, 10_000);
    const keys = await Promise.all([1, 2, 3].map((i) => replay.key('', '', `{"query":"{a${i}}"}`)));
    for (const key of keys) replay.keep(key!, response('max-age=300, public'), sent('x'.repeat(4000)));
    expect(await replay.find(keys[0]!)).toBeUndefined();
    expect(await replay.find(keys[2]!)).toBeDefined();
  });
});
