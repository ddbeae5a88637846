import type { ApolloServer } from '@apollo/server';
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  parse,
  type GraphQLField,
  type GraphQLNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import type { GraphStore } from '../../src/graph/store.js';
import { DataAccess } from '../../src/data/access.js';
import { loadTypeDefs } from '../../src/schema.js';
import { execute, startApollo } from '../support/api.js';
import { ENGINES, withSeededServer } from '../support/stores.js';

const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));

/** A well-linked entity of each type, so every field of it has something to resolve. */
const SAMPLES: Record<string, string> = {
  Organization: 'org:寿阳县医疗集团',
  Program: 'prog:深化医药卫生体制改革',
  Achievement: 'ach:001-12:入选中央财政支持公立医院改革与高质量发展示范项目',
  Person: 'person:张琨',
  Place: 'place:山西省',
  Policy: 'policy:康养济南建设实施方案',
  Event: 'event:新冠肺炎疫情',
  Report: 'report:001',
};

/** Values for the required arguments the root fields take. */
const REQUIRED: Record<string, string> = {
  id: '"org:寿阳县医疗集团"',
  query: '"医院"',
  unit: '"人次"',
  from: '"org:寿阳县人民医院"',
  to: '"org:寿阳县医疗集团"',
};

/** A selection of every field of a type, one level deep: objects give their __typename, connections their count and a node. */
function everyField(type: GraphQLNamedType): string {
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  return Object.values(type.getFields() as Record<string, GraphQLField<unknown, unknown>>)
    .map((field) => {
      // A lookup by id (organization, place …) gets an id of its own type; other arguments their usual value.
      const own = SAMPLES[field.name.charAt(0).toUpperCase() + field.name.slice(1)];
      const args = field.args
        .filter((a) => isNonNullType(a.type) && a.defaultValue === undefined)
        .map((a) => `${a.name}: ${a.name === 'id' && own ? JSON.stringify(own) : REQUIRED[a.name]}`);
      const call = `${field.name}${args.length ? `(${args.join(', ')})` : ''}`;
      const named = getNamedType(field.type);
      if (isScalarType(named) || isEnumType(named)) return call;
      if (named.name.endsWith('Connection')) return `${call} { totalCount edges { cursor node { __typename } } pageInfo { hasNextPage } }`;
      if (isUnionType(named) || isInterfaceType(named)) return `${call} { __typename }`;
      // One level further for plain objects (links, evidence, counts), so their own fields resolve too.
      const inner = Object.values((named as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields())
        .map((f) => (isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type)) ? f.name : `${f.name} { __typename }`))
        .join(' ');
      return `${call} { ${inner} }`;
    })
    .join('\n');
}

/** A request reading every property whatever its operation names: what a narrowed one must answer alike. */
class Unprojected extends DataAccess {
  override project(): void {}
}

for (const engine of ENGINES) {
  describe(`every field of every type, on ${engine}`, () => {
    let store: GraphStore;
    let apollo: ApolloServer<Context>;
    withSeededServer(engine, startApollo, (s, a) => ((store = s), (apollo = a)));

    it.each(Object.entries(SAMPLES))('resolves every field of %s', async (type, id) => {
      const query = `{ node(id: "${id}") { ... on ${type} { ${everyField(schema.getType(type)!)} } } }`;
      const { data, errors } = await execute(apollo, store, { query });
      expect(errors, JSON.stringify(errors)).toBeUndefined();
      expect((data as { node: Record<string, unknown> | null }).node).toMatchObject({ id });
    });

    // A request reads the properties its operation names (see `Projection`): a field asked alone, or
    // beside only `id`, must answer as it does among every field.
    it.each(Object.entries(SAMPLES))('answers each field of %s alone as among every field', async (type, id) => {
      const fields = everyField(schema.getType(type)!).split('\n');
      const all = await apollo.executeOperation(
        { query: `{ node(id: "${id}") { ... on ${type} { ${fields.join('\n')} } } }` },
        { contextValue: { data: new Unprojected(store) } },
      );
      if (all.body.kind !== 'single') throw new Error('expected a single result');
      expect(all.body.singleResult.errors, JSON.stringify(all.body.singleResult.errors)).toBeUndefined();
      const whole = (all.body.singleResult.data as { node: Record<string, unknown> }).node;
      for (const field of fields) {
        const { data, errors } = await execute(apollo, store, { query: `{ node(id: "${id}") { ... on ${type} { ${field} } } }` });
        expect(errors, `${field} ${JSON.stringify(errors)}`).toBeUndefined();
        expect((data as { node: unknown }).node, field).not.toBeNull();
        const name = field.split(/[({ ]/)[0]!;
        expect((data as { node: Record<string, unknown> }).node[name], field).toEqual(whole[name]);
      }
    });

    it('resolves every field of the query root', async () => {
      const { data, errors } = await execute(apollo, store, { query: `{ ${everyField(schema.getQueryType()!)} }` });
      expect(errors).toBeUndefined();
      for (const [field, value] of Object.entries(data as Record<string, unknown>)) expect(value, field).not.toBeUndefined();
    });
  });
}
