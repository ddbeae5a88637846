/** The shape of the `EntityKind` fragment, whatever the concrete type. */
export interface EntityKindFields {
  __typename?: string;
  id: string;
  name: string;
  orgKind?: string;
  programKind?: string;
  achievementKind?: string;
  level?: string;
}

/** An entity as the pages draw and list it: id, name, type (as `EntityType`) and kind or level. */
export interface EntityInfo {
  id: string;
  name: string;
  type: string;
  kind?: string;
}

export function entityInfo(node: EntityKindFields): EntityInfo {
  const kind = node.orgKind ?? node.programKind ?? node.achievementKind ?? node.level;
  return { id: node.id, name: node.name, type: (node.__typename ?? 'Entity').toUpperCase(), ...(kind ? { kind } : {}) };
}

/** The explorer's address for an entity: every entity on every page links there. */
export const explorerHref = (id: string) => `/explore?node=${encodeURIComponent(id)}`;
