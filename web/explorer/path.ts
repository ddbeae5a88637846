import { fill, h } from '../shared/dom.js';
import { t, term } from '../shared/i18n.js';
import { swatch } from '../shared/palette.js';
import { ENTITY_TYPES, RELATIONSHIP_TYPES } from '../shared/vocabulary.js';
import type { Entity } from './entities.js';
import type { PathResult } from './model.js';
import { actionBar, entityLink, quote, type Action } from './panel.js';
import { mountSearch } from './search.js';
import { MAX_PATH_LENGTH, type ExplorerState } from './state.js';
import { say, WORDS } from './words.js';

type PathOptions = Pick<ExplorerState, 'avoidTypes' | 'pathTypes' | 'maxLength'>;

export interface PathBoxEvents {
  setEnd(end: 'from' | 'to', entity: Entity | undefined): void;
  swap(): void;
  clear(): void;
  options(next: Partial<PathOptions>): void;
  allow(id: string): void;
}

/**
 * The path form: each end picked by its own search (or from a node's menu), the longest path, the
 * entity types never passed through, the relationship types followed, and the entities avoided. Made
 * once per language and updated in place.
 */
export function mountPathBox(container: HTMLElement, events: PathBoxEvents) {
  let state: ExplorerState | undefined;
  let name: (id: string) => string = (id) => id;

  const end = (which: 'from' | 'to') => {
    const input = h('input', { id: `path-${which}`, type: 'search', autocomplete: 'off', placeholder: say(WORDS.pathSearch) });
    const results = h('ul', { class: 'results', id: `path-${which}-results`, hidden: true });
    const status = h('p', { class: 'status', 'aria-live': 'polite', hidden: true });
    mountSearch(input, results, status, (entity) => {
      input.value = '';
      events.setEnd(which, entity);
    });
    const chip = h('span', { class: 'chips', 'data-end': which });
    return {
      chip,
      element: h(
        'div',
        { class: 'path-end' },
        h('label', { for: input.id }, say(which === 'from' ? WORDS.pathFromLabel : WORDS.pathToLabel)),
        chip,
        h('div', { class: 'finder' }, input, results),
        status,
      ),
    };
  };

  const checkboxes = (values: readonly string[], group: 'avoidTypes' | 'pathTypes', icon: (v: string) => Node | null) =>
    values.map((value) => {
      const box = h('input', { type: 'checkbox', value, 'data-group': group });
      box.addEventListener('change', () => {
        const now = new Set(state?.[group] ?? []);
        if (box.checked) now.add(value);
        else now.delete(value);
        events.options({ [group]: values.filter((v) => now.has(v)) });
      });
      return h('label', {}, box, icon(value), term(value));
    });

  let ends: Record<'from' | 'to', ReturnType<typeof end>> | undefined;
  const length = h('input', { type: 'number', id: 'path-length', min: 1, max: MAX_PATH_LENGTH, step: 1 });
  length.addEventListener('change', () => {
    const value = Number(length.value);
    if (Number.isInteger(value) && value >= 1 && value <= MAX_PATH_LENGTH) events.options({ maxLength: value });
    else length.value = String(state?.maxLength ?? '');
  });
  const avoided = h('div', { class: 'chips', id: 'path-avoided' });

  const chipFor = (id: string, onRemove: () => void) =>
    h(
      'span',
      { class: 'chip' },
      name(id),
      h('button', { type: 'button', class: 'chip-x', 'aria-label': say(WORDS.removeEnd, { name: name(id) }), onclick: onRemove }, '×'),
    );

  const update = (next: ExplorerState, names: (id: string) => string) => {
    state = next;
    name = names;
    if (!ends) return;
    for (const which of ['from', 'to'] as const) {
      const id = next[which];
      fill(ends[which].chip, id ? chipFor(id, () => events.setEnd(which, undefined)) : null);
    }
    length.value = String(next.maxLength);
    for (const box of container.querySelectorAll<HTMLInputElement>('input[data-group]'))
      box.checked = next[box.dataset.group as 'avoidTypes' | 'pathTypes'].includes(box.value);
    fill(avoided, ...next.avoid.map((id) => chipFor(id, () => events.allow(id))));
    avoided.parentElement!.hidden = !next.avoid.length;
  };

  const render = () => {
    ends = { from: end('from'), to: end('to') };
    fill(
      container,
      h('summary', {}, say(WORDS.pathBox)),
      ends.from.element,
      ends.to.element,
      h(
        'div',
        { class: 'path-buttons' },
        h('button', { type: 'button', id: 'path-swap', onclick: () => events.swap() }, `⇄ ${say(WORDS.swap)}`),
        h('button', { type: 'button', id: 'path-clear', onclick: () => events.clear() }, say(WORDS.clearPath)),
      ),
      h('label', { class: 'path-length' }, `${say(WORDS.maxLength)} `, length),
      h('fieldset', {}, h('legend', {}, say(WORDS.avoidTypes)), ...checkboxes(ENTITY_TYPES, 'avoidTypes', (v) => swatch(v))),
      h(
        'details',
        {},
        h('summary', {}, say(WORDS.pathTypes)),
        h('fieldset', { class: 'rels' }, ...checkboxes(RELATIONSHIP_TYPES, 'pathTypes', () => null)),
      ),
      h('div', { hidden: true }, h('span', {}, `${say(WORDS.avoided)}: `), avoided),
    );
    if (state) update(state, name);
  };
  render();
  return { update, render };
}

export interface PathPanelEvents {
  avoid(id: string): void;
  retry(next: 'longer' | 'fewer'): void;
}

/**
 * The path in the side panel: each entity in order, and between two of them the relationship with
 * its quotes and reports; or why there is none, with the searches worth trying next.
 */
export function renderPathPanel(
  panel: HTMLElement,
  state: ExplorerState,
  path: PathResult | null | undefined,
  name: (id: string) => string,
  events: PathPanelEvents,
): void {
  const heading = h('h2', { id: 'details-title', tabindex: -1 }, say(WORDS.pathTitle));
  const [from, to] = [state.from ? name(state.from) : '', state.to ? name(state.to) : ''];
  panel.dataset.id = 'path';
  if (!state.from || !state.to) {
    fill(panel, heading, h('p', { class: 'hint' }, say(WORDS.pathNeedsOther)));
    return;
  }
  if (path === undefined) {
    fill(panel, heading, h('p', { class: 'status', 'data-state': 'loading' }, say(WORDS.searching)));
    return;
  }
  if (path === null) {
    const exclusions = [...state.avoidTypes.map((type) => term(type)), ...state.avoid.map(name), ...state.pathTypes.map((type) => `${term(type)} ✓`)];
    const retries: Action[] = [];
    if (state.maxLength < MAX_PATH_LENGTH)
      retries.push({ name: 'longer', label: say(WORDS.tryLonger, { n: MAX_PATH_LENGTH }), run: () => events.retry('longer') });
    if (exclusions.length)
      retries.push({ name: 'fewer', label: say(WORDS.tryFewer, { list: exclusions.join(', ') }), run: () => events.retry('fewer') });
    fill(
      panel,
      heading,
      h('p', { class: 'no-path', role: 'status' }, say(WORDS.noPath, { from, to, n: state.maxLength })),
      retries.length ? actionBar(retries, say(WORDS.actions)) : null,
    );
    return;
  }
  const steps: HTMLElement[] = [];
  path.nodes.forEach((entity, i) => {
    const inner = i > 0 && i < path.nodes.length - 1;
    steps.push(
      h(
        'li',
        { class: 'path-node', 'data-node-id': entity.id },
        entityLink(entity),
        inner
          ? h('button', { type: 'button', class: 'avoid', 'data-avoid': entity.id, onclick: () => events.avoid(entity.id) }, say(WORDS.avoidThis))
          : null,
      ),
    );
    const next = path.nodes[i + 1];
    if (!next) return;
    const edge = path.edges.find((e) => (e.source === entity.id && e.target === next.id) || (e.source === next.id && e.target === entity.id));
    if (!edge) return;
    const forward = edge.source === entity.id;
    steps.push(
      h(
        'li',
        { class: 'path-edge', 'data-edge': edge.id },
        h('span', { class: 'rel' }, forward ? `↓ ${term(edge.type)}` : `↑ ${term(edge.type)}`),
        ...edge.evidence.map(quote),
      ),
    );
  });
  fill(
    panel,
    heading,
    h('p', { class: 'path-summary' }, say(WORDS.pathSteps, { from, to, n: path.edges.length })),
    h('ol', { class: 'path-steps' }, ...steps),
    h('p', { class: 'hint' }, `${t('evidence')}: ${path.edges.reduce((n, e) => n + e.evidence.length, 0)}`),
  );
}
