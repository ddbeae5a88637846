import type { ApolloServer, GraphQLRequest } from '@apollo/server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Context } from '../../src/context.js';
import type { GraphStore } from '../../src/graph/store.js';
import { loadConfig } from '../../src/config.js';
import { createApollo, createContext, createHttpServer } from '../../src/server.js';

/**
 * The server settings of a test run: the defaults, with any overrides given as environment variables.
 * The response cache is off unless a test turns it on: suites count the reads an operation costs.
 */
export const testConfig = (env: Record<string, string> = {}) => loadConfig({ NODE_ENV: 'test', RESPONSE_CACHE: 'false', ...env });

/** Apollo Server started over a store, for `executeOperation` tests. */
export async function startApollo(store: GraphStore): Promise<ApolloServer<Context>> {
  const apollo = createApollo(testConfig(), store);
  await apollo.start();
  return apollo;
}

/** Runs one operation through Apollo Server; returns the single result and the statements, round trips and waits it cost. */
export async function execute(apollo: ApolloServer<Context>, store: GraphStore, request: GraphQLRequest) {
  const contextValue = createContext(store);
  const response = await apollo.executeOperation(request, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return {
    ...response.body.singleResult,
    statements: contextValue.data.statements,
    roundTrips: contextValue.data.roundTrips,
    waits: contextValue.data.waits,
  };
}

/** The HTTP server listening on a free loopback port. */
export async function startHttp(
  store: GraphStore,
  env: Record<string, string> = {},
): Promise<{ url: string; server: Server; stop: () => Promise<void> }> {
  const { server, stop } = await createHttpServer(store, testConfig(env));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    stop,
  };
}

/** POSTs a GraphQL request to the server and returns the status and parsed body. */
export async function postGraphQL(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}
