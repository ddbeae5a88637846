import { ExplorerSearchDocument } from '../../src/generated/client/graphql.js';
import { showStatus } from '../shared/chrome.js';
import { latestOnly, request } from '../shared/client.js';
import { fill, h } from '../shared/dom.js';
import { explorerHref } from '../shared/entity.js';
import { t, term } from '../shared/i18n.js';
import { typeBadge } from '../shared/palette.js';
import { nameOf, otherNameOf, toEntity, type Entity } from './entities.js';

/**
 * A search box and its results, dropped over the page below it: a list of links (Tab reaches them;
 * ArrowDown from the box and ArrowUp/ArrowDown between them move focus; Enter opens one). Picking a
 * result, Escape or a click elsewhere closes the list; focusing the box opens it again. No match and
 * errors say so.
 */
export function mountSearch(input: HTMLInputElement, list: HTMLElement, status: HTMLElement, pick: (entity: Entity) => void) {
  const latest = latestOnly();
  let timer = 0;
  let lastQuery = '';
  const found = new Map<string, Entity>();

  const close = () => {
    list.hidden = true;
    status.hidden = true;
  };
  const reopen = () => {
    if (list.childElementCount) list.hidden = false;
    if (status.textContent) status.hidden = false;
  };

  const run = async (text: string) => {
    if (!text) {
      fill(list);
      showStatus(status, 'idle');
      return;
    }
    showStatus(status, 'loading');
    try {
      const data = await latest(request(ExplorerSearchDocument, { query: text }));
      if (!data) return;
      const hits = data.search;
      // Newer results may arrive while the user is on a result: focus stays on it (or goes to the first).
      const focused = list.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.node : undefined;
      found.clear();
      fill(
        list,
        ...hits.map((hit) => {
          const entity = toEntity(hit.node);
          found.set(entity.id, entity);
          const other = otherNameOf(entity);
          return h(
            'li',
            {},
            h(
              'a',
              { href: explorerHref(entity.id), 'data-node': entity.id },
              typeBadge(entity.type, entity.kind),
              ' ',
              h('span', { class: 'name' }, nameOf(entity)),
              other ? h('span', { class: 'other', lang: other === entity.name ? 'zh-CN' : 'en' }, other) : null,
              h('small', {}, `${term(hit.matchedField)}: ${hit.matchedText}`),
            ),
          );
        }),
      );
      list.hidden = false;
      if (focused) (list.querySelector<HTMLElement>(`a[data-node="${CSS.escape(focused)}"]`) ?? links()[0] ?? input).focus();
      showStatus(status, 'idle', hits.length ? t('results', { n: hits.length }) : t('noResults', { query: text }));
      status.dataset.result = hits.length ? 'found' : 'none';
    } catch (error) {
      // A failed search clears the old results: they answered another query.
      fill(list);
      showStatus(status, 'error', (error as Error).message);
    }
  };

  const choose = (id: string) => {
    const entity = found.get(id);
    if (!entity) return;
    close();
    pick(entity);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    timer = window.setTimeout(() => {
      if (text !== lastQuery || !text) {
        lastQuery = text;
        void run(text);
      }
    }, 200);
  });
  input.addEventListener('focus', reopen);
  input.addEventListener('click', reopen);

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a[data-node]')];
  input.addEventListener('keydown', (event) => {
    // Escape closes open results and keeps the text (a search box would clear it), so they can come back.
    if (event.key === 'Escape' && !list.hidden) {
      event.preventDefault();
      close();
    }
    if (event.key === 'ArrowDown' && links().length) {
      event.preventDefault();
      list.hidden = false;
      links()[0]!.focus();
    }
    if (event.key === 'Enter') {
      const first = links()[0];
      if (first && !list.hidden) {
        event.preventDefault();
        choose(first.dataset.node!);
      }
    }
  });
  list.addEventListener('keydown', (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && at < all.length - 1) {
      event.preventDefault();
      all[at + 1]!.focus();
    }
    if (event.key === 'ArrowUp') {
      event.preventDefault();
      (at > 0 ? all[at - 1]! : input).focus();
    }
    if (event.key === 'Escape') {
      close();
      input.focus();
    }
  });
  // A result opens here (new tab with a modified click, as any link).
  list.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-node]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    choose(link.dataset.node!);
  });
  document.addEventListener('pointerdown', (event) => {
    const target = event.target as Node;
    if (!input.contains(target) && !list.contains(target)) close();
  });
}
