import type { DashboardOverviewQuery } from '../../src/generated/client/graphql.js';
import { fill, h } from '../shared/dom.js';
import { lang, localized, t, term, type MessageKey } from '../shared/i18n.js';
import { ORG_KINDS } from '../shared/vocabulary.js';
import { m } from './messages.js';
import type { DashboardState } from './state.js';
import { orderOf, TAB_DEFS, type FilterName } from './tabs.js';

/** The choices filters offer, from the overview request. */
export type Choices = Pick<DashboardOverviewQuery, 'metricUnits' | 'reports' | 'places'>;

/** How long typing rests before its filter applies. */
export const DEBOUNCE_MS = 350;

/** A change from the form: the fields it sets, as a new history entry or amending the last (typing on). */
export type FormChange = (patch: Partial<DashboardState>, mode: 'push' | 'replace') => void;

/** A control of the form: how it shows the state, and its element (by name, to find it again). */
interface Control {
  name: string;
  element: HTMLElement;
  show(state: DashboardState): void;
}

/**
 * One edit of a control: its first change in a visit is a new history entry, the next ones amend it,
 * so Back undoes the whole edit. Typing applies once it rests, and at once when the control is left.
 */
function edits(element: HTMLElement, read: () => Partial<DashboardState>, onChange: FormChange, debounce: boolean): void {
  let timer = 0;
  let pushed = false;
  const apply = () => {
    clearTimeout(timer);
    timer = 0;
    onChange(read(), pushed ? 'replace' : 'push');
    pushed = true;
  };
  if (debounce)
    element.addEventListener('input', () => {
      clearTimeout(timer);
      timer = window.setTimeout(apply, DEBOUNCE_MS);
    });
  element.addEventListener('change', apply);
  element.addEventListener('focusout', (event) => {
    if (element.contains(event.relatedTarget as Node | null)) return;
    if (timer) apply();
    pushed = false;
  });
}

const option = (value: string, label: string) => h('option', { value }, label);
const field = (label: string, control: HTMLElement) => h('label', { class: 'field' }, h('span', {}, label), control);

function selectControl(
  name: string,
  label: string,
  options: HTMLElement[],
  value: (s: DashboardState) => string,
  apply: (v: string) => Partial<DashboardState>,
  onChange: FormChange,
  any = true,
): Control {
  const select = h('select', { name }, any ? option('', t('any')) : null, ...options);
  edits(select, () => apply(select.value), onChange, false);
  return {
    name,
    element: field(label, select),
    show: (s) => {
      if (select.value !== value(s)) select.value = value(s);
    },
  };
}

/** A number filter, named and labelled as the state field it sets. */
type NumberField = 'valueMin' | 'valueMax' | 'yearFrom' | 'yearTo';

function numberControl(name: NumberField, onChange: FormChange): Control {
  const input = h('input', { type: 'number', name, inputmode: 'numeric' });
  edits(input, () => ({ [name]: input.value === '' || !Number.isFinite(Number(input.value)) ? undefined : Number(input.value) }), onChange, true);
  return {
    name,
    element: field(t(name), input),
    show: (s) => {
      const shown = s[name] === undefined ? '' : String(s[name]);
      if (input.value !== shown && Number(input.value) !== s[name]) input.value = shown;
    },
  };
}

/**
 * Several values at once (kinds): checkboxes in a disclosure whose summary names what is picked.
 * Escape closes it, and so does a click elsewhere (see `FilterForm`).
 */
function multiControl(name: 'kinds' | 'orgKinds', label: string, values: readonly string[], onChange: FormChange): Control {
  const labelId = `label-${name}`;
  const picked = h('span', { id: `picked-${name}` });
  const boxes = values.map((v) => h('input', { type: 'checkbox', name, value: v }));
  const details = h(
    'details',
    { class: 'multi' },
    h('summary', { 'aria-labelledby': `${labelId} picked-${name}` }, picked),
    h('fieldset', {}, h('legend', { class: 'sr-only' }, label), ...boxes.map((box, i) => h('label', {}, box, term(values[i]!)))),
  );
  const current = () => boxes.filter((b) => b.checked).map((b) => b.value);
  const summarize = () => {
    const list = current();
    picked.textContent = list.length ? list.map((kind) => term(kind)).join(lang() === 'zh' ? '、' : ', ') : m('anyOf');
  };
  edits(details, () => ({ [name]: current() }), onChange, false);
  details.addEventListener('change', summarize);
  details.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !details.open) return;
    details.open = false;
    details.querySelector('summary')?.focus();
  });
  return {
    name,
    element: h('div', { class: 'field' }, h('span', { id: labelId }, label), details),
    show: (s) => {
      for (const box of boxes) box.checked = s[name].includes(box.value);
      summarize();
    },
  };
}

/** Where focus was in the form, to put it back after the form is rebuilt (a new tab or language). */
function focusIn(form: HTMLElement): (() => void) | undefined {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !form.contains(active)) return undefined;
  const name = active.getAttribute('name');
  const value = active instanceof HTMLInputElement && active.type === 'checkbox' ? active.value : undefined;
  const range = active instanceof HTMLInputElement && active.type === 'search' ? [active.selectionStart, active.selectionEnd] : undefined;
  return () => {
    const selector = name ? `[name="${CSS.escape(name)}"]${value ? `[value="${CSS.escape(value)}"]` : ''}` : undefined;
    const again = selector ? form.querySelector<HTMLElement>(selector) : undefined;
    if (!again) return;
    if (value) again.closest('details')?.setAttribute('open', '');
    again.focus();
    if (range && again instanceof HTMLInputElement) again.setSelectionRange(range[0] ?? null, range[1] ?? null);
  };
}

/**
 * The filter form of the current tab. It is built once per tab and language and then updated in
 * place: a control the user is in is never replaced, so typing, arrow keys and ticks go on where they
 * were. A control is set only where it differs from the state (Back, a chart's bar, Clear), so one
 * that already shows its own change is left as the user has it.
 */
export class FilterForm {
  private form: HTMLFormElement | undefined;
  private controls: Control[] = [];
  private built = '';

  constructor(
    private readonly container: HTMLElement,
    private readonly onChange: FormChange,
    private readonly onReset: () => void,
  ) {
    document.addEventListener('click', (event) => {
      for (const open of container.querySelectorAll<HTMLDetailsElement>('details.multi[open]'))
        if (!open.contains(event.target as Node)) open.open = false;
    });
  }

  render(state: DashboardState, choices: Choices): void {
    const key = `${state.tab} ${lang()}`;
    if (key !== this.built || !this.form) {
      const restore = this.form ? focusIn(this.form) : undefined;
      this.build(state, choices);
      this.built = key;
      restore?.();
    }
    for (const control of this.controls) control.show(state);
  }

  private build(state: DashboardState, choices: Choices): void {
    const tab = TAB_DEFS[state.tab];
    const onChange = this.onChange;
    const controls: Control[] = [];
    const add: Record<FilterName, () => void> = {
      text: () => {
        const input = h('input', { type: 'search', name: 'text' });
        edits(input, () => ({ text: input.value.trim() || undefined }), onChange, true);
        controls.push({
          name: 'text',
          element: field(t('text'), input),
          show: (s) => {
            if (input.value.trim() !== (s.text ?? '')) input.value = s.text ?? '';
          },
        });
      },
      kinds: () => controls.push(multiControl('kinds', t('kind'), tab.kinds, onChange)),
      orgKinds: () => controls.push(multiControl('orgKinds', t(tab.orgKindsLabel ?? 'kind'), ORG_KINDS, onChange)),
      unit: () =>
        controls.push(
          selectControl(
            'unit',
            t('unit'),
            choices.metricUnits.map((u) =>
              option(u.unit, `${lang() === 'en' && u.unitEn !== u.unit ? `${u.unitEn} (${u.unit})` : u.unit} · ${u.count}`),
            ),
            (s) => s.unit ?? '',
            (v) => ({ unit: v || undefined }),
            onChange,
          ),
        ),
      value: () => controls.push(numberControl('valueMin', onChange), numberControl('valueMax', onChange)),
      years: () => controls.push(numberControl('yearFrom', onChange), numberControl('yearTo', onChange)),
      place: () => {
        const levels = [...new Set(choices.places.edges.map((e) => e.node.level))];
        const groups = levels.map((level) =>
          h(
            'optgroup',
            { label: term(level) },
            ...choices.places.edges.filter((e) => e.node.level === level).map((e) => option(e.node.id, localized(e.node.name, e.node.nameEn))),
          ),
        );
        controls.push(
          selectControl(
            'place',
            t('place'),
            groups,
            (s) => s.place ?? '',
            (v) => ({ place: v || undefined }),
            onChange,
          ),
        );
      },
      report: () =>
        controls.push(
          selectControl(
            'report',
            t('report'),
            choices.reports.edges.map((e) => option(e.node.id, `${e.node.source} ${localized(e.node.title, e.node.titleEn)}`)),
            (s) => s.report ?? '',
            (v) => ({ report: v || undefined }),
            onChange,
          ),
        ),
    };
    for (const name of tab.filters) add[name]();
    controls.push(
      selectControl(
        'sort',
        t('sortBy'),
        tab.orders.map((o) => option(o, t(o as MessageKey))),
        (s) => orderOf(tab, s),
        (sort) => ({ sort }),
        onChange,
        false,
      ),
    );
    const reset = h('button', { type: 'button', class: 'reset', onclick: this.onReset }, t('reset'));
    this.form = h(
      'form',
      { class: 'filters', role: 'search', 'aria-label': t('filters'), onsubmit: (e: Event) => e.preventDefault() },
      ...controls.map((c) => c.element),
      reset,
    );
    this.controls = controls;
    fill(this.container, this.form);
  }
}
