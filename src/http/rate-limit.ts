/**
 * A per-client rate limit: a token bucket per client key refilled at `perMinute` tokens a minute, as
 * many as `perMinute` at once. Buckets of clients gone quiet are dropped so memory stays bounded.
 */
export class RateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private sweptAt = Date.now();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a token for `client`: 0 when allowed, else the seconds until one is available. */
  take(client: string): number {
    const now = this.now();
    this.sweep(now);
    const rate = this.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / rate / 1000);
  }

  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [client, bucket] of this.buckets) if (now - bucket.at > 60_000) this.buckets.delete(client);
  }
}
