import { fill, h } from '../shared/dom.js';
import { t, term } from '../shared/i18n.js';
import { swatch } from '../shared/palette.js';
import { ENTITY_TYPES, ORG_KINDS, RELATIONSHIP_TYPES } from '../shared/vocabulary.js';
import type { ExplorerState } from './state.js';

export type FilterLists = Pick<ExplorerState, 'hideTypes' | 'hideKinds' | 'hideRels'>;

/**
 * Checkbox groups for entity types, organization kinds and relationship types: unchecked ones are
 * hidden. The boxes are made once per language and only ticked afterwards, so focus stays put.
 */
export function mountFilters(container: HTMLElement, onChange: (next: Partial<FilterLists>) => void) {
  let current: FilterLists = { hideTypes: [], hideKinds: [], hideRels: [] };
  const group = (
    legendKey: 'entityTypes' | 'orgKinds' | 'relTypes',
    name: keyof FilterLists,
    values: readonly string[],
    icon: (v: string) => Node | null,
  ) =>
    h(
      'fieldset',
      { 'data-filter': name },
      h('legend', {}, t(legendKey)),
      ...values.map((value) => {
        const box = h('input', { type: 'checkbox', value });
        box.addEventListener('change', () => {
          const hidden = new Set(current[name]);
          if (box.checked) hidden.delete(value);
          else hidden.add(value);
          onChange({ [name]: [...hidden] });
        });
        return h('label', {}, box, icon(value), term(value));
      }),
    );
  const update = (lists: FilterLists) => {
    current = lists;
    for (const name of ['hideTypes', 'hideKinds', 'hideRels'] as const)
      for (const box of container.querySelectorAll<HTMLInputElement>(`fieldset[data-filter="${name}"] input`))
        box.checked = !lists[name].includes(box.value);
  };
  const render = () => {
    fill(
      container,
      group('entityTypes', 'hideTypes', ENTITY_TYPES, (v) => swatch(v)),
      group('orgKinds', 'hideKinds', ORG_KINDS, (v) => swatch('ORGANIZATION', v)),
      group('relTypes', 'hideRels', RELATIONSHIP_TYPES, () => null),
    );
    update(current);
  };
  render();
  return { update, render };
}
