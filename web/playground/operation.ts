import { Kind, parse } from 'graphql';

/**
 * The operation name to send with `query`: the one GraphiQL chose while the document still defines it,
 * else the name of the document's only operation (none when it is anonymous), else none, so the server
 * answers that a name is needed. GraphiQL reads the document again only 100 ms after an edit: a query
 * pasted and run at once would otherwise go with the name of the operation it replaced.
 */
export function operationToRun(query: string, chosen: string | null | undefined): string | undefined {
  let names: (string | undefined)[];
  try {
    names = parse(query)
      .definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
      .map((d) => d.name?.value);
  } catch {
    // A document that does not parse runs nothing: the server's answer names the syntax error.
    return undefined;
  }
  if (chosen && names.includes(chosen)) return chosen;
  return names.length === 1 ? names[0] : undefined;
}
