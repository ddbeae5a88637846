import {
  buildASTSchema,
  concatAST,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  parse,
  type GraphQLEnumType,
  type GraphQLObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { RELATION_FIELDS } from '../../src/model/fields.js';
import { ACHIEVEMENT_KINDS, NODE_LABELS, ORGANIZATION_KINDS, PLACE_LEVELS, PROGRAM_KINDS, RELATION_TYPES } from '../../src/model/graph.js';
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

  it("has the model's kinds, levels, relationship types and entity types as its enums, no more and no less", () => {
    const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);
    expect(values('OrganizationKind')).toEqual([...ORGANIZATION_KINDS]);
    expect(values('ProgramKind')).toEqual([...PROGRAM_KINDS]);
    expect(values('AchievementKind')).toEqual([...ACHIEVEMENT_KINDS]);
    expect(values('PlaceLevel')).toEqual([...PLACE_LEVELS]);
    expect(values('RelationshipType')).toEqual([...RELATION_TYPES]);
    expect(values('EntityType')).toEqual(NODE_LABELS.map((l) => l.toUpperCase()));
  });

  it('resolves every relationship field the model names, and the model names every one the resolvers follow', () => {
    for (const name of Object.keys(RELATION_FIELDS)) {
      const [type, field] = name.split('.') as [string, string];
      expect((schema.getType(type) as GraphQLObjectType).getFields()[field], name).toBeDefined();
    }
  });
});
