/**
 * The graph's vocabulary: node labels and their id prefixes, kinds and levels, which relationships may
 * join which labels, and the properties stored. Everything else imports it: the curation compiler, the
 * seed loader, the data layer and the resolvers. The kind lists are tied to the SDL's enums by type:
 * a value missing on either side does not compile.
 */
import type { AchievementKind, OrganizationKind, PlaceLevel, ProgramKind, RelationshipType } from '../generated/graphql.js';

/** Checks that a list holds every member of a GraphQL enum and nothing else. */
const membersOf =
  <E extends string>() =>
  <const L extends readonly E[]>(list: L & ([Exclude<E, L[number]>] extends [never] ? unknown : { missing: Exclude<E, L[number]> })): L =>
    list;

export const ORGANIZATION_KINDS = membersOf<OrganizationKind>()([
  'GOVERNMENT_AGENCY',
  'ENTERPRISE_GROUP',
  'MEDICAL_GROUP',
  'HOSPITAL',
  'PRIMARY_CARE',
  'NATIONAL_MEDICAL_CENTER',
  'REGIONAL_MEDICAL_CENTER',
  'ALLIANCE',
  'PUBLIC_HEALTH',
  'COMPANY',
  'UNIVERSITY_OR_INSTITUTE',
  'PARTY_OR_MASS_ORG',
  'OTHER',
]);
export const PROGRAM_KINDS = membersOf<ProgramKind>()(['INITIATIVE', 'PROJECT', 'CAMPAIGN', 'PILOT', 'PLATFORM', 'BRAND', 'SERVICE']);
export const ACHIEVEMENT_KINDS = membersOf<AchievementKind>()(['METRIC', 'AWARD', 'DESIGNATION', 'MILESTONE']);
/** From the largest to the smallest: the order ancestors are listed in. */
export const PLACE_LEVELS = membersOf<PlaceLevel>()(['COUNTRY', 'REGION', 'PROVINCE', 'CITY', 'COUNTY', 'TOWN', 'VILLAGE']);

/** Labels of curated entities, with the prefix of their ids. */
export const ENTITY_PREFIX = {
  Organization: 'org',
  Program: 'prog',
  Achievement: 'ach',
  Person: 'person',
  Place: 'place',
  Policy: 'policy',
  Event: 'event',
} as const;
export type EntityLabel = keyof typeof ENTITY_PREFIX;
export const ENTITY_LABELS = Object.keys(ENTITY_PREFIX) as EntityLabel[];
export type NodeLabel = EntityLabel | 'Report';
export const NODE_LABELS: readonly NodeLabel[] = [...ENTITY_LABELS, 'Report'];

/** The label an id belongs to, read from its prefix (`org:…` → Organization). */
export function labelOfId(id: string): NodeLabel | undefined {
  const prefix = id.slice(0, id.indexOf(':'));
  if (prefix === 'report') return 'Report';
  return ENTITY_LABELS.find((label) => ENTITY_PREFIX[label] === prefix);
}

/** The report id of a relationship's `source` property (`001-03` → `report:001-03`). */
export const reportIdOf = (source: string) => `report:${source}`;

type Pairs = ReadonlyArray<readonly [NodeLabel, NodeLabel]>;
const each = (from: readonly NodeLabel[], to: readonly NodeLabel[]): Pairs => from.flatMap((f) => to.map((t) => [f, t] as const));

/** Relationship types between curated entities and the label pairs each may join. */
export const RELATION_PAIRS = {
  PART_OF: [
    ['Organization', 'Organization'],
    ['Place', 'Place'],
    ['Report', 'Report'],
    ['Program', 'Program'],
  ],
  MEMBER_OF: [['Organization', 'Organization']],
  LEADS: each(['Organization'], ['Organization', 'Program']),
  // A city or county acting as a government (xx市与…签署合作协议) is the Place itself.
  PARTNERS_WITH: each(['Organization', 'Place'], ['Organization', 'Place']),
  CO_BUILDS: each(['Organization'], ['Organization', 'Program']),
  SUPPORTS: each(['Organization', 'Person', 'Place'], ['Organization', 'Place', 'Event', 'Program']),
  // A report is located in the place it speaks for (the manifest's `place`).
  LOCATED_IN: each(['Organization', 'Program', 'Event', 'Report'], ['Place']),
  RUNS: each(['Organization', 'Place'], ['Program', 'Organization', 'Event']),
  SUPERVISES: [['Organization', 'Organization']],
  HAS_ACHIEVEMENT: each(['Organization', 'Program', 'Place', 'Person', 'Event'], ['Achievement']),
  AWARDED_BY: [['Achievement', 'Organization']],
  HOLDS_ROLE: [['Person', 'Organization']],
  ISSUED: each(['Organization', 'Place'], ['Policy']),
  IMPLEMENTS: each(['Organization', 'Program'], ['Policy']),
  PARTICIPATES_IN: each(['Organization', 'Person'], ['Program', 'Event']),
  // The body as now named → what it was called before (卫健委 → 卫计委).
  SUCCEEDS: [['Organization', 'Organization']],
} as const satisfies Record<string, Pairs>;
export type RelationType = keyof typeof RELATION_PAIRS;
export const RELATION_TYPES = membersOf<RelationshipType>()([
  'PART_OF',
  'MEMBER_OF',
  'LEADS',
  'PARTNERS_WITH',
  'CO_BUILDS',
  'SUPPORTS',
  'LOCATED_IN',
  'RUNS',
  'SUPERVISES',
  'HAS_ACHIEVEMENT',
  'AWARDED_BY',
  'HOLDS_ROLE',
  'ISSUED',
  'IMPLEMENTS',
  'PARTICIPATES_IN',
  'SUCCEEDS',
]) satisfies readonly RelationType[];

/** Provenance: every entity points at the reports that mention it, with the quote. */
export const MENTIONED_IN = 'MENTIONED_IN';
export const MENTION_PAIRS: Pairs = each(ENTITY_LABELS, ['Report']);

/** Properties stored on each label beyond `id`, with their storage types. */
export const NODE_PROPERTIES: Record<NodeLabel, Record<string, 'STRING' | 'STRING[]' | 'INT64' | 'DOUBLE' | 'BOOLEAN'>> = {
  Organization: { name: 'STRING', kind: 'STRING', aliases: 'STRING[]', description: 'STRING', grade: 'STRING', masked: 'BOOLEAN', scope: 'STRING' },
  Program: { name: 'STRING', kind: 'STRING', aliases: 'STRING[]', description: 'STRING', year: 'INT64', masked: 'BOOLEAN', scope: 'STRING' },
  Achievement: {
    name: 'STRING',
    kind: 'STRING',
    aliases: 'STRING[]',
    description: 'STRING',
    statement: 'STRING',
    statementEn: 'STRING',
    value: 'DOUBLE',
    unit: 'STRING',
    year: 'INT64',
    periodStart: 'INT64',
    periodEnd: 'INT64',
    periodBasis: 'STRING',
    periodNote: 'STRING',
    original: 'STRING',
    qualifier: 'STRING',
    masked: 'BOOLEAN',
    lost: 'BOOLEAN',
  },
  Person: { name: 'STRING', aliases: 'STRING[]', description: 'STRING', masked: 'BOOLEAN', scope: 'STRING' },
  Place: { name: 'STRING', level: 'STRING', code: 'STRING', aliases: 'STRING[]', description: 'STRING', masked: 'BOOLEAN', scope: 'STRING' },
  Policy: { name: 'STRING', aliases: 'STRING[]', description: 'STRING', year: 'INT64', masked: 'BOOLEAN', scope: 'STRING' },
  Event: { name: 'STRING', aliases: 'STRING[]', description: 'STRING', year: 'INT64', date: 'STRING', masked: 'BOOLEAN', scope: 'STRING' },
  Report: {
    name: 'STRING',
    title: 'STRING',
    titleEn: 'STRING',
    publisher: 'STRING',
    publisherEn: 'STRING',
    date: 'STRING',
    source: 'STRING',
    periodStart: 'INT64',
    periodEnd: 'INT64',
    periodNote: 'STRING',
  },
};
/** Every node's name in English beside the Chinese (a report's is its English title), and an entity's English aliases. */
for (const [label, props] of Object.entries(NODE_PROPERTIES))
  Object.assign(props, label === 'Report' ? { nameEn: 'STRING' } : { nameEn: 'STRING', aliasesEn: 'STRING[]' });

/** A derived property on every label: the comparable form of the names and text search looks in. */
export const SEARCH_TEXT = 'searchText';
/**
 * On every node and relationship: the version of the seed files that last loaded it. A load stamps
 * what it states, then removes what it did not stamp, so reseeding an older graph leaves exactly the
 * current one.
 */
export const SEED_STAMP = 'seed';
for (const props of Object.values(NODE_PROPERTIES)) Object.assign(props, { [SEARCH_TEXT]: 'STRING', [SEED_STAMP]: 'STRING' });

/**
 * One node beside the graph, never part of it: the version of the graph as a whole and whether a load
 * is under way. A load marks it first and gives it the new version in its last transaction, so readers
 * see one version change, after the graph is complete.
 */
export const GRAPH_STATE = { label: 'GraphState', id: 'graph', properties: { version: 'STRING', state: 'STRING' } } as const;

/** Properties on every relationship: where it is stated, optional qualifiers, and the seed stamp. */
export const RELATION_PROPERTIES = { source: 'STRING', quote: 'STRING', role: 'STRING', detail: 'STRING', [SEED_STAMP]: 'STRING' } as const;
