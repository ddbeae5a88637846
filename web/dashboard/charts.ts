import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { download, h } from '../shared/dom.js';
import { number } from '../shared/format.js';
import { t, type MessageKey } from '../shared/i18n.js';

// Only what the dashboard draws: bar charts on a grid, with tooltips, on canvas (exported as PNG).
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** One bar: the key a click filters by, its label and its count. */
export interface Bar {
  key: string;
  label: string;
  value: number;
}

export interface ChartSpec {
  id: string;
  title: MessageKey;
  bars: Bar[];
  /** Categories down the side (long names) or along the bottom (years). */
  horizontal: boolean;
  onPick: (key: string) => void;
}

/** Charts by id, for the browser tests to read what is drawn. */
export const charts: Record<string, echarts.ECharts> = {};

/**
 * A chart card: title, the bar chart, a download button and the same numbers as a table whose rows
 * are buttons (the chart's text alternative and keyboard path). Clicking a bar or a row calls `onPick`.
 */
export function chartCard(spec: ChartSpec): HTMLElement {
  const canvas = h('div', {
    class: 'chart',
    role: 'img',
    'aria-label': `${t(spec.title)}: ${spec.bars.map((b) => `${b.label} ${b.value}`).join(', ')}`,
  });
  const save = h('button', { type: 'button', class: 'save' }, t('downloadChart'));
  const table = h(
    'details',
    {},
    h('summary', {}, t('table')),
    h(
      'table',
      {},
      h(
        'tbody',
        {},
        ...spec.bars.map((bar) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => spec.onPick(bar.key) }, bar.label)),
            h('td', {}, number(bar.value)),
          ),
        ),
      ),
    ),
  );
  const card = h('figure', { class: 'card', id: `chart-${spec.id}` }, h('figcaption', {}, h('h3', {}, t(spec.title)), save), canvas, table);

  // Bars read top-down in a horizontal chart: ECharts draws the first category at the bottom.
  const bars = spec.horizontal ? [...spec.bars].reverse() : spec.bars;
  const category = {
    type: 'category' as const,
    data: bars.map((b) => b.label),
    axisLabel: { width: 120, overflow: 'truncate' as const, fontSize: 11 },
  };
  const value = { type: 'value' as const, minInterval: 1 };
  requestAnimationFrame(() => {
    charts[spec.id]?.dispose();
    const chart = echarts.init(canvas, undefined, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: spec.horizontal ? value : category,
      yAxis: spec.horizontal ? category : value,
      series: [
        { type: 'bar', data: bars.map((b) => ({ value: b.value, name: b.label, key: b.key })), itemStyle: { color: '#2f6db5' }, cursor: 'pointer' },
      ],
    });
    chart.on('click', (event) => {
      const key = (event.data as { key?: string } | undefined)?.key;
      if (key) spec.onPick(key);
    });
    // A chart replaced (new language, new data) is disposed: its observer must not resize it after.
    const observer = new ResizeObserver(() => {
      if (chart.isDisposed()) observer.disconnect();
      else chart.resize();
    });
    observer.observe(canvas);
    charts[spec.id] = chart;
  });
  save.addEventListener('click', () => {
    const url = charts[spec.id]?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url) void fetch(url).then(async (response) => download(await response.blob(), `health-graph-${spec.id}.png`));
  });
  return card;
}
