import {
  Kind,
  buildASTSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  parse,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import type { GraphProfile } from '../../src/data/profile.js';
import { listSize } from '../../src/limits/list-sizes.js';
import { documentCounts, measure } from '../../src/limits/measure.js';
import { MAX_INTROSPECTION_DEPTH } from '../../src/limits/plugin.js';
import { loadTypeDefs } from '../../src/schema.js';
import { doublingFragments } from '../fixtures/bad-inputs.js';

const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));

/** A graph where every node has 7 links of each type and 3 quotes, and the rest is small and round. */
const profile: GraphProfile = {
  degree: (_label, types, direction) => 7 * (types?.length ?? 15) * (direction === 'BOTH' ? 2 : 1),
  nodes: () => 1000,
  linkSources: 2,
  descendants: 40,
  ancestors: 5,
  placesPerLevel: 30,
  units: 50,
  years: 10,
  reports: 18,
};

const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return measure(schema, document, operation, variables, profile)!;
};

describe('the cost and depth of an operation', () => {
  it('has a size estimate for every list field of the schema, so none counts as one item', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (!isListType(getNullableType(field.type)) || !('getFields' in named)) continue;
        const defaults = Object.fromEntries(field.args.filter((a) => a.defaultValue !== undefined).map((a) => [a.name, a.defaultValue]));
        if (listSize(type.name, field.name, defaults, profile) === undefined) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('multiplies what a list selects by its size: page sizes, fan-outs, model bounds', () => {
    expect(cost('{ organizations(first: 10) { edges { node { id } } } }').cost).toBe(1 + 10 * 3);
    // Without `first`, the schema's default page (20) counts.
    expect(cost('{ organizations { edges { node { id } } } }').cost).toBe(1 + 20 * 3);
    // links without types: 15 types both ways, 7 each.
    expect(cost('{ organization(id: "org:x") { links { node { id } } } }').cost).toBe(1 + 1 + 210 * 2);
    expect(cost('{ organization(id: "org:x") { children { id } } }').cost).toBe(1 + 1 + 7);
    expect(cost('{ stats { byType { count } } }').cost).toBe(1 + 1 + 8);
  });

  it('counts a size as the resolver serves it: null is the default, out of range is held to the range', () => {
    const neighborhood = (limit: string) => cost(`{ neighborhood(id: "org:x", limit: ${limit}) { nodes { id } } }`).cost;
    expect(neighborhood('null')).toBe(neighborhood('200'));
    // A negative size must never lower the total: it was how 49 depth-3 neighbourhoods got past a cost limit of 10.
    expect(neighborhood('-100000000')).toBe(neighborhood('1'));
    expect(neighborhood('999999')).toBe(neighborhood('500'));
    const bypass = `{ z: neighborhood(id: "org:x", limit: -100000000) { nodes { id } } ${Array.from({ length: 49 }, (_, i) => `a${i}: neighborhood(id: "org:x", depth: 3) { nodes { id } }`).join(' ')} }`;
    expect(cost(bypass).cost).toBeGreaterThan(49 * 200);
    expect(cost('{ search(query: "x", first: null) { score } }').cost).toBe(cost('{ search(query: "x") { score } }').cost);
    expect(cost('{ metricRanking(unit: "x", first: null) { id } }').cost).toBe(1 + 10);
    expect(cost('query Q($n: Int) { organizations(first: $n) { edges { node { id } } } }', { n: -5 }).cost).toBe(1);
  });

  it('stops coercing a flood of bad variable values at the first errors, as execution does', () => {
    const query = 'query Q($k: [OrganizationKind!]) { organizations(filter: { kinds: $k }) { totalCount } }';
    const started = performance.now();
    expect(cost(query, { k: Array(12_000).fill('NOPE') })).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('counts each time the schema is asked for', () => {
    expect(cost('{ __schema { types { name } } }').introspections).toBe(1);
    expect(cost(`{ ${Array.from({ length: 10 }, (_, i) => `a${i}: __schema { types { name } }`).join(' ')} }`).introspections).toBe(10);
    expect(cost(getIntrospectionQuery()).introspections).toBe(1);
  });

  it('counts page sizes given by variables and by their defaults', () => {
    const query = 'query Q($n: Int = 100) { organizations(first: $n) { edges { node { id } } } }';
    expect(cost(query).cost).toBe(1 + 100 * 3);
    expect(cost(query, { n: 5 }).cost).toBe(1 + 5 * 3);
  });

  it('measures a 60-level doubling fragment chain at once, as execution merges it', () => {
    const started = performance.now();
    expect(cost(doublingFragments(60)).cost).toBe(0);
    expect(cost(doublingFragments(60, 'organizations(first: 7) { totalCount }')).cost).toBe(1 + 7);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('counts aliases and repeated fields every time they are written', () => {
    expect(cost('{ a: organizations(first: 2) { totalCount } b: organizations(first: 2) { totalCount } }').cost).toBe(2 * (1 + 2));
    expect(documentCounts(parse('{ a: __typename b: __typename @skip(if: true) ...F } fragment F on Query { c: __typename }'))).toEqual({
      aliases: 3,
      directives: 1,
      spreads: 1,
    });
  });

  it("measures introspection apart: GraphiQL's schema query costs nothing and stays within its own depth", () => {
    const graphiql = cost(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true }));
    expect(graphiql.cost).toBe(0);
    expect(graphiql.depth).toBe(0);
    expect(graphiql.introspectionDepth).toBeGreaterThan(12);
    expect(graphiql.introspectionDepth).toBeLessThanOrEqual(MAX_INTROSPECTION_DEPTH);
  });
});
