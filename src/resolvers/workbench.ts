import type { Resolvers } from '../generated/graphql.js';

/** The dashboard's additions: achievements by year (the holder-kind filter is read with the achievement filter). */
export const workbenchResolvers: Resolvers = {
  Stats: {
    achievementsByYear: (_, __, { data }) => data.workbench.achievementsByYear(),
    achievementsWithoutYear: (_, __, { data }) => data.workbench.achievementsWithoutYear(),
  },
};
