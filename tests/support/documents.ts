/**
 * The operations the product ships: every `.graphql` document of tests/operations/, the pages (web/)
 * and the playground's examples, each operation as a document of its own holding exactly the
 * fragments it spreads, directly or through other fragments.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { PROJECT_ROOT } from '../../src/config.js';

export interface ShippedOperation {
  /** The file it is written in. */
  file: string;
  name: string;
  operation: OperationDefinitionNode;
  /** Every fragment of the shipped documents, by name (an operation may spread one from another file). */
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** The operation with the fragments it needs, printed. */
  query: string;
}

/** The `.graphql` files under a folder of the project, recursively. */
export function graphqlFiles(folder: string): string[] {
  return readdirSync(join(PROJECT_ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => join(PROJECT_ROOT, folder, f));
}

/** Each operation of the files, with the fragments it needs. */
export function operationsOf(files: readonly string[]): ShippedOperation[] {
  const parsed = files.map((file) => ({ file, definitions: parse(readFileSync(file, 'utf8')).definitions }));
  const fragments = new Map(
    parsed.flatMap(({ definitions }) =>
      definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f] as const),
    ),
  );
  return parsed.flatMap(({ file, definitions }) =>
    definitions
      .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
      .map((operation) => {
        const needed = new Map<string, DefinitionNode>();
        const collect = (node: DefinitionNode) =>
          visit(node, {
            FragmentSpread: (spread) => {
              const fragment = fragments.get(spread.name.value);
              if (fragment && !needed.has(spread.name.value)) {
                needed.set(spread.name.value, fragment);
                collect(fragment);
              }
            },
          });
        collect(operation);
        const query = [operation, ...needed.values()].map((d) => print(d)).join('\n');
        return { file, name: operation.name?.value ?? 'anonymous', operation, fragments, query };
      }),
  );
}
