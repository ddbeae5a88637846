import type { Params } from '../graph/statement.js';
import type { NodeLabel } from '../model/graph.js';

/** Filters a list may take; each present one adds a fixed condition, its value always a parameter. */
export interface ListFilter {
  kinds?: string[];
  levels?: string[];
  name?: string;
  place?: string;
  /** In the place of this division code (or below it), as `place` is in a place of this id. */
  placeCode?: string;
  /** Places only: whose division code starts with this. */
  code?: string;
  report?: string;
  yearFrom?: number;
  yearTo?: number;
  /** Achievements only: that refer to this year (their period ends in it). */
  year?: number;
  valueMin?: number;
  valueMax?: number;
  unit?: string;
  /** Achievements only: of these holders. */
  holders?: string[];
  /** Achievements only: held by an organization of one of these kinds. */
  holderKinds?: string[];
  /** Achievements only: with a known value. */
  hasValue?: boolean;
}
export type FilterKey = keyof ListFilter;

/** Filters that are flags: they add their condition when true and pass no parameter. */
export const FLAGS: ReadonlySet<FilterKey> = new Set(['hasValue']);

/** The filters each label accepts. */
export const LABEL_FILTERS: Record<NodeLabel, FilterKey[]> = {
  Organization: ['kinds', 'name', 'place', 'placeCode', 'report'],
  Program: ['kinds', 'name', 'place', 'placeCode', 'report', 'yearFrom', 'yearTo'],
  Achievement: [
    'kinds',
    'name',
    'place',
    'placeCode',
    'report',
    'yearFrom',
    'yearTo',
    'year',
    'valueMin',
    'valueMax',
    'unit',
    'holders',
    'holderKinds',
    'hasValue',
  ],
  Person: ['name', 'place', 'placeCode', 'report'],
  Place: ['levels', 'code', 'name', 'place', 'placeCode', 'report'],
  Policy: ['name', 'report', 'yearFrom', 'yearTo'],
  Event: ['name', 'place', 'placeCode', 'report', 'yearFrom', 'yearTo'],
  Report: [],
};

/** The filters given a value, checked against those the label takes; and their parameters. */
export function presentFilters(label: NodeLabel, filter: ListFilter): { keys: FilterKey[]; params: Params } {
  const keys = (Object.keys(filter) as FilterKey[]).filter((k) => filter[k] !== undefined && filter[k] !== null && filter[k] !== false);
  const unsupported = keys.filter((k) => !LABEL_FILTERS[label].includes(k));
  if (unsupported.length) throw new Error(`${label} lists cannot be filtered by ${unsupported.join(', ')}`);
  return { keys, params: Object.fromEntries(keys.filter((k) => !FLAGS.has(k)).map((k) => [k, filter[k] as Params[string]])) };
}

/** Orders lists can take. */
export type Order = 'NAME_ASC' | 'NAME_DESC' | 'MENTIONS_DESC' | 'VALUE_DESC' | 'VALUE_ASC' | 'YEAR_DESC' | 'SOURCE_ASC';

/** The orders each label's list offers (the first is its default). */
export const LABEL_ORDERS: Record<NodeLabel, Order[]> = {
  Organization: ['NAME_ASC', 'NAME_DESC', 'MENTIONS_DESC'],
  Program: ['NAME_ASC', 'NAME_DESC', 'MENTIONS_DESC'],
  Achievement: ['NAME_ASC', 'VALUE_DESC', 'VALUE_ASC', 'YEAR_DESC'],
  Person: ['NAME_ASC', 'NAME_DESC', 'MENTIONS_DESC'],
  Place: ['NAME_ASC', 'NAME_DESC', 'MENTIONS_DESC'],
  Policy: ['NAME_ASC', 'NAME_DESC', 'MENTIONS_DESC'],
  Event: ['NAME_ASC', 'NAME_DESC', 'MENTIONS_DESC'],
  Report: ['SOURCE_ASC'],
};
