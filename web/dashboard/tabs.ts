import {
  DashboardAchievementsDocument,
  DashboardOrganizationsDocument,
  DashboardPoliciesDocument,
  DashboardProgramsDocument,
  type DashboardAchievementsQuery,
  type DashboardOrganizationsQuery,
  type DashboardPoliciesQuery,
  type DashboardProgramsQuery,
} from '../../src/generated/client/graphql.js';
import { request } from '../shared/client.js';
import { h } from '../shared/dom.js';
import { entityInfo, explorerHref, type EntityKindFields } from '../shared/entity.js';
import { citation, valueText, type ReportRef } from '../shared/format.js';
import { lang, localized, t, term, type MessageKey } from '../shared/i18n.js';
import { ACHIEVEMENT_KINDS, PROGRAM_KINDS } from '../shared/vocabulary.js';
import { m } from './messages.js';
import type { DashboardState, TabName } from './state.js';

/** A page of rows from the API, with where it stands. */
export interface RowPage<Row> {
  rows: Row[];
  total: number;
  hasNext: boolean;
  endCursor: string | null;
}

/** A column of the table: its header and cell, and the orders a click on its header toggles between. */
export interface Column<Row> {
  key: string;
  header: () => string;
  // Method syntax: a tab's typed columns then serve where any tab's are expected.
  cell(row: Row): Node | string;
  sorts?: string[];
  /** Cards (narrow screens) fold the source columns away under one disclosure. */
  source?: boolean;
}

/** A value of an exported row: numbers stay numbers, flags booleans, the unknown null. */
export type FieldValue = string | number | boolean | null;

/** A field of the CSV and JSON exports. */
export interface Field<Row> {
  key: string;
  header: () => string;
  value(row: Row): FieldValue;
}

/** The filters a tab offers; `orgKinds` is the organizations' kind, or an achievement's holder's. */
export type FilterName = 'text' | 'kinds' | 'orgKinds' | 'unit' | 'value' | 'years' | 'place' | 'report';

/** A tab of the facts table: the API list it pages through, its filters, orders, columns and export fields. */
export interface Tab<Row> {
  name: TabName;
  label: MessageKey;
  operation: string;
  filters: FilterName[];
  /** The label of the `orgKinds` filter on this tab. */
  orgKindsLabel?: MessageKey;
  kinds: readonly string[];
  /** The orders offered; the first is the default, a column the table shows. */
  orders: string[];
  columns: Column<Row>[];
  fields: Field<Row>[];
  /** The API's filter for the dashboard's state. */
  filter(s: DashboardState): Record<string, unknown>;
  fetch(variables: { first: number; after?: string | null; filter: Record<string, unknown>; orderBy: string }): Promise<RowPage<Row>>;
}

type Named = EntityKindFields & { nameEn?: string | null };
type Report = ReportRef & { source?: string | null };
type Evidence = { quote: string; report: Report };

/** The text in the interface's language; in English the Chinese follows on a line of its own. */
function both(zh: string, en: string | null | undefined): Node | string {
  if (lang() === 'zh' || !en || en === zh) return zh;
  return h('span', {}, en, h('span', { class: 'zh', lang: 'zh-CN' }, zh));
}

const open = (id: string, content: Node | string) => h('a', { href: explorerHref(id) }, content);
/** Entities linked to the explorer, in the interface's language, the Chinese name in the tooltip. */
const entityLinks = (list: readonly Named[]) =>
  h(
    'span',
    {},
    ...list.flatMap((e, i) => [
      i ? (lang() === 'zh' ? '、' : '; ') : '',
      h('a', { href: explorerHref(e.id), title: lang() === 'en' && e.nameEn && e.nameEn !== e.name ? e.name : null }, localized(e.name, e.nameEn)),
    ]),
  );
const joined = (values: readonly string[]) => values.join(lang() === 'zh' ? '、' : '; ');
const kindsOf = (list: readonly Named[]) =>
  joined([
    ...new Set(
      list.map((e) => {
        const i = entityInfo(e);
        return term(i.kind ?? i.type);
      }),
    ),
  ]);
const firstQuote = (evidence: readonly Evidence[]) => evidence[0]?.quote ?? '';
const citations = (evidence: readonly Evidence[]) => [...new Set(evidence.map((e) => citation(e.report)))].join('; ');
/** The quote stays as the report wrote it; its report (or reports) in the tooltip. */
const quoteCell = (evidence: readonly Evidence[]) =>
  h('span', { class: 'quote', lang: 'zh-CN', title: `${firstQuote(evidence)}\n— ${citations(evidence)}` }, firstQuote(evidence));

/** The reports by number and title (clamped to a few lines), each full citation in the tooltip. */
const reportCell = (evidence: readonly Evidence[]) =>
  h(
    'span',
    { class: 'reports', title: citations(evidence) },
    [...new Set(evidence.map(({ report }) => `${report.source ?? report.id} ${localized(report.title, report.titleEn)}`))].join('; '),
  );

/** Exported reports: their numbers and titles, in Chinese or English whatever the interface speaks. */
const reportList = (evidence: readonly Evidence[], en: boolean) =>
  [...new Set(evidence.map(({ report }) => `${report.source ?? report.id} ${en ? (report.titleEn ?? report.title) : report.title}`))].join('; ');

/** The export's pair of fields for a text in both languages: "Name (Chinese)", "Name (English)". */
function bilingual<Row>(key: string, header: MessageKey, zh: (row: Row) => string, en: (row: Row) => string): Field<Row>[] {
  return [
    { key, header: () => `${t(header)} (${m('chinese')})`, value: zh },
    { key: `${key}En`, header: () => `${t(header)} (${m('english')})`, value: en },
  ];
}
/** The export's pair of fields for a list of entities: their names in Chinese, and in English. */
const namesFields = <Row>(key: string, header: MessageKey, list: (row: Row) => readonly Named[]) =>
  bilingual<Row>(
    key,
    header,
    (r) =>
      list(r)
        .map((e) => e.name)
        .join('; '),
    (r) =>
      list(r)
        .map((e) => e.nameEn ?? e.name)
        .join('; '),
  );

/** The fields every entity's export ends with: how often it is mentioned, where, and its first quote. */
function sourceFields<Row extends { evidence: readonly Evidence[] }>(): Field<Row>[] {
  return [
    { key: 'mentions', header: () => m('mentions'), value: (r) => r.evidence.length },
    ...bilingual<Row>(
      'reports',
      'report',
      (r) => reportList(r.evidence, false),
      (r) => reportList(r.evidence, true),
    ),
    { key: 'quote', header: () => t('quote'), value: (r) => firstQuote(r.evidence) },
  ];
}

/** The columns every entity's table ends with: its reports and first quote (folded away on cards). */
function sourceColumns<Row extends { evidence: readonly Evidence[] }>(): Column<Row>[] {
  return [
    { key: 'report', header: () => t('report'), cell: (r) => reportCell(r.evidence), source: true },
    { key: 'quote', header: () => t('quote'), cell: (r) => quoteCell(r.evidence), source: true },
  ];
}

type Entity = { id: string; name: string; nameEn?: string | null; evidence: readonly Evidence[] };

/**
 * An entity tab's columns: its name (linked to the explorer, sorted by its Chinese name, the API's
 * order), its own columns, its mentions (the default order), and its sources.
 */
function entityColumns<Row extends Entity>(...own: Column<Row>[]): Column<Row>[] {
  return [
    { key: 'name', header: () => t('name'), cell: (r) => open(r.id, both(r.name, r.nameEn)), sorts: ['NAME_ASC', 'NAME_DESC'] },
    ...own,
    { key: 'mentions', header: () => m('mentions'), cell: (r) => String(r.evidence.length), sorts: ['MENTIONS_DESC'] },
    ...sourceColumns<Row>(),
  ];
}

/** An entity tab's export: its id and name in both languages, its own fields, and its sources. */
function entityFields<Row extends Entity>(...own: Field<Row>[]): Field<Row>[] {
  return [
    { key: 'id', header: () => m('id'), value: (r) => r.id },
    ...bilingual<Row>(
      'name',
      'name',
      (r) => r.name,
      (r) => r.nameEn ?? r.name,
    ),
    ...own,
    ...sourceFields<Row>(),
  ];
}

/** Hospital grades in English (the API gives them as the reports write them). */
const GRADES: Record<string, string> = {
  三级甲等: 'Tertiary, grade A',
  三级乙等: 'Tertiary, grade B',
  二级甲等: 'Secondary, grade A',
  二级乙等: 'Secondary, grade B',
};

const ENTITY_ORDERS = ['MENTIONS_DESC', 'NAME_ASC', 'NAME_DESC'];

function page<Node>(connection: {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: Array<{ node: Node }>;
}): RowPage<Node> {
  return {
    rows: connection.edges.map((e) => e.node),
    total: connection.totalCount,
    hasNext: connection.pageInfo.hasNextPage,
    endCursor: connection.pageInfo.endCursor ?? null,
  };
}

type Achievement = DashboardAchievementsQuery['achievements']['edges'][number]['node'];
type Organization = DashboardOrganizationsQuery['organizations']['edges'][number]['node'];
type Program = DashboardProgramsQuery['programs']['edges'][number]['node'];
type Policy = DashboardPoliciesQuery['policies']['edges'][number]['node'];

/** The years an achievement refers to, marked when they are its report's rather than its sentence's (the note in the tooltip). */
function periodCell(a: Achievement): Node | string {
  const p = a.period;
  if (!p) return '';
  const years = p.start === p.end ? String(p.end) : `${p.start}–${p.end}`;
  if (p.basis === 'STATED') return p.note ? h('span', { title: p.note }, years) : years;
  return h('span', { class: 'inferred', title: p.note ?? m('fromReport') }, years, ' ', h('span', { class: 'mark' }, m('fromReportMark')));
}

const achievements: Tab<Achievement> = {
  name: 'achievements',
  label: 'achievements',
  operation: 'DashboardAchievements',
  filters: ['text', 'kinds', 'orgKinds', 'unit', 'value', 'years', 'place', 'report'],
  orgKindsLabel: 'holderKind',
  kinds: ACHIEVEMENT_KINDS,
  orders: ['YEAR_DESC', 'VALUE_DESC', 'VALUE_ASC'],
  columns: [
    { key: 'statement', header: () => t('statement'), cell: (a) => open(a.id, both(a.statement, a.statementEn)) },
    { key: 'holder', header: () => t('holder'), cell: (a) => entityLinks(a.holders) },
    { key: 'holderKind', header: () => t('holderKind'), cell: (a) => kindsOf(a.holders) },
    {
      key: 'value',
      header: () => t('value'),
      cell: (a) => {
        const text = valueText({ ...a, unit: null });
        // The wording as written in the tooltip (4.5万张, xx家).
        return text ? h('span', { title: a.original ?? null }, text) : '';
      },
      sorts: ['VALUE_DESC', 'VALUE_ASC'],
    },
    { key: 'unit', header: () => t('unit'), cell: (a) => (a.unit ? both(a.unit, a.unitEn) : '') },
    { key: 'year', header: () => t('year'), cell: periodCell, sorts: ['YEAR_DESC'] },
    { key: 'kind', header: () => t('kind'), cell: (a) => term(a.achievementKind) },
    ...sourceColumns<Achievement>(),
  ],
  fields: [
    { key: 'id', header: () => m('id'), value: (a) => a.id },
    ...bilingual<Achievement>(
      'statement',
      'statement',
      (a) => a.statement,
      (a) => a.statementEn,
    ),
    ...namesFields<Achievement>('holder', 'holder', (a) => a.holders),
    {
      key: 'holderKind',
      header: () => t('holderKind'),
      value: (a) => [...new Set(a.holders.map((e) => entityInfo(e).kind ?? entityInfo(e).type))].join('; '),
    },
    { key: 'kind', header: () => t('kind'), value: (a) => a.achievementKind },
    { key: 'value', header: () => t('value'), value: (a) => a.value ?? null },
    { key: 'qualifier', header: () => m('qualifier'), value: (a) => a.qualifier ?? null },
    { key: 'masked', header: () => m('masked'), value: (a) => a.masked },
    { key: 'lost', header: () => m('lost'), value: (a) => a.lost },
    ...bilingual<Achievement>(
      'unit',
      'unit',
      (a) => a.unit ?? '',
      (a) => a.unitEn ?? '',
    ),
    { key: 'original', header: () => t('original'), value: (a) => a.original ?? null },
    { key: 'year', header: () => t('year'), value: (a) => a.year ?? null },
    { key: 'periodStart', header: () => m('periodStart'), value: (a) => a.period?.start ?? null },
    { key: 'periodEnd', header: () => m('periodEnd'), value: (a) => a.period?.end ?? null },
    { key: 'periodBasis', header: () => m('periodBasis'), value: (a) => a.period?.basis ?? null },
    { key: 'periodNote', header: () => m('periodNote'), value: (a) => a.period?.note ?? null },
    ...sourceFields<Achievement>(),
  ],
  filter: (s) => ({
    name: s.text,
    report: s.report,
    place: s.place,
    kinds: s.kinds.length ? s.kinds : undefined,
    holderKinds: s.orgKinds.length ? s.orgKinds : undefined,
    year: s.year,
    yearFrom: s.yearFrom,
    yearTo: s.yearTo,
    unit: s.unit,
    valueMin: s.valueMin,
    valueMax: s.valueMax,
  }),
  fetch: async (v) => page((await request(DashboardAchievementsDocument, { ...v, orderBy: v.orderBy as never })).achievements),
};

const organizations: Tab<Organization> = {
  name: 'organizations',
  label: 'organizations',
  operation: 'DashboardOrganizations',
  filters: ['text', 'orgKinds', 'place', 'report'],
  orgKindsLabel: 'kind',
  kinds: [],
  orders: ENTITY_ORDERS,
  columns: entityColumns<Organization>(
    { key: 'kind', header: () => t('kind'), cell: (o) => term(o.kind) },
    { key: 'grade', header: () => t('grade'), cell: (o) => (o.grade ? both(o.grade, GRADES[o.grade]) : '') },
    { key: 'places', header: () => t('places'), cell: (o) => joined(o.places.map((p) => localized(p.name, p.nameEn))) },
  ),
  fields: entityFields<Organization>(
    { key: 'kind', header: () => t('kind'), value: (o) => o.kind },
    { key: 'grade', header: () => t('grade'), value: (o) => o.grade ?? null },
    ...namesFields<Organization>('places', 'places', (o) => o.places),
  ),
  filter: (s) => ({ name: s.text, report: s.report, place: s.place, kinds: s.orgKinds.length ? s.orgKinds : undefined }),
  fetch: async (v) => page((await request(DashboardOrganizationsDocument, { ...v, orderBy: v.orderBy as never })).organizations),
};

const programs: Tab<Program> = {
  name: 'programs',
  label: 'programs',
  operation: 'DashboardPrograms',
  filters: ['text', 'kinds', 'years', 'place', 'report'],
  kinds: PROGRAM_KINDS,
  orders: ENTITY_ORDERS,
  columns: entityColumns<Program>(
    { key: 'kind', header: () => t('kind'), cell: (p) => term(p.kind) },
    { key: 'year', header: () => t('year'), cell: (p) => (p.year ? String(p.year) : '') },
    { key: 'organizations', header: () => t('organizations'), cell: (p) => entityLinks(p.organizations) },
  ),
  fields: entityFields<Program>(
    { key: 'kind', header: () => t('kind'), value: (p) => p.kind },
    { key: 'year', header: () => t('year'), value: (p) => p.year ?? null },
    ...namesFields<Program>('organizations', 'organizations', (p) => p.organizations),
  ),
  filter: (s) => ({
    name: s.text,
    report: s.report,
    place: s.place,
    kinds: s.kinds.length ? s.kinds : undefined,
    yearFrom: s.yearFrom,
    yearTo: s.yearTo,
  }),
  fetch: async (v) => page((await request(DashboardProgramsDocument, { ...v, orderBy: v.orderBy as never })).programs),
};

const policies: Tab<Policy> = {
  name: 'policies',
  label: 'policies',
  operation: 'DashboardPolicies',
  filters: ['text', 'years', 'report'],
  kinds: [],
  orders: ENTITY_ORDERS,
  columns: entityColumns<Policy>(
    { key: 'year', header: () => t('year'), cell: (p) => (p.year ? String(p.year) : '') },
    { key: 'issuers', header: () => t('issuers'), cell: (p) => entityLinks(p.issuers) },
  ),
  fields: entityFields<Policy>(
    { key: 'year', header: () => t('year'), value: (p) => p.year ?? null },
    ...namesFields<Policy>('issuers', 'issuers', (p) => p.issuers),
  ),
  filter: (s) => ({ name: s.text, report: s.report, yearFrom: s.yearFrom, yearTo: s.yearTo }),
  fetch: async (v) => page((await request(DashboardPoliciesDocument, { ...v, orderBy: v.orderBy as never })).policies),
};

/** The tabs, by name. Rows differ per tab; the table and export only use the columns and fields. */
export const TAB_DEFS: Record<TabName, Tab<unknown>> = { achievements, organizations, programs, policies };

/** The API's filter for a state, without empty fields (the API would read null as "no filter" anyway). */
export function apiFilter(tab: Tab<unknown>, s: DashboardState): Record<string, unknown> {
  return Object.fromEntries(Object.entries(tab.filter(s)).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

export const orderOf = (tab: Tab<unknown>, s: DashboardState) => (s.sort && tab.orders.includes(s.sort) ? s.sort : tab.orders[0]!);
