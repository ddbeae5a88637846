import { Client, cacheExchange, fetchExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';

/**
 * The pages' GraphQL client: the same public API as any consumer, on this server's /graphql. The
 * document cache answers repeated reads (Back, reopening a node) without a round trip.
 */
export const client = new Client({ url: '/graphql', exchanges: [cacheExchange, fetchExchange], preferGetMethod: false });

/** The API's answer failed: the message is the API's own (e.g. a `BAD_USER_INPUT` naming the argument). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
}

/** Runs a typed operation; resolves with its data or rejects with the API's error messages. */
export async function request<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const result = await client.query(document, variables).toPromise();
  if (result.error) {
    const messages = result.error.graphQLErrors.map((e) => e.message);
    throw new ApiError(messages.length ? messages.join('; ') : (result.error.networkError?.message ?? result.error.message));
  }
  if (!result.data) throw new ApiError('The API returned no data');
  return result.data;
}

/**
 * Keeps only the latest of overlapping requests: `latest(promise)` resolves to undefined when a newer
 * call started meanwhile, so a slow answer never overwrites a newer one.
 */
export function latestOnly() {
  let generation = 0;
  return async <T>(promise: Promise<T>): Promise<T | undefined> => {
    const mine = ++generation;
    const value = await promise;
    return mine === generation ? value : undefined;
  };
}
