import type { Resolvers } from '../generated/graphql.js';
import { nodeResolvers } from './node.js';
import { organizationResolvers } from './organization.js';

/** Every domain's resolvers, merged type by type. */
export function allResolvers(): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const part of [nodeResolvers, organizationResolvers]) {
    for (const [type, fields] of Object.entries(part)) merged[type] = { ...merged[type], ...(fields as object) };
  }
  return merged as Resolvers;
}
