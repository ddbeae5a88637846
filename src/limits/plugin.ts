import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode, buildASTSchema, parse, type GraphQLSchema } from 'graphql';
import type { GraphProfile } from '../data/profile.js';
import { ErrorCode } from '../errors/codes.js';
import { documentCounts, measure } from './measure.js';

/** How large, deep and costly one operation may be. */
export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  /** Tokens a document may hold; enforced by the parser itself, before anything else. */
  maxTokens: number;
  maxAliases: number;
  maxDirectives: number;
  maxFragmentSpreads: number;
}

/**
 * Introspection's own depth limit: GraphiQL's schema query is 15 levels deep (mostly `ofType`). How far
 * its lists nest (`fields { type { fields …`) graphql-js's own validation already limits.
 */
export const MAX_INTROSPECTION_DEPTH = 20;
/**
 * How many `__schema` and `__type` fields one operation may resolve: a tool asks for the schema once
 * (GraphiQL's query has one `__schema`), while fifty aliases of it answer megabytes for a few bytes sent.
 */
export const MAX_INTROSPECTIONS = 5;

const refuse = (message: string, code: ErrorCode) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/**
 * The Apollo plugin enforcing the public contract on every operation once it is parsed, validated and
 * chosen: queries only (the API is read-only), within the size, depth and cost limits. It measures
 * against its own copy of the schema (built from the same SDL), so no graphql module boundary matters.
 */
export function limitsPlugin(typeDefs: readonly string[], limits: QueryLimits, profile: () => Promise<GraphProfile>): ApolloServerPlugin {
  const schema: GraphQLSchema = buildASTSchema(parse(typeDefs.join('\n')));
  return {
    requestDidStart: () =>
      Promise.resolve({
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          if (operation.operation !== OperationTypeNode.QUERY)
            throw refuse(`This API is read-only: ${operation.operation} operations are not served`, ErrorCode.READ_ONLY);
          const counts = documentCounts(document);
          for (const [what, count, max] of [
            ['aliases', counts.aliases, limits.maxAliases],
            ['directives', counts.directives, limits.maxDirectives],
            ['fragment spreads', counts.spreads, limits.maxFragmentSpreads],
          ] as const) {
            if (count > max) throw refuse(`Query has ${count} ${what}; the limit is ${max}`, ErrorCode.QUERY_TOO_LARGE);
          }
          const size = measure(schema, document, operation, request.variables ?? {}, await profile());
          if (!size) return;
          if (size.depth > limits.maxDepth)
            throw refuse(`Query is ${size.depth} levels deep; the limit is ${limits.maxDepth}`, ErrorCode.QUERY_TOO_DEEP);
          if (size.introspectionDepth > MAX_INTROSPECTION_DEPTH) {
            throw refuse(
              `Introspection is ${size.introspectionDepth} levels deep; the limit is ${MAX_INTROSPECTION_DEPTH}`,
              ErrorCode.QUERY_TOO_DEEP,
            );
          }
          if (size.introspections > MAX_INTROSPECTIONS) {
            throw refuse(
              `Query asks for the schema ${size.introspections} times (__schema and __type); the limit is ${MAX_INTROSPECTIONS}`,
              ErrorCode.QUERY_TOO_COSTLY,
            );
          }
          if (size.cost > limits.maxCost) {
            throw refuse(
              `Query would fetch about ${Math.round(size.cost)} items (fields times list sizes); the limit is ${limits.maxCost}`,
              ErrorCode.QUERY_TOO_COSTLY,
            );
          }
        },
      }),
  };
}
