import '../shared/base.css';
import './dashboard.css';
import { DashboardChartsDocument, DashboardOverviewDocument, type DashboardChartsQuery } from '../../src/generated/client/graphql.js';
import { mountChrome, showStatus } from '../shared/chrome.js';
import { latestOnly, request } from '../shared/client.js';
import { $, h } from '../shared/dom.js';
import { onLangChange, t } from '../shared/i18n.js';
import { chartSpecs } from './chart-specs.js';
import { ChartCard, charts } from './charts.js';
import { exportTable } from './export.js';
import { FilterForm, type Choices } from './filters.js';
import { partLabel } from './labels.js';
import { m } from './messages.js';
import { chartVariables, notOnTab, selectionOf, type ChartId } from './selection.js';
import { dashboardParams, emptyState, readDashboardState, switchTab, TABS, writeDashboardState, type DashboardState } from './state.js';
import { renderPager, renderTable } from './table.js';
import { apiFilter, orderOf, TAB_DEFS, type RowPage } from './tabs.js';

/** Rows per page: fewer on a phone, where each row is a card, so the page stays short. */
const pageSize = () => (matchMedia('(max-width: 700px)').matches ? 10 : 25);

mountChrome('dashboard');
let state = readDashboardState();
let choices: Choices | undefined;
/** The charts' counts: over the whole graph (their bars' order), and under the current selection. */
let counts: { whole: DashboardChartsQuery; selected: DashboardChartsQuery } | undefined;
/** Cursors of the pages before this one, for Previous (the API's cursors only go forward). */
let previous: Array<{ after?: string; offset?: number }> = [];
const latestTable = latestOnly();
const latestCharts = latestOnly();
// For the browser tests: the charts as drawn.
Object.assign(window, { charts });

const CHART_IDS: ChartId[] = ['byType', 'byKind', 'byProvince', 'byReport', 'byYear'];
const cards = new Map(CHART_IDS.map((id) => [id, new ChartCard(id)]));
$('#charts').append(...[...cards.values()].map((card) => card.element));

const selectionKey = (s: DashboardState) => JSON.stringify(selectionOf(s));

function navigate(next: DashboardState, mode: 'push' | 'replace'): void {
  if (JSON.stringify(dashboardParams(next)) === JSON.stringify(dashboardParams(state))) return;
  if (next.tab !== state.tab || next.after === undefined) previous = [];
  const chartsChange = selectionKey(next) !== selectionKey(state);
  state = next;
  writeDashboardState(state, mode);
  render(chartsChange);
}

const form = new FilterForm(
  $('#filters'),
  (patch, mode) => navigate({ ...state, ...patch, after: undefined, offset: undefined }, mode),
  () => navigate(emptyState(state.tab), 'push'),
);

/** The tabs, made once and updated in place (arrow keys move between them). */
const tabButtons = TABS.map((name) =>
  h('button', {
    type: 'button',
    role: 'tab',
    id: `tab-${name}`,
    'aria-controls': 'table',
    onclick: () => navigate(switchTab(state, name), 'push'),
    onkeydown: (event: Event) => {
      const key = (event as KeyboardEvent).key;
      if (key !== 'ArrowRight' && key !== 'ArrowLeft') return;
      const next = TABS[(TABS.indexOf(state.tab) + (key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
      navigate(switchTab(state, next), 'push');
      $(`#tab-${next}`).focus();
    },
  }),
);
$('#tabs').append(...tabButtons);

function renderTabs(): void {
  tabButtons.forEach((button, i) => {
    const name = TABS[i]!;
    button.textContent = t(TAB_DEFS[name].label);
    button.setAttribute('aria-selected', String(name === state.tab));
    button.tabIndex = name === state.tab ? 0 : -1;
  });
}

/** The chart selections the current tab's rows cannot take (a year on organizations). */
function renderNotApplied(): void {
  const parts = notOnTab(state.tab, selectionOf(state));
  const note = $('#not-applied');
  note.textContent = parts.length ? m('notApplied', { list: parts.map((p) => partLabel(p, state, choices)).join(' · ') }) : '';
  note.hidden = !parts.length;
}

function drawCharts(): void {
  if (!counts) return;
  const specs = chartSpecs(counts.whole, counts.selected, state, choices, {
    pick: (next) => navigate(next, 'push'),
  });
  for (const id of CHART_IDS) cards.get(id)!.update(specs[id]);
}

async function loadCharts(): Promise<void> {
  const status = $('#overview-status');
  document.body.dataset.charts = 'loading';
  try {
    const variables = chartVariables(selectionOf(state));
    const both = await latestCharts(
      Promise.all([
        request(DashboardChartsDocument, { types: null, kinds: null, provinces: null, reports: null, years: null }),
        request(DashboardChartsDocument, variables),
      ]),
    );
    if (!both) return;
    counts = { whole: both[0], selected: both[1] };
    drawCharts();
    showStatus(status, 'idle');
    document.body.dataset.charts = 'ready';
  } catch (error) {
    showStatus(status, 'error', (error as Error).message);
    document.body.dataset.charts = 'error';
  }
}

async function loadTable(): Promise<void> {
  const tab = TAB_DEFS[state.tab];
  const status = $('#table-status');
  showStatus(status, 'loading');
  document.body.dataset.table = 'loading';
  try {
    const page: RowPage<unknown> | undefined = await latestTable(
      tab.fetch({ first: pageSize(), after: state.after ?? null, filter: apiFilter(tab, state), orderBy: orderOf(tab, state) }),
    );
    if (!page) return;
    const sortBy = (order: string) => navigate({ ...state, sort: order, after: undefined, offset: undefined }, 'push');
    renderTable($('#table'), tab, state, page, sortBy);
    const go = (direction: 'prev' | 'next') => {
      if (direction === 'next') {
        previous.push({ after: state.after, offset: state.offset });
        navigate({ ...state, after: page.endCursor ?? undefined, offset: (state.offset ?? 0) + page.rows.length }, 'push');
      } else {
        const back = previous.pop() ?? {};
        navigate({ ...state, ...back }, 'push');
      }
    };
    renderPager($('#pager'), page, state.offset ?? 0, go, true);
    renderPager($('#pager-bottom'), page, state.offset ?? 0, go, false);
    showStatus(status, 'idle');
    document.body.dataset.table = 'ready';
    document.body.dataset.total = String(page.total);
  } catch (error) {
    $('#table').replaceChildren();
    showStatus(status, 'error', (error as Error).message);
    document.body.dataset.table = 'error';
  }
}

function render(chartsChange: boolean): void {
  renderTabs();
  if (choices) form.render(state, choices);
  renderNotApplied();
  if (chartsChange) void loadCharts();
  else drawCharts();
  void loadTable();
}

async function runExport(format: 'csv' | 'json'): Promise<void> {
  const status = $('#table-status');
  try {
    const count = await exportTable(state, format, (message) => showStatus(status, 'loading', message));
    showStatus(status, 'idle', t('exported', { n: count }));
  } catch (error) {
    showStatus(status, 'error', (error as Error).message);
  }
}

$('#export-csv').addEventListener('click', () => void runExport('csv'));
$('#export-json').addEventListener('click', () => void runExport('json'));
window.addEventListener('popstate', () => {
  state = readDashboardState();
  previous = [];
  render(true);
});
onLangChange(() => {
  // The address says the language, so a link shared now opens in it.
  writeDashboardState(state, 'replace');
  render(false);
});

async function start(): Promise<void> {
  render(true);
  const status = $('#overview-status');
  try {
    choices = await request(DashboardOverviewDocument, {});
    form.render(state, choices);
    renderNotApplied();
    drawCharts();
  } catch (error) {
    showStatus(status, 'error', (error as Error).message);
  }
}
void start();
