/**
 * Answers to repeated POST bodies, kept as the bytes that were sent (docs/decisions/0008). Apollo's
 * response cache keys an answer by its operation, so a hit there still runs Apollo's request pipeline,
 * parses the stored answer and serializes it again: for the pages' large answers that costs more than
 * the request's HTTP. A body sent again byte for byte, with the same `Accept`, gets the same answer
 * while the graph's version is the same, so it is written back as it was, before any of that.
 */
import type { HTTPGraphQLResponse } from '@apollo/server';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { maxAgeOf, type VersionSource } from './cache.js';

/** An answer as written: status, headers (without those of the request's origin) and body. */
export interface Sent {
  status: number;
  headers: Record<string, string>;
  /** Encoded once: turning a large answer into UTF-8 again for every request would cost more than sending it. */
  body: Buffer;
}

export class Replay {
  private readonly answers: InMemoryLRUCache<Sent>;

  /** `maxBytes` bounds the answers and their keys together (a key's characters counted as two bytes). */
  constructor(
    private readonly version: VersionSource,
    maxBytes: number,
  ) {
    this.answers = new InMemoryLRUCache<Sent>({ maxSize: maxBytes, sizeCalculation: (sent, key) => 2 * key.length + sent.body.length });
  }

  /**
   * The key of a POST body asked with `accept` (which picks the media type, and so the status of an
   * answer with errors) and answered in `encoding`: undefined while the graph's version cannot be
   * read, when nothing is kept.
   */
  async key(accept: string, encoding: string, body: string): Promise<string | undefined> {
    const version = await this.version.get().catch(() => undefined);
    return version === undefined ? undefined : `${version}\n${accept}\n${encoding}\n${body}`;
  }

  find(key: string): Promise<Sent | undefined> {
    return this.answers.get(key);
  }

  /**
   * Keeps an answer Apollo found cacheable (a query, no errors: it set a max-age) for as long as it
   * allows. Anything else, refusals among them, is executed again every time.
   */
  keep(key: string, response: HTTPGraphQLResponse, sent: Sent): void {
    const ttl = maxAgeOf(response);
    if (sent.status !== 200 || !ttl) return;
    const { age: _age, ...headers } = sent.headers;
    void this.answers.set(key, { ...sent, headers }, { ttl });
  }
}
