import {
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getArgumentValues,
  getVariableValues,
  getNamedType,
  getNullableType,
  isListType,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { GraphProfile } from '../data/profile.js';
import { listSize, type Arguments } from './list-sizes.js';

/** What an operation would do, measured before anything runs. */
export interface Measurement {
  /** Deepest nesting of fields, introspection aside. */
  depth: number;
  /** Fields it would resolve, each list multiplying what it selects by its size. */
  cost: number;
  /** Deepest nesting inside `__schema` / `__type`. */
  introspectionDepth: number;
  /** How many times `__schema` and `__type` are resolved: each answers a large part of the schema. */
  introspections: number;
}

/** How many aliases, directives and fragment spreads a document writes (each counted where written). */
export function documentCounts(document: DocumentNode): { aliases: number; directives: number; spreads: number } {
  const counts = { aliases: 0, directives: 0, spreads: 0 };
  visit(document, {
    Field: (node) => void (node.alias && counts.aliases++),
    Directive: () => void counts.directives++,
    FragmentSpread: () => void counts.spreads++,
  });
  return counts;
}

/** graphql-js's own cap on the errors of coercing variables in execution. */
export const MAX_COERCION_ERRORS = 50;

const NONE: Measurement = { depth: 0, cost: 0, introspectionDepth: 0, introspections: 0 };

type Fields = Record<string, GraphQLField<unknown, unknown>>;
const fieldsOf = (type: GraphQLNamedType | undefined): Fields | undefined => (type && 'getFields' in type ? (type.getFields() as Fields) : undefined);
const META_FIELDS: Fields = { __schema: SchemaMetaFieldDef, __type: TypeMetaFieldDef };

/**
 * Measures an operation in time linear in the document: each fragment is measured once and reused
 * wherever it is spread, and a fragment spread twice in one selection counts once, as execution merges
 * it. Arguments are read as execution reads them, with the variables' and the schema's defaults;
 * undefined when the variables cannot be coerced (execution reports that).
 * Introspection is measured apart (its own depth), so the playground's
 * schema query is never held to the limits of data queries.
 */
export function measure(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown>,
  profile: GraphProfile,
): Measurement | undefined {
  // As execution does: a flood of bad values stops at the first few errors instead of costing CPU per value.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs, { maxErrors: MAX_COERCION_ERRORS });
  // Variables that cannot be coerced are the executor's error to report, with its own message.
  if (coerced.errors) return undefined;
  const variables = coerced.coerced;
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const memo = new Map<string, Measurement>();
  const inProgress = new Set<string>();

  const walk = (set: SelectionSetNode, type: GraphQLNamedType | undefined, introspection: boolean): Measurement => {
    let size = NONE;
    const spread = new Set<string>();
    for (const selection of set.selections) {
      let inner: Measurement;
      if (selection.kind === Kind.FIELD) inner = fieldSize(selection, type, introspection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = walk(
          selection.selectionSet,
          selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? undefined) : type,
          introspection,
        );
      } else {
        if (spread.has(selection.name.value)) continue;
        spread.add(selection.name.value);
        inner = fragmentSize(selection.name.value, introspection);
      }
      size = {
        depth: Math.max(size.depth, inner.depth),
        cost: size.cost + inner.cost,
        introspectionDepth: Math.max(size.introspectionDepth, inner.introspectionDepth),
        introspections: size.introspections + inner.introspections,
      };
    }
    return size;
  };

  const fragmentSize = (name: string, introspection: boolean): Measurement => {
    const key = `${introspection}|${name}`;
    const known = memo.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    // A cycle is GraphQL validation's to report; here it only stops the walk.
    if (!fragment || inProgress.has(key)) return NONE;
    inProgress.add(key);
    const size = walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, introspection);
    inProgress.delete(key);
    memo.set(key, size);
    return size;
  };

  const fieldSize = (node: FieldNode, parent: GraphQLNamedType | undefined, introspection: boolean): Measurement => {
    const name = node.name.value;
    if (name === '__typename') return { ...NONE, depth: introspection ? 0 : 1, introspectionDepth: introspection ? 1 : 0 };
    const inIntrospection = introspection || name in META_FIELDS;
    const definition = META_FIELDS[name] ?? fieldsOf(parent)?.[name];
    if (!definition) return { ...NONE, depth: 1, cost: 1 }; // unknown fields are validation's to report
    const inner = node.selectionSet ? walk(node.selectionSet, getNamedType(definition.type), inIntrospection) : NONE;
    if (inIntrospection) {
      return { ...NONE, introspectionDepth: inner.introspectionDepth + 1, introspections: inner.introspections + (name in META_FIELDS ? 1 : 0) };
    }
    const isList = isListType(getNullableType(definition.type));
    let args: Arguments = {};
    try {
      args = getArgumentValues(definition, node, variables);
    } catch {
      // Arguments that cannot be coerced are the executor's error to report.
    }
    // Lists without an estimate fail loudly (a unit test walks every list field of the schema).
    const multiplier = node.selectionSet ? (listSize(parent?.name ?? '', name, args, profile) ?? (isList ? undefined : 1)) : 1;
    if (multiplier === undefined) throw new Error(`no size estimate for the list field ${parent?.name}.${name}`);
    return { ...inner, depth: inner.depth + 1, cost: 1 + multiplier * inner.cost };
  };

  return walk(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, false);
}
