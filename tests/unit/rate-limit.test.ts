import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { RateLimit, clientOf } from '../../src/http/rate-limit.js';
import { variablesProblem } from '../../src/http/variables.js';

const request = (remoteAddress: string, forwarded?: string) =>
  ({ socket: { remoteAddress }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;

describe('the per-client rate limit', () => {
  it('takes the client that many hops from the right of X-Forwarded-For, never what the client wrote', () => {
    // Behind one proxy, the client writes anything on the left; the proxy appends the address it saw.
    expect(clientOf(request('10.0.0.2', 'forged-1, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientOf(request('10.0.0.2', 'forged-2, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientOf(request('10.0.0.3', 'forged, 203.0.113.7, 10.0.0.9'), 2)).toBe('203.0.113.7');
    // Fewer entries than hops: the leftmost, all written by trusted proxies.
    expect(clientOf(request('10.0.0.2', '203.0.113.7'), 2)).toBe('203.0.113.7');
    // Not behind a proxy: the header is ignored.
    expect(clientOf(request('198.51.100.4', '203.0.113.7'), 0)).toBe('198.51.100.4');
    // IPv6 clients count per /64.
    expect(clientOf(request('2001:db8:1:2:aaaa::1'), 0)).toBe(clientOf(request('2001:db8:1:2:bbbb::9'), 0));
  });

  it('refuses past the limit, and rotating a forged X-Forwarded-For does not help', () => {
    const limit = new RateLimit(100, () => 0);
    const allowed = Array.from({ length: 150 }, (_, i) => limit.take(clientOf(request('10.0.0.2', `forged-${i}, 203.0.113.7`), 1)) === 0);
    expect(allowed.filter(Boolean)).toHaveLength(100);
  });

  it('keeps a bounded table of clients, however many keys a flood sends', () => {
    const limit = new RateLimit(10, () => 0, 1_000);
    for (let i = 0; i < 50_000; i++) limit.take(`client-${i}`);
    expect(limit.size).toBe(1_000);
  });
});

describe("the shape of a request's variables", () => {
  it('refuses nesting deeper than any input of the schema and lists longer than any argument takes', () => {
    expect(variablesProblem({ f: { kinds: ['HOSPITAL'] } })).toBeUndefined();
    let deep: unknown = [];
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(variablesProblem({ f: deep })).toMatch(/deeper than 16 levels/);
    expect(variablesProblem({ k: Array(12_000).fill('NOPE') })).toMatch(/12000 items; the limit is 1000/);
  });
});
