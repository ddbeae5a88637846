import type { GraphQLFormattedError } from 'graphql';
import { DatabaseUnavailableError, DeadlineError } from '../graph/store.js';
import { ErrorCode } from './codes.js';

/** Codes a client may see with their own messages: everything else is an internal error. */
const PUBLIC_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR));

/** Kuzu's message when a query hits its time limit. */
const INTERRUPTED = /interrupted/i;
/** Neo4j's codes when a transaction hits its time limit (the client's or the server's). */
const TIMED_OUT = /^Neo\.ClientError\.Transaction\.TransactionTimedOut/;
/** graphql-js's message when a document passes the token limit (it spells it "more that"). */
const TOO_MANY_TOKENS = /Document contains more tha[nt] \d+ tokens/;

/** The error at the root of a wrapped one (resolvers and plugins both wrap what they throw). */
function originOf(error: unknown): unknown {
  let at = error;
  while (at instanceof Error && (at as { originalError?: unknown }).originalError) at = (at as { originalError?: unknown }).originalError;
  return at;
}

/** The code an error stands for when its origin, not its extensions, decides it. */
function codeOf(original: unknown, formatted: GraphQLFormattedError): { code: ErrorCode; message: string } | undefined {
  if (original instanceof DatabaseUnavailableError)
    return { code: ErrorCode.DATABASE_UNAVAILABLE, message: 'The database is unavailable; try again shortly' };
  if (original instanceof DeadlineError) return { code: ErrorCode.REQUEST_TIMEOUT, message: 'The request ran out of time' };
  if (original instanceof Error && (INTERRUPTED.test(original.message) || TIMED_OUT.test(String((original as { code?: unknown }).code))))
    return { code: ErrorCode.QUERY_TIMEOUT, message: 'The query took longer than its time limit' };
  if (TOO_MANY_TOKENS.test(formatted.message)) return { code: ErrorCode.QUERY_TOO_LARGE, message: formatted.message };
  return undefined;
}

/**
 * Shapes every error a response carries: the database being away is DATABASE_UNAVAILABLE, a query past
 * its time limit QUERY_TIMEOUT, a document past the token limit QUERY_TOO_LARGE; outside development,
 * internal errors lose their message (which may hold Cypher or paths) and every error loses its stack trace.
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const known = codeOf(originOf(error), formatted);
    if (known) return { ...formatted, message: known.message, extensions: { code: known.code } };
    const given = formatted.extensions?.code;
    const code = typeof given === 'string' ? given : ErrorCode.INTERNAL_SERVER_ERROR;
    if (!production) return formatted;
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    if (PUBLIC_CODES.has(code)) return { ...formatted, extensions };
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
