import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { download, fill, h } from '../shared/dom.js';
import { number } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { m } from './messages.js';

// Only what the dashboard draws: bar charts on a grid, with tooltips and a legend, on canvas (saved as PNG).
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** One bar: the key a click picks, its label (and the Chinese beside an English one), its count, split in parts when stacked. */
export interface Bar {
  key: string;
  label: string;
  /** The Chinese name, shown beside an English label in the tooltip. */
  original?: string;
  value: number;
  /** Stacked charts: the value of each series, in the order of `ChartSpec.series`. */
  parts?: number[];
  /** False for a bar no filter can select (the achievements with no year). */
  pickable?: boolean;
}

/** A filter the chart's own bars set, with how to clear it. */
export interface Chip {
  label: string;
  clear: () => void;
}

export interface ChartSpec {
  title: string;
  bars: Bar[];
  /** Categories down the side (long names) or along the bottom (years). */
  horizontal: boolean;
  /** Stacked series (name and colour), for bars split in parts; one plain series otherwise. */
  series?: Array<{ name: string; colour: string }>;
  /** The keys of the bars picked (drawn apart from the others). */
  picked: readonly string[];
  chips: Chip[];
  /** What else filters the chart, and what cannot. */
  note: string;
  hint?: string;
  onPick: (key: string) => void;
}

/** Charts by id, for the browser tests to read what is drawn. */
export const charts: Record<string, echarts.ECharts> = {};

const BAR = '#2f6db5';
const PICKED = '#b3541e';

/** Text for ECharts' HTML tooltips: names come from the API, so they are escaped. */
const escape = (text: string) => echarts.format.encodeHTML(text);

/**
 * The charts as cards, made once per id and updated in place: a button the user is on stays theirs
 * when the numbers change. Each card: title, the chart, a download button, the filters its bars set
 * (each with a clear button), and the same numbers as a table whose rows are buttons (the chart's
 * text alternative and keyboard path).
 */
export class ChartCard {
  readonly element: HTMLElement;
  private readonly heading = h('h3', {});
  private readonly save = h('button', { type: 'button', class: 'save' });
  private readonly canvas = h('div', { class: 'chart', role: 'img' });
  private readonly chips = h('div', { class: 'chips' });
  private readonly note = h('p', { class: 'chart-note' });
  private readonly hint = h('p', { class: 'chart-note' });
  private readonly summary = h('summary', {});
  private readonly rows = h('tbody', {});
  private readonly head = h('thead', {});
  private chart: echarts.ECharts | undefined;
  private spec: ChartSpec | undefined;

  constructor(readonly id: string) {
    this.element = h(
      'figure',
      { class: 'card', id: `chart-${id}` },
      h('figcaption', {}, this.heading, this.save),
      this.chips,
      this.canvas,
      this.note,
      this.hint,
      h('details', {}, this.summary, h('table', {}, this.head, this.rows)),
    );
    this.save.addEventListener('click', () => this.download());
  }

  update(spec: ChartSpec): void {
    this.spec = spec;
    this.heading.textContent = spec.title;
    this.save.textContent = t('downloadChart');
    this.save.setAttribute('aria-label', m('downloadLabel', { name: spec.title }));
    this.canvas.setAttribute('aria-label', `${spec.title}: ${spec.bars.map((b) => `${b.label} ${number(b.value)}`).join(', ')}`);
    fill(
      this.chips,
      ...spec.chips.map((chip) =>
        h(
          'button',
          { type: 'button', class: 'chip', onclick: chip.clear },
          m('clear', { name: chip.label }),
          h('span', { 'aria-hidden': 'true' }, ' ✕'),
        ),
      ),
    );
    this.note.textContent = spec.note;
    this.note.hidden = !spec.note;
    this.hint.textContent = spec.hint ?? '';
    this.hint.hidden = !spec.hint;
    this.summary.textContent = t('table');
    this.renderTable(spec);
    requestAnimationFrame(() => this.draw(spec));
  }

  /** The numbers as a table; the focused row button is focused again after the rows are replaced. */
  private renderTable(spec: ChartSpec): void {
    const focused = this.rows.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.key : undefined;
    fill(
      this.head,
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, spec.title),
        ...(spec.series ?? []).map((s) => h('th', { scope: 'col' }, s.name)),
        h('th', { scope: 'col' }, t('count')),
      ),
    );
    fill(
      this.rows,
      ...spec.bars.map((bar) =>
        h(
          'tr',
          { class: spec.picked.includes(bar.key) ? 'picked' : null },
          h(
            'th',
            { scope: 'row' },
            bar.pickable === false
              ? bar.label
              : h(
                  'button',
                  {
                    type: 'button',
                    class: 'link',
                    'data-key': bar.key,
                    'aria-pressed': String(spec.picked.includes(bar.key)),
                    title: bar.original ?? null,
                    onclick: () => spec.onPick(bar.key),
                  },
                  bar.label,
                ),
          ),
          ...(spec.series ? (bar.parts ?? []) : []).map((value) => h('td', {}, number(value))),
          h('td', {}, number(bar.value)),
        ),
      ),
    );
    if (focused) this.rows.querySelector<HTMLElement>(`button[data-key="${CSS.escape(focused)}"]`)?.focus();
  }

  private draw(spec: ChartSpec): void {
    if (this.spec !== spec || !this.canvas.isConnected) return;
    if (!this.chart || this.chart.isDisposed()) {
      const chart = echarts.init(this.canvas, undefined, { renderer: 'canvas' });
      chart.on('click', (event) => {
        const key = (event.data as { key?: string } | undefined)?.key;
        const bar = this.spec?.bars.find((b) => b.key === key);
        if (bar && bar.pickable !== false) this.spec?.onPick(bar.key);
      });
      new ResizeObserver(() => chart.resize()).observe(this.canvas);
      this.chart = charts[this.id] = chart;
    }
    // Bars read top-down in a horizontal chart: ECharts draws the first category at the bottom.
    const bars = spec.horizontal ? [...spec.bars].reverse() : spec.bars;
    // Picked bars are outlined, the others fade: the parts of a stacked bar keep their colours either way.
    const style = (bar: Bar, colour: string) =>
      spec.picked.includes(bar.key)
        ? { color: colour, borderColor: PICKED, borderWidth: 2 }
        : { color: colour, opacity: spec.picked.length ? 0.35 : 1 };
    const item = (bar: Bar, value: number, colour: string) => ({
      value,
      name: bar.label,
      key: bar.key,
      itemStyle: style(bar, colour),
      cursor: bar.pickable === false ? 'default' : 'pointer',
    });
    const series = spec.series
      ? spec.series.map((s, i) => ({ type: 'bar' as const, name: s.name, stack: 'all', data: bars.map((b) => item(b, b.parts?.[i] ?? 0, s.colour)) }))
      : [{ type: 'bar' as const, name: spec.title, data: bars.map((b) => item(b, b.value, BAR)) }];
    const category = {
      type: 'category' as const,
      data: bars.map((b) => b.label),
      axisLabel: { width: 130, overflow: 'truncate' as const, fontSize: 11 },
    };
    const value = { type: 'value' as const, minInterval: 1 };
    this.chart.setOption(
      {
        animation: false,
        grid: { left: 8, right: 16, top: spec.series ? 32 : 8, bottom: 8, containLabel: true },
        legend: spec.series ? { top: 0, data: spec.series.map((s) => ({ name: s.name, itemStyle: { color: s.colour } })) } : undefined,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (params: unknown) => this.tooltip(params) },
        xAxis: spec.horizontal ? value : category,
        yAxis: spec.horizontal ? category : value,
        series,
      },
      { notMerge: true },
    );
  }

  /** The bar's label (with the Chinese beside an English one), its count and its parts. */
  private tooltip(params: unknown): string {
    const list = params as Array<{ dataIndex: number; seriesName: string; value: number; color: string }>;
    const spec = this.spec;
    if (!spec || !list.length) return '';
    const bars = spec.horizontal ? [...spec.bars].reverse() : spec.bars;
    const bar = bars[list[0]!.dataIndex];
    if (!bar) return '';
    const title = bar.original ? `${escape(bar.label)}<br>${escape(bar.original)}` : escape(bar.label);
    const parts = spec.series ? list.filter((p) => p.value).map((p) => `${escape(p.seriesName)}: ${number(p.value)}`) : [];
    return [`<b>${title}</b>`, `${escape(t('count'))}: ${number(bar.value)}`, ...parts].join('<br>');
  }

  /** Saves the chart as drawn as a PNG: the canvas itself, never a fetch of a data: URL (the page's policy allows none). */
  private download(): void {
    const canvas = this.chart?.renderToCanvas({ pixelRatio: 2, backgroundColor: '#fff' });
    canvas?.toBlob((blob) => {
      if (blob) download(blob, `health-graph-${this.id}.png`);
    }, 'image/png');
  }
}
