/**
 * Lookahead for lookups by id. The id is known before the node is read, so what the node's selected
 * fields will load from that id alone is asked for in the same moment as the node itself: a lookup
 * with relationship fields waits for the database once, where it waited twice. The field resolvers
 * then find their answers in the request's loaders.
 */
import { Kind, type GraphQLAbstractType, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { DataAccess } from '../data/access.js';
import { RELATION_FIELDS, type RelationFieldName } from '../model/fields.js';
import type { NodeLabel } from '../model/graph.js';

/** The names of the fields selected on the value of the field being resolved, when it is a `typeName`. */
export function selectedFields(info: GraphQLResolveInfo, typeName: string): Set<string> {
  const object = info.schema.getType(typeName) as GraphQLObjectType;
  // The schema's own methods, not graphql's \`is…Type\` checks: those test the class, and a second copy of the library is a second class.
  const applies = (condition?: string) => {
    if (!condition || condition === typeName) return true;
    const type = info.schema.getType(condition);
    return !!type && info.schema.isSubType(type as GraphQLAbstractType, object);
  };
  const names = new Set<string>();
  const visit = (selections: SelectionSetNode | undefined) => {
    for (const selection of selections?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value)) visit(selection.selectionSet);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment && applies(fragment.typeCondition.name.value)) visit(fragment.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return names;
}

/** Loads a field reads by the node's id alone, other than relationship fields (found in `RELATION_FIELDS`). */
type Ahead = (data: DataAccess, id: string) => Promise<unknown>;
const AHEAD: Record<string, Ahead> = {
  evidence: (data, id) => data.entities.evidence.load(id),
  links: (data, id) => data.entities.links.load(id),
  achievements: (data, id) => data.related.achievementsOf.load(id),
  'Organization.descendants': (data, id) => data.related.tree.load(id),
  'Place.ancestors': (data, id) => data.related.ancestors.load(id),
  'Place.organizations': (data, id) => data.related.organizationsIn.load(id),
  // A report's evidence is empty by definition: nothing to read.
  'Report.evidence': () => Promise.resolve(),
};

const isRelationField = (name: string): name is RelationFieldName => name in RELATION_FIELDS;

/**
 * Starts, beside the lookup of node `id` of `label`, the loads of its selected fields. Nothing waits for
 * them here: a failure surfaces in the field that asks for the same load.
 */
export function loadAhead(data: DataAccess, id: string, label: NodeLabel, info: GraphQLResolveInfo): void {
  for (const field of selectedFields(info, label)) {
    const name = `${label}.${field}`;
    const ahead = isRelationField(name) ? () => data.entities.relation(name).load(id) : (AHEAD[name] ?? AHEAD[field]);
    ahead?.(data, id).catch(() => undefined);
  }
}
