import { readList, readNumber, readState, writeState } from '../shared/url-state.js';

export type TabName = 'achievements' | 'organizations' | 'programs' | 'policies';
export const TABS: TabName[] = ['achievements', 'organizations', 'programs', 'policies'];

/** Everything the address holds: tab, filters, sort and the page's cursor. */
export interface DashboardState {
  tab: TabName;
  text?: string;
  kinds: string[];
  unit?: string;
  valueMin?: number;
  valueMax?: number;
  yearFrom?: number;
  yearTo?: number;
  holderKinds: string[];
  place?: string;
  report?: string;
  sort?: string;
  after?: string;
  /** Rows before this page (with `after`): the cursor is opaque, so the address keeps both. */
  offset?: number;
}

export const emptyState = (tab: TabName): DashboardState => ({ tab, kinds: [], holderKinds: [] });

export function readDashboardState(): DashboardState {
  const p = readState();
  const tab = TABS.find((name) => name === p.get('tab')) ?? 'achievements';
  const text = (key: string) => p.get(key) || undefined;
  return {
    tab,
    text: text('q'),
    kinds: readList(p, 'kinds'),
    unit: text('unit'),
    valueMin: readNumber(p, 'vmin'),
    valueMax: readNumber(p, 'vmax'),
    yearFrom: readNumber(p, 'yfrom'),
    yearTo: readNumber(p, 'yto'),
    holderKinds: readList(p, 'hkinds'),
    place: text('place'),
    report: text('report'),
    sort: text('sort'),
    after: text('after'),
    offset: readNumber(p, 'from'),
  };
}

/** Writes the state into the address: `push` makes a Back step, `replace` amends (typing). */
export function writeDashboardState(s: DashboardState, mode: 'push' | 'replace'): void {
  writeState(
    {
      tab: s.tab,
      q: s.text,
      kinds: s.kinds,
      unit: s.unit,
      vmin: s.valueMin,
      vmax: s.valueMax,
      yfrom: s.yearFrom,
      yto: s.yearTo,
      hkinds: s.holderKinds,
      place: s.place,
      report: s.report,
      sort: s.sort,
      after: s.after,
      from: s.after ? s.offset : undefined,
    },
    mode,
  );
}
