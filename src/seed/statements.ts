/** A single-quoted Cypher string literal, escapes included. */
export const CYPHER_STRING = /'(?:[^'\\]|\\.)*'/g;

/** One statement of a Cypher file, with the line it starts on (1-based) for error messages. */
export interface Statement {
  text: string;
  line: number;
}

/** A Cypher file that cannot even be split into statements (an unterminated string or comment). */
export class CypherSyntaxError extends Error {
  override readonly name = 'CypherSyntaxError';
}

/**
 * Splits a Cypher script into statements on `;`, skipping semicolons inside strings, quoted names
 * and comments. Comments are kept inside statements (both engines accept them), blank statements dropped.
 */
export function splitStatements(script: string): Statement[] {
  const statements: Statement[] = [];
  let start = 0;
  let line = 1;
  let startLine = 1;
  let i = 0;
  const push = (end: number) => {
    const text = script.slice(start, end).trim();
    const leading = script.slice(start, end).match(/^\s*/)?.[0] ?? '';
    if (text && !isOnlyComments(text)) statements.push({ text, line: startLine + (leading.match(/\n/g)?.length ?? 0) });
  };
  while (i < script.length) {
    const ch = script[i]!;
    if (ch === '\n') line++;
    if (ch === "'" || ch === '"' || ch === '`') {
      const close = findClose(script, i, ch);
      if (close < 0) throw new CypherSyntaxError(`unterminated ${ch === '`' ? 'quoted name' : 'string'} starting on line ${line}`);
      line += script.slice(i, close).split('\n').length - 1;
      i = close + 1;
      continue;
    }
    if (ch === '/' && script[i + 1] === '/') {
      const end = script.indexOf('\n', i);
      i = end < 0 ? script.length : end;
      continue;
    }
    if (ch === '/' && script[i + 1] === '*') {
      const end = script.indexOf('*/', i + 2);
      if (end < 0) throw new CypherSyntaxError(`unterminated comment starting on line ${line}`);
      line += script.slice(i, end).split('\n').length - 1;
      i = end + 2;
      continue;
    }
    if (ch === ';') {
      push(i);
      start = i + 1;
      startLine = line;
    }
    i++;
  }
  push(script.length);
  return statements;
}

function findClose(script: string, open: number, quote: string): number {
  for (let i = open + 1; i < script.length; i++) {
    if (script[i] === '\\' && quote !== '`') i++;
    else if (script[i] === quote) return i;
  }
  return -1;
}

function isOnlyComments(text: string): boolean {
  return (
    text
      .replace(/\/\/[^\n]*/g, '')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .trim() === ''
  );
}

/** A literal value as a seed statement writes it. */
export type Literal = string | number | Literal[];

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', "'": "'", '"': '"', '\\': '\\' };

/** The value of a quoted Cypher string (its quotes included). */
function unquote(literal: string): string {
  return literal
    .slice(1, -1)
    .replace(/\\(u[0-9a-fA-F]{4}|.)/gs, (_, e: string) => (e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : (ESCAPES[e] ?? e)));
}

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/;
/** Where a value may start: after these, a number is a value, not part of a name or a range. */
const VALUE_CONTEXT = /[=:,[(]\s*$/;

/**
 * Lifts a statement's literal values (strings, numbers, lists of them) into parameters, so that every
 * statement of one shape shares one query plan on Neo4j and one prepared statement on Kuzu: loading
 * thousands of distinct literal statements then costs what loading a few dozen shapes does.
 */
export function parameterize(text: string): { text: string; params: Record<string, Literal> } {
  const params: Record<string, Literal> = {};
  let out = '';
  let i = 0;
  const lift = (value: Literal) => {
    const name = `v${Object.keys(params).length}`;
    params[name] = value;
    return `$${name}`;
  };
  /** Reads a literal at `at` (string, number, or list of those); undefined when there is none. */
  const literalAt = (at: number): { value: Literal; end: number } | undefined => {
    const ch = text[at];
    if (ch === "'") {
      const close = findClose(text, at, "'");
      return close < 0 ? undefined : { value: unquote(text.slice(at, close + 1)), end: close + 1 };
    }
    const number = NUMBER.exec(text.slice(at, at + 40));
    if (number && !/[\w.]/.test(text[at + number[0].length] ?? '')) return { value: Number(number[0]), end: at + number[0].length };
    if (ch !== '[') return undefined;
    const items: Literal[] = [];
    let j = at + 1;
    for (;;) {
      while (/\s/.test(text[j] ?? '')) j++;
      if (text[j] === ']') return { value: items, end: j + 1 };
      const item = literalAt(j);
      if (!item) return undefined;
      items.push(item.value);
      j = item.end;
      while (/\s/.test(text[j] ?? '')) j++;
      if (text[j] === ',') j++;
      else if (text[j] !== ']') return undefined;
    }
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '`' || ch === '"') {
      const close = findClose(text, i, ch);
      out += text.slice(i, close + 1);
      i = close + 1;
      continue;
    }
    if (ch === "'" || (VALUE_CONTEXT.test(out) && (ch === '[' || ch === '-' || /\d/.test(ch)))) {
      const literal = literalAt(i);
      if (literal) {
        out += lift(literal.value);
        i = literal.end;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return { text: out, params };
}
