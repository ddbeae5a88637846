/** An operation as a shareable address carries it: `/graphql?query=…&variables=…&operationName=…`. */
export interface SharedOperation {
  query: string;
  variables?: string;
  operationName?: string;
}

/** The operation an address opens, or undefined when it names none. Variables are laid out for the editor. */
export function readLink(search: string): SharedOperation | undefined {
  const params = new URLSearchParams(search);
  const query = params.get('query');
  if (!query) return undefined;
  const variables = params.get('variables') ?? undefined;
  const operationName = params.get('operationName') ?? undefined;
  return { query, ...(variables ? { variables: layOut(variables) } : {}), ...(operationName ? { operationName } : {}) };
}

/** The address of the playground opening `operation`; variables travel as compact JSON when they parse. */
export function linkTo(origin: string, operation: SharedOperation): string {
  const params = new URLSearchParams({ query: operation.query });
  const variables = operation.variables?.trim();
  if (variables && variables !== '{}') params.set('variables', compact(variables));
  if (operation.operationName) params.set('operationName', operation.operationName);
  return `${origin}/graphql?${params.toString()}`;
}

/** JSON text rewritten by `format`, or as it is when it does not parse (the editor then shows the problem). */
const reformat = (text: string, format: (value: unknown) => string) => {
  try {
    return format(JSON.parse(text));
  } catch {
    return text;
  }
};
const compact = (text: string) => reformat(text, (value) => JSON.stringify(value));
const layOut = (text: string) => reformat(text, (value) => JSON.stringify(value, null, 2));
