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
  return text.replace(/\/\/[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '').trim() === '';
}
