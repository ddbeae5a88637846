import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { inject } from 'vitest';
import { PROJECT_ROOT, loadConfig } from '../../src/config.js';
import { recordSeeded } from '../../src/seed/embedded.js';
import { seedVersion } from '../../src/seed/seed.js';

/** A server started the way the README starts it, in a process group of its own. */
export interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  /** Everything it printed so far. */
  output: () => string;
  /** Resolves with its base URL once it says it is ready; rejects when it exits first. */
  ready: Promise<string>;
  /** Resolves with the exit code (or signal) once it has exited. */
  exited: Promise<number | NodeJS.Signals>;
  /** Sends a signal to the whole process group, as a terminal or an orchestrator does. */
  signal: (signal: NodeJS.Signals) => void;
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts `npm start` (or another command) over a data folder, with extra environment variables. */
export function startServer(dataDir: string, env: Record<string, string> = {}, command: string[] = ['npm', 'start']): ServerProcess {
  const child = spawn(command[0]!, command.slice(1), {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, NEO4J_URI: '', ...env },
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  // Exited once the process group is empty too: a server left behind would still hold the data folder.
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.on('exit', (code, signal) => {
      const poll = () => (groupAlive(child.pid!) ? setTimeout(poll, 20) : resolve(signal ?? code ?? 0));
      poll();
    }),
  );
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /ready at (http:\/\/\S+)\/graphql/.exec(out);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`the server exited (${code}) before it was ready:\n${out}`)));
  });
  ready.catch(() => undefined);
  return {
    child,
    output: () => out,
    ready,
    exited,
    signal: (signal) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        /* gone */
      }
    },
  };
}

/** A data folder holding a copy of the test run's seeded embedded graph, recorded as built from the current seed files. */
export function seededDataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'health-graph-data-'));
  const seeded = inject('seededGraphPath');
  for (const file of readdirSync(dirname(seeded)).filter((f) => f === basename(seeded) || f.startsWith(`${basename(seeded)}.wal`))) {
    copyFileSync(join(dirname(seeded), file), join(dir, file));
  }
  recordSeeded(join(dir, 'graph.kuzu'), seedVersion(loadConfig().cypherDir));
  return dir;
}
