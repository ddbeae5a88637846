/**
 * Bounds on the shape of a request's variables, checked before GraphQL sees them: the schema's inputs
 * nest a few levels and its list arguments take a handful of values, while a body of nested brackets
 * overflows the stack of recursive code downstream and a list of thousands of bad values costs CPU per
 * value.
 */
export const MAX_VARIABLE_DEPTH = 16;
export const MAX_VARIABLE_LIST = 1000;

/** What is wrong with the variables' shape, or undefined; walked without recursion. */
export function variablesProblem(variables: unknown): string | undefined {
  const stack: Array<[unknown, number]> = [[variables, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_VARIABLE_DEPTH) return `variables nest deeper than ${MAX_VARIABLE_DEPTH} levels`;
    const items = Array.isArray(value) ? value : Object.values(value);
    if (Array.isArray(value) && value.length > MAX_VARIABLE_LIST)
      return `a list in variables has ${value.length} items; the limit is ${MAX_VARIABLE_LIST}`;
    for (const item of items) stack.push([item, depth + 1]);
  }
  return undefined;
}

/** The variables a request carries: a POST body's, or a GET's `variables` parameter when it is JSON (else GraphQL reports it). */
export function requestVariables(method: string, body: unknown, search: string): unknown {
  if (method !== 'GET') return typeof body === 'object' && body !== null ? (body as { variables?: unknown }).variables : undefined;
  const text = new URLSearchParams(search).get('variables');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
