/**
 * Several read statements sent to Neo4j as one: each runs in a subquery of its own, its rows collected
 * into a list of value lists (maps would repeat every key in every row, which the driver then decodes),
 * so a batch costs one round trip and one statement's work in the driver instead of one per statement.
 */
import type { Params, Row, Value } from './store.js';

/** The start of a statement: finds some nodes and names them `variable` (nothing else stays in scope). */
export type Start = (variable: string) => string;

/** A statement of a batch. */
export interface Statement {
  cypher: string;
  params?: Params;
  /**
   * How `cypher` was built from a start, with `params` being the start's: statements of a batch with the
   * same start and parameters find its nodes once (a page of a list is filtered and sorted once for the
   * page and every field read from it).
   */
  from?: { start: Start; build: (start: Start) => string };
}

/**
 * The statement's text with whatever is nested (brackets, braces, parentheses, string literals and
 * backquoted names) blanked to spaces, so the clauses of the statement itself can be found by position.
 */
function topLevel(cypher: string): string {
  let out = '';
  let depth = 0;
  let quote = '';
  for (let i = 0; i < cypher.length; i++) {
    const c = cypher[i]!;
    if (quote) {
      if (c === '\\') {
        out += '  ';
        i++;
        continue;
      }
      if (c === quote) quote = '';
      out += ' ';
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c;
      out += ' ';
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
      out += ' ';
    } else if (c === ')' || c === ']' || c === '}') {
      depth--;
      out += ' ';
    } else out += depth ? ' ' : c;
  }
  return out;
}

/**
 * The names of the columns a read statement returns, from its last `RETURN`: each an alias (`… AS x`) or
 * a bare variable. A column of any other form has no name a subquery could pass on, which is an error.
 */
export function returnColumns(cypher: string): string[] {
  const outer = topLevel(cypher);
  const found = [...outer.matchAll(/\bRETURN\s+(?:DISTINCT\s+)?/g)].pop();
  if (!found) throw new Error(`a statement without RETURN cannot be combined: ${cypher}`);
  const start = found.index + found[0].length;
  const end = outer.slice(start).search(/\s(?:ORDER\s+BY|SKIP|LIMIT)\s/);
  const list = outer.slice(start, end < 0 ? undefined : start + end);
  const columns: string[] = [];
  let from = 0;
  for (const part of list.split(',')) {
    const item = cypher.slice(start + from, start + from + part.length).trim();
    from += part.length + 1;
    const name = /\bAS\s+(\w+)$/i.exec(item)?.[1] ?? (/^\w+$/.test(item) ? item : undefined);
    if (!name) throw new Error(`the column "${item}" has no name to combine by: ${cypher}`);
    columns.push(name);
  }
  return columns;
}

/** Parameter `name` of part `part` of a batch, renamed so that the parts keep theirs apart. */
const renamed = (part: string, name: string) => `${part}_${name}`;
const renaming = (part: string, cypher: string) => cypher.replace(/\$(\w+)/g, (_, name: string) => `$${renamed(part, name)}`);

/** Whether `statement` is built on `start` with `params`: one finding of the start serves all such statements. */
const builtOn = (statement: Statement, start: Start, params: Params | undefined) => statement.from?.start === start && statement.params === params;

/**
 * One statement running every statement of the batch, with their parameters: it returns a record per
 * statement, in their order, whose column `rows` holds the statement's rows as value lists, in the
 * order it gave them (a record each rather than one record of them all: the driver decodes a string
 * in a record larger than a chunk by walking the chunks, and the nested page reads 25 % faster). Each
 * start shared by several statements is found first, its nodes collected as `s<k>`, and those
 * statements start by unwinding them.
 */
export function combine(statements: readonly Statement[]): { cypher: string; params: Params; columns: string[][] } {
  const columns = statements.map((s) => returnColumns(s.cypher));
  const params: Params = {};
  const take = (part: string, own: Params = {}) => {
    for (const [name, value] of Object.entries(own)) params[renamed(part, name)] = value;
  };
  const starts: Array<{ start: Start; params?: Params; name: string; users: number }> = [];
  const shared = statements.map((statement) => {
    const { from, params: own } = statement;
    if (!from) return undefined;
    let found = starts.find((s) => builtOn(statement, s.start, s.params));
    if (!found) starts.push((found = { start: from.start, params: own, name: `s${starts.length}`, users: 0 }));
    found.users++;
    return found;
  });
  const clauses: string[] = [];
  for (const start of starts.filter((s) => s.users > 1)) {
    clauses.push(`CALL () { ${renaming(start.name, start.start('n'))} RETURN collect(n) AS ${start.name} }`);
    take(start.name, start.params);
  }
  statements.forEach(({ cypher, params: own, from }, i) => {
    const start = shared[i];
    const part = `p${i}`;
    let body: string;
    let scope = '';
    if (from && start && start.users > 1) {
      body = renaming(
        start.name,
        from.build((v) => `UNWIND ${start.name} AS ${v}`),
      );
      scope = start.name;
    } else {
      body = renaming(part, cypher);
      take(part, own);
    }
    clauses.push(`CALL (${scope}) { CALL (${scope}) { ${body} } RETURN collect([${columns[i]!.join(', ')}]) AS ${part} }`);
  });
  return { cypher: `${clauses.join(' ')} UNWIND [${statements.map((_, i) => `p${i}`).join(', ')}] AS rows RETURN rows`, params, columns };
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

/** A statement of a batch and its position there. */
export interface Placed {
  statement: Statement;
  at: number;
}

/**
 * A batch cut into pieces of at most `COMBINED_UP_TO` statements, those with the same start kept
 * together as far as a piece holds them (so that each start is found once per piece); `at` gives each
 * statement's position in the batch.
 */
export function pieces(statements: readonly Statement[]): Placed[][] {
  const groups: Placed[][] = [];
  statements.forEach((statement, at) => {
    const { from, params } = statement;
    const same = from && groups.find(([first]) => builtOn(first!.statement, from.start, params));
    if (same) same.push({ statement, at });
    else groups.push([{ statement, at }]);
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
