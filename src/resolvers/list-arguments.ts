import type { GraphQLResolveInfo } from 'graphql';
import type { NodeLabel } from '../model/graph.js';
import type { Context } from '../context.js';
import type { ListFilter, Order } from '../data/filters.js';
import { pageOf } from '../data/paging.js';
import { text, type EntityRecord } from '../data/records.js';
import { codeArgument, listArgument, optionalId, placeArgument, rangeArguments, textArgument } from './args.js';
import { pageRequest } from './connections.js';
import { pageSelection } from './selection.js';

/** The filter input fields shared by list queries, before checking. */
export interface FilterInput {
  kinds?: readonly string[] | null;
  levels?: readonly string[] | null;
  place?: string | null;
  code?: string | null;
  report?: string | null;
  name?: string | null;
  yearFrom?: number | null;
  yearTo?: number | null;
}

/** Checks a filter input (ids, text, ranges) and turns it into the data layer's filter. */
export function listFilter(input: FilterInput | null | undefined): ListFilter {
  const years = rangeArguments('filter.yearFrom', 'filter.yearTo', input?.yearFrom, input?.yearTo);
  return {
    kinds: listArgument(input?.kinds),
    levels: listArgument(input?.levels),
    ...placeArgument(input?.place),
    code: codeArgument('filter.code', input?.code),
    report: optionalId('filter.report', input?.report, 'Report'),
    name: textArgument('filter.name', input?.name),
    yearFrom: years.low,
    yearTo: years.high,
  };
}

/** A list query resolver for a label: checks paging and filter, reads one page. */
export function listResolver(label: NodeLabel) {
  return (
    _: unknown,
    args: { first?: number | null; after?: string | null; filter?: FilterInput | null; orderBy?: string | null },
    { data }: Context,
    info: GraphQLResolveInfo,
  ) => data.lists.page(label, listFilter(args.filter), (args.orderBy ?? 'NAME_ASC') as Order, pageRequest(args), pageSelection(label, info));
}

/** A connection over records loaded in one batch, filtered by kind and paged in memory. */
export function pageOfKinds(
  records: readonly EntityRecord[],
  args: { first?: number | null; after?: string | null; kinds?: readonly string[] | null },
) {
  const request = pageRequest(args);
  const kinds = listArgument(args.kinds);
  return pageOf(kinds ? records.filter((r) => kinds.includes(text(r.kind))) : records, request);
}
