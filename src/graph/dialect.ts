/**
 * The few places where the embedded engine (Kuzu) and Neo4j spell Cypher differently.
 * Everything else is written once, in the subset both run.
 */
export interface Dialect {
  /** The file under `cypher/schema/` that prepares an empty database. */
  readonly schemaFile: string;
  /** The expression giving a relationship variable's type. */
  relationshipType(variable: string): string;
  /** A pattern for the shortest path between bound nodes `a` and `b`, named `p`, of at most `maxHops` hops. */
  shortestPath(maxHops: number): string;
  /** The expression giving the relationships of path variable `p`. */
  pathRelationships(path: string): string;
}

export const kuzuDialect: Dialect = {
  schemaFile: 'kuzu.cypher',
  relationshipType: (r) => `label(${r})`,
  shortestPath: (maxHops) => `MATCH p = (a)-[* SHORTEST 1..${hops(maxHops)}]-(b)`,
  pathRelationships: (p) => `rels(${p})`,
};

export const neo4jDialect: Dialect = {
  schemaFile: 'neo4j.cypher',
  relationshipType: (r) => `type(${r})`,
  shortestPath: (maxHops) => `MATCH p = shortestPath((a)-[*1..${hops(maxHops)}]-(b))`,
  pathRelationships: (p) => `relationships(${p})`,
};

/** Path bounds are part of the pattern, not parameters, so they are checked to be small integers here. */
function hops(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 10) throw new RangeError(`path length must be an integer from 1 to 10, got ${n}`);
  return n;
}
