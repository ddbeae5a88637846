import { ExplorerSearchDocument } from '../../src/generated/client/graphql.js';
import { showStatus } from '../shared/chrome.js';
import { latestOnly, request } from '../shared/client.js';
import { fill, h } from '../shared/dom.js';
import { entityInfo, explorerHref } from '../shared/entity.js';
import { t, term } from '../shared/i18n.js';
import { typeBadge } from '../shared/palette.js';

/**
 * The search box and its results: a list of links (Tab reaches them; ArrowDown from the box and
 * ArrowUp/ArrowDown between them move focus; Enter opens one). No match and errors say so.
 */
export function mountSearch(input: HTMLInputElement, list: HTMLElement, status: HTMLElement, open: (id: string) => void): void {
  const latest = latestOnly();
  let timer = 0;
  let lastQuery = '';

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
      fill(
        list,
        ...hits.map((hit) => {
          const entity = entityInfo(hit.node);
          return h(
            'li',
            {},
            h(
              'a',
              { href: explorerHref(entity.id), 'data-node': entity.id },
              typeBadge(entity.type, entity.kind),
              ' ',
              h('span', { class: 'name' }, entity.name),
              h('small', {}, `${term(hit.matchedField)}: ${hit.matchedText}`),
            ),
          );
        }),
      );
      showStatus(status, 'idle', hits.length ? t('results', { n: hits.length }) : t('noResults', { query: text }));
      status.dataset.result = hits.length ? 'found' : 'none';
    } catch (error) {
      // A failed search clears the old results: they answered another query.
      fill(list);
      showStatus(status, 'error', (error as Error).message);
    }
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

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a[data-node]')];
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && links().length) {
      event.preventDefault();
      links()[0]!.focus();
    }
    if (event.key === 'Enter') {
      const first = links()[0];
      if (first) {
        event.preventDefault();
        open(first.dataset.node!);
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
    if (event.key === 'Escape') input.focus();
  });
}
