import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';

/**
 * A per-client rate limit: a token bucket per client key refilled at `perMinute` tokens a minute, as
 * many as `perMinute` at once. The table of buckets is bounded: clients gone quiet for a minute are
 * dropped, and past `maxClients` the least recently seen goes first, so a flood of new keys costs a
 * fixed amount of memory.
 */
export class RateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private sweptAt: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    readonly maxClients = 100_000,
  ) {
    this.sweptAt = now();
  }

  /** Takes a token for `client`: 0 when allowed, else the seconds until one is available. */
  take(client: string): number {
    const now = this.now();
    this.sweep(now);
    const rate = this.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    // Re-inserted, so the map's order is least recently seen first.
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    if (this.buckets.size > this.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / rate / 1000);
  }

  /** Clients tracked now. */
  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [client, bucket] of this.buckets) if (now - bucket.at > 60_000) this.buckets.delete(client);
  }
}

/**
 * The client a request counts against. Behind `trustedHops` proxies (`TRUST_PROXY`), each appends the
 * address it received the request from to `X-Forwarded-For`, so the client is the entry that many from
 * the right: entries further left are whatever the client wrote. IPv6 clients are counted per /64, the
 * block one subscriber is usually given.
 */
export function clientOf(req: IncomingMessage, trustedHops: number): string {
  let address = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops > 0) {
    const header = req.headers['x-forwarded-for'];
    const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    address = entries[Math.max(0, entries.length - trustedHops)] ?? address;
  }
  return isIPv6(address) && !address.startsWith('::ffff:') ? address.split(':').slice(0, 4).join(':') + '::/64' : address;
}
