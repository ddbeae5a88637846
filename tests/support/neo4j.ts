import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';

/** A Neo4j server of this project's own (tools/neo4j), on loopback, for tests. */
export interface LocalNeo4j {
  uri: string;
  port: number;
  dataDir: string;
  /** The version its ready line names, e.g. `5.26.30`. */
  version: string;
  /** Stops it with SIGTERM (a clean shutdown) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data folder. */
  restart(): Promise<void>;
  /** Stops it and removes its data folder. */
  dispose(): Promise<void>;
}

/** A loopback port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a Neo4j server with tools/neo4j/run.sh (building it first when needed) and waits for its ready
 * line: the version `NEO4J_VERSION` names (the LTS when unset, see tools/neo4j/README.md) unless
 * `version` does, with auth on when `password` is given, off otherwise.
 */
export async function startNeo4j(options: { port?: number; dataDir?: string; version?: string; password?: string } = {}): Promise<LocalNeo4j> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'health-graph-neo4j-'));
  const env = {
    ...process.env,
    NEO4J_VERSION: options.version ?? process.env.NEO4J_VERSION ?? '',
    NEO4J_PORT: String(port),
    NEO4J_DATA_DIR: dataDir,
    NEO4J_PASSWORD: options.password ?? '',
    NEO4J_HEAP: '768m',
  };
  let child: ChildProcess | undefined;

  const launch = () =>
    new Promise<string>((resolve, reject) => {
      const started = spawn('bash', [join(PROJECT_ROOT, 'tools/neo4j/run.sh')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      child = started;
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const ready = /Neo4j (\S+) ready on bolt:\/\//.exec(output);
        if (ready) resolve(ready[1]!);
      };
      started.stdout.on('data', onData);
      started.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      started.once('exit', (code) =>
        reject(
          new Error(
            `Neo4j (tools/neo4j/run.sh) exited with ${code} before it was ready; it needs Maven and a JDK (Java 17 for 5.26, 21 or later for 2025.x and on):\n${output.slice(-2000)}`,
          ),
        ),
      );
    });

  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };

  const version = await launch();
  return {
    uri: `bolt://127.0.0.1:${port}`,
    port,
    dataDir,
    version,
    stop,
    restart: async () => void (await launch()),
    dispose: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
