import '../shared/base.css';
import './dashboard.css';
import { DashboardOverviewDocument, type DashboardOverviewQuery } from '../../src/generated/client/graphql.js';
import { mountChrome, showStatus } from '../shared/chrome.js';
import { latestOnly, request } from '../shared/client.js';
import { $, fill, h } from '../shared/dom.js';
import { onLangChange, t, term } from '../shared/i18n.js';
import { chartCard, charts, type Bar } from './charts.js';
import { exportTable } from './export.js';
import { filterForm } from './filters.js';
import { emptyState, readDashboardState, TABS, writeDashboardState, type DashboardState, type TabName } from './state.js';
import { renderPager, renderTable } from './table.js';
import { apiFilter, orderOf, TAB_DEFS, type RowPage } from './tabs.js';

/** Rows per page of the table. */
const PAGE_SIZE = 25;

mountChrome('dashboard');
let state = readDashboardState();
let overview: DashboardOverviewQuery | undefined;
/** Cursors of the pages before this one, for Previous (the API's cursors only go forward). */
let previous: Array<{ after?: string; offset?: number }> = [];
const latest = latestOnly();
// For the browser tests: the charts as drawn.
Object.assign(window, { charts });

function navigate(next: DashboardState, mode: 'push' | 'replace'): void {
  if (next.tab !== state.tab || next.after === undefined) previous = [];
  state = next;
  writeDashboardState(state, mode);
  render();
}

/** The entity types that have a tab of their own. */
const TYPE_TABS: Record<string, TabName> = { ACHIEVEMENT: 'achievements', ORGANIZATION: 'organizations', PROGRAM: 'programs', POLICY: 'policies' };

/** Where a chart's bar takes the table: a kind, a province, a report or a year becomes a filter. */
function pick(chart: string, key: string): void {
  const supportsPlace = (tab: TabName) => TAB_DEFS[tab].filters.includes('place');
  const supportsReport = (tab: TabName) => TAB_DEFS[tab].filters.includes('report');
  let next: DashboardState | undefined;
  if (chart === 'byType' && Object.hasOwn(TYPE_TABS, key)) next = emptyState(TYPE_TABS[key]!);
  if (chart === 'byKind') next = { ...emptyState('organizations'), kinds: [key] };
  if (chart === 'byProvince') next = { ...(supportsPlace(state.tab) ? { ...state } : emptyState('organizations')), place: key };
  if (chart === 'byReport') next = { ...(supportsReport(state.tab) ? { ...state } : emptyState('achievements')), report: key };
  if (chart === 'byYear') next = { ...emptyState('achievements'), yearFrom: Number(key), yearTo: Number(key) };
  if (!next) return;
  navigate({ ...next, after: undefined, offset: undefined }, 'push');
  $('#facts-title').scrollIntoView({ block: 'start' });
}

function renderCharts(): void {
  if (!overview) return;
  const s = overview.stats;
  const spec = (id: string, title: Parameters<typeof chartCard>[0]['title'], bars: Bar[], horizontal = true) =>
    chartCard({ id, title, bars, horizontal, onPick: (key) => pick(id, key) });
  fill(
    $('#charts'),
    spec(
      'byType',
      'byType',
      s.byType.map((c) => ({ key: c.type, label: term(c.type), value: c.count })),
    ),
    spec(
      'byKind',
      'byKind',
      s.organizationsByKind.map((c) => ({ key: c.key, label: term(c.key), value: c.count })),
    ),
    spec(
      'byProvince',
      'byProvince',
      s.byPlace.map((c) => ({ key: c.place.id, label: c.place.name, value: c.organizations })),
    ),
    spec(
      'byReport',
      'byReport',
      s.byReport.map((c) => ({ key: c.report.id, label: `${c.report.source} ${c.report.title}`, value: c.total })),
    ),
    spec(
      'byYear',
      'byYear',
      s.achievementsByYear.map((c) => ({ key: String(c.year), label: String(c.year), value: c.count })),
      false,
    ),
  );
}

function renderTabs(): void {
  fill(
    $('#tabs'),
    ...TABS.map((name) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `tab-${name}`,
          'aria-selected': String(name === state.tab),
          tabindex: name === state.tab ? 0 : -1,
          onclick: () => navigate(emptyState(name), 'push'),
          onkeydown: (event: Event) => {
            const key = (event as KeyboardEvent).key;
            if (key !== 'ArrowRight' && key !== 'ArrowLeft') return;
            const next = TABS[(TABS.indexOf(state.tab) + (key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
            navigate(emptyState(next), 'push');
            $(`#tab-${next}`).focus();
          },
        },
        t(TAB_DEFS[name].label),
      ),
    ),
  );
}

async function loadTable(): Promise<void> {
  const tab = TAB_DEFS[state.tab];
  const status = $('#table-status');
  showStatus(status, 'loading');
  document.body.dataset.table = 'loading';
  try {
    const page: RowPage<unknown> | undefined = await latest(
      tab.fetch({ first: PAGE_SIZE, after: state.after ?? null, filter: apiFilter(tab, state), orderBy: orderOf(tab, state) }),
    );
    if (!page) return;
    const sortBy = (order: string) => navigate({ ...state, sort: order, after: undefined, offset: undefined }, 'push');
    renderTable($('#table'), tab, state, page, sortBy);
    renderPager($('#pager'), page, state.offset ?? 0, (direction) => {
      if (direction === 'next') {
        previous.push({ after: state.after, offset: state.offset });
        navigate({ ...state, after: page.endCursor ?? undefined, offset: (state.offset ?? 0) + page.rows.length }, 'push');
      } else {
        const back = previous.pop() ?? {};
        navigate({ ...state, ...back }, 'push');
      }
    });
    showStatus(status, 'idle');
    document.body.dataset.table = 'ready';
    document.body.dataset.total = String(page.total);
  } catch (error) {
    fill($('#table'));
    showStatus(status, 'error', (error as Error).message);
    document.body.dataset.table = 'error';
  }
}

function render(): void {
  renderTabs();
  if (overview) fill($('#filters'), filterForm(state, overview, navigate));
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
  render();
});
onLangChange(() => {
  renderCharts();
  render();
});

async function start(): Promise<void> {
  const status = $('#overview-status');
  showStatus(status, 'loading');
  try {
    overview = await request(DashboardOverviewDocument, {});
    showStatus(status, 'idle');
    renderCharts();
    document.body.dataset.charts = 'ready';
  } catch (error) {
    showStatus(status, 'error', (error as Error).message);
  }
  render();
}
void start();
