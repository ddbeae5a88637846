/**
 * Repairs of GraphiQL's markup that axe-core finds wrong, applied to what it renders and kept through
 * its re-renders by an observer. Colours are repaired in playground.css instead.
 */

/**
 * GraphiQL marks each tab's list item `role="tab"` around its two buttons (select and close): controls
 * inside a control, which assistive technology cannot reach (nested-interactive). The tab bar becomes a
 * plain list of open operations whose select button says which one is current (`aria-current`).
 */
function plainTabs(root: ParentNode): void {
  root.querySelector('ul.graphiql-tabs[role="tablist"]')?.removeAttribute('role');
  for (const item of root.querySelectorAll<HTMLElement>('li.graphiql-tab')) {
    if (item.hasAttribute('role')) item.removeAttribute('role');
    if (item.hasAttribute('aria-selected')) item.removeAttribute('aria-selected');
    const button = item.querySelector('.graphiql-tab-button');
    const current = item.classList.contains('graphiql-tab-active');
    if (!button || button.hasAttribute('aria-current') === current) continue;
    if (current) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
}

/** A history entry's button is named "Set active" while it shows the operation's name (label-content-name-mismatch): its name is what it shows. */
function historyNames(root: ParentNode): void {
  for (const button of root.querySelectorAll('.graphiql-history-item-label[aria-label]')) button.removeAttribute('aria-label');
}

/** The query builder's argument fields have no label (label, select-name): each is named by its argument. */
function builderArgumentNames(root: ParentNode): void {
  for (const field of root.querySelectorAll<HTMLElement>('[data-arg-name] input:not([aria-label]), [data-arg-name] select:not([aria-label])')) {
    const name = field.closest<HTMLElement>('[data-arg-name]')?.dataset.argName;
    if (name) field.setAttribute('aria-label', name);
  }
}

const REPAIRS = [plainTabs, historyNames, builderArgumentNames];

export function repairAccessibility(root: HTMLElement): void {
  const repair = () => {
    for (const fix of REPAIRS) fix(root);
  };
  // New nodes and the attributes GraphiQL sets on tabs and history entries: the editors' own changes of classes and styles pass by.
  new MutationObserver(repair).observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['role', 'aria-selected', 'aria-label'],
  });
  repair();
}
