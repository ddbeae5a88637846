/**
 * The load generator in a process of its own: it shares the two cores with the server, and in the
 * bench's process it would also share a heap grown by everything measured before it. The parent sends
 * a run (`Run`) over IPC and gets back what it measured (`Measured`).
 */
import autocannon from 'autocannon';

export interface Run {
  url: string;
  /** Request bodies (JSON), sent in turn. */
  bodies: string[];
  amount: number;
}

export interface Measured {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
}

/** A fixed number of requests at 8 connections, timed to the last answer. */
function fire({ url, bodies, amount }: Run): Promise<Measured> {
  const started = performance.now();
  // Autocannon notices the last answer on its next one-second tick: the run ends at the last answer.
  let ended = started;
  return new Promise((resolve, reject) => {
    const options: autocannon.Options = {
      url: `${url}/graphql`,
      connections: 8,
      amount,
      requests: bodies.map((body) => ({
        method: 'POST',
        // As browsers ask: large answers come compressed.
        headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip, deflate, br' },
        body,
      })),
    };
    autocannon(options, (error: Error | null, done) =>
      error
        ? reject(error)
        : resolve({
            requests: done.requests.total,
            seconds: (ended - started) / 1000,
            p50: done.latency.p50,
            p99: done.latency.p99,
            errors: done.errors + done.non2xx + done.timeouts,
          }),
    ).on('response', () => (ended = performance.now()));
  });
}

process.on('message', (run: Run | 'stop') => {
  if (run === 'stop') process.exit(0);
  void fire(run).then(
    (measured) => process.send!({ measured }),
    (error: unknown) => process.send!({ error: String(error) }),
  );
});
