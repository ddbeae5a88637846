import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { KuzuStore } from '../graph/kuzu.js';
import { checkGraph } from './integrity.js';
import { seedIfEmpty, seedVersion } from './seed.js';

/**
 * The embedded graph's data folder. Its database is derived data, rebuilt from the seed files whenever
 * it cannot be trusted: built from other seed files (after a pull), not closed cleanly and found
 * incomplete or crashing, or counted short. Beside the database live three small files of ours:
 * `.lock` (the process using it), `.seeded` (the seed files it was built from), `.closed` (the files as
 * a clean shutdown left them).
 */
const marker = (kuzuPath: string, kind: 'lock' | 'seeded' | 'closed') => `${kuzuPath}.${kind}`;

/** Another process uses the data folder. */
export class DataFolderInUseError extends Error {
  override readonly name = 'DataFolderInUseError';
}

/** The database's own files (not our markers). */
function databaseFiles(kuzuPath: string): string[] {
  const dir = dirname(kuzuPath);
  if (!existsSync(dir)) return [];
  const name = basename(kuzuPath);
  return readdirSync(dir)
    .filter((f) => f.startsWith(name) && !/\.(lock|seeded|closed)$/.test(f))
    .map((f) => join(dir, f));
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** When a process started, in clock ticks since boot (Linux's /proc); undefined where that cannot be read. */
function startTime(pid: number | 'self'): string | undefined {
  try {
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** The locks this process holds. */
const held = new Set<string>();

/**
 * Whether the process a lock names still holds it. A pid alone is not enough: after a crash the pid may
 * belong to another process, and in a container the server is pid 1 at every start, so the lock also
 * records when its owner started, and a lock naming this very process is one it left before a restart.
 */
function holdsLock(lock: string, owner: { pid: number; started?: string }): boolean {
  if (owner.pid === process.pid) return held.has(lock);
  if (!Number.isInteger(owner.pid) || owner.pid <= 0 || !isAlive(owner.pid)) return false;
  return owner.started === undefined || startTime(owner.pid) === undefined || startTime(owner.pid) === owner.started;
}

/**
 * Takes the data folder for this process before anything in it is touched; a second server on the same
 * folder fails here with a clear error instead of removing the first one's files. A lock left by a
 * process that is gone is taken over (renamed away first, so two starting servers cannot both take it).
 */
export function lockDataFolder(kuzuPath: string): () => void {
  mkdirSync(dirname(kuzuPath), { recursive: true });
  const lock = marker(kuzuPath, 'lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeFileSync(fd, [process.pid, startTime('self')].filter(Boolean).join(' '));
      closeSync(fd);
      held.add(lock);
      return () => {
        held.delete(lock);
        rmSync(lock, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pid, started] = readFileSync(lock, 'utf8').trim().split(' ');
      const owner = { pid: Number(pid), started };
      if (holdsLock(lock, owner)) {
        throw new DataFolderInUseError(
          `the data folder ${dirname(kuzuPath)} is in use by process ${owner.pid}; stop it, or set DATA_DIR to another folder`,
        );
      }
      try {
        renameSync(lock, `${lock}.stale-${process.pid}`);
        rmSync(`${lock}.stale-${process.pid}`, { force: true });
      } catch {
        // another starting server took the stale lock first: try again
      }
    }
  }
  throw new DataFolderInUseError(`could not take the lock of ${dirname(kuzuPath)}`);
}

/** Records which seed files the embedded graph was built from. */
export function recordSeeded(kuzuPath: string, fingerprint: string): void {
  writeFileSync(marker(kuzuPath, 'seeded'), `${fingerprint}\n`);
}

/** Removes the database and its records (the lock stays with its holder). */
export function removeEmbedded(kuzuPath: string): void {
  for (const file of databaseFiles(kuzuPath)) rmSync(file, { recursive: true, force: true });
  rmSync(marker(kuzuPath, 'seeded'), { force: true });
  rmSync(marker(kuzuPath, 'closed'), { force: true });
}

/** Why the graph in the folder must be rebuilt because of its seed files, or undefined when it is current (or absent). */
export function staleReason(kuzuPath: string, fingerprint: string): string | undefined {
  if (!databaseFiles(kuzuPath).length) return undefined;
  const seeded = marker(kuzuPath, 'seeded');
  if (!existsSync(seeded)) return 'the embedded graph has no record of its seed files';
  return readFileSync(seeded, 'utf8').trim() === fingerprint ? undefined : 'the seed files changed';
}

/** Size and modification time of each database file: what a clean shutdown left. */
const fileStates = (kuzuPath: string) =>
  JSON.stringify(
    databaseFiles(kuzuPath)
      .sort()
      .map((f) => {
        const s = statSync(f);
        return [basename(f), s.size, s.mtimeMs];
      }),
  );

/** Called once the database is closed: its files as they are now are known good. */
export function recordCleanClose(kuzuPath: string): void {
  writeFileSync(marker(kuzuPath, 'closed'), fileStates(kuzuPath));
}

/** Whether the files are exactly as a clean shutdown left them (no crash, no change since). */
export function closedCleanly(kuzuPath: string): boolean {
  const closed = marker(kuzuPath, 'closed');
  return existsSync(closed) && readFileSync(closed, 'utf8') === fileStates(kuzuPath);
}

/**
 * Opens the database in a child process and checks it holds the complete graph: a database that
 * crashes the engine (corrupt pages) ends the child, not this process. Returns what is wrong, or
 * undefined when it is sound.
 */
export function probeInChild(kuzuPath: string, cypherDir: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, join(import.meta.dirname, `probe${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`), kuzuPath, cypherDir],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code, signal) => {
      if (signal) return resolve(`opening it crashed the engine (${signal})`);
      const answer = (() => {
        try {
          return JSON.parse(out) as { problems?: string[]; error?: string };
        } catch {
          return {};
        }
      })();
      if (code !== 0 || !answer.problems) return resolve(`it cannot be opened: ${answer.error ?? (err.trim() || `exit ${code}`)}`);
      const { problems } = answer;
      resolve(problems.length ? `it is incomplete: ${problems.slice(0, 3).join('; ')}` : undefined);
    });
  });
}

export interface EmbeddedGraph {
  store: KuzuStore;
  /** Closes the database, records the clean shutdown and releases the folder. */
  close(): Promise<void>;
}

/**
 * Opens the embedded graph for serving: takes the folder, rebuilds the database from the seed files
 * when it is stale, damaged or incomplete (saying why), and returns it loaded and checked.
 */
export async function openEmbedded(
  kuzuPath: string,
  cypherDir: string,
  options: { queryTimeoutMs?: number; log?: (line: string) => void } = {},
): Promise<EmbeddedGraph> {
  const log = options.log ?? console.log;
  const release = lockDataFolder(kuzuPath);
  try {
    const fingerprint = seedVersion(cypherDir);
    let reason = staleReason(kuzuPath, fingerprint);
    if (!reason && databaseFiles(kuzuPath).length && !closedCleanly(kuzuPath)) reason = await probeInChild(kuzuPath, cypherDir);
    for (let attempt = 0; ; attempt++) {
      if (reason) {
        log(`${reason}: rebuilding the embedded graph at ${kuzuPath} from ${cypherDir}`);
        removeEmbedded(kuzuPath);
      }
      rmSync(marker(kuzuPath, 'closed'), { force: true });
      const store = await KuzuStore.open({ path: kuzuPath, queryTimeoutMs: options.queryTimeoutMs });
      const started = Date.now();
      if (await seedIfEmpty(store, cypherDir)) {
        recordSeeded(kuzuPath, fingerprint);
        log(`loaded the seed graph into the embedded database in ${Date.now() - started} ms`);
      }
      const problems = await checkGraph(store, cypherDir);
      if (!problems.length) {
        return {
          store,
          close: async () => {
            await store.close();
            recordCleanClose(kuzuPath);
            release();
          },
        };
      }
      await store.close();
      if (attempt > 0) throw new Error(`the embedded graph at ${kuzuPath} is still incomplete after a rebuild: ${problems.join('; ')}`);
      reason = `the embedded graph is incomplete (${problems.slice(0, 3).join('; ')})`;
    }
  } catch (error) {
    release();
    throw error;
  }
}
