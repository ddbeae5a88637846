import type {
  AchievementFilter,
  DashboardChartsQueryVariables,
  OrganizationFilter,
  OrganizationKind,
  StatsFilter,
} from '../../src/generated/client/graphql.js';
import { switchTab, type DashboardState, type Selection, type TabName } from './state.js';

/** The overview's charts: each is a dimension of the selection, but the count by type, whose bars open tabs. */
export type ChartId = 'byType' | 'byKind' | 'byProvince' | 'byReport' | 'byYear';

/** The parts of a selection, as the charts that set them call them. */
export type Part = 'orgKinds' | 'place' | 'report' | 'year';

/** The part each chart sets: its own bars never filter it. */
export const PART_OF_CHART: Record<ChartId, Part | undefined> = {
  byType: undefined,
  byKind: 'orgKinds',
  byProvince: 'place',
  byReport: 'report',
  byYear: 'year',
};

/** The parts a chart cannot be filtered by: organizations have no year. */
const NOT_APPLICABLE: Partial<Record<ChartId, readonly Part[]>> = { byKind: ['year'], byProvince: ['year'] };

/** The parts that apply to a tab's rows (policies have no place; only achievements and organizations have an organization kind). */
const TAB_PARTS: Record<TabName, readonly Part[]> = {
  achievements: ['orgKinds', 'place', 'report', 'year'],
  organizations: ['orgKinds', 'place', 'report'],
  programs: ['place', 'report'],
  policies: ['report'],
};

export const selectionOf = (s: DashboardState): Selection => ({ orgKinds: s.orgKinds, place: s.place, report: s.report, year: s.year });

/** Whether a part is set. */
export const isSet = (s: Selection, part: Part): boolean => (part === 'orgKinds' ? s.orgKinds.length > 0 : s[part] !== undefined);

/** The parts set that filter a chart, and those set that cannot. */
export function chartParts(chart: ChartId, s: Selection): { applied: Part[]; notApplied: Part[] } {
  const others = (['orgKinds', 'place', 'report', 'year'] as const).filter((p) => p !== PART_OF_CHART[chart] && isSet(s, p));
  const excluded = NOT_APPLICABLE[chart] ?? [];
  return { applied: others.filter((p) => !excluded.includes(p)), notApplied: others.filter((p) => excluded.includes(p)) };
}

/** The parts set that do not apply to a tab's rows. */
export const notOnTab = (tab: TabName, s: Selection): Part[] =>
  (['orgKinds', 'place', 'report', 'year'] as const).filter((p) => isSet(s, p) && !TAB_PARTS[tab].includes(p));

/** An object without its undefined fields, or null when none is left (the API then counts the whole graph). */
function present<T extends object>(filter: T): T | null {
  const kept = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
  return Object.keys(kept).length ? (kept as T) : null;
}

/** The variables of the charts' request: each chart counted under the parts of the selection that apply to it. */
export function chartVariables(s: Selection): DashboardChartsQueryVariables {
  const only = (chart: ChartId) => new Set(chartParts(chart, s).applied);
  const kinds = s.orgKinds.length ? (s.orgKinds as OrganizationKind[]) : undefined;
  const stats = (parts: Set<Part>): StatsFilter | null =>
    present({
      organizationKinds: parts.has('orgKinds') ? kinds : undefined,
      place: parts.has('place') ? s.place : undefined,
      report: parts.has('report') ? s.report : undefined,
      year: parts.has('year') ? s.year : undefined,
    });
  const organizations = (parts: Set<Part>): OrganizationFilter | null =>
    present({
      kinds: parts.has('orgKinds') ? kinds : undefined,
      place: parts.has('place') ? s.place : undefined,
      report: parts.has('report') ? s.report : undefined,
    });
  const years = only('byYear');
  const achievements: AchievementFilter | null = present({
    holderKinds: years.has('orgKinds') ? kinds : undefined,
    place: years.has('place') ? s.place : undefined,
    report: years.has('report') ? s.report : undefined,
  });
  return {
    types: stats(only('byType')),
    kinds: organizations(only('byKind')),
    provinces: organizations(only('byProvince')),
    reports: stats(only('byReport')),
    years: achievements,
  };
}

/** Where the table goes for a selection part when the current tab does not take it. */
const HOME_TAB: Record<Part, TabName> = { orgKinds: 'organizations', place: 'organizations', report: 'achievements', year: 'achievements' };

/** A chart's bar picked: its part set to that bar (or cleared when it was the only one picked), on a tab the part applies to. */
export function pickBar(s: DashboardState, part: Part, key: string): DashboardState {
  const picked: Partial<Selection> =
    part === 'orgKinds'
      ? { orgKinds: s.orgKinds.length === 1 && s.orgKinds[0] === key ? [] : [key] }
      : part === 'year'
        ? { year: s.year === Number(key) ? undefined : Number(key) }
        : { [part]: s[part] === key ? undefined : key };
  const next = { ...s, ...picked, after: undefined, offset: undefined };
  return TAB_PARTS[s.tab].includes(part) ? next : switchTab(next, HOME_TAB[part]);
}

/** A part cleared, on the same tab. */
export const clearPart = (s: DashboardState, part: Part): DashboardState => ({
  ...s,
  ...(part === 'orgKinds' ? { orgKinds: [] } : { [part]: undefined }),
  after: undefined,
  offset: undefined,
});
