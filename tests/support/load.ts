import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** One response of a burst: status, error code if any, and how long it took from the client's side. */
export interface BurstResult {
  status: number;
  code?: string;
  ms: number;
}

/** The client, run in a process of its own so its work does not slow the server it measures. */
const CLIENT = `
const { url, body, count } = JSON.parse(process.env.BURST);
Promise.all(Array.from({ length: count }, async () => {
  const started = performance.now();
  try {
    const response = await fetch(url + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json = await response.json();
    return { status: response.status, code: json.errors?.[0]?.extensions?.code, ms: performance.now() - started };
  } catch (error) {
    return { status: 0, code: String(error), ms: performance.now() - started };
  }
})).then((results) => process.stdout.write(JSON.stringify(results)));
`;

/** Sends `count` copies of a GraphQL request at once over as many connections, from another process. */
export async function burst(url: string, body: unknown, count: number): Promise<BurstResult[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', CLIENT], {
    env: { ...process.env, BURST: JSON.stringify({ url, body, count }) },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as BurstResult[];
}
