import type { Context } from '../context.js';
import { text, type EntityRecord } from '../data/records.js';
import { reportIdOf } from '../model/graph.js';
import type { Resolvers } from '../generated/graphql.js';
import { idArgument } from './args.js';
import { lookup, maskableFields, relation, relationLinks } from './common.js';
import { listFilter, pageOfKinds } from './list-arguments.js';
import { connectionResolvers, pageRequest } from './connections.js';
import { pageSelection } from './selection.js';
import { compareText } from '../text/collation.js';

/** Achievements of an organization, or of it and everything below it, deduplicated and in name order. */
async function achievementsUnder(e: EntityRecord, includeDescendants: boolean, { data }: Context): Promise<EntityRecord[]> {
  const ids = [e.id, ...(includeDescendants ? (await data.related.tree.load(e.id)).map((t) => t.id) : [])];
  const lists = await data.related.achievementsOf.loadMany(ids);
  const unique = new Map<string, EntityRecord>();
  for (const list of lists) if (!(list instanceof Error)) for (const a of list) unique.set(a.id, a);
  return [...unique.values()].sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
}

export const organizationResolvers: Resolvers = {
  Query: {
    organization: lookup('Organization'),
    organizations: (_, args, { data }, info) => {
      const filter = listFilter(args.filter);
      if (args.kind) filter.kinds = [...new Set([...(filter.kinds ?? []), args.kind])];
      return data.lists.page('Organization', filter, args.orderBy ?? 'NAME_ASC', pageRequest(args), pageSelection('Organization', info));
    },
    organizationTree: async (_, { id }, { data }) => {
      const root = await data.entities.byId.load(idArgument('id', id, 'Organization'));
      return root && data.related.tree.load(root.id);
    },
  },
  Organization: {
    ...maskableFields,
    scope: async (e, _, { data }) => (e.scope ? data.entities.byId.load(reportIdOf(text(e.scope))) : null),
    parents: relation('Organization.parents'),
    children: relation('Organization.children'),
    descendants: (e, _, { data }) => data.related.tree.load(e.id),
    memberOf: relation('Organization.memberOf'),
    predecessors: relation('Organization.predecessors'),
    successors: relation('Organization.successors'),
    members: relation('Organization.members'),
    leads: relation('Organization.leads'),
    places: relation('Organization.places'),
    programs: relation('Organization.programs'),
    people: relationLinks('Organization.people'),
    policies: relation('Organization.policies'),
    achievements: async (e, args, ctx) => pageOfKinds(await achievementsUnder(e, args.includeDescendants ?? false, ctx), args),
  },
  TreeEntry: {
    organization: async (t, _, { data }) => (await data.entities.byId.load(t.id))!,
  },
  OrganizationConnection: connectionResolvers,
};
