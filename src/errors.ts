import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DatabaseUnavailableError } from './graph/store.js';

/** Codes a client may see with their own messages: everything else is an internal error. */
const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'QUERY_TOO_DEEP', 'QUERY_TOO_COSTLY', 'READ_ONLY',
]);

/** Kuzu's message when a query hits its time limit. */
const INTERRUPTED = /interrupted/i;

/**
 * Shapes every error a response carries: the database being away is DATABASE_UNAVAILABLE, a query past
 * its time limit QUERY_TIMEOUT; outside development, internal errors lose their message (which may hold
 * Cypher or paths) and every error loses its stack trace.
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DatabaseUnavailableError) {
      return { ...formatted, message: 'The database is unavailable; try again shortly', extensions: { code: 'DATABASE_UNAVAILABLE' } };
    }
    if (original instanceof Error && INTERRUPTED.test(original.message)) {
      return { ...formatted, message: 'The query took longer than its time limit', extensions: { code: 'QUERY_TIMEOUT' } };
    }
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (!production) return formatted;
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    if (PUBLIC_CODES.has(code)) return { ...formatted, extensions };
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
