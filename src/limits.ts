import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError, Kind, type DocumentNode, type GraphQLSchema, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode,
} from 'graphql';

/** How deep and how costly one operation may be. */
export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
}

/** Page size assumed for a list field without `first` (the connections' default). */
const DEFAULT_LIST_SIZE = 20;
/** The largest list any field returns (a neighborhood's node limit). */
const MAX_LIST_SIZE = 500;

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
}

/** The integer value of an argument, reading variables; undefined when absent or not an integer. */
function intValue(node: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE && Number.isInteger(variables[node.name.value])) return variables[node.name.value] as number;
  return undefined;
}

/**
 * Walks a selection set (fragments expanded) and returns its depth and cost: every field costs 1, and a
 * field with `first` (or `limit`) multiplies the cost of what it selects by that page size. Aliases and
 * repeated fragments count every time, so alias and fragment bombs cost what they would execute.
 */
function measure(
  set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, variables: Record<string, unknown>, seen: ReadonlySet<string>, cap: number,
  connections: ReadonlySet<string>,
): { depth: number; cost: number } {
  let depth = 0;
  let cost = 0;
  for (const selection of set.selections) {
    let inner = { depth: 0, cost: 0 };
    if (selection.kind === Kind.FIELD) {
      if (selection.selectionSet) {
        inner = measure(selection.selectionSet, fragments, variables, seen, cap, connections);
        // Page sizes count up to the largest any field serves; a larger one is the resolver's clear error to give.
        const asked = intValue(selection.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'limit')?.value, variables);
        const size = asked === undefined ? undefined : Math.min(asked, MAX_LIST_SIZE);
        const pages = size ?? (connections.has(selection.name.value) ? DEFAULT_LIST_SIZE : 1);
        inner = { depth: inner.depth + 1, cost: 1 + inner.cost * Math.max(1, pages) };
      } else inner = { depth: 1, cost: selection.name.value.startsWith('__') ? 0 : 1 };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(selection.selectionSet, fragments, variables, seen, cap, connections);
    } else {
      const fragment = fragments.get(selection.name.value);
      // A cycle is reported by graphql's own NoFragmentCycles rule; here it just stops the walk.
      if (fragment && !seen.has(fragment.name.value)) {
        inner = measure(fragment.selectionSet, fragments, variables, new Set([...seen, fragment.name.value]), cap, connections);
      }
    }
    depth = Math.max(depth, inner.depth);
    cost = Math.min(cost + inner.cost, cap * 10);
  }
  return { depth, cost };
}

const refuse = (message: string, code: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/** Names of the fields returning a connection: without `first` they return a default page. */
export function connectionFields(schema: GraphQLSchema): Set<string> {
  // Duck-typed rather than `isObjectType`: Apollo may hold the schema from graphql's other module build.
  const names = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!('getFields' in type) || type.name.startsWith('__')) continue;
    for (const field of Object.values((type as { getFields(): Record<string, { name: string; type: unknown }> }).getFields())) {
      let named = field.type as { ofType?: unknown; name?: string };
      while (named.ofType) named = named.ofType as typeof named;
      if (named.name?.endsWith('Connection')) names.add(field.name);
    }
  }
  return names;
}

/** Refuses an operation deeper or costlier than the limits (variables known, before anything runs). */
export function checkLimits(
  document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, limits: QueryLimits, connections: ReadonlySet<string>,
): void {
  const { depth, cost } = measure(operation.selectionSet, fragmentsOf(document), variables, new Set(), limits.maxCost, connections);
  if (depth > limits.maxDepth) throw refuse(`Query is ${depth} levels deep; the limit is ${limits.maxDepth}`, 'QUERY_TOO_DEEP');
  if (cost > limits.maxCost) throw refuse(`Query costs about ${cost} (fields times page sizes); the limit is ${limits.maxCost}`, 'QUERY_TOO_COSTLY');
}

/**
 * The Apollo plugin enforcing the public contract on every operation once it is parsed and chosen:
 * queries only (the API is read-only), within the depth and cost limits.
 */
export function limitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  let connections: Set<string> | undefined;
  return {
    async requestDidStart({ schema }) {
      connections ??= connectionFields(schema);
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          if (operation.operation !== 'query') throw refuse(`This API is read-only: ${operation.operation} operations are not served`, 'READ_ONLY');
          checkLimits(document, operation, request.variables ?? {}, limits, connections!);
        },
      };
    },
  };
}
