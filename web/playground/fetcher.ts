import type { GraphiQLProps } from 'graphiql';
import { setAnswer } from './answer.js';
import { operationToRun } from './operation.js';

type Fetcher = GraphiQLProps['fetcher'];

/**
 * GraphiQL's fetcher: POSTs to `url` with the operation name the document really has (see
 * `operationToRun`), and records the status, time and size of each answer to an operation run from the
 * editor. Any answer is shown, an error's code with it; a body that is not JSON becomes an error naming
 * the status.
 */
export function playgroundFetcher(url: string): Fetcher {
  return async (params, options) => {
    // GraphiQL passes the editor's document with a run; its own schema request has none, and is not timed.
    const fromEditor = options !== undefined && 'documentAST' in options;
    // A run that gets no answer (the server unreachable) must not show the previous one's.
    if (fromEditor) setAnswer(undefined);
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...options?.headers },
      body: JSON.stringify({ ...params, operationName: operationToRun(params.query, params.operationName) }),
    });
    const body = await response.arrayBuffer();
    if (fromEditor) setAnswer({ status: response.status, ms: performance.now() - started, bytes: body.byteLength });
    const text = new TextDecoder().decode(body);
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return { errors: [{ message: `The server answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}` }] };
    }
  };
}
