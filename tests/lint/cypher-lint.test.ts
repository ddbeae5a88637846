import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { listStatements } from '../../src/data/statements/lists.js';
import { WRITES } from '../../src/data/statements/maintenance.js';
import { relatedStatements } from '../../src/data/statements/related.js';
import { loadStatements, registeredStatements } from '../../src/data/statements/registry.js';
import { combine } from '../../src/graph/combined.js';
import { neo4jDialect } from '../../src/graph/dialect.js';
import { withMatchCount, readCypherFile } from '../../src/seed/loader.js';

const ERROR = 1;
await loadStatements();
/** Every statement the code sends (see the registry), by its text. */
const STATEMENTS = registeredStatements(neo4jDialect);
const { cypherDir } = loadConfig();

/**
 * The languages the statements run in, none of them prefixed with one: Cypher 5 on 5.26, on Aura and in
 * databases created before 2026.02; Cypher 25 in those a 2026.02 or later install creates (its shipped
 * neo4j.conf sets it, and so does tools/neo4j).
 */
const LANGUAGES = ['CYPHER 5', 'CYPHER 25'] as const;
type Language = (typeof LANGUAGES)[number];

/** Neo4j's own front end: the errors it reports for a query in a language (parameters are supplied at run time, so not errors). */
function neo4jErrors(query: string, language: Language): string[] {
  return lintCypherQuery(query, { defaultLanguage: language })
    .diagnostics.filter((d) => d.severity === ERROR)
    .map((d) => (typeof d.message === 'string' ? d.message : d.message.value))
    .filter((message) => !/^Parameter \$\w+ is not defined/.test(message));
}

const STRING = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;
const VALID_ESCAPE = /^\\(?:[\\'"bfnrt]|u[0-9a-fA-F]{4})$/;

/**
 * A statement with its literals replaced by placeholders. Neo4j's parser reads a literal's content only
 * for its escapes, which `badEscapes` checks, so statements of one shape lint alike; linting each shape
 * once keeps the check of thousands of generated statements to seconds.
 */
function shapeOf(statement: string): string {
  return statement
    .replace(STRING, "'s'")
    .replace(/(?<![\w.$])\d+(?:\.\d+)?(?![\w])/g, '0')
    .replace(/'s'(?:\s*,\s*'s')+/g, "'s'");
}

function badEscapes(statement: string): string[] {
  return (statement.match(STRING) ?? []).flatMap((literal) => (literal.match(/\\./g) ?? []).filter((e) => !VALID_ESCAPE.test(e)));
}

/** The errors of each shape linted so far, by language and shape. */
const shapesLinted = new Map<string, string[]>();

/** The Neo4j errors of every statement of a file, each named by file, statement number and line. */
function fileErrors(path: string, language: Language): string[] {
  const file = readCypherFile(path);
  return file.statements.flatMap((s, i) => {
    // Linted as the loader sends it: a MATCH statement goes with the count the loader appends.
    const shape = shapeOf(withMatchCount(s.text) ?? s.text);
    const key = `${language}\n${shape}`;
    if (!shapesLinted.has(key)) shapesLinted.set(key, neo4jErrors(shape, language));
    const errors = [...shapesLinted.get(key)!, ...badEscapes(s.text).map((e) => `invalid escape ${e} in a string`)];
    return errors.map((m) => `${file.name} statement ${i + 1} (line ${s.line}): ${m}`);
  });
}

describe('Cypher linted by Neo4j', () => {
  it('finds errors when there are some (the linter is live), by the rules of the language asked', () => {
    for (const language of LANGUAGES) {
      expect(neo4jErrors('MATCH (n) RETURN n.name AS x ORDER BY', language)).not.toEqual([]);
      expect(neo4jErrors('CREATE NODE TABLE T(id STRING, PRIMARY KEY(id))', language)).not.toEqual([]);
    }
    // Cypher 5 only deprecates setting properties from a relationship; Cypher 25 refuses it.
    expect(neo4jErrors('MATCH (n)-[r]->() SET n = r', 'CYPHER 5')).toEqual([]);
    expect(neo4jErrors('MATCH (n)-[r]->() SET n = r', 'CYPHER 25')).not.toEqual([]);
  });

  it('lints a statement by its shape, keeping what literals can break', () => {
    expect(shapeOf("MERGE (n:Org {id: 'a;b', n2: 3.5}) SET n.aliases = ['x', 'y\\'z']")).toBe("MERGE (n:Org {id: 's', n2: 0}) SET n.aliases = ['s']");
    expect(badEscapes("RETURN 'ok\\n', 'bad\\q'")).toEqual(['\\q']);
  });

  describe.each(LANGUAGES)('in %s', (language) => {
    it('has no errors in the Neo4j schema file', () => {
      expect(fileErrors(join(cypherDir, 'schema', neo4jDialect.schemaFile), language)).toEqual([]);
    });

    // kuzu.cypher is Kuzu's table DDL, which Neo4j does not speak; loading it into Kuzu is its check.
    const seeds = readdirSync(join(cypherDir, 'seed')).filter((f) => f.endsWith('.cypher'));
    it.each(seeds)('has no errors in seed file %s', (name) => {
      expect(fileErrors(join(cypherDir, 'seed', name), language)).toEqual([]);
    });

    it.each(STATEMENTS.map((s) => s.text))('has no errors in the statement %s', (query) => {
      expect(neo4jErrors(query, language)).toEqual([]);
    });

    // About twenty long statements, each parsed whole: near a minute on a busy machine, twice that at worst.
    it('has no errors in reads sent together (see `combine`)', { timeout: 300_000 }, () => {
      // Each read is linted alone above, and every read's columns are named (tests/unit/combined.test.ts):
      // here the wrapping, on a sample of every tenth read and every UNION, several to a statement, and
      // on a page with its fields sharing its start. (Linting takes about 0.1 s a statement.)
      const writes = new Set(WRITES.map((s) => s.text));
      const reads = STATEMENTS.filter((s) => !writes.has(s.text));
      const sample = reads.filter((s, i) => i % 10 === 0 || s.text.includes(' UNION '));
      const batches = Array.from({ length: Math.ceil(sample.length / 4) }, (_, i) =>
        sample.slice(i * 4, i * 4 + 4).map((statement) => ({ statement })),
      );
      const { start, items } = listStatements('Organization', ['kinds'], 'NAME_ASC');
      const related = relatedStatements();
      const params = {};
      batches.push([items, related.achievementsOf.Organization.from, related.tree.from].map((from) => ({ statement: from(start), params })));
      for (const batch of batches) {
        const { cypher } = combine(batch);
        expect(neo4jErrors(cypher, language), cypher).toEqual([]);
      }
    });
  });
});
