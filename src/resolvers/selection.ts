/**
 * What an operation selects, read from its document for the data layer's plan (see `Plan`): the fields
 * selected on the nodes a lookup or a page returns, and on the nodes those fields lead to, so that what
 * they load is read beside the nodes themselves. A lookup with relationship fields waits for the
 * database once, where it waited twice, and so does a list where a wait is a round trip. The field
 * resolvers then find their answers in the request's loaders.
 */
import { Kind, type GraphQLAbstractType, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { PageReading } from '../data/lists.js';
import type { Selection } from '../data/plan.js';

/**
 * The names of the fields selected on a `typeName` reached from the field being resolved along `path`
 * (`['edges', 'node']` for the items of a connection; none for its own value).
 */
export function selectedFields(info: GraphQLResolveInfo, typeName: string, path: readonly string[] = []): Set<string> {
  const object = info.schema.getType(typeName) as GraphQLObjectType;
  // The schema's own methods, not graphql's `is…Type` checks: those test the class, and a second copy of the library is a second class.
  const applies = (condition?: string) => {
    if (!condition || condition === typeName) return true;
    const type = info.schema.getType(condition);
    return !!type && info.schema.isSubType(type as GraphQLAbstractType, object);
  };
  const names = new Set<string>();
  // Fragments on the way (a connection's, an edge's) are followed whatever their type: the path names the fields.
  const visit = (selections: SelectionSetNode | undefined, depth: number) => {
    const last = depth === path.length;
    for (const selection of selections?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (last) names.add(selection.name.value);
        else if (selection.name.value === path[depth]) visit(selection.selectionSet, depth + 1);
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
        if (fragment && (!last || applies(fragment.typeCondition?.name.value))) visit(fragment.selectionSet, depth);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, 0);
  return names;
}

/** A named type's fields, when it has some. */
const fieldsOf = (type: unknown) => (type as Partial<GraphQLObjectType> | undefined)?.getFields?.();

/** The type a field's type names, lists and non-null unwrapped. */
function named(type: unknown): { name?: string } | undefined {
  while ((type as { ofType?: unknown } | undefined)?.ofType) type = (type as { ofType: unknown }).ofType;
  return type as { name?: string } | undefined;
}

/** The way from a field's value to its items: `edges.node` for a connection, none for a node or a list of them. */
const CONNECTION_ITEMS = ['edges', 'node'];
const isConnection = (type: unknown) => !!fieldsOf(type)?.edges && !!fieldsOf(named(fieldsOf(type)!.edges!.type))?.node;

/** The fields an operation selects on nodes of `typeName` reached along `path` (see `Selection`). */
export function selectionOf(info: GraphQLResolveInfo, typeName: string, path: readonly string[] = []): Selection {
  return {
    fields: () => selectedFields(info, typeName, path),
    on: (field) => {
      let type = named(fieldsOf(info.schema.getType(typeName))?.[field]?.type);
      const items = isConnection(type) ? CONNECTION_ITEMS : [];
      for (const step of items) type = named(fieldsOf(type)?.[step]?.type);
      return { type: type?.name, selection: selectionOf(info, type?.name ?? '', [...path, field, ...items]) };
    },
  };
}

/**
 * What a page of a list of `label` reads beside it: the fields selected on its items (the nodes of a
 * connection's edges; the items themselves when it is a plain list), and its count when the
 * connection's total or page info is selected.
 */
export function pageSelection(label: string, info: GraphQLResolveInfo, connection = true): PageReading {
  if (!connection) return { selection: selectionOf(info, label), counted: false };
  const own = selectedFields(info, String(info.returnType).replace(/!$/, ''));
  return { selection: selectionOf(info, label, CONNECTION_ITEMS), counted: own.has('totalCount') || own.has('pageInfo') };
}
