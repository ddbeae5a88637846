import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import {
  DataFolderInUseError,
  closedCleanly,
  lockDataFolder,
  recordCleanClose,
  recordSeeded,
  removeEmbedded,
  staleReason,
} from '../../src/seed/embedded.js';
import { seedVersion } from '../../src/seed/seed.js';

const folder = () => mkdtempSync(join(tmpdir(), 'health-graph-embedded-'));

describe('the embedded data folder', () => {
  it('keeps a graph built from the current seed files and calls one built from others stale', () => {
    const dir = folder();
    const cypher = join(dir, 'cypher');
    cpSync(loadConfig().cypherDir, cypher, { recursive: true });
    const graph = join(dir, 'graph.kuzu');
    writeFileSync(graph, 'pretend database');
    writeFileSync(`${graph}.wal`, 'pretend log');
    const before = seedVersion(cypher);
    recordSeeded(graph, before);
    expect(staleReason(graph, seedVersion(cypher))).toBeUndefined();

    writeFileSync(join(cypher, 'seed', '002.cypher'), "MERGE (n:Organization {id: 'org:新'}) SET n.name = '新';\n", { flag: 'a' });
    const after = seedVersion(cypher);
    expect(after).not.toBe(before);
    expect(staleReason(graph, after)).toBe('the seed files changed');
    const release = lockDataFolder(graph);
    removeEmbedded(graph);
    expect(readdirSync(dir).filter((f) => f.startsWith('graph.kuzu'))).toEqual(['graph.kuzu.lock']);
    expect(staleReason(graph, after)).toBeUndefined(); // nothing left to be stale
    release();
  });

  it('calls a graph with no record of its seed files stale', () => {
    const dir = folder();
    writeFileSync(join(dir, 'graph.kuzu'), 'pretend database');
    expect(staleReason(join(dir, 'graph.kuzu'), 'anything')).toBe('the embedded graph has no record of its seed files');
  });

  it('knows files left by a clean shutdown from files changed since', async () => {
    const graph = join(folder(), 'graph.kuzu');
    writeFileSync(graph, 'pretend database');
    expect(closedCleanly(graph)).toBe(false);
    recordCleanClose(graph);
    expect(closedCleanly(graph)).toBe(true);
    await new Promise((r) => setTimeout(r, 5));
    writeFileSync(`${graph}.wal`, 'a log a crash left');
    expect(closedCleanly(graph)).toBe(false);
  });

  it('lets one process at a time take the folder, and takes over a lock whose process is gone', async () => {
    const graph = join(folder(), 'graph.kuzu');
    const ownLock = () => readFileSync(`${graph}.lock`, 'utf8').split(' ')[0];
    const release = lockDataFolder(graph);
    expect(ownLock()).toBe(String(process.pid));
    expect(() => lockDataFolder(graph)).toThrow(DataFolderInUseError);
    expect(() => lockDataFolder(graph)).toThrow(new RegExp(`in use by process ${process.pid}`));
    release();
    expect(existsSync(`${graph}.lock`)).toBe(false);

    const gone = spawn(process.execPath, ['-e', '0']);
    const pid = gone.pid!;
    await new Promise((resolve) => gone.on('exit', resolve));
    writeFileSync(`${graph}.lock`, String(pid));
    const again = lockDataFolder(graph);
    expect(ownLock()).toBe(String(process.pid));
    again();
  });

  it('knows a reused pid from its owner: a live process that started later, or this process after a restart (pid 1 in a container)', () => {
    const graph = join(folder(), 'graph.kuzu');
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const started = readFileSync(`/proc/${live.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19];
      writeFileSync(`${graph}.lock`, `${live.pid} ${started}`);
      expect(() => lockDataFolder(graph)).toThrow(new RegExp(`in use by process ${live.pid}`));
      // The same pid, but a start time of a process long gone: the pid was reused.
      writeFileSync(`${graph}.lock`, `${live.pid} 1`);
      lockDataFolder(graph)();
    } finally {
      live.kill();
    }
    // This very pid, written by an earlier incarnation that did not release it.
    writeFileSync(`${graph}.lock`, `${process.pid} 1`);
    const release = lockDataFolder(graph);
    expect(() => lockDataFolder(graph)).toThrow(DataFolderInUseError);
    release();
  });
});
