/**
 * The peer a Neo4j user would pick instead: `@neo4j/graphql` 7 over the same database, its type
 * definitions mapped onto the stored labels, relationships and properties (cypher/schema/neo4j.cypher,
 * src/model/graph.ts), served by its own Apollo Server. Each operation asks both APIs for the same data.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import { MIX } from './mix.js';

const TYPE_DEFS = /* GraphQL */ `
  type Organization @node(labels: ["Organization"]) {
    id: ID!
    name: String
    kind: String
    aliases: [String!]
    searchText: String
    parents: [Organization!]! @relationship(type: "PART_OF", direction: OUT)
    children: [Organization!]! @relationship(type: "PART_OF", direction: IN)
    places: [Place!]! @relationship(type: "LOCATED_IN", direction: OUT)
    achievements: [Achievement!]! @relationship(type: "HAS_ACHIEVEMENT", direction: OUT)
    evidence: [Report!]! @relationship(type: "MENTIONED_IN", direction: OUT, properties: "Mention")
  }
  type Achievement @node(labels: ["Achievement"]) {
    id: ID!
    name: String
    statement: String
    evidence: [Report!]! @relationship(type: "MENTIONED_IN", direction: OUT, properties: "Mention")
  }
  type Place @node(labels: ["Place"]) {
    id: ID!
    name: String
    level: String
  }
  type Report @node(labels: ["Report"]) {
    id: ID!
    title: String
  }
  type Mention @relationshipProperties {
    quote: String
  }
`;

const GROUP = 'org:寿阳县医疗集团';
const EVIDENCE = 'evidenceConnection { edges { properties { quote } node { title } } }';

/** Each operation as our API and as the peer's are asked it, for the same data. */
export const PEER_OPS: Record<string, { ours: string; peer: string }> = {
  lookup: {
    ours: MIX.lookup,
    peer: `{ organizations(where: { id: { eq: "${GROUP}" } }) { name kind aliases parents { name } children { name kind } } }`,
  },
  list: {
    ours: MIX.list,
    peer: '{ organizationsConnection(first: 20, where: { kind: { in: ["HOSPITAL"] } }, sort: [{ name: ASC }, { id: ASC }]) { totalCount edges { node { name places { name } } } } }',
  },
  'contains filter': {
    ours: '{ organizations(first: 20, filter: { name: "医院" }) { totalCount edges { node { id name } } } }',
    peer: '{ organizationsConnection(first: 20, where: { searchText: { contains: "医院" } }, sort: [{ name: ASC }, { id: ASC }]) { totalCount edges { node { id name } } } }',
  },
  'two hops': {
    ours: `{ organization(id: "${GROUP}") { children { name places { name } achievements(first: 100) { edges { node { statement } } } } } }`,
    peer: `{ organizations(where: { id: { eq: "${GROUP}" } }) { children { name places { name } achievements { statement } } } }`,
  },
  nested: {
    ours: MIX.nested,
    peer: `{ organizations(limit: 50, sort: [{ name: ASC }, { id: ASC }]) { name parents { name } achievements(limit: 5, sort: [{ name: ASC }, { id: ASC }]) { statement ${EVIDENCE} } evidenceConnection { edges { properties { quote } } } } }`,
  },
};

/** The peer's API over a Neo4j, listening on a loopback port. */
export async function startPeer(target: { uri: string }): Promise<{ url: string; stop: () => Promise<void> }> {
  const driver = neo4j.driver(target.uri);
  const schema = await new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver }).getSchema();
  const apollo = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(apollo, { listen: { port: 0, host: '127.0.0.1' } });
  return {
    url: url.replace(/\/$/, ''),
    stop: async () => {
      await apollo.stop();
      await driver.close();
    },
  };
}
