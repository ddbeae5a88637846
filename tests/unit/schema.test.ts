import { buildASTSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, parse, concatAST } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/schema.js';

describe('the GraphQL schema', () => {
  const schema = buildASTSchema(concatAST(loadTypeDefs().map((sdl) => parse(sdl))));
  const ours = Object.values(schema.getTypeMap()).filter(
    (t) => !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name),
  );

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of ours) {
      if (!type.description && type.name !== 'Query') missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('offers a lookup and a list for every entity type, all behind the Node interface', () => {
    const query = schema.getQueryType()!.getFields();
    for (const [one, many] of [
      ['organization', 'organizations'],
      ['program', 'programs'],
      ['achievement', 'achievements'],
      ['person', 'people'],
      ['place', 'places'],
      ['policy', 'policies'],
      ['event', 'events'],
      ['report', 'reports'],
    ]) {
      expect(query[one!]).toBeDefined();
      expect(String(query[many!]!.type)).toMatch(/Connection!$/);
    }
    const implementations = schema
      .getPossibleTypes(schema.getType('Node') as never)
      .map((t) => t.name)
      .sort();
    expect(implementations).toEqual(['Achievement', 'Event', 'Organization', 'Person', 'Place', 'Policy', 'Program', 'Report']);
  });
});
