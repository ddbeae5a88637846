/**
 * Admission control: at most `active` operations run at once and at most `queued` wait for a slot.
 * Past that a request is turned away at once (503 with Retry-After) instead of joining a queue that
 * would only time out: under overload, fast refusals keep the server answering.
 */
export class Admission {
  private running = 0;
  private readonly waiting: Array<{ admit: () => void; abandon: () => void }> = [];

  constructor(
    private readonly active: number,
    private readonly queued: number,
  ) {}

  /**
   * Waits for a slot and returns its release, or returns undefined at once when the queue is full.
   * A request still waiting when `signal` aborts (its time is up) leaves the queue with an `AbortError`.
   */
  enter(signal: AbortSignal): Promise<() => void> | undefined {
    if (this.running < this.active) return Promise.resolve(this.slot());
    if (this.waiting.length >= this.queued) return undefined;
    return new Promise((resolve, reject) => {
      const entry = {
        admit: () => {
          signal.removeEventListener('abort', entry.abandon);
          resolve(this.slot());
        },
        abandon: () => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(signal.reason instanceof Error ? signal.reason : new Error('the request was abandoned while waiting'));
        },
      };
      signal.addEventListener('abort', entry.abandon, { once: true });
      this.waiting.push(entry);
    });
  }

  /** Operations running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private slot(): () => void {
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.waiting.shift()?.admit();
    };
  }
}
