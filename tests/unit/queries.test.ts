import { describe, expect, it } from 'vitest';
import { ENTITY_PROPERTIES, Projection } from '../../src/data/projection.js';
import { toEntity } from '../../src/data/rows.js';
import { entityColumns, linkColumns, type Column } from '../../src/data/statements/columns.js';
import { entityStatements } from '../../src/data/statements/entities.js';
import type { Keyed } from '../../src/data/statements/keyed.js';
import { dumpStatements } from '../../src/data/statements/dump.js';
import { listStatements, type ListStatements } from '../../src/data/statements/lists.js';
import { relationStatement } from '../../src/data/statements/relations.js';
import { kuzuDialect, neo4jDialect } from '../../src/graph/dialect.js';
import { returns, cypher } from '../../src/graph/statement.js';

/**
 * The Cypher the builders emit, as snapshots: a change to a query shows in review without a database.
 * (Every query is also linted by Neo4j's front end and run on both engines by the integration tests.)
 */
/** A keyed statement's spellings (its template is shown started from a page below). */
const spellings = ({ one, many, joined, seeks }: Keyed) => ({
  one: one.text,
  many: many.text,
  ...(joined && { joined: joined.text }),
  ...(seeks && { seeks: seeks.spelled(2).text }),
});
const statements = ({ page, count }: ListStatements) => ({ page: page.text, count: count.text });
/** Columns as a RETURN spells them. */
const spelled = (columns: readonly Column[]) => cypher`${returns(...columns)}`.text();

describe('the Cypher the data layer sends', () => {
  it("looks entities up by id through the label's index, projecting columns", () => {
    expect(spellings(entityStatements(kuzuDialect).byIds.Person)).toMatchInlineSnapshot(
      `
      {
        "joined": "UNWIND $ids AS wanted MATCH (n:Person {id: wanted}) RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.description AS description, n.masked AS masked, n.scope AS scope, n.nameEn AS nameEn, n.aliasesEn AS aliasesEn",
        "many": "MATCH (n:Person) WHERE n.id IN $ids RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.description AS description, n.masked AS masked, n.scope AS scope, n.nameEn AS nameEn, n.aliasesEn AS aliasesEn",
        "one": "MATCH (n:Person {id: $id}) RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.description AS description, n.masked AS masked, n.scope AS scope, n.nameEn AS nameEn, n.aliasesEn AS aliasesEn",
        "seeks": "MATCH (n:Person {id: $id0}) RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.description AS description, n.masked AS masked, n.scope AS scope, n.nameEn AS nameEn, n.aliasesEn AS aliasesEn UNION ALL MATCH (n:Person {id: $id1}) RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.description AS description, n.masked AS masked, n.scope AS scope, n.nameEn AS nameEn, n.aliasesEn AS aliasesEn",
      }
    `,
    );
  });

  it('follows a relationship field along its types and direction, with the far entity in the same row', () => {
    expect(spellings(relationStatement(neo4jDialect, 'Policy.issuers'))).toMatchInlineSnapshot(
      `
      {
        "many": "MATCH (a:Policy) WHERE a.id IN $ids MATCH (a)<-[r:ISSUED]-(b:Organization) RETURN a.id AS key, type(r) AS type, 'IN' AS direction, b.id AS other, r.source AS source, r.quote AS quote, r.role AS role, r.detail AS detail, b.id AS b_id, b.name AS b_name, b.kind AS b_kind, b.aliases AS b_aliases, b.description AS b_description, b.grade AS b_grade, b.masked AS b_masked, b.scope AS b_scope, b.nameEn AS b_nameEn, b.aliasesEn AS b_aliasesEn",
        "one": "MATCH (a:Policy {id: $id}) MATCH (a)<-[r:ISSUED]-(b:Organization) RETURN a.id AS key, type(r) AS type, 'IN' AS direction, b.id AS other, r.source AS source, r.quote AS quote, r.role AS role, r.detail AS detail, b.id AS b_id, b.name AS b_name, b.kind AS b_kind, b.aliases AS b_aliases, b.description AS b_description, b.grade AS b_grade, b.masked AS b_masked, b.scope AS b_scope, b.nameEn AS b_nameEn, b.aliasesEn AS b_aliasesEn",
      }
    `,
    );
    expect(spellings(relationStatement(kuzuDialect, 'Achievement.holders'))).toMatchInlineSnapshot(
      `
      {
        "many": "MATCH (a:Achievement) WHERE a.id IN $ids MATCH (a)<-[r:HAS_ACHIEVEMENT]-(b) RETURN a.id AS key, label(r) AS type, 'IN' AS direction, b.id AS other, r.source AS source, r.quote AS quote, r.role AS role, r.detail AS detail",
        "one": "MATCH (a:Achievement {id: $id}) MATCH (a)<-[r:HAS_ACHIEVEMENT]-(b) RETURN a.id AS key, label(r) AS type, 'IN' AS direction, b.id AS other, r.source AS source, r.quote AS quote, r.role AS role, r.detail AS detail",
      }
    `,
    );
  });

  it('follows the links of a frontier of mixed labels in one statement, and of one node by its primary key', () => {
    const { OUT } = entityStatements(neo4jDialect).links;
    expect(OUT.many.text).toMatch(/^MATCH \(a:Organization\|Program\|[A-Za-z|]+\) WHERE a\.id IN \$ids MATCH \(a\)-\[r:PART_OF\|/);
    expect(entityStatements(kuzuDialect).links.IN.many.text).toMatch(
      /^MATCH \(a:Organization:Program:[A-Za-z:]+\) WHERE a\.id IN \$ids MATCH \(a\)<-\[r:/,
    );
    expect(OUT.one.Place.text).toMatch(/^MATCH \(a:Place \{id: \$id\}\) MATCH \(a\)-\[r:/);
    // The far end may be of any label: its label and every label's columns come along to prime the lookups.
    expect(OUT.many.text).toContain('labels(b)[0] AS b_label');
    expect(OUT.many.text).toContain('b.level AS b_level');
  });

  it('builds a list page and its count from fixed condition stages', () => {
    expect(statements(listStatements('Organization', [], 'NAME_ASC'))).toMatchInlineSnapshot(`
      {
        "count": "MATCH (n:Organization)  RETURN count(n) AS total",
        "page": "MATCH (n:Organization) WHERE n.name IS NOT NULL  WITH n ORDER BY n.name, n.id SKIP $offset LIMIT $limit WITH n AS n RETURN n.id AS id, n.name AS name, n.kind AS kind, n.aliases AS aliases, n.description AS description, n.grade AS grade, n.masked AS masked, n.scope AS scope, n.nameEn AS nameEn, n.aliasesEn AS aliasesEn",
      }
    `);
    expect(statements(listStatements('Achievement', ['kinds', 'place', 'yearFrom'], 'VALUE_DESC'))).toMatchInlineSnapshot(`
      {
        "count": "MATCH (n:Achievement) WITH n WHERE n.kind IN $kinds WITH n WHERE (EXISTS { MATCH (n)<-[:HAS_ACHIEVEMENT]-()-[:LOCATED_IN]->(:Place)-[:PART_OF*0..8]->(:Place {id: $place}) } OR EXISTS { MATCH (n)<-[:HAS_ACHIEVEMENT]-(:Place)-[:PART_OF*0..8]->(:Place {id: $place}) }) WITH n WHERE n.periodEnd >= $yearFrom RETURN count(n) AS total",
        "page": "MATCH (n:Achievement) WITH n WHERE n.kind IN $kinds WITH n WHERE (EXISTS { MATCH (n)<-[:HAS_ACHIEVEMENT]-()-[:LOCATED_IN]->(:Place)-[:PART_OF*0..8]->(:Place {id: $place}) } OR EXISTS { MATCH (n)<-[:HAS_ACHIEVEMENT]-(:Place)-[:PART_OF*0..8]->(:Place {id: $place}) }) WITH n WHERE n.periodEnd >= $yearFrom WITH n ORDER BY coalesce(n.value, -1.0e300) DESC, n.name, n.id SKIP $offset LIMIT $limit WITH n AS n RETURN n.id AS id, n.name AS name, n.kind AS kind, n.aliases AS aliases, n.description AS description, n.statement AS statement, n.statementEn AS statementEn, n.value AS value, n.unit AS unit, n.year AS year, n.periodStart AS periodStart, n.periodEnd AS periodEnd, n.periodBasis AS periodBasis, n.periodNote AS periodNote, n.original AS original, n.qualifier AS qualifier, n.masked AS masked, n.lost AS lost, n.nameEn AS nameEn, n.aliasesEn AS aliasesEn",
      }
    `);
  });

  it("starts a field's statement from a page of a list, the page's own statement up to its cut", () => {
    const { start } = listStatements('Organization', ['kinds'], 'NAME_ASC');
    expect(relationStatement(kuzuDialect, 'Organization.places').from(start).text).toMatchInlineSnapshot(
      `"MATCH (n:Organization) WHERE n.name IS NOT NULL WITH n WHERE n.kind IN $kinds WITH n ORDER BY n.name, n.id SKIP $offset LIMIT $limit WITH n AS a MATCH (a)-[r:LOCATED_IN]->(b:Place) RETURN a.id AS key, label(r) AS type, 'OUT' AS direction, b.id AS other, r.source AS source, r.quote AS quote, r.role AS role, r.detail AS detail, b.id AS b_id, b.name AS b_name, b.level AS b_level, b.code AS b_code, b.aliases AS b_aliases, b.description AS b_description, b.masked AS b_masked, b.scope AS b_scope, b.nameEn AS b_nameEn, b.aliasesEn AS b_aliasesEn"`,
    );
  });
});

describe('the properties a request reads (Projection)', () => {
  it('reads the properties an operation names, beside those resolvers always use', () => {
    const narrow = Projection.of(['organizations', 'edges', 'node', 'statement', 'evidence', 'quote']);
    expect(spelled(entityColumns(narrow, 'n', 'Achievement'))).toBe(
      'n.id AS id, n.name AS name, n.kind AS kind, n.statement AS statement, n.nameEn AS nameEn',
    );
    expect(spelled(entityColumns(narrow, 'r', 'Report', 'r_'))).toBe(
      'r.id AS r_id, r.name AS r_name, r.title AS r_title, r.source AS r_source, r.nameEn AS r_nameEn',
    );
    expect(entityStatements(neo4jDialect, narrow).byIds.Place.one.text).toBe(
      'MATCH (n:Place {id: $id}) RETURN n.id AS id, n.name AS name, n.level AS level, n.nameEn AS nameEn',
    );
  });

  it("reads a link's quote and qualifiers only when named", () => {
    expect(spelled(linkColumns(Projection.of(['name']), 'r'))).toBe('r.source AS source');
    expect(spelled(linkColumns(Projection.of(['quote', 'role']), 'r'))).toBe('r.source AS source, r.quote AS quote, r.role AS role');
  });

  it('spells each statement once per projection, for every request reading the same properties', () => {
    let spelled = 0;
    const spell = () => ({ statement: ++spelled });
    const first = Projection.of(['year']).spelled('a list', spell);
    expect(Projection.of(['year', 'name']).spelled('a list', spell)).toBe(first);
    expect(Projection.of(['unit']).spelled('a list', spell)).not.toBe(first);
    expect(spelled).toBe(2);
  });

  it('gives the entity record without the properties it did not read', () => {
    const entity = toEntity(Projection.of(['masked']), { id: 'org:a', name: 'A', kind: 'HOSPITAL', masked: true }, 'Organization');
    expect(entity).toEqual({
      id: 'org:a',
      label: 'Organization',
      name: 'A',
      nameEn: null,
      kind: 'HOSPITAL',
      masked: true,
      aliases: [],
      description: null,
    });
  });

  it('is shared by operations naming the same properties, and whole when they name them all', () => {
    expect(Projection.of(['statement', 'name', 'unknownField'])).toBe(Projection.of(['statement']));
    expect(Projection.of([...Object.values(ENTITY_PROPERTIES).flat(), 'quote', 'role', 'detail'])).toBe(Projection.ALL);
    expect(spelled(entityColumns(Projection.ALL, 'n', 'Person'))).toBe(ENTITY_PROPERTIES.Person.map((p) => `n.${p} AS ${p}`).join(', '));
  });
});

describe("the bulk dump's Cypher", () => {
  it("reads each label's nodes by id, and the relationships leaving them, in a fixed order", () => {
    expect(dumpStatements(kuzuDialect).nodes.Place.text).toMatchInlineSnapshot(
      `"MATCH (n:Place) RETURN n.id AS id, n.name AS name, n.level AS level, n.code AS code, n.aliases AS aliases, n.description AS description, n.masked AS masked, n.scope AS scope, n.nameEn AS nameEn, n.aliasesEn AS aliasesEn ORDER BY id"`,
    );
    expect(dumpStatements(neo4jDialect).relationships.Organization.text).toMatchInlineSnapshot(
      `"MATCH (a:Organization)-[r]->(b) RETURN a.id AS startId, type(r) AS type, b.id AS endId, labels(b)[0] AS endLabel, r.source AS source, r.quote AS quote, r.role AS role, r.detail AS detail ORDER BY startId, type, endId, source, quote"`,
    );
  });
});
