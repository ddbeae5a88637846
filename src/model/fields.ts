import type { NodeLabel, RelationType } from './graph.js';

export type LinkDirection = 'OUT' | 'IN';

/** A GraphQL field that follows relationships: their types, which way, and the label kept at the far end. */
export interface RelationField {
  readonly types: readonly RelationType[];
  readonly direction: LinkDirection;
  /** Only ends of this label (a type joining several labels, as RUNS does). */
  readonly other?: NodeLabel;
}

const follow = (types: readonly RelationType[], direction: LinkDirection, other?: NodeLabel): RelationField => ({ types, direction, other });

/** Taking part in a program in any role: what `Organization.programs` and `Program.organizations` follow. */
const PROGRAM_ROLES: readonly RelationType[] = ['RUNS', 'LEADS', 'CO_BUILDS', 'PARTICIPATES_IN'];

/**
 * Every relationship field of the schema, by `Type.field`. Resolvers read them from here and the cost
 * limit sizes them from the graph's largest fan-out along the same types, so the two cannot drift.
 */
export const RELATION_FIELDS = {
  'Organization.parents': follow(['PART_OF'], 'OUT', 'Organization'),
  'Organization.children': follow(['PART_OF'], 'IN', 'Organization'),
  'Organization.memberOf': follow(['MEMBER_OF'], 'OUT', 'Organization'),
  'Organization.members': follow(['MEMBER_OF'], 'IN', 'Organization'),
  'Organization.predecessors': follow(['SUCCEEDS'], 'OUT', 'Organization'),
  'Organization.successors': follow(['SUCCEEDS'], 'IN', 'Organization'),
  'Organization.leads': follow(['LEADS'], 'OUT'),
  'Organization.places': follow(['LOCATED_IN'], 'OUT', 'Place'),
  'Organization.programs': follow(PROGRAM_ROLES, 'OUT', 'Program'),
  'Organization.people': follow(['HOLDS_ROLE'], 'IN', 'Person'),
  'Organization.policies': follow(['ISSUED'], 'OUT', 'Policy'),
  'Achievement.holders': follow(['HAS_ACHIEVEMENT'], 'IN'),
  'Achievement.awardedBy': follow(['AWARDED_BY'], 'OUT', 'Organization'),
  'Program.organizations': follow(PROGRAM_ROLES, 'IN', 'Organization'),
  'Program.runners': follow(['RUNS', 'LEADS', 'CO_BUILDS'], 'IN'),
  'Person.roles': follow(['HOLDS_ROLE'], 'OUT', 'Organization'),
  'Place.children': follow(['PART_OF'], 'IN', 'Place'),
  'Policy.issuers': follow(['ISSUED'], 'IN', 'Organization'),
  'Policy.implementers': follow(['IMPLEMENTS'], 'IN'),
  'Event.participants': follow(['PARTICIPATES_IN', 'SUPPORTS'], 'IN'),
  'Event.organizers': follow(['RUNS'], 'IN'),
  'Report.parent': follow(['PART_OF'], 'OUT', 'Report'),
  'Report.articles': follow(['PART_OF'], 'IN', 'Report'),
  'Report.place': follow(['LOCATED_IN'], 'OUT', 'Place'),
} as const satisfies Record<string, RelationField>;
export type RelationFieldName = keyof typeof RELATION_FIELDS;
