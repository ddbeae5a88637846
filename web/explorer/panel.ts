import { ExplorerAchievementsDocument, type ExplorerDetailsQuery, type ExplorerLinksQuery } from '../../src/generated/client/graphql.js';
import { showStatus } from '../shared/chrome.js';
import { latestOnly, request } from '../shared/client.js';
import { fill, h } from '../shared/dom.js';
import { entityInfo, explorerHref, type EntityInfo, type EntityKindFields } from '../shared/entity.js';
import { citation, quoteBlock, valueText } from '../shared/format.js';
import { t, term } from '../shared/i18n.js';
import { typeBadge } from '../shared/palette.js';

type Details = NonNullable<ExplorerDetailsQuery['node']>;
type Link = Extract<NonNullable<ExplorerLinksQuery['node']>, { links: unknown }>['links'][number];

/** Relationships are listed this many per group at a time. */
const GROUP_PAGE = 8;
/** Types whose entities hold achievements (HAS_ACHIEVEMENT starts at them). */
const HOLDERS = new Set(['ORGANIZATION', 'PROGRAM', 'PLACE', 'PERSON', 'EVENT']);

/** A link to an entity in the explorer, with its type and kind. */
export function entityLink(entity: EntityInfo): HTMLElement {
  return h(
    'span',
    { class: 'entity' },
    h('a', { href: explorerHref(entity.id), 'data-node': entity.id }, entity.name),
    ' ',
    typeBadge(entity.type, entity.kind),
  );
}

function properties(node: Details): HTMLElement | null {
  const rows: Array<[string, string | number | null | undefined]> = [];
  if ('statement' in node)
    rows.push([t('statement'), node.statement], [t('value'), valueText(node)], [t('original'), node.original], [t('year'), node.year]);
  if ('grade' in node) rows.push([t('grade'), node.grade]);
  if ('year' in node && !('statement' in node)) rows.push([t('year'), node.year]);
  if ('date' in node) rows.push([t('date'), node.date]);
  if ('publisher' in node) rows.push([t('publisher'), node.publisher]);
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '');
  return shown.length ? h('dl', {}, ...shown.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))])) : null;
}

/** A list that shows `size` items and a "More" button for the next ones. */
function paged<T>(items: readonly T[], size: number, render: (item: T) => HTMLElement): HTMLElement {
  const list = h('ul', { class: 'facts' });
  let shown = 0;
  const more = h('button', { type: 'button', class: 'more' });
  const step = () => {
    list.append(...items.slice(shown, shown + size).map(render));
    shown = Math.min(items.length, shown + size);
    more.textContent = t('more', { n: items.length - shown });
    more.hidden = shown >= items.length;
  };
  more.addEventListener('click', step);
  step();
  return h('div', {}, list, more);
}

function relationships(links: readonly Link[]): HTMLElement {
  const groups = new Map<string, Link[]>();
  for (const link of links) groups.set(`${link.direction}|${link.type}`, [...(groups.get(`${link.direction}|${link.type}`) ?? []), link]);
  return h(
    'section',
    { class: 'relationships' },
    h('h3', {}, `${t('relationships')} (${links.length})`),
    ...[...groups].map(([key, group]) => {
      const [direction, type] = key.split('|') as [string, string];
      return h(
        'details',
        { open: group.length <= 20 },
        h('summary', {}, `${direction === 'OUT' ? '→' : '←'} ${term(type)} (${group.length})`),
        paged(group, GROUP_PAGE, (link) =>
          h(
            'li',
            {},
            entityLink(entityInfo(link.node as EntityKindFields)),
            link.role ? h('span', { class: 'role' }, ` · ${t('role')}: ${link.role}`) : null,
            link.detail ? h('span', { class: 'role' }, ` · ${link.detail}`) : null,
            ...link.evidence.map(quoteBlock),
          ),
        ),
      );
    }),
  );
}

/** The achievements section: paged through the API, optionally of one year, each with holder, figure and quotes. */
function achievements(entity: EntityInfo, years: readonly number[]): HTMLElement {
  const descendants = entity.type === 'ORGANIZATION';
  const list = h('ul', { class: 'facts' });
  const status = h('p', { class: 'status', hidden: true });
  const heading = h('h3', {}, t('achievements'));
  const more = h('button', { type: 'button', class: 'more', hidden: true });
  const yearSelect = h(
    'select',
    { 'aria-label': t('year') },
    h('option', { value: '' }, t('any')),
    ...[...years].reverse().map((y) => h('option', { value: y }, y)),
  );
  let after: string | null = null;
  let loaded = 0;
  const latest = latestOnly();

  const load = async (reset: boolean) => {
    if (reset) {
      fill(list);
      after = null;
      loaded = 0;
    }
    showStatus(status, 'loading');
    try {
      const year = yearSelect.value ? Number(yearSelect.value) : null;
      // A year picked while a page is loading: only the newest request's rows are shown.
      const data = await latest(request(ExplorerAchievementsDocument, { holder: entity.id, descendants, year, after }));
      if (!data) return;
      const page = data.achievements;
      list.append(
        ...page.edges.map(({ node: a }) =>
          h(
            'li',
            { 'data-achievement': a.id },
            h('a', { href: explorerHref(a.id), 'data-node': a.id }, a.statement),
            h('span', { class: 'meta' }, [term(a.achievementKind), a.year, valueText(a)].filter(Boolean).join(' · ')),
            ...a.holders
              .filter((holder) => holder.id !== entity.id)
              .map((holder) => h('span', { class: 'meta' }, '← ', entityLink(entityInfo(holder)))),
            ...a.evidence.map(quoteBlock),
          ),
        ),
      );
      loaded += page.edges.length;
      after = page.pageInfo.endCursor ?? null;
      heading.textContent = `${t('achievements')} (${page.totalCount})`;
      more.textContent = t('more', { n: page.totalCount - loaded });
      more.hidden = !page.pageInfo.hasNextPage;
      showStatus(status, 'idle', page.totalCount ? '' : t('empty'));
    } catch (error) {
      showStatus(status, 'error', (error as Error).message);
    }
  };
  more.addEventListener('click', () => void load(false));
  yearSelect.addEventListener('change', () => void load(true));
  void load(true);
  return h(
    'section',
    { class: 'achievements' },
    h('div', { class: 'section-head' }, heading, h('label', {}, `${t('year')} `, yearSelect)),
    status,
    list,
    more,
  );
}

/** Renders the side panel for an entity: what it is, where it is stated, its achievements and relationships. */
export function renderPanel(panel: HTMLElement, node: Details, links: readonly Link[], years: readonly number[]): void {
  const entity = entityInfo(node);
  const evidence = 'evidence' in node ? node.evidence : [];
  fill(
    panel,
    typeBadge(entity.type, entity.kind),
    h('h2', { id: 'details-title', tabindex: -1 }, entity.name),
    'aliases' in node && node.aliases.length ? h('p', {}, `${t('also')}: ${node.aliases.join('、')}`) : null,
    'description' in node && node.description ? h('p', {}, node.description) : null,
    'parent' in node && node.parent
      ? h('p', {}, `${t('article')} · `, h('a', { href: explorerHref(node.parent.id), 'data-node': node.parent.id }, node.parent.title))
      : null,
    properties(node),
    h(
      'section',
      {},
      h('h3', {}, `${t('evidence')} (${evidence.length})`),
      ...evidence.map(quoteBlock),
      'title' in node ? h('p', { class: 'hint' }, citation(node)) : null,
    ),
    HOLDERS.has(entity.type) ? achievements(entity, years) : null,
    relationships(links),
  );
  panel.dataset.id = entity.id;
}
