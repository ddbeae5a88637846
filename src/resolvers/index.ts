import type { Resolvers } from '../generated/graphql.js';
import { achievementResolvers } from './achievement.js';
import { commonResolvers } from './common.js';
import { entityResolvers } from './entities.js';
import { graphResolvers } from './graph.js';
import { organizationResolvers } from './organization.js';
import { searchResolvers } from './search.js';
import { statsResolvers } from './stats.js';
import { workbenchResolvers } from './workbench.js';

/** Every domain's resolvers, merged type by type. */
export function allResolvers(): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  const parts = [
    commonResolvers,
    organizationResolvers,
    entityResolvers,
    achievementResolvers,
    searchResolvers,
    graphResolvers,
    statsResolvers,
    workbenchResolvers,
  ];
  for (const part of parts) {
    for (const [type, fields] of Object.entries(part)) merged[type] = { ...merged[type], ...fields };
  }
  return merged;
}
