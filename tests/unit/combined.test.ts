import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { on, type Start } from '../../src/data/statements/keyed.js';
import { WRITES } from '../../src/data/statements/maintenance.js';
import { loadStatements, registeredModules, registeredStatements } from '../../src/data/statements/registry.js';
import { COMBINED_UP_TO, combine, pieces, split } from '../../src/graph/combined.js';
import { neo4jDialect } from '../../src/graph/dialect.js';
import { NODES, cypher, param, returns, statement, type Read } from '../../src/graph/statement.js';

await loadStatements();

describe('statements as data', () => {
  it('spells parameters and columns from their pieces, a column named as its expression bare', () => {
    const built = statement(cypher`MATCH (n {id: ${param('id')}}) WITH n.id AS key RETURN ${returns(['key', 'key'], ['n.name', 'name'])}`);
    expect(built.text).toBe('MATCH (n {id: $id}) WITH n.id AS key RETURN key, n.name AS name');
    expect(built.columns).toEqual(['key', 'name']);
    // A dollar sign in a string literal is text, never a parameter: only pieces are renamed.
    expect(cypher`RETURN '$id' AS ${param('id')}`.text((name) => `p0_${name}`)).toBe("RETURN '$id' AS $p0_id");
  });

  it('builds a statement on a start from the start itself or from the nodes a step reaches from it', () => {
    const start: Start = { clause: cypher`MATCH (${NODES}:Org {id: ${param('id')}})` };
    const direct = on(start, 'a', cypher`RETURN ${returns(['a.id', 'id'])}`);
    expect(direct.text).toBe('MATCH (a:Org {id: $id}) RETURN a.id AS id');
    expect(direct.start).toMatchObject({ variable: 'a', key: 'MATCH (n:Org {id: $id})' });
    const reached: Start = { via: start, named: 'x', step: cypher`MATCH (x)-->(b) WITH DISTINCT b AS ${NODES}` };
    const deep = on(reached, 'h', cypher`RETURN ${returns(['h.id', 'id'])}`);
    expect(deep.text).toBe('MATCH (x:Org {id: $id}) MATCH (x)-->(b) WITH DISTINCT b AS h RETURN h.id AS id');
    // It goes on from the first start: reads of a turn share that one.
    expect(deep.start).toMatchObject({ variable: 'x', key: direct.start!.key });
  });
});

describe('reads sent together as one statement', () => {
  it('has every registered read name its columns', () => {
    const writes = new Set(WRITES.map((s) => s.text));
    const reads = registeredStatements(neo4jDialect).filter((s) => !writes.has(s.text));
    expect(reads.length).toBeGreaterThan(100);
    for (const read of reads) expect(read.columns.length, read.text).toBeGreaterThan(0);
  });

  it('keeps each statement apart: its parameters renamed, its rows in its own column', () => {
    const {
      cypher: combined,
      params,
      columns,
    } = combine([
      { statement: statement(cypher`MATCH (n {id: ${param('id')}}) RETURN ${returns(['n.name', 'name'])}`), params: { id: 'a' } },
      {
        statement: statement(cypher`MATCH (n) WHERE n.id IN ${param('ids')} RETURN ${returns(['n.id', 'id'], ['n.kind', 'kind'])}`),
        params: { ids: ['b'] },
      },
    ]);
    expect(combined).toBe(
      'CALL () { CALL () { MATCH (n {id: $p0_id}) RETURN n.name AS name } RETURN collect([name]) AS p0 } ' +
        'CALL () { CALL () { MATCH (n) WHERE n.id IN $p1_ids RETURN n.id AS id, n.kind AS kind } RETURN collect([id, kind]) AS p1 } UNWIND [p0, p1] AS rows RETURN rows',
    );
    expect(params).toEqual({ p0_id: 'a', p1_ids: ['b'] });
    expect(
      split(
        [
          { rows: [['A']] },
          {
            rows: [
              ['b', 'X'],
              ['c', null],
            ],
          },
        ],
        columns,
      ),
    ).toEqual([
      [{ name: 'A' }],
      [
        { id: 'b', kind: 'X' },
        { id: 'c', kind: null },
      ],
    ]);
  });

  it('finds a start its statements share once, and hands its nodes to each', () => {
    const start: Start = { clause: cypher`MATCH (n:Org) WITH n ORDER BY n.name LIMIT ${param('limit')} WITH n AS ${NODES}` };
    const params = { limit: 5 };
    const names = (s: Start) => on(s, 'n', cypher`RETURN ${returns(['n.name', 'name'])}`);
    const places = (s: Start) => on(s, 'a', cypher`MATCH (a)-[:LOCATED_IN]->(p) RETURN ${returns(['a.id', 'key'], ['p.name', 'place'])}`);
    const other: Start = { clause: cypher`MATCH (${NODES}:Org {id: ${param('id')}})` };
    const { cypher: combined, params: all } = combine([
      { statement: names(start), params },
      { statement: places(start), params },
      // Alone with its start: sent as it is.
      { statement: names(other), params: { id: 'x' } },
    ]);
    expect(combined).toBe(
      'CALL () { MATCH (n:Org) WITH n ORDER BY n.name LIMIT $s0_limit WITH n AS n RETURN collect(n) AS s0 } ' +
        'CALL (s0) { CALL (s0) { UNWIND s0 AS n RETURN n.name AS name } RETURN collect([name]) AS p0 } ' +
        'CALL (s0) { CALL (s0) { UNWIND s0 AS a MATCH (a)-[:LOCATED_IN]->(p) RETURN a.id AS key, p.name AS place } RETURN collect([key, place]) AS p1 } ' +
        'CALL () { CALL () { MATCH (n:Org {id: $p2_id}) RETURN n.name AS name } RETURN collect([name]) AS p2 } UNWIND [p0, p1, p2] AS rows RETURN rows',
    );
    expect(all).toEqual({ s0_limit: 5, p2_id: 'x' });
  });

  it(`cuts a wide batch into pieces of at most ${COMBINED_UP_TO}, statements of one start kept together`, () => {
    const start: Start = { clause: cypher`MATCH (n:Org) WITH n LIMIT ${param('limit')} WITH n AS ${NODES}` };
    const params = { limit: 5 };
    const onStart = (k: number): Read => ({ statement: on(start, 'n', cypher`RETURN ${returns(['n.id', `id${k}`])}`), params });
    const plain = (k: number): Read => ({ statement: statement(cypher`RETURN ${returns([String(k), 'k'])}`) });
    // Plain statements with those of the start among them: 3 + 6 of the start + 3.
    const batch = [
      plain(0),
      onStart(1),
      plain(2),
      onStart(3),
      plain(4),
      onStart(5),
      onStart(6),
      onStart(7),
      onStart(8),
      plain(9),
      plain(10),
      plain(11),
    ];
    const cut = pieces(batch);
    expect(cut.map((piece) => piece.length)).toEqual([COMBINED_UP_TO, batch.length - COMBINED_UP_TO]);
    // Every statement once, with its position in the batch.
    expect(
      cut
        .flat()
        .map((p) => p.at)
        .sort((a, b) => a - b),
    ).toEqual(batch.map((_, i) => i));
    for (const { read, at } of cut.flat()) expect(read).toBe(batch[at]);
    // The start's six statements come in one piece, in their order, after the plain statement before the first of them.
    const first = cut[0]!.map((p) => p.at);
    expect(first).toEqual([0, 1, 3, 5, 6, 7, 8, 2]);
    expect(pieces(batch.slice(0, 3))).toHaveLength(1);
  });
});

describe('the registry of statements', () => {
  const folder = join(PROJECT_ROOT, 'src', 'data', 'statements');
  /** Modules that build pieces of statements (starts, columns, patterns) or hold the registry, and send none of their own. */
  const PIECES = ['columns', 'keyed', 'links', 'patterns', 'registry'];
  const modules = readdirSync(folder)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3));

  it('holds every statement of every module of src/data/statements, each registered where it is built', () => {
    expect(registeredModules().sort()).toEqual(modules.filter((m) => !PIECES.includes(m)).sort());
  });

  /** Where Cypher is written outside the folder, and why. */
  const ELSEWHERE: Record<string, string> = {
    'src/graph/combined.ts': 'wraps the statements it is given, to send them as one',
    'src/graph/kuzu.ts': "the embedded engine's ping",
    'src/seed/loader.ts': "counts what a seed file's MATCH statement matched",
    'src/curation/emit.ts': 'writes the seed files, Cypher with the curated values as literals',
  };

  it('is the one home of the Cypher the code sends', () => {
    const files = (dir: string): string[] =>
      readdirSync(join(PROJECT_ROOT, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(`${dir}/${e.name}`) : [`${dir}/${e.name}`],
      );
    const spelling = files('src')
      .filter((f) => f.endsWith('.ts') && !f.startsWith('src/generated/') && !f.startsWith('src/data/statements/') && f !== 'src/graph/statement.ts')
      .filter((f) => /\b(?:MATCH|MERGE) \(|\bRETURN [\w(]/.test(readFileSync(join(PROJECT_ROOT, f), 'utf8')));
    expect(spelling.sort()).toEqual(Object.keys(ELSEWHERE).sort());
  });
});
