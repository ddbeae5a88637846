import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { encodeCursor, pageRequest } from '../../src/resolvers/connections.js';

describe('cursors and page requests', () => {
  it('round-trips a position through an opaque cursor', () => {
    for (const offset of [0, 1, 19, 12345]) expect(pageRequest({ first: 5, after: encodeCursor(offset) })).toEqual({ offset: offset + 1, limit: 5 });
    expect(encodeCursor(3)).not.toContain('3');
  });

  it.each([
    ['not-a-cursor'],
    [Buffer.from('offset:-1').toString('base64url')],
    [Buffer.from('offset:1.5').toString('base64url')],
    [Buffer.from('other:2').toString('base64url')],
  ])('refuses a cursor it did not issue: %s', (after) => {
    expect(() => pageRequest({ after })).toThrow(/Argument "after": .* is not a cursor this API issued/);
  });

  it('takes the default page, and refuses one out of range naming the argument', () => {
    expect(pageRequest({})).toEqual({ offset: 0, limit: 20 });
    expect(() => pageRequest({ first: 101 })).toThrow('Argument "first": must be from 0 to 100, got 101');
    expect(() => pageRequest({ first: -1 })).toThrow('Argument "first": must be from 0 to 100, got -1');
  });
});

describe('the configuration', () => {
  it('reads the defaults, and production switches introspection and the pages off', () => {
    const development = loadConfig({});
    expect(development).toMatchObject({
      port: 4000,
      introspection: true,
      pages: true,
      production: false,
      persistedOnly: false,
      rateLimitPerMinute: 0,
    });
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ introspection: false, pages: false, production: true });
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'yes', PLAYGROUND: 'on' })).toMatchObject({ introspection: true, pages: true });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be an integer from 0 to 65535, got "eighty"'],
    [{ PORT: '70000' }, 'PORT must be an integer from 0 to 65535, got "70000"'],
    [{ MAX_QUERY_COST: '5' }, 'MAX_QUERY_COST must be an integer from 10 to 10000000, got "5"'],
    [{ INTROSPECTION: 'maybe' }, 'INTROSPECTION must be true or false, got "maybe"'],
    [{ NEO4J_URI: 'http://localhost:7474' }, 'NEO4J_URI must start with neo4j://, neo4j+s://, bolt:// or bolt+s://, got "http://localhost:7474"'],
    [{ REQUEST_TIMEOUT_MS: '10' }, 'REQUEST_TIMEOUT_MS must be an integer from 100 to 600000, got "10"'],
  ])('refuses %o naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
