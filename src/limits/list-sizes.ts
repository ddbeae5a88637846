import type { GraphProfile } from '../data/profile.js';
import { ACHIEVEMENT_KINDS, NODE_LABELS, ORGANIZATION_KINDS, PLACE_LEVELS, PROGRAM_KINDS, RELATION_TYPES, type NodeLabel } from '../model/graph.js';
import { RELATION_FIELDS, type RelationFieldName } from '../model/fields.js';
import { NEIGHBORHOOD_EDGES_PER_NODE } from '../data/explore.js';
import { PAGE_SIZE, servedSize, type SizeArgument } from '../model/pages.js';

const isLabel = (type: string): type is NodeLabel => (NODE_LABELS as readonly string[]).includes(type);

/** A field's arguments, coerced, with the schema's and the variables' defaults applied. */
export type Arguments = Record<string, unknown>;

type Estimate = (args: Arguments, profile: GraphProfile, parent: string) => number;

const fixed =
  (n: number): Estimate =>
  () =>
    n;
/** A size argument counted as the resolver serves it (null is the default; out of range, the resolver's error). */
const argument =
  (name: string, size: SizeArgument, plus = 0): Estimate =>
  (args) =>
    servedSize(args[name], size) + plus;

/**
 * How many items each list field returns at most, so the cost of what it selects is multiplied by it.
 * Connections and lists with `first` or `limit` count that argument (the multiplier applies to the whole
 * selection, so their `edges` and `nodes` count once); relationship lists count the graph's largest
 * fan-out along their types; the rest count what the model or the graph bounds them by.
 */
const BY_FIELD: Record<string, Estimate> = {
  'Query.organizationTree': (_, p) => p.descendants,
  'Query.metricUnits': (_, p) => p.units,
  'Query.neighborhood': argument('limit', PAGE_SIZE.neighborhood),
  'Query.shortestPath': argument('maxLength', PAGE_SIZE.pathLength, 1),
  'Query.search': argument('first', PAGE_SIZE.search),
  'Query.metricRanking': argument('first', PAGE_SIZE.ranking),
  'Query.reconcile': argument('limit', PAGE_SIZE.reconcile),
  'Subgraph.nodes': fixed(1),
  'Subgraph.edges': fixed(NEIGHBORHOOD_EDGES_PER_NODE),
  'Organization.descendants': (_, p) => p.descendants,
  'Place.ancestors': (_, p) => p.ancestors,
  'Report.mentionCounts': fixed(NODE_LABELS.length),
  'ReportCount.byType': fixed(NODE_LABELS.length),
  'Stats.byType': fixed(NODE_LABELS.length),
  'Stats.organizationsByKind': fixed(ORGANIZATION_KINDS.length),
  'Stats.programsByKind': fixed(PROGRAM_KINDS.length),
  'Stats.achievementsByKind': fixed(ACHIEVEMENT_KINDS.length),
  'Stats.placesByLevel': fixed(PLACE_LEVELS.length),
  'Stats.relationshipsByType': fixed(RELATION_TYPES.length + 1),
  'Stats.byPlace': (_, p) => p.placesPerLevel,
  'Stats.byReport': (_, p) => p.reports,
  'Stats.achievementsByYear': (_, p) => p.years,
};

/** Estimates by field name, whatever type holds them. */
const BY_NAME: Record<string, Estimate> = {
  links: (args, p, parent) =>
    p.degree(
      isLabel(parent) ? parent : undefined,
      args.types as string[] | undefined,
      (args.direction as 'IN' | 'OUT' | 'BOTH' | undefined) ?? 'BOTH',
    ),
  evidence: (_, p, parent) =>
    parent === 'Link' || parent === 'GraphEdge' ? p.linkSources : p.degree(isLabel(parent) ? parent : undefined, ['MENTIONED_IN'], 'OUT'),
  aliases: fixed(1),
  edges: fixed(1),
};

/**
 * The most items a list field of `parent` returns, or undefined when nothing is known of it (a test
 * checks every list field of the schema has an estimate).
 */
export function listSize(parent: string, field: string, args: Arguments, profile: GraphProfile): number | undefined {
  const estimate = BY_FIELD[`${parent}.${field}`] ?? BY_NAME[field];
  if (estimate) return estimate(args, profile, parent);
  // Every other list with a page size is a connection.
  if ('first' in args) return servedSize(args.first, PAGE_SIZE.page);
  const relation = RELATION_FIELDS[`${parent}.${field}` as RelationFieldName];
  if (relation) return profile.degree(isLabel(parent) ? parent : undefined, relation.types, relation.direction);
  return undefined;
}
