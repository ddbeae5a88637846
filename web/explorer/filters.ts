import { fill, h } from '../shared/dom.js';
import { t, term } from '../shared/i18n.js';
import { swatch } from '../shared/palette.js';
import { ENTITY_TYPES, ORG_KINDS, RELATIONSHIP_TYPES } from '../shared/vocabulary.js';
import type { GraphFilters } from './graph.js';

/** Checkbox groups for entity types, organization kinds and relationship types: unchecked ones are hidden. */
export function renderFilters(container: HTMLElement, filters: GraphFilters, onChange: (next: GraphFilters) => void): void {
  const group = (
    legendKey: 'entityTypes' | 'orgKinds' | 'relTypes',
    name: keyof GraphFilters,
    values: readonly string[],
    icon: (v: string) => Node | null,
  ) =>
    h(
      'fieldset',
      { 'data-filter': name },
      h('legend', {}, t(legendKey)),
      ...values.map((value) => {
        const box = h('input', { type: 'checkbox', value, checked: !filters[name].includes(value) });
        box.addEventListener('change', () => {
          const hidden = new Set(filters[name]);
          if (box.checked) hidden.delete(value);
          else hidden.add(value);
          onChange({ ...filters, [name]: [...hidden] });
        });
        return h('label', {}, box, icon(value), term(value));
      }),
    );
  fill(
    container,
    group('entityTypes', 'hideTypes', ENTITY_TYPES, (v) => swatch(v)),
    group('orgKinds', 'hideKinds', ORG_KINDS, (v) => swatch('ORGANIZATION', v)),
    group('relTypes', 'hideRels', RELATIONSHIP_TYPES, () => null),
  );
}
