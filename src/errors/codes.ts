import { ApolloServerErrorCode } from '@apollo/server/errors';

/**
 * Every error code a client can see in `extensions.code`, with what it means. Apollo's own codes are
 * reused as Apollo spells them; the rest are this API's. The README's table is checked against this list.
 */
export const ErrorCode = {
  BAD_USER_INPUT: ApolloServerErrorCode.BAD_USER_INPUT,
  GRAPHQL_PARSE_FAILED: ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  GRAPHQL_VALIDATION_FAILED: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  BAD_REQUEST: ApolloServerErrorCode.BAD_REQUEST,
  PERSISTED_QUERY_NOT_FOUND: ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  PERSISTED_QUERY_NOT_SUPPORTED: ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  OPERATION_RESOLUTION_FAILURE: ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  INTERNAL_SERVER_ERROR: ApolloServerErrorCode.INTERNAL_SERVER_ERROR,
  QUERY_TOO_LARGE: 'QUERY_TOO_LARGE',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  READ_ONLY: 'READ_ONLY',
  OPERATION_NOT_ALLOWED: 'OPERATION_NOT_ALLOWED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  RATE_LIMITED: 'RATE_LIMITED',
  OVERLOADED: 'OVERLOADED',
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  NOT_FOUND: 'NOT_FOUND',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** What each code means, for the README and for operators. */
export const ERROR_MEANINGS: Record<ErrorCode, string> = {
  BAD_USER_INPUT: 'an argument is malformed or out of range (the message names it): page size, id, filter, range',
  GRAPHQL_PARSE_FAILED: 'the query is not valid GraphQL syntax',
  GRAPHQL_VALIDATION_FAILED: 'the query asks for fields or arguments the schema does not have',
  BAD_REQUEST: 'the HTTP request is not a GraphQL request (no query, body not JSON)',
  PERSISTED_QUERY_NOT_FOUND: 'a persisted-query hash this server does not know',
  PERSISTED_QUERY_NOT_SUPPORTED: 'persisted queries are not enabled',
  OPERATION_RESOLUTION_FAILURE:
    'the operation to run cannot be chosen: several operations and no operationName, or an operationName the document lacks (HTTP 400 under either media type)',
  INTERNAL_SERVER_ERROR: 'a fault of the server; outside development its details are hidden',
  QUERY_TOO_LARGE: 'the document has too many tokens, aliases, directives or fragment spreads',
  QUERY_TOO_DEEP: 'the operation nests deeper than MAX_QUERY_DEPTH (introspection has its own limit)',
  QUERY_TOO_COSTLY: 'the operation would fetch more than MAX_QUERY_COST (fields times list sizes)',
  READ_ONLY: 'a mutation or subscription: the API only answers queries',
  OPERATION_NOT_ALLOWED: 'PERSISTED_ONLY is on and the operation is not on the safelist',
  PAYLOAD_TOO_LARGE: 'the request body is larger than MAX_BODY_BYTES (HTTP 413)',
  UNSUPPORTED_MEDIA_TYPE: 'a POST body that is not application/json (HTTP 415)',
  RATE_LIMITED: 'this client sent more than RATE_LIMIT requests in a minute (HTTP 429, Retry-After)',
  OVERLOADED: 'every slot and the queue are busy; retry after the Retry-After seconds (HTTP 503)',
  REQUEST_TIMEOUT: 'the request took longer than REQUEST_TIMEOUT_MS; its database work is cancelled (HTTP 503)',
  QUERY_TIMEOUT: "a database query ran past the database's own time limit",
  DATABASE_UNAVAILABLE: 'the database cannot be reached or is closed; retry shortly',
  NOT_FOUND: 'no route for the path (HTTP 404)',
};
