/**
 * Lookahead: which fields of the nodes a lookup or a page returns are selected, so that what they load
 * is read beside the nodes themselves (see `Ahead`): a lookup with relationship fields waits for the
 * database once, where it waited twice, and so does a list where a wait is a round trip. The field
 * resolvers then find their answers in the request's loaders.
 */
import { Kind, type GraphQLAbstractType, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { DataAccess } from '../data/access.js';
import type { Ahead } from '../data/ahead.js';
import type { PageReading } from '../data/lists.js';
import type { NodeLabel } from '../model/graph.js';

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

/** The fields selected on nodes of `label` (along `path`) that can be read ahead. */
function aheadFields(data: DataAccess, label: NodeLabel, info: GraphQLResolveInfo, path?: readonly string[]): Ahead[] {
  return [...selectedFields(info, label, path)].flatMap((field) => data.ahead(label, field) ?? []);
}

/**
 * Starts, beside the lookup of node `id` of `label`, the loads of its selected fields. Nothing waits for
 * them here: a failure surfaces in the field that asks for the same load.
 */
export function loadAhead(data: DataAccess, id: string, label: NodeLabel, info: GraphQLResolveInfo): void {
  for (const ahead of aheadFields(data, label, info)) ahead.load(id).catch(() => undefined);
}

/**
 * What a page of a list of `label` reads beside it: the fields selected on its items (the nodes of a
 * connection's edges; the items themselves when it is a plain list), and its count when the
 * connection's total or page info is selected.
 */
export function pageReading(data: DataAccess, label: NodeLabel, info: GraphQLResolveInfo, connection = true): PageReading {
  if (!connection) return { ahead: aheadFields(data, label, info, []), counted: false };
  const own = selectedFields(info, String(info.returnType).replace(/!$/, ''));
  return { ahead: aheadFields(data, label, info, ['edges', 'node']), counted: own.has('totalCount') || own.has('pageInfo') };
}
