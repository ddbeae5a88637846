/**
 * Several read statements sent to Neo4j as one: each runs in a subquery of its own, its rows collected
 * into a list of value lists (maps would repeat every key in every row, which the driver then decodes),
 * so a batch costs one round trip and one statement's work in the driver instead of one per statement.
 * Statements come as data (see `Statement`): parameters are renamed and starts shared from their
 * pieces, never from their text.
 */
import type { Params, Read, Row, Value } from './statement.js';

/** Parameter `name` of part `part` of a batch, renamed so that the parts keep theirs apart. */
const renamed = (part: string) => (name: string) => `${part}_${name}`;

/** Whether two reads go on from one start with the same parameters: one finding of it serves both. */
const sameStart = (a: Read, b: Read) => !!a.statement.start && a.statement.start.key === b.statement.start?.key && a.params === b.params;

/**
 * One statement running every statement of the batch, with their parameters: it returns a record per
 * statement, in their order, whose column `rows` holds the statement's rows as value lists, in the
 * order it gave them (a record each rather than one record of them all: the driver decodes a string
 * in a record larger than a chunk by walking the chunks, and the nested page reads 25 % faster). Each
 * start shared by several statements is found first, its nodes collected as `s<k>`, and those
 * statements start by unwinding them.
 */
export function combine(reads: readonly Read[]): { cypher: string; params: Params; columns: string[][] } {
  const params: Params = {};
  const take = (part: string, own: Params = {}) => {
    for (const [name, value] of Object.entries(own)) params[renamed(part)(name)] = value;
  };
  const starts: Array<{ first: Read; name: string; users: number }> = [];
  const shared = reads.map((read) => {
    if (!read.statement.start) return undefined;
    let found = starts.find((s) => sameStart(s.first, read));
    if (!found) starts.push((found = { first: read, name: `s${starts.length}`, users: 0 }));
    found.users++;
    return found;
  });
  const clauses: string[] = [];
  for (const { first, name } of starts.filter((s) => s.users > 1)) {
    clauses.push(`CALL () { ${first.statement.start!.clause.text(renamed(name))} RETURN collect(n) AS ${name} }`);
    take(name, first.params);
  }
  reads.forEach(({ statement, params: own }, i) => {
    const start = shared[i];
    const part = `p${i}`;
    let body: string;
    let scope = '';
    if (statement.start && start && start.users > 1) {
      body = `UNWIND ${start.name} AS ${statement.start.variable} ${statement.start.rest.text(renamed(start.name))}`;
      scope = start.name;
    } else {
      body = statement.cypher.text(renamed(part));
      take(part, own);
    }
    clauses.push(`CALL (${scope}) { CALL (${scope}) { ${body} } RETURN collect([${statement.columns.join(', ')}]) AS ${part} }`);
  });
  return {
    cypher: `${clauses.join(' ')} UNWIND [${reads.map((_, i) => `p${i}`).join(', ')}] AS rows RETURN rows`,
    params,
    columns: reads.map((r) => [...r.statement.columns]),
  };
}

/**
 * Statements one combined statement holds at most. Neo4j plans a combination whole, as it plans each
 * statement (a tenth of a second per statement on a slow day on two cores), and caches the plan by the
 * combination's text, which changes with every operation's selection: a wide operation first seen
 * (74 statements to look up every field of an organization) took 8 to 11 seconds to plan in one, past the
 * query time limit. Pieces of at most this many are planned side by side and each within its limit;
 * the bench's operations send fewer, in one.
 */
export const COMBINED_UP_TO = 8;

/** A read of a batch and its position there. */
export interface Placed {
  read: Read;
  at: number;
}

/**
 * A batch cut into pieces of at most `COMBINED_UP_TO` statements, those with the same start kept
 * together as far as a piece holds them (so that each start is found once per piece); `at` gives each
 * read's position in the batch.
 */
export function pieces(reads: readonly Read[]): Placed[][] {
  const groups: Placed[][] = [];
  reads.forEach((read, at) => {
    const same = read.statement.start && groups.find(([first]) => sameStart(first!.read, read));
    if (same) same.push({ read, at });
    else groups.push([{ read, at }]);
  });
  const out: Placed[][] = [];
  for (const placed of groups.flat()) {
    const last = out.at(-1);
    if (last && last.length < COMBINED_UP_TO) last.push(placed);
    else out.push([placed]);
  }
  return out;
}

/** Each statement's rows from the combined statement's records. */
export function split(records: readonly Row[], columns: readonly string[][]): Row[][] {
  return columns.map((names, i) =>
    (records[i]!.rows as Value[][]).map((values) => {
      const out: Row = {};
      for (let j = 0; j < names.length; j++) out[names[j]!] = values[j]!;
      return out;
    }),
  );
}

/** Reads sent together as one statement a piece, the pieces side by side: each read's rows, in order. */
export async function readCombined(reads: readonly Read[], send: (cypher: string, params: Params) => Promise<Row[]>): Promise<Row[][]> {
  const answers: Row[][] = [];
  await Promise.all(
    pieces(reads).map(async (piece) => {
      const { cypher, params, columns } = combine(piece.map((p) => p.read));
      split(await send(cypher, params), columns).forEach((rows, i) => (answers[piece[i]!.at] = rows));
    }),
  );
  return answers;
}
