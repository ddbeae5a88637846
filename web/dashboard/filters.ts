import type { DashboardOverviewQuery } from '../../src/generated/client/graphql.js';
import { h } from '../shared/dom.js';
import { t, term } from '../shared/i18n.js';
import { ORG_KINDS } from '../shared/vocabulary.js';
import type { DashboardState } from './state.js';
import { TAB_DEFS } from './tabs.js';

/** The choices filters offer, from the overview request. */
export type Choices = Pick<DashboardOverviewQuery, 'metricUnits' | 'reports' | 'places'>;

const option = (value: string, label: string, selected: boolean) => h('option', { value, selected }, label);
const field = (label: string, control: HTMLElement) => h('label', { class: 'field' }, h('span', {}, label), control);

/**
 * The filter form of the current tab. Every control reports a new state: selects and numbers as a
 * new history entry, typing as an amendment of the current one.
 */
export function filterForm(state: DashboardState, choices: Choices, onChange: (next: DashboardState, mode: 'push' | 'replace') => void): HTMLElement {
  const tab = TAB_DEFS[state.tab];
  const set = (patch: Partial<DashboardState>, mode: 'push' | 'replace' = 'push') =>
    onChange({ ...state, ...patch, after: undefined, offset: undefined }, mode);
  const select = (
    name: string,
    current: string | undefined,
    options: HTMLElement[],
    apply: (value: string | undefined) => Partial<DashboardState>,
  ) => {
    const el = h('select', { name }, option('', t('any'), !current), ...options);
    el.addEventListener('change', () => set(apply(el.value || undefined)));
    return el;
  };
  const numberInput = (name: string, current: number | undefined, apply: (value: number | undefined) => Partial<DashboardState>) => {
    const el = h('input', { type: 'number', name, value: current ?? '', inputmode: 'decimal' });
    el.addEventListener('change', () => set(apply(el.value === '' ? undefined : Number(el.value))));
    return el;
  };
  const controls: HTMLElement[] = [];
  for (const filter of tab.filters) {
    if (filter === 'text') {
      const input = h('input', { type: 'search', name: 'text', value: state.text ?? '' });
      let timer = 0;
      input.addEventListener('input', () => {
        clearTimeout(timer);
        timer = window.setTimeout(() => set({ text: input.value.trim() || undefined }, 'replace'), 350);
      });
      controls.push(field(t('text'), input));
    }
    if (filter === 'kinds')
      controls.push(
        field(
          t('kind'),
          select(
            'kinds',
            state.kinds[0],
            tab.kinds.map((k) => option(k, term(k), state.kinds[0] === k)),
            (v) => ({ kinds: v ? [v] : [] }),
          ),
        ),
      );
    if (filter === 'unit')
      controls.push(
        field(
          t('unit'),
          select(
            'unit',
            state.unit,
            choices.metricUnits.map((u) => option(u.unit, `${u.unit} (${u.count})`, state.unit === u.unit)),
            (v) => ({ unit: v }),
          ),
        ),
      );
    if (filter === 'value') {
      controls.push(
        field(
          t('valueMin'),
          numberInput('valueMin', state.valueMin, (v) => ({ valueMin: v })),
        ),
      );
      controls.push(
        field(
          t('valueMax'),
          numberInput('valueMax', state.valueMax, (v) => ({ valueMax: v })),
        ),
      );
    }
    if (filter === 'year') {
      controls.push(
        field(
          t('yearFrom'),
          numberInput('yearFrom', state.yearFrom, (v) => ({ yearFrom: v })),
        ),
      );
      controls.push(
        field(
          t('yearTo'),
          numberInput('yearTo', state.yearTo, (v) => ({ yearTo: v })),
        ),
      );
    }
    if (filter === 'holderKinds')
      controls.push(
        field(
          t('holderKind'),
          select(
            'holderKinds',
            state.holderKinds[0],
            ORG_KINDS.map((k) => option(k, term(k), state.holderKinds[0] === k)),
            (v) => ({ holderKinds: v ? [v] : [] }),
          ),
        ),
      );
    if (filter === 'place') {
      const levels = [...new Set(choices.places.edges.map((e) => e.node.level))];
      const groups = levels.map((level) =>
        h(
          'optgroup',
          { label: term(level) },
          ...choices.places.edges.filter((e) => e.node.level === level).map((e) => option(e.node.id, e.node.name, state.place === e.node.id)),
        ),
      );
      controls.push(
        field(
          t('place'),
          select('place', state.place, groups, (v) => ({ place: v })),
        ),
      );
    }
    if (filter === 'report')
      controls.push(
        field(
          t('report'),
          select(
            'report',
            state.report,
            choices.reports.edges.map((e) => option(e.node.id, `${e.node.source} ${e.node.title}`, state.report === e.node.id)),
            (v) => ({ report: v }),
          ),
        ),
      );
  }
  const sort = select(
    'sort',
    state.sort,
    tab.orders.map((o) => option(o, t(o as 'NAME_ASC'), state.sort === o)),
    (v) => ({ sort: v }),
  );
  sort.firstElementChild?.remove();
  controls.push(field(t('sortBy'), sort));
  const reset = h('button', { type: 'button', class: 'reset' }, t('reset'));
  reset.addEventListener('click', () => onChange({ tab: state.tab, kinds: [], holderKinds: [] }, 'push'));
  return h('form', { class: 'filters', role: 'search', 'aria-label': t('filters'), onsubmit: (e: Event) => e.preventDefault() }, ...controls, reset);
}
