import type { Resolvers } from '../generated/graphql.js';
import { entityFields, linked, maskableFields, lookup, selectLinks } from './common.js';
import { listResolver, pageOfKinds } from './lists.js';
import { connectionResolvers, pageRequest } from './paging.js';

/** Programs, people, places, policies, events and reports: lookups, lists and their relationships. */
export const entityResolvers: Resolvers = {
  Query: {
    program: lookup('Program'),
    programs: listResolver('Program'),
    person: lookup('Person'),
    people: listResolver('Person'),
    place: lookup('Place'),
    places: listResolver('Place'),
    policy: lookup('Policy'),
    policies: listResolver('Policy'),
    event: lookup('Event'),
    events: listResolver('Event'),
    report: lookup('Report'),
    reports: (_, args, { data }) => data.lists.page('Report', {}, 'SOURCE_ASC', pageRequest(args)),
  },
  Program: {
    ...maskableFields,
    organizations: (e, _, ctx) => linked(e, ctx, ['RUNS', 'LEADS', 'CO_BUILDS', 'PARTICIPATES_IN'], 'IN'),
    achievements: async (e, args, { data }) => pageOfKinds(await data.related.achievementsOf.load(e.id), args),
  },
  Person: {
    ...maskableFields,
    roles: async (e, _, { data }) => selectLinks(await data.entities.links.load(e.id), ['HOLDS_ROLE'], 'OUT'),
  },
  Place: {
    ...maskableFields,
    ancestors: (e, _, { data }) => data.related.ancestors.load(e.id),
    children: (e, _, ctx) => linked(e, ctx, ['PART_OF'], 'IN'),
    organizations: async (e, args, { data }) => pageOfKinds(await data.related.organizationsIn.load(e.id), args),
  },
  Policy: {
    ...maskableFields,
    issuers: (e, _, ctx) => linked(e, ctx, ['ISSUED'], 'IN'),
    implementers: (e, _, ctx) => linked(e, ctx, ['IMPLEMENTS'], 'IN'),
  },
  Event: {
    ...maskableFields,
    participants: (e, _, ctx) => linked(e, ctx, ['PARTICIPATES_IN', 'SUPPORTS'], 'IN'),
  },
  Report: {
    ...entityFields,
    title: (e) => String(e.title ?? e.name),
    source: (e) => String(e.source),
    evidence: () => [],
    parent: async (e, _, ctx) => (await linked(e, ctx, ['PART_OF'], 'OUT'))[0] ?? null,
    articles: async (e, _, ctx) => (await linked(e, ctx, ['PART_OF'], 'IN')).sort((a, b) => String(a.source).localeCompare(String(b.source))),
    mentionCounts: (e, _, { data }) => data.stats.mentionCounts.load(e.id),
  },
  ProgramConnection: connectionResolvers,
  PersonConnection: connectionResolvers,
  PlaceConnection: connectionResolvers,
  PolicyConnection: connectionResolvers,
  EventConnection: connectionResolvers,
  ReportConnection: connectionResolvers,
};

