import { fill, h } from '../shared/dom.js';
import { number } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import type { DashboardState } from './state.js';
import { headerText, orderOf, type RowPage, type Tab } from './tabs.js';

/** The facts table of one page: sortable headers (value, year, name) and a link to the explorer in each row. */
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
    ...tab.columns.map((column) => {
      if (!column.sorts) return h('th', { scope: 'col', 'data-key': column.key }, headerText(column));
      const active = column.sorts.includes(order);
      const next = active ? column.sorts[(column.sorts.indexOf(order) + 1) % column.sorts.length]! : column.sorts[0]!;
      const direction = active ? (order.endsWith('DESC') ? 'descending' : 'ascending') : 'none';
      return h(
        'th',
        { scope: 'col', 'data-key': column.key, 'aria-sort': direction },
        h(
          'button',
          { type: 'button', class: 'sort', onclick: () => sortBy(next) },
          headerText(column),
          active ? (direction === 'descending' ? ' ↓' : ' ↑') : ' ↕',
        ),
      );
    }),
  );
  const body = page.rows.map((row) =>
    h(
      'tr',
      {},
      ...tab.columns.map((column) =>
        h('td', { 'data-key': column.key, 'data-label': headerText(column) }, column.cell ? column.cell(row) : column.text(row)),
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

/** "Rows 26–50 of 505" and the Previous / Next buttons. */
export function renderPager(container: HTMLElement, page: RowPage<unknown>, offset: number, go: (direction: 'prev' | 'next') => void): void {
  const range = page.rows.length ? t('pageOf', { from: number(offset + 1), to: number(offset + page.rows.length), total: number(page.total) }) : '';
  fill(
    container,
    h('button', { type: 'button', class: 'prev', disabled: offset === 0, onclick: () => go('prev') }, t('prev')),
    h('span', { class: 'range', 'aria-live': 'polite' }, range),
    h('button', { type: 'button', class: 'next', disabled: !page.hasNext, onclick: () => go('next') }, t('next')),
  );
}
