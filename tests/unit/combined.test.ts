import { describe, expect, it } from 'vitest';
import { allReads } from '../../src/data/queries.js';
import { COMBINED_UP_TO, combine, pieces, returnColumns, split } from '../../src/graph/combined.js';
import { neo4jDialect } from '../../src/graph/dialect.js';

describe('reads sent together as one statement', () => {
  it('names the columns of a statement from its last RETURN', () => {
    expect(returnColumns('MATCH (n) RETURN n.id AS id, n.name AS name')).toEqual(['id', 'name']);
    expect(returnColumns('MATCH (n) WITH n.id AS key RETURN DISTINCT key, count(*) AS n ORDER BY key SKIP $s LIMIT 3')).toEqual(['key', 'n']);
    // Commas and keywords inside brackets, maps, subqueries and strings are not the statement's own.
    expect(
      returnColumns(
        "MATCH (o) WHERE COUNT { MATCH (o)--() RETURN 1 } > 0 RETURN collect(DISTINCT [o.id, o.name]) AS pairs, {a: 1, b: 'x, RETURN y'} AS m, 'it''s, AS z' AS s",
      ),
    ).toEqual(['pairs', 'm', 's']);
    expect(returnColumns('MATCH (a) RETURN a.id AS id UNION ALL MATCH (b) RETURN b.id AS id')).toEqual(['id']);
  });

  it('refuses a statement whose columns it cannot name', () => {
    expect(() => returnColumns('MATCH (n) RETURN count(*)')).toThrow(/count\(\*\)" has no name/);
    expect(() => returnColumns('MATCH (n) SET n.x = 1')).toThrow(/without RETURN/);
  });

  const reads = allReads(neo4jDialect);

  it('names the columns of every data-access read, none of which holds a parameter inside a string', () => {
    for (const query of reads) {
      expect(returnColumns(query).length).toBeGreaterThan(0);
      expect(query.match(/'(?:[^'\\]|\\.)*'/g)?.filter((literal) => literal.includes('$')) ?? []).toEqual([]);
    }
  });

  it('keeps each statement apart: its parameters renamed, its rows in its own column', () => {
    const { cypher, params, columns } = combine([
      { cypher: 'MATCH (n {id: $id}) RETURN n.name AS name', params: { id: 'a' } },
      { cypher: 'MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, n.kind AS kind', params: { ids: ['b'] } },
    ]);
    expect(cypher).toBe(
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
    const start = (v: string) => `MATCH (n:Org) WITH n ORDER BY n.name LIMIT $limit WITH n AS ${v}`;
    const params = { limit: 5 };
    const names = (s: typeof start) => `${s('n')} RETURN n.name AS name`;
    const places = (s: typeof start) => `${s('a')} MATCH (a)-[:LOCATED_IN]->(p) RETURN a.id AS key, p.name AS place`;
    const other = (v: string) => `MATCH (${v}:Org {id: $id})`;
    const { cypher, params: all } = combine([
      { cypher: names(start), params, from: { start, build: names } },
      { cypher: places(start), params, from: { start, build: places } },
      // Alone with its start: sent as it is.
      { cypher: names(other), params: { id: 'x' }, from: { start: other, build: names } },
    ]);
    expect(cypher).toBe(
      'CALL () { MATCH (n:Org) WITH n ORDER BY n.name LIMIT $s0_limit WITH n AS n RETURN collect(n) AS s0 } ' +
        'CALL (s0) { CALL (s0) { UNWIND s0 AS n RETURN n.name AS name } RETURN collect([name]) AS p0 } ' +
        'CALL (s0) { CALL (s0) { UNWIND s0 AS a MATCH (a)-[:LOCATED_IN]->(p) RETURN a.id AS key, p.name AS place } RETURN collect([key, place]) AS p1 } ' +
        'CALL () { CALL () { MATCH (n:Org {id: $p2_id}) RETURN n.name AS name } RETURN collect([name]) AS p2 } UNWIND [p0, p1, p2] AS rows RETURN rows',
    );
    expect(all).toEqual({ s0_limit: 5, p2_id: 'x' });
  });

  it(`cuts a wide batch into pieces of at most ${COMBINED_UP_TO}, statements of one start kept together`, () => {
    const start = (v: string) => `MATCH (n:Org) WITH n LIMIT $limit WITH n AS ${v}`;
    const params = { limit: 5 };
    const onStart = (k: number) => {
      const build = (s: typeof start) => `${s('n')} RETURN n.id AS id${k}`;
      return { cypher: build(start), params, from: { start, build } };
    };
    const plain = (k: number) => ({ cypher: `RETURN ${k} AS k` });
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
    for (const { statement, at } of cut.flat()) expect(statement).toBe(batch[at]);
    // The start's six statements come in one piece, in their order, after the plain statement before the first of them.
    const first = cut[0]!.map((p) => p.at);
    expect(first).toEqual([0, 1, 3, 5, 6, 7, 8, 2]);
    expect(pieces(batch.slice(0, 3))).toHaveLength(1);
  });
});
