import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { discardStaleEmbedded, recordSeeded, seedFingerprint } from '../../src/seed/fingerprint.js';

describe('rebuilding the embedded graph when the seed files change', () => {
  it('keeps a graph built from the current seed files and discards one built from others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'health-graph-fp-'));
    const cypher = join(dir, 'cypher');
    cpSync(loadConfig().cypherDir, cypher, { recursive: true });
    const graph = join(dir, 'graph.kuzu');
    writeFileSync(graph, 'pretend database');
    writeFileSync(`${graph}.wal`, 'pretend log');
    const before = seedFingerprint(cypher);
    recordSeeded(graph, before);
    expect(discardStaleEmbedded(graph, seedFingerprint(cypher))).toBe(false);
    expect(existsSync(graph)).toBe(true);

    writeFileSync(join(cypher, 'seed', '002.cypher'), "MERGE (n:Organization {id: 'org:新'}) SET n.name = '新';\n", { flag: 'a' });
    const after = seedFingerprint(cypher);
    expect(after).not.toBe(before);
    expect(discardStaleEmbedded(graph, after)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('graph.kuzu'))).toEqual([]);
    expect(discardStaleEmbedded(graph, after)).toBe(false); // nothing left to discard
  });

  it('treats a graph with no record of its seed files as stale', () => {
    const dir = mkdtempSync(join(tmpdir(), 'health-graph-fp-'));
    writeFileSync(join(dir, 'graph.kuzu'), 'pretend database');
    expect(discardStaleEmbedded(join(dir, 'graph.kuzu'), 'anything')).toBe(true);
  });
});
