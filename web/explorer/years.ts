import { fill, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { say, WORDS } from './words.js';

export interface YearCount {
  year: number;
  count: number;
  stated: number;
}

/**
 * The years slicer: a bar per year (how many achievements refer to it, the stated part darker) over
 * two sliders, from and to. Achievements whose period misses the range are hidden on the canvas; the
 * full span means no filter. The controls are made once per language and moved afterwards.
 */
export function mountYears(container: HTMLElement, onChange: (years: readonly [number, number] | undefined) => void) {
  let counts: YearCount[] = [];
  let current: readonly [number, number] | undefined;
  const span = (): [number, number] => [counts[0]?.year ?? 0, counts.at(-1)?.year ?? 0];
  const from = h('input', { type: 'range', id: 'year-from', step: 1 });
  const to = h('input', { type: 'range', id: 'year-to', step: 1 });
  const shown = h('output', { for: 'year-from year-to', id: 'years-shown' });
  const reset = h('button', { type: 'button', id: 'years-all' });
  const bars = h('div', { class: 'year-bars', role: 'img' });

  const range = (): [number, number] => [Math.min(Number(from.value), Number(to.value)), Math.max(Number(from.value), Number(to.value))];
  const describe = ([a, b]: readonly [number, number]) =>
    a === span()[0] && b === span()[1] ? say(WORDS.yearsAll) : a === b ? String(a) : say(WORDS.yearsRange, { from: a, to: b });
  const commit = () => {
    const [a, b] = range();
    onChange(a === span()[0] && b === span()[1] ? undefined : [a, b]);
  };
  for (const input of [from, to]) {
    // The label follows the thumb while dragging; the canvas changes when it is let go (one step of Back).
    input.addEventListener('input', () => {
      shown.textContent = describe(range());
      paint(range());
    });
    input.addEventListener('change', commit);
  }
  reset.addEventListener('click', () => onChange(undefined));

  const paint = ([a, b]: readonly [number, number]) => {
    for (const bar of bars.querySelectorAll<HTMLElement>('[data-year]'))
      bar.classList.toggle('out', Number(bar.dataset.year) < a || Number(bar.dataset.year) > b);
  };
  const update = (years: readonly [number, number] | undefined) => {
    current = years;
    const [a, b] = years ?? span();
    from.value = String(a);
    to.value = String(b);
    shown.textContent = describe([a, b]);
    reset.disabled = !years;
    paint([a, b]);
  };
  const render = () => {
    const [min, max] = span();
    const most = Math.max(1, ...counts.map((c) => c.count));
    for (const input of [from, to]) Object.assign(input, { min: String(min), max: String(max) });
    from.setAttribute('aria-label', t('yearFrom'));
    to.setAttribute('aria-label', t('yearTo'));
    reset.textContent = say(WORDS.yearsAll);
    bars.setAttribute('aria-label', say(WORDS.yearsBars));
    fill(
      bars,
      ...counts.map((c) =>
        h(
          'span',
          { 'data-year': c.year, title: `${c.year}: ${c.count}`, style: `height:${c.count ? Math.max(8, (100 * c.count) / most) : 0}%` },
          h('span', { class: 'stated', style: `height:${(100 * c.stated) / Math.max(1, c.count)}%` }),
        ),
      ),
    );
    fill(
      container,
      h('legend', {}, say(WORDS.years)),
      bars,
      h('div', { class: 'year-ends' }, h('span', {}, min), h('span', {}, max)),
      h('div', { class: 'year-sliders' }, from, to),
      h('div', { class: 'year-now' }, shown, reset),
      h('p', { class: 'hint' }, say(WORDS.inferredNote)),
    );
    container.hidden = !counts.length;
    update(current);
  };
  return {
    /** The years with achievements; years between them without any get an empty bar, so bars line up with the sliders. */
    setCounts(next: readonly YearCount[]) {
      const byYear = new Map(next.map((c) => [c.year, c]));
      const [first, last] = [next[0]?.year, next.at(-1)?.year];
      counts =
        first === undefined || last === undefined
          ? []
          : Array.from({ length: last - first + 1 }, (_, i) => byYear.get(first + i) ?? { year: first + i, count: 0, stated: 0 });
      render();
    },
    update,
    render,
  };
}
