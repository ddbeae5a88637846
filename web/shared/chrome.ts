import { $, h } from './dom.js';
import { lang, onLangChange, setLang, t, translateStatic, type Lang } from './i18n.js';

type PageName = 'explorer' | 'dashboard' | 'playground';
const PAGES = [
  ['/explore', 'explorer'],
  ['/dashboard', 'dashboard'],
  ['/graphql', 'playground'],
] as const;

/**
 * The header every page shares: links to the three pages and the language switch. Static text marked
 * `data-i18n` is translated now and on every switch.
 */
export function mountChrome(current: PageName): void {
  const nav = $('#pages');
  const render = () => {
    nav.setAttribute('aria-label', t('pages'));
    const select = h(
      'select',
      { id: 'lang', 'aria-label': t('language'), title: t('language') },
      h('option', { value: 'zh', selected: lang() === 'zh' }, '中文'),
      h('option', { value: 'en', selected: lang() === 'en' }, 'English'),
    );
    select.addEventListener('change', () => setLang(select.value as Lang));
    nav.replaceChildren(...PAGES.map(([href, key]) => h('a', { href, 'aria-current': key === current ? 'page' : null }, t(key))), select);
    translateStatic();
  };
  document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
  onLangChange(render);
  render();
}

/** Shows a page region's state: busy while loading, an alert on error, nothing when idle. */
export function showStatus(el: HTMLElement, state: 'loading' | 'error' | 'idle', message = ''): void {
  el.dataset.state = state;
  el.setAttribute('role', state === 'error' ? 'alert' : 'status');
  el.textContent = state === 'loading' ? message || t('loading') : state === 'error' ? t('error', { message }) : message;
  el.hidden = state === 'idle' && !message;
}
