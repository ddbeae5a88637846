import type { ListFilter } from '../data/filters.js';
import { text } from '../data/records.js';
import type { AchievementFilter, PeriodBasis, Resolvers } from '../generated/graphql.js';
import type { Context } from '../context.js';
import { listArgument, sizeArgument, optionalId, rangeArguments, textArgument } from './args.js';
import { inLanguage, maskableFields, lookup, relation } from './common.js';
import { unitIn } from '../model/units.js';
import { listFilter } from './list-arguments.js';
import { connectionResolvers, pageRequest } from './connections.js';
import { pageSelection } from './selection.js';
import { PAGE_SIZE } from '../model/pages.js';

/** The data layer's filter for an achievement filter input; a holder with descendants costs one tree lookup. */
export async function achievementFilter(input: AchievementFilter | null | undefined, { data }: Context): Promise<ListFilter> {
  const { kinds, name, place, placeCode, report, yearFrom, yearTo } = listFilter(input);
  const values = rangeArguments('filter.valueMin', 'filter.valueMax', input?.valueMin, input?.valueMax);
  const holder = optionalId('filter.holder', input?.holder);
  let holders = holder ? [holder] : undefined;
  if (holder && input?.includeDescendants) holders = [holder, ...(await data.related.tree.load(holder)).map((t) => t.id)];
  return {
    kinds,
    name,
    place,
    placeCode,
    report,
    yearFrom,
    yearTo,
    holders,
    valueMin: values.low,
    valueMax: values.high,
    unit: textArgument('filter.unit', input?.unit),
    holderKinds: listArgument(input?.holderKinds),
    year: input?.year ?? undefined,
  };
}

export const achievementResolvers: Resolvers = {
  Query: {
    achievement: lookup('Achievement'),
    achievements: async (_, args, ctx, info) =>
      ctx.data.lists.page(
        'Achievement',
        await achievementFilter(args.filter, ctx),
        args.orderBy ?? 'NAME_ASC',
        pageRequest(args),
        pageSelection('Achievement', info),
      ),
    metricRanking: async (_, args, { data }, info) => {
      const first = sizeArgument('first', args.first, PAGE_SIZE.ranking);
      const unit = textArgument('unit', args.unit);
      const page = await data.lists.page(
        'Achievement',
        { kinds: ['METRIC'], unit, hasValue: true },
        'VALUE_DESC',
        { offset: 0, limit: first },
        pageSelection('Achievement', info, false),
      );
      return page.items;
    },
    metricUnits: async (_, __, { data }) => (await data.stats.counts('metricUnits')).map(({ key, count }) => ({ unit: key, count })),
  },
  Achievement: {
    ...maskableFields,
    statement: (e, args) => inLanguage(e.statement ?? e.name, e.statementEn, args),
    unit: (e, { language }) => (e.unit === null || e.unit === undefined ? null : unitIn(text(e.unit), language ?? 'ZH')),
    period: (e) =>
      e.periodStart === null || e.periodStart === undefined
        ? null
        : {
            start: Number(e.periodStart),
            end: Number(e.periodEnd),
            basis: e.periodBasis as PeriodBasis,
            note: (e.periodNote as string | null) ?? null,
          },
    lost: (e) => e.lost === true,
    holders: relation('Achievement.holders'),
    awardedBy: relation('Achievement.awardedBy'),
  },
  UnitCount: {
    unit: (u, { language }) => unitIn(u.unit, language ?? 'ZH'),
  },
  AchievementConnection: connectionResolvers,
};
