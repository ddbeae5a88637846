import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { freePort, startNeo4j, type LocalNeo4j } from '../support/neo4j.js';

/** Two starts of a server, one of them twice over (see tools/neo4j/README.md), on a busy machine. */
const STARTS_MS = 400_000;

/** What a client logging in as neo4j gets: `in`, or the driver's error code (`ServiceUnavailable` while nothing listens). */
async function login(uri: string, password: string): Promise<string> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), { connectionTimeout: 2_000, maxConnectionPoolSize: 1 });
  try {
    await driver.executeQuery('RETURN 1 AS one');
    return 'in';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await driver.close();
  }
}

/** Starts the server as a client keeps trying to log in (as a server started beside it would): what each try got, and the server. */
async function startWhileLoggingIn(options: Parameters<typeof startNeo4j>[0] & { port: number; password: string }) {
  const uri = `bolt://127.0.0.1:${options.port}`;
  const starting = startNeo4j(options);
  let settled = false;
  // Handled here, so that a failed start is not an unhandled rejection until it is awaited below.
  starting.then(
    () => (settled = true),
    () => (settled = true),
  );
  const tries: string[] = [];
  while (!settled) {
    tries.push(await login(uri, options.password));
    await sleep(200);
  }
  return { server: await starting, tries };
}

describe('a Neo4j of tools/neo4j with a password', () => {
  it(
    'never refuses the right password, on a new store or after the password changed, and refuses a wrong one',
    async () => {
      const port = await freePort();
      const dataDir = mkdtempSync(join(tmpdir(), 'health-graph-neo4j-auth-'));
      let server: LocalNeo4j | undefined;
      try {
        const first = await startWhileLoggingIn({ port, dataDir, password: 'first secret' });
        server = first.server;
        expect(first.tries.filter((got) => got !== 'in' && got !== 'ServiceUnavailable')).toEqual([]);
        expect(await login(server.uri, 'first secret')).toBe('in');
        expect(await login(server.uri, 'wrong')).toBe('Neo.ClientError.Security.Unauthorized');
        await server.stop();

        // The same store, a new password: set before Bolt opens again, and the old one is refused.
        const second = await startWhileLoggingIn({ port, dataDir, password: 'second secret' });
        server = second.server;
        expect(second.tries.filter((got) => got !== 'in' && got !== 'ServiceUnavailable')).toEqual([]);
        expect(await login(server.uri, 'second secret')).toBe('in');
        expect(await login(server.uri, 'first secret')).toBe('Neo.ClientError.Security.Unauthorized');
      } finally {
        await server?.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    STARTS_MS,
  );
});
