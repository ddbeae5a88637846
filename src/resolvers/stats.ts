import type { CountRecord } from '../data/stats.js';
import type { EntityRecord } from '../data/records.js';
import type { Resolvers } from '../generated/graphql.js';
import { typeOfLabel } from './entity-types.js';
import { listFilter } from './list-arguments.js';
import { statsSelection } from './workbench.js';

/** The stats object: its fields each run their own count query, so a client pays only for what it asks. */
export type StatsParent = Record<string, never>;
export interface PlaceCountParent {
  place: EntityRecord;
  organizations: number;
  achievements: number;
}
export interface ReportCountParent {
  reportId: string;
  byType: CountRecord[];
}

export const statsResolvers: Resolvers = {
  Query: {
    stats: () => ({}),
  },
  Stats: {
    byType: (_, { filter }, { data }) => (filter ? data.workbench.countsByLabel(statsSelection(filter)) : data.stats.counts('byLabel')),
    organizationsByKind: (_, { filter }, { data }) =>
      filter ? data.workbench.organizationKinds(listFilter(filter)) : data.stats.counts('organizationKinds'),
    programsByKind: (_, __, { data }) => data.stats.counts('programKinds'),
    achievementsByKind: (_, __, { data }) => data.stats.counts('achievementKinds'),
    placesByLevel: (_, __, { data }) => data.stats.counts('placeLevels'),
    relationshipsByType: (_, __, { data }) => data.stats.counts('relationshipTypes'),
    byPlace: async (_, { level, filter }, { data }) =>
      filter
        ? data.stats.placeCounts(await data.workbench.organizationsByPlace(listFilter(filter), level ?? 'PROVINCE'))
        : data.stats.byPlace(level ?? 'PROVINCE'),
    byReport: async (_, { filter }, { data }) =>
      [...(await (filter ? data.workbench.mentionsByReport(statsSelection(filter)) : data.stats.byReport()))].map(([reportId, byType]) => ({
        reportId,
        byType,
      })),
  },
  LabelCount: {
    type: (c) => typeOfLabel(c.key),
  },
  ReportCount: {
    report: async (c, _, { data }) => (await data.entities.byId.load(c.reportId))!,
    total: (c) => c.byType.reduce((sum, t) => sum + t.count, 0),
  },
};
