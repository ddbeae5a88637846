/**
 * Which stored properties a request reads (see `Projection`): those its operation's document names as
 * fields, anywhere in it. Set when the operation is resolved, before any resolver runs.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type DocumentNode } from 'graphql';
import type { Context } from '../context.js';
import { Projection } from '../data/projection.js';

/** Fields read from stored properties of other names. */
const FIELD_PROPERTIES: Record<string, readonly string[]> = { period: ['periodStart', 'periodEnd', 'periodBasis', 'periodNote'] };

/** Apollo keeps the parsed document of an operation it has seen: its projection is worked out once. */
const projections = new WeakMap<DocumentNode, Projection>();

/** The projection of the fields a document names (in every operation and fragment: a superset is safe). */
export function projectionOf(document: DocumentNode): Projection {
  let found = projections.get(document);
  if (!found) {
    const names = new Set<string>();
    visit(document, {
      [Kind.FIELD]: (field) => {
        const name = field.name.value;
        for (const property of FIELD_PROPERTIES[name] ?? [name]) names.add(property);
        // A field asked in a language reads the property of that language beside it (`nameEn`).
        if (field.arguments?.some((a) => a.name.value === 'language')) names.add(`${name}En`);
      },
    });
    projections.set(document, (found = Projection.of(names)));
  }
  return found;
}

/** Narrows each request's reads to the properties its operation can use. */
export const projectionPlugin = (): ApolloServerPlugin<Context> => ({
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation: ({ document, contextValue }) => Promise.resolve(contextValue.data.project(projectionOf(document))),
    }),
});
