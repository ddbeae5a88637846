import { fill, h } from '../shared/dom.js';
import { number } from '../shared/format.js';
import { lang, t } from '../shared/i18n.js';
import { m } from './messages.js';
import type { DashboardState } from './state.js';
import { orderOf, type Column, type RowPage, type Tab } from './tabs.js';

/** The header of a sortable column: a button naming the order a click gives, the current one marked. */
function sortHeader(column: Column<unknown>, order: string, sortBy: (order: string) => void): HTMLElement {
  const sorts = column.sorts!;
  const active = sorts.includes(order);
  const next = active ? sorts[(sorts.indexOf(order) + 1) % sorts.length]! : sorts[0]!;
  const direction = active ? (order.endsWith('DESC') ? 'descending' : 'ascending') : 'none';
  // The API sorts names by their Chinese form: in English, say so rather than look unordered.
  const title = column.key === 'name' && lang() === 'en' ? m('sortedByChinese') : null;
  return h(
    'th',
    { scope: 'col', 'data-key': column.key, 'aria-sort': direction, class: active ? 'sorted' : null },
    h(
      'button',
      { type: 'button', class: 'sort', title, onclick: () => sortBy(next) },
      column.header(),
      h('span', { class: 'arrow', 'aria-hidden': 'true' }, active ? (direction === 'descending' ? ' ↓' : ' ↑') : ' ↕'),
    ),
  );
}

/**
 * The facts table of one page: sortable headers, the current order marked, a link to the explorer in
 * each row. On narrow screens rows become cards whose report and quote fold under one disclosure.
 */
export function renderTable(
  container: HTMLElement,
  tab: Tab<unknown>,
  state: DashboardState,
  page: RowPage<unknown>,
  sortBy: (order: string) => void,
): void {
  const order = orderOf(tab, state);
  const head = h(
    'tr',
    {},
    ...tab.columns.map((column) =>
      column.sorts ? sortHeader(column, order, sortBy) : h('th', { scope: 'col', 'data-key': column.key }, column.header()),
    ),
  );
  const sources = tab.columns.filter((c) => c.source);
  const body = page.rows.map((row) =>
    h(
      'tr',
      {},
      ...tab.columns.map((column) =>
        h('td', { 'data-key': column.key, 'data-label': column.header(), 'data-source': column.source ? '' : null }, column.cell(row) || null),
      ),
      h(
        'td',
        { class: 'card-source' },
        h('details', {}, h('summary', {}, m('source')), ...sources.map((c) => h('div', {}, h('span', { class: 'label' }, c.header()), c.cell(row)))),
      ),
    ),
  );
  fill(
    container,
    page.rows.length
      ? h('table', { class: 'facts-table' }, h('caption', { class: 'sr-only' }, t(tab.label)), h('thead', {}, head), h('tbody', {}, ...body))
      : h('p', { class: 'empty' }, t('empty')),
  );
}

/** "Rows 26–50 of 505" and the Previous / Next buttons; `live` announces the range (one pager of the two does). */
export function renderPager(
  container: HTMLElement,
  page: RowPage<unknown>,
  offset: number,
  go: (direction: 'prev' | 'next') => void,
  live: boolean,
): void {
  const range = page.rows.length ? t('pageOf', { from: number(offset + 1), to: number(offset + page.rows.length), total: number(page.total) }) : '';
  fill(
    container,
    h('button', { type: 'button', class: 'prev', disabled: offset === 0, onclick: () => go('prev') }, t('prev')),
    h('span', { class: 'range', 'aria-live': live ? 'polite' : null }, range),
    h('button', { type: 'button', class: 'next', disabled: !page.hasNext, onclick: () => go('next') }, t('next')),
  );
}
