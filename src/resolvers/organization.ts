import type { Resolvers } from '../generated/graphql.js';
import { connectionResolvers, pageRequest } from './paging.js';

export const organizationResolvers: Resolvers = {
  Query: {
    organization: (_, { id }, { data }) => data.organizations.byId.load(id),
    organizations: (_, args, { data }) => data.organizations.page(pageRequest(args), { kind: args.kind }),
  },
  Organization: {
    kind: (o) => o.kind as never,
    parents: (o, _, { data }) => data.organizations.parents.load(o.id),
    children: (o, _, { data }) => data.organizations.children.load(o.id),
  },
  OrganizationConnection: connectionResolvers,
};
