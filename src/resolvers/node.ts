import type { Resolvers } from '../generated/graphql.js';

/** The GraphQL type of an id, read from its prefix. */
const TYPE_OF_PREFIX: Record<string, string> = { org: 'Organization' };

export const nodeResolvers: Resolvers = {
  Query: {
    node: async (_, { id }, { data }) => {
      const type = TYPE_OF_PREFIX[id.slice(0, id.indexOf(':'))];
      if (type === 'Organization') {
        const found = await data.organizations.byId.load(id);
        return found && { ...found, __typename: type as 'Organization' };
      }
      return null;
    },
  },
  Node: {
    __resolveType: (node) => (node as unknown as { __typename: 'Organization' }).__typename,
  },
};
