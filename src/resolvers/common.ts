import type { GraphQLResolveInfo } from 'graphql';
import { labelOfId, type NodeLabel, type RelationType } from '../model/graph.js';
import type { RelationFieldName } from '../model/fields.js';
import { text, type EntityRecord, type LinkRecord, type Value } from '../data/records.js';
import type { Context } from '../context.js';
import type { Direction, Language, RelationshipType, Resolvers } from '../generated/graphql.js';
import { idArgument } from './args.js';
import { selectionOf } from './selection.js';

type InLanguage = { language?: Language | null };

/** A text in the language asked for: the English curated beside the Chinese (the Chinese where a node has none). */
export const inLanguage = (zh: Value | undefined, en: Value | undefined, { language }: InLanguage): string =>
  text(language === 'EN' && en !== null && en !== undefined ? en : zh);

/** The fields every entity type shares: its names in either language, evidence and links, batched per request. */
export const entityFields = {
  name: (e: EntityRecord, args: InLanguage) => inLanguage(e.name, e.nameEn, args),
  aliases: (e: EntityRecord, { language }: InLanguage) => (language === 'EN' ? ((e.aliasesEn as string[] | null | undefined) ?? []) : e.aliases),
  evidence: (e: EntityRecord, _: unknown, { data }: Context) => data.entities.evidence.load(e.id),
  links: async (e: EntityRecord, args: { types?: RelationshipType[] | null; direction?: Direction | null }, { data }: Context) =>
    selectLinks(await data.entities.links.load(e.id), args.types ?? undefined, args.direction ?? 'BOTH'),
};

/** Entity fields plus `masked`, for the types whose name (or value) can be masked. */
export const maskableFields = { ...entityFields, masked: (e: EntityRecord) => e.masked === true };

/** The links of the given types and direction. */
export function selectLinks(links: LinkRecord[], types?: readonly RelationType[], direction: Direction = 'BOTH'): LinkRecord[] {
  return links.filter((l) => (!types?.length || types.includes(l.type)) && (direction === 'BOTH' || l.direction === direction));
}

/** The entities a relationship field reaches, in link order, without repeats. */
export async function follow(e: EntityRecord, { data }: Context, name: RelationFieldName): Promise<EntityRecord[]> {
  const ids = [...new Set((await data.entities.relation(name).load(e.id)).map((l) => l.otherId))];
  return (await data.entities.byId.loadMany(ids)).filter((r): r is EntityRecord => !!r && !(r instanceof Error));
}

/** The resolver of a relationship field, as `RELATION_FIELDS` defines it. */
export const relation = (name: RelationFieldName) => (e: EntityRecord, _: unknown, ctx: Context) => follow(e, ctx, name);

/** The resolver of a relationship field that returns the links themselves (with their roles and evidence). */
export const relationLinks =
  (name: RelationFieldName) =>
  (e: EntityRecord, _: unknown, { data }: Context) =>
    data.entities.relation(name).load(e.id);

/** A resolver for a single lookup by id of one label: null when unknown, BAD_USER_INPUT when malformed. */
export function lookup(label: NodeLabel) {
  return (_: unknown, { id }: { id: string }, { data }: Context, info: GraphQLResolveInfo) =>
    data.plan.lookup(idArgument('id', id, label), selectionOf(info, label));
}

const typename = (e: EntityRecord) => e.label;

export const commonResolvers: Resolvers = {
  Query: {
    node: (_, { id }, { data }, info) => {
      const valid = idArgument('id', id);
      return data.plan.lookup(valid, selectionOf(info, labelOfId(valid)!));
    },
  },
  Node: { __resolveType: typename },
  Entity: { __resolveType: typename },
  Evidence: {
    report: async (e, _, { data }) => (await data.entities.byId.load(e.reportId))!,
  },
  Link: {
    type: (l) => l.type,
    node: async (l, _, { data }) => (await data.entities.byId.load(l.otherId))!,
  },
};
