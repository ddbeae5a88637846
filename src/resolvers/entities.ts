import { text } from '../data/records.js';
import type { Resolvers } from '../generated/graphql.js';
import { entityFields, follow, inLanguage, maskableFields, lookup, relation, relationLinks } from './common.js';
import { listResolver, pageOfKinds } from './list-arguments.js';
import { connectionResolvers, pageRequest } from './connections.js';
import { pageSelection } from './selection.js';
import { compareText } from '../text/collation.js';

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
    reports: (_, args, { data }, info) => data.lists.page('Report', {}, 'SOURCE_ASC', pageRequest(args), pageSelection('Report', info)),
  },
  Program: {
    ...maskableFields,
    organizations: relation('Program.organizations'),
    runners: relation('Program.runners'),
    achievements: async (e, args, { data }) => pageOfKinds(await data.related.achievementsOf.load(e.id), args),
  },
  Person: {
    ...maskableFields,
    roles: relationLinks('Person.roles'),
  },
  Place: {
    ...maskableFields,
    ancestors: (e, _, { data }) => data.related.ancestors.load(e.id),
    children: relation('Place.children'),
    organizations: async (e, args, { data }) => pageOfKinds(await data.related.organizationsIn.load(e.id), args),
  },
  Policy: {
    ...maskableFields,
    issuers: relation('Policy.issuers'),
    implementers: relation('Policy.implementers'),
  },
  Event: {
    ...maskableFields,
    participants: relation('Event.participants'),
    organizers: relation('Event.organizers'),
  },
  Report: {
    ...entityFields,
    title: (e, args) => inLanguage(e.title ?? e.name, e.titleEn, args),
    publisher: (e, args) => (e.publisher === null || e.publisher === undefined ? null : inLanguage(e.publisher, e.publisherEn, args)),
    source: (e) => text(e.source),
    evidence: () => [],
    parent: async (e, _, ctx) => (await follow(e, ctx, 'Report.parent'))[0] ?? null,
    articles: async (e, _, ctx) => (await follow(e, ctx, 'Report.articles')).sort((a, b) => compareText(text(a.source), text(b.source))),
    place: async (e, _, ctx) => (await follow(e, ctx, 'Report.place'))[0] ?? null,
    mentionCounts: (e, _, { data }) => data.stats.mentionCounts(e.id),
  },
  ProgramConnection: connectionResolvers,
  PersonConnection: connectionResolvers,
  PlaceConnection: connectionResolvers,
  PolicyConnection: connectionResolvers,
  EventConnection: connectionResolvers,
  ReportConnection: connectionResolvers,
};
