/**
 * Lookahead: which fields of the nodes a lookup or a page returns are selected, so that what they load
 * is read beside the nodes themselves (see `Ahead`): a lookup with relationship fields waits for the
 * database once, where it waited twice, and so does a list where a wait is a round trip. The field
 * resolvers then find their answers in the request's loaders.
 */
import { Kind, type GraphQLAbstractType, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { DataAccess } from '../data/access.js';
import type { AheadPlan } from '../data/ahead.js';
import { atKey } from '../data/keyed.js';
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

/** The name of the type a field leads to along `names` from `typeName`, lists and non-null unwrapped. */
function typeAlong(info: GraphQLResolveInfo, typeName: string, names: readonly string[]): string | undefined {
  let type: unknown = info.schema.getType(typeName);
  for (const name of names) {
    const field = (type as Partial<GraphQLObjectType> | undefined)?.getFields?.()[name];
    if (!field) return undefined;
    type = field.type;
    while ((type as { ofType?: unknown }).ofType) type = (type as { ofType: unknown }).ofType;
  }
  return (type as { name?: string } | undefined)?.name;
}

/**
 * The fields selected on nodes of `label` (along `path`) that can be read ahead, each with the fields
 * selected on the nodes it reaches, when the field's type is those nodes (not links to them).
 */
function aheadPlans(data: DataAccess, label: NodeLabel, info: GraphQLResolveInfo, path: readonly string[] = []): AheadPlan[] {
  return [...selectedFields(info, label, path)].flatMap((field) => {
    const ahead = data.ahead(label, field);
    if (!ahead) return [];
    const reach = ahead.reach && typeAlong(info, label, [field, ...ahead.reach.path]) === ahead.reach.label ? ahead.reach : undefined;
    return [{ ahead, nested: reach ? aheadPlans(data, reach.label, info, [...path, field, ...reach.path]) : [] }];
  });
}

/**
 * Starts, beside the lookup of node `id` of `label`, the loads of its selected fields, and the fields
 * they carry along from their own statements. Nothing waits for them here: a failure surfaces in the
 * field that asks for the same load.
 */
export function loadAhead(data: DataAccess, id: string, label: NodeLabel, info: GraphQLResolveInfo): void {
  for (const plan of aheadPlans(data, label, info)) {
    const read = plan.nested.length && plan.ahead.from ? data.readAhead(atKey(`:${label}`), { id }, [id], [plan]) : plan.ahead.load(id);
    read.catch(() => undefined);
  }
}

/**
 * What a page of a list of `label` reads beside it: the fields selected on its items (the nodes of a
 * connection's edges; the items themselves when it is a plain list), and its count when the
 * connection's total or page info is selected.
 */
export function pageReading(data: DataAccess, label: NodeLabel, info: GraphQLResolveInfo, connection = true): PageReading {
  if (!connection) return { ahead: aheadPlans(data, label, info, []), counted: false };
  const own = selectedFields(info, String(info.returnType).replace(/!$/, ''));
  return { ahead: aheadPlans(data, label, info, ['edges', 'node']), counted: own.has('totalCount') || own.has('pageInfo') };
}
