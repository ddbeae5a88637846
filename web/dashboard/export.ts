import { download } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { BOM, csvRow, csvValue } from './csv.js';
import type { DashboardState } from './state.js';
import { apiFilter, orderOf, TAB_DEFS, type FieldValue } from './tabs.js';

/** Pages of this size are read one after another: the API caps a page at 100. */
const EXPORT_PAGE = 100;

/**
 * Exports the table as filtered, every page of it, read through the API one page at a time (never
 * all at once). Each row carries both languages, the number as a number with its qualifier, and whether
 * it is masked or lost; the file says which query and filter produced it, and when.
 */
export async function exportTable(state: DashboardState, format: 'csv' | 'json', progress: (message: string) => void): Promise<number> {
  const tab = TAB_DEFS[state.tab];
  const filter = apiFilter(tab, state);
  const orderBy = orderOf(tab, state);
  const exportedAt = new Date().toISOString();
  const query = { operation: tab.operation, variables: { filter, orderBy } };
  const parts: string[] = [];
  const rows: Array<Record<string, FieldValue>> = [];
  if (format === 'csv') {
    parts.push(
      BOM,
      `# Health graph: ${tab.name}, exported ${exportedAt}\r\n`,
      `# query: ${JSON.stringify(query)}\r\n`,
      csvRow(tab.fields.map((f) => f.header())),
    );
  }
  let after: string | null = null;
  let count = 0;
  for (;;) {
    const page = await tab.fetch({ first: EXPORT_PAGE, after, filter, orderBy });
    for (const row of page.rows) {
      if (format === 'csv') parts.push(csvRow(tab.fields.map((f) => csvValue(f.value(row)))));
      else rows.push(Object.fromEntries(tab.fields.map((f) => [f.key, f.value(row)])));
    }
    count += page.rows.length;
    progress(t('exporting', { n: count, total: page.total }));
    if (!page.hasNext || !page.endCursor) break;
    after = page.endCursor;
  }
  const date = exportedAt.slice(0, 10);
  const blob =
    format === 'csv'
      ? new Blob(parts, { type: 'text/csv;charset=utf-8' })
      : new Blob([JSON.stringify({ exportedAt, query, total: count, rows }, null, 2)], { type: 'application/json' });
  download(blob, `health-graph-${tab.name}-${date}.${format}`);
  return count;
}
