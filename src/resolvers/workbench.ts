import type { Selection } from '../data/workbench.js';
import type { Resolvers, StatsFilter } from '../generated/graphql.js';
import { listArgument, optionalId, placeArgument } from './args.js';
import { achievementFilter } from './achievement.js';

/** The data layer's selection for a stats filter input, its ids checked. */
export function statsSelection(input: StatsFilter): Selection {
  return {
    organizationKinds: listArgument(input.organizationKinds),
    ...placeArgument(input.place),
    report: optionalId('filter.report', input.report, 'Report'),
    year: input.year ?? undefined,
  };
}

/** The dashboard's additions: achievements by year, narrowed by any achievement filter (the holder-kind and year filters are read with it). */
export const workbenchResolvers: Resolvers = {
  Stats: {
    achievementsByYear: async (_, { filter }, ctx) => ctx.data.workbench.achievementsByYear(await achievementFilter(filter, ctx)),
    achievementsWithoutYear: async (_, { filter }, ctx) => ctx.data.workbench.achievementsWithoutYear(await achievementFilter(filter, ctx)),
  },
};
