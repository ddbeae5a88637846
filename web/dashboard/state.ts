import { lang } from '../shared/i18n.js';
import { readList, readNumber, readState, writeState } from '../shared/url-state.js';

export type TabName = 'achievements' | 'organizations' | 'programs' | 'policies';
export const TABS: TabName[] = ['achievements', 'organizations', 'programs', 'policies'];

/**
 * Everything the address holds. The charts' selections (organization kinds, place, report, year) are
 * the dashboard's: they filter the charts and every tab they apply to, and stay when the tab changes.
 * The rest are the tab's own filters, sort and page.
 */
export interface DashboardState {
  tab: TabName;
  /** Organizations of these kinds; achievements held by one. */
  orgKinds: string[];
  place?: string;
  report?: string;
  /** Achievements that refer to this year (their period ends in it). */
  year?: number;
  text?: string;
  /** The tab's own kinds (achievement or program kinds; an organization's kind is `orgKinds`). */
  kinds: string[];
  unit?: string;
  valueMin?: number;
  valueMax?: number;
  yearFrom?: number;
  yearTo?: number;
  sort?: string;
  after?: string;
  /** Rows before this page (with `after`): the cursor is opaque, so the address keeps both. */
  offset?: number;
}

/** The charts' selections, the part of the state every tab shares. */
export type Selection = Pick<DashboardState, 'orgKinds' | 'place' | 'report' | 'year'>;

export const emptyState = (tab: TabName): DashboardState => ({ tab, orgKinds: [], kinds: [] });

/** Another tab, keeping the charts' selections and dropping the old tab's own filters. */
export const switchTab = (s: DashboardState, tab: TabName): DashboardState => ({
  ...emptyState(tab),
  orgKinds: s.orgKinds,
  place: s.place,
  report: s.report,
  year: s.year,
});

export function readDashboardState(): DashboardState {
  const p = readState();
  const tab = TABS.find((name) => name === p.get('tab')) ?? 'achievements';
  const text = (key: string) => p.get(key) || undefined;
  return {
    tab,
    orgKinds: readList(p, 'okinds'),
    place: text('place'),
    report: text('report'),
    year: readNumber(p, 'year'),
    text: text('q'),
    kinds: readList(p, 'kinds'),
    unit: text('unit'),
    valueMin: readNumber(p, 'vmin'),
    valueMax: readNumber(p, 'vmax'),
    yearFrom: readNumber(p, 'yfrom'),
    yearTo: readNumber(p, 'yto'),
    sort: text('sort'),
    after: text('after'),
    offset: readNumber(p, 'from'),
  };
}

/** The address of a state, with the interface's language so a shared link opens in it. */
export function dashboardParams(s: DashboardState) {
  return {
    tab: s.tab,
    okinds: s.orgKinds,
    place: s.place,
    report: s.report,
    year: s.year,
    q: s.text,
    kinds: s.kinds,
    unit: s.unit,
    vmin: s.valueMin,
    vmax: s.valueMax,
    yfrom: s.yearFrom,
    yto: s.yearTo,
    sort: s.sort,
    after: s.after,
    from: s.after ? s.offset : undefined,
    lang: lang(),
  };
}

/** Writes the state into the address: `push` makes a Back step, `replace` amends (typing on, a new language). */
export function writeDashboardState(s: DashboardState, mode: 'push' | 'replace'): void {
  writeState(dashboardParams(s), mode);
}
