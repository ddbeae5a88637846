import { ExplorerAchievementsDocument, type ExplorerDetailsQuery } from '../../src/generated/client/graphql.js';
import { showStatus } from '../shared/chrome.js';
import { latestOnly, request } from '../shared/client.js';
import { fill, h } from '../shared/dom.js';
import { explorerHref } from '../shared/entity.js';
import { citation, valueText } from '../shared/format.js';
import { lang, t, term } from '../shared/i18n.js';
import { typeBadge } from '../shared/palette.js';
import { nameOf, otherNameOf, titleOf, toEntity, type Entity, type Evidence } from './entities.js';
import type { ModelEdge } from './model.js';
import type { Neighbour } from './plan.js';
import { say, WORDS } from './words.js';

type Details = NonNullable<ExplorerDetailsQuery['node']>;

/** A button of the panel or the node menu: what it says and does. */
export interface Action {
  label: string;
  run: () => void;
  /** A stable name for it (tests and styles). */
  name: string;
  pressed?: boolean;
}

/** Relationships are listed this many per group at a time. */
const GROUP_PAGE = 8;
/** Types whose entities hold achievements (HAS_ACHIEVEMENT starts at them). */
const HOLDERS = new Set(['ORGANIZATION', 'PROGRAM', 'PLACE', 'PERSON', 'EVENT']);

const langOf = (text: string) => (/[\u3000-\u9fff]/.test(text) ? 'zh-CN' : 'en');

/** A link to an entity in the explorer, named in the interface's language, with its type and kind. */
export function entityLink(entity: Entity): HTMLElement {
  return h(
    'span',
    { class: 'entity' },
    h('a', { href: explorerHref(entity.id), 'data-node': entity.id }, nameOf(entity)),
    ' ',
    typeBadge(entity.type, entity.kind),
  );
}

/** A quote with its report (titled in the interface's language), as a blockquote. */
export function quote(evidence: Evidence): HTMLElement {
  const report = evidence.report;
  const parent = report.parent ? { ...report.parent, title: report.parent.title } : null;
  return h(
    'blockquote',
    { lang: 'zh-CN' },
    evidence.quote,
    h('cite', { lang: langOf(titleOf(report)) }, citation({ ...report, title: titleOf(report), parent })),
  );
}

/** A row of buttons. */
export function actionBar(actions: readonly Action[], label: string): HTMLElement {
  return h(
    'div',
    { class: 'actions', role: 'group', 'aria-label': label },
    ...actions.map((a) =>
      h(
        'button',
        { type: 'button', 'data-action': a.name, 'aria-pressed': a.pressed === undefined ? null : String(a.pressed), onclick: a.run },
        a.label,
      ),
    ),
  );
}

const periodText = (p: { start: number; end: number; basis: string }) =>
  `${p.start === p.end ? p.start : `${p.start}–${p.end}`}${p.basis === 'FROM_REPORT' ? ` (${say(WORDS.inferred)})` : ''}`;

function properties(node: Details): HTMLElement | null {
  const en = lang() === 'en';
  const rows: Array<[string, string | number | HTMLElement | null | undefined, string?]> = [];
  if ('statement' in node) {
    rows.push([t('statement'), en ? h('span', {}, node.statementEn, h('span', { class: 'other', lang: 'zh-CN' }, node.statement)) : node.statement]);
    rows.push([t('value'), valueText({ ...node, unit: en ? node.unitEn : node.unit })], [t('original'), node.original]);
    if ('period' in node && node.period) rows.push([t('year'), periodText(node.period), node.period.note ?? undefined]);
  }
  if ('grade' in node) rows.push([t('grade'), node.grade]);
  if ('year' in node && !('statement' in node)) rows.push([t('year'), node.year]);
  if ('date' in node) rows.push([t('date'), node.date]);
  if ('publisher' in node) rows.push([t('publisher'), node.publisher]);
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '');
  return shown.length ? h('dl', {}, ...shown.flatMap(([k, v, note]) => [h('dt', {}, k), h('dd', { title: note ?? null }, v)])) : null;
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

function relationships(links: readonly Neighbour[]): HTMLElement {
  const groups = new Map<string, Neighbour[]>();
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
            entityLink(link.entity),
            link.role ? h('span', { class: 'role' }, ` · ${t('role')}: ${link.role}`) : null,
            link.detail ? h('span', { class: 'role' }, ` · ${link.detail}`) : null,
            ...(link.evidence ?? []).map(quote),
          ),
        ),
      );
    }),
  );
}

/** The achievements section: paged through the API, optionally of one year, each with holder, figure and quotes. */
function achievements(entity: Entity, years: readonly number[]): HTMLElement {
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
  const en = lang() === 'en';

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
            h('a', { href: explorerHref(a.id), 'data-node': a.id }, en ? a.statementEn : a.statement),
            h(
              'span',
              { class: 'meta' },
              [
                term(a.achievementKind),
                a.year ? `${a.year}${a.period?.basis === 'FROM_REPORT' ? ` (${say(WORDS.inferred)})` : ''}` : null,
                valueText({ ...a, unit: en ? a.unitEn : a.unit }),
              ]
                .filter(Boolean)
                .join(' · '),
            ),
            ...a.holders
              .filter((holder) => holder.id !== entity.id)
              .map((holder) => h('span', { class: 'meta' }, '← ', entityLink(toEntity(holder)))),
            ...a.evidence.map(quote),
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

/** The heading of an entity or relationship: its name, the other language's beside it. */
function title(text: string, other?: string): HTMLElement {
  return h('h2', { id: 'details-title', tabindex: -1 }, text, other ? h('span', { class: 'other', lang: langOf(other) }, other) : null);
}

/** The side panel for an entity: what it is, what one can do with it, where it is stated, its achievements and relationships. */
export function renderNodePanel(
  panel: HTMLElement,
  node: Details,
  links: readonly Neighbour[],
  years: readonly number[],
  head: readonly (HTMLElement | null)[],
  actions: readonly Action[],
): void {
  const entity = toEntity(node);
  const evidence = 'evidence' in node ? node.evidence : [];
  const aliases = 'aliases' in node ? (lang() === 'en' ? [...node.aliasesEn, ...node.aliases] : node.aliases) : [];
  fill(
    panel,
    ...head,
    typeBadge(entity.type, entity.kind),
    title(nameOf(entity), otherNameOf(entity)),
    aliases.length ? h('p', {}, `${t('also')}: ${aliases.join(lang() === 'en' ? '; ' : '、')}`) : null,
    'description' in node && node.description ? h('p', {}, node.description) : null,
    'parent' in node && node.parent
      ? h('p', {}, `${t('article')} · `, h('a', { href: explorerHref(node.parent.id), 'data-node': node.parent.id }, node.parent.title))
      : null,
    actionBar(actions, say(WORDS.actions)),
    properties(node),
    h(
      'section',
      {},
      h('h3', {}, `${t('evidence')} (${evidence.length})`),
      ...evidence.map(quote),
      'titleEn' in node ? h('p', { class: 'hint' }, citation({ ...node, title: titleOf(node) })) : null,
    ),
    HOLDERS.has(entity.type) ? achievements(entity, years) : null,
    relationships(links),
  );
  panel.dataset.id = entity.id;
}

/** The side panel for a relationship: its two ends and the quotes stating it. */
export function renderEdgePanel(panel: HTMLElement, edge: ModelEdge, source: Entity, target: Entity, head: readonly (HTMLElement | null)[]): void {
  fill(
    panel,
    ...head,
    h('span', { class: 'badge' }, say(WORDS.relationship)),
    title(`${nameOf(source)} → ${term(edge.type)} → ${nameOf(target)}`),
    h('p', {}, entityLink(source), ` → ${term(edge.type)} → `, entityLink(target)),
    h('section', {}, h('h3', {}, `${t('evidence')} (${edge.evidence.length})`), ...edge.evidence.map(quote)),
  );
  panel.dataset.id = edge.id;
}

/** The panel's resting text. */
export function renderHint(panel: HTMLElement, head: readonly (HTMLElement | null)[]): void {
  fill(panel, ...head, h('p', { class: 'hint' }, say(WORDS.panelEmpty)));
  delete panel.dataset.id;
}
