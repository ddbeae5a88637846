import { describe, expect, it } from 'vitest';
import { CypherSyntaxError, splitStatements } from '../../src/seed/statements.js';

describe('splitStatements', () => {
  it('splits on semicolons outside strings, quoted names and comments, keeping start lines', () => {
    const script = [
      '// header; not a statement',
      "MERGE (n:Organization {id: 'a;b'}) SET n.name = 'it\\'s; fine';",
      '',
      '/* block; comment */ MATCH (n:`odd;label`) RETURN n',
      ';',
    ].join('\n');
    const statements = splitStatements(script);
    expect(statements.map((s) => s.line)).toEqual([1, 4]);
    expect(statements[0]!.text).toContain("'it\\'s; fine'");
    expect(statements[1]!.text).toContain('`odd;label`');
  });

  it('drops empty and comment-only statements', () => {
    expect(splitStatements(';;\n// only a comment\n;')).toEqual([]);
  });

  it('names an unterminated string with its line', () => {
    expect(() => splitStatements("RETURN 1;\nRETURN 'open")).toThrowError(new CypherSyntaxError('unterminated string starting on line 2'));
  });
});
