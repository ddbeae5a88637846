import { fill, h } from '../shared/dom.js';
import type { Action } from './panel.js';

/**
 * A node's menu, opened beside it (right-click or long press): its actions as menu items, reached
 * with the arrow keys. Escape, a pick or a click elsewhere closes it; so does any change of the canvas.
 */
export function mountMenu(host: HTMLElement) {
  const menu = h('div', { id: 'node-menu', role: 'menu', hidden: true });
  host.append(menu);
  const items = () => [...menu.querySelectorAll<HTMLButtonElement>('button')];
  const close = () => {
    menu.hidden = true;
  };
  document.addEventListener('pointerdown', (event) => {
    if (!menu.contains(event.target as Node)) close();
  });
  menu.addEventListener('keydown', (event) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') close();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      all[(at + (event.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length]?.focus();
    }
  });
  return {
    close,
    open(at: { x: number; y: number }, label: string, actions: readonly Action[]) {
      fill(
        menu,
        ...actions.map((action) =>
          h(
            'button',
            {
              type: 'button',
              role: 'menuitem',
              'data-action': action.name,
              onclick: () => {
                close();
                action.run();
              },
            },
            action.label,
          ),
        ),
      );
      menu.setAttribute('aria-label', label);
      menu.hidden = false;
      menu.style.left = `${Math.max(4, Math.min(at.x + 12, host.clientWidth - menu.offsetWidth - 4))}px`;
      menu.style.top = `${Math.max(4, Math.min(at.y + 12, host.clientHeight - menu.offsetHeight - 4))}px`;
      items()[0]?.focus();
    },
  };
}
