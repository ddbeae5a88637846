import { fill, h } from '../shared/dom.js';
import { sizeFor } from './graph.js';
import type { SizeBy } from './state.js';
import { say, WORDS } from './words.js';

const CHOICES = [
  ['', WORDS.sizeNone],
  ['links', WORDS.sizeLinks],
  ['achievements', WORDS.sizeAchievements],
] as const;

/** The "node size" switch (alike, by links, by achievements) and, when sizes mean something, their legend. */
export function mountSizes(container: HTMLElement, onChange: (sizeBy: SizeBy | undefined) => void) {
  let current: SizeBy | undefined;
  const legend = h('div', { class: 'size-legend' });
  const render = () => {
    fill(
      container,
      h('legend', {}, say(WORDS.sizeBy)),
      ...CHOICES.map(([value, words]) => {
        const radio = h('input', { type: 'radio', name: 'size-by', value, checked: (current ?? '') === value });
        radio.addEventListener('change', () => onChange(value || undefined));
        return h('label', {}, radio, say(words));
      }),
      legend,
    );
  };
  render();
  return {
    render,
    update(sizeBy: SizeBy | undefined) {
      current = sizeBy;
      for (const radio of container.querySelectorAll<HTMLInputElement>('input[name="size-by"]')) radio.checked = radio.value === (sizeBy ?? '');
    },
    /** Three circles: the smallest, a middle and the largest count drawn. */
    legend(max: number | undefined) {
      if (!max) return fill(legend);
      const steps = [...new Set([0, Math.round(max / 4), max])];
      fill(
        legend,
        ...steps.map((count) => {
          const size = sizeFor(count, max);
          return h('span', { class: 'size-step' }, h('span', { class: 'size-dot', style: `width:${size}px;height:${size}px` }), String(count));
        }),
      );
    },
  };
}
