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
import { citation, valueText } from '../shared/format.js';
import { t, term, type MessageKey } from '../shared/i18n.js';
import { ACHIEVEMENT_KINDS, ORG_KINDS, PROGRAM_KINDS } from '../shared/vocabulary.js';
import type { DashboardState, TabName } from './state.js';

/** A page of rows from the API, with where it stands. */
export interface RowPage<Row> {
  rows: Row[];
  total: number;
  hasNext: boolean;
  endCursor: string | null;
}

/** A column: its header, its text (for CSV and JSON) and optionally a richer cell. */
export interface Column<Row> {
  key: string;
  header: MessageKey;
  // Method syntax: a tab's typed columns then serve where any tab's are expected.
  text(row: Row): string;
  cell?(row: Row): Node | string;
  /** The orders a click on the header toggles between. */
  sorts?: string[];
}

/** Which filters a tab offers. */
export type FilterName = 'text' | 'kinds' | 'unit' | 'value' | 'year' | 'holderKinds' | 'place' | 'report';

/** A tab of the facts table: the API list it pages through, its filters, orders and columns. */
export interface Tab<Row> {
  name: TabName;
  label: MessageKey;
  operation: string;
  filters: FilterName[];
  kinds: readonly string[];
  orders: string[];
  columns: Column<Row>[];
  /** The API's filter for the dashboard's state. */
  filter(s: DashboardState): Record<string, unknown>;
  fetch(variables: { first: number; after?: string | null; filter: Record<string, unknown>; orderBy: string }): Promise<RowPage<Row>>;
}

type Evidence = { quote: string; report: Parameters<typeof citation>[0] };
const firstQuote = (evidence: readonly Evidence[]) => evidence[0]?.quote ?? '';
const reports = (evidence: readonly Evidence[]) => [...new Set(evidence.map((e) => citation(e.report)))].join('; ');
const names = (list: readonly EntityKindFields[]) => list.map((e) => e.name).join('、');
const kindsOf = (list: readonly EntityKindFields[]) =>
  [
    ...new Set(
      list.map((e) => {
        const i = entityInfo(e);
        return i.kind ? term(i.kind) : term(i.type);
      }),
    ),
  ].join('、');
/** The row's entity, linked to the explorer. */
const open = (id: string, text: string) => h('a', { href: explorerHref(id) }, text);
const entityLinks = (list: readonly EntityKindFields[]) => h('span', {}, ...list.flatMap((e, i) => [i ? '、' : '', open(e.id, e.name)]));
const quoteCell = (evidence: readonly Evidence[]) => h('span', { class: 'quote', title: reports(evidence) }, firstQuote(evidence));

const common = (s: DashboardState) => ({ name: s.text, report: s.report });
const years = (s: DashboardState) => ({ yearFrom: s.yearFrom, yearTo: s.yearTo });
const kinds = (s: DashboardState) => (s.kinds.length ? { kinds: s.kinds } : {});

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

const achievements: Tab<Achievement> = {
  name: 'achievements',
  label: 'achievements',
  operation: 'DashboardAchievements',
  filters: ['text', 'kinds', 'unit', 'value', 'year', 'holderKinds', 'place', 'report'],
  kinds: ACHIEVEMENT_KINDS,
  orders: ['NAME_ASC', 'VALUE_DESC', 'VALUE_ASC', 'YEAR_DESC'],
  columns: [
    { key: 'holder', header: 'holder', text: (a) => names(a.holders), cell: (a) => entityLinks(a.holders) },
    { key: 'holderKind', header: 'holderKind', text: (a) => kindsOf(a.holders) },
    { key: 'statement', header: 'statement', text: (a) => a.statement, cell: (a) => open(a.id, a.statement) },
    {
      key: 'value',
      header: 'value',
      text: (a) => ((a.value ?? '') === '' ? '' : String(a.value)),
      cell: (a) => valueText({ ...a, unit: null }),
      sorts: ['VALUE_DESC', 'VALUE_ASC'],
    },
    { key: 'unit', header: 'unit', text: (a) => a.unit ?? '' },
    { key: 'year', header: 'year', text: (a) => (a.year ? String(a.year) : ''), sorts: ['YEAR_DESC'] },
    { key: 'kind', header: 'kind', text: (a) => term(a.achievementKind) },
    { key: 'report', header: 'report', text: (a) => reports(a.evidence) },
    { key: 'quote', header: 'quote', text: (a) => firstQuote(a.evidence), cell: (a) => quoteCell(a.evidence) },
  ],
  filter: (s) => ({
    ...common(s),
    ...kinds(s),
    ...years(s),
    unit: s.unit,
    valueMin: s.valueMin,
    valueMax: s.valueMax,
    place: s.place,
    ...(s.holderKinds.length ? { holderKinds: s.holderKinds } : {}),
  }),
  fetch: async (v) => page((await request(DashboardAchievementsDocument, { ...v, orderBy: v.orderBy as never })).achievements),
};

const organizations: Tab<Organization> = {
  name: 'organizations',
  label: 'organizations',
  operation: 'DashboardOrganizations',
  filters: ['text', 'kinds', 'place', 'report'],
  kinds: ORG_KINDS,
  orders: ['NAME_ASC', 'NAME_DESC', 'MENTIONS_DESC'],
  columns: [
    { key: 'name', header: 'name', text: (o) => o.name, cell: (o) => open(o.id, o.name), sorts: ['NAME_ASC', 'NAME_DESC'] },
    { key: 'kind', header: 'kind', text: (o) => term(o.kind) },
    { key: 'grade', header: 'grade', text: (o) => o.grade ?? '' },
    { key: 'places', header: 'places', text: (o) => o.places.map((p) => p.name).join('、') },
    { key: 'report', header: 'report', text: (o) => reports(o.evidence) },
    { key: 'quote', header: 'quote', text: (o) => firstQuote(o.evidence), cell: (o) => quoteCell(o.evidence) },
  ],
  filter: (s) => ({ ...common(s), ...kinds(s), place: s.place }),
  fetch: async (v) => page((await request(DashboardOrganizationsDocument, { ...v, orderBy: v.orderBy as never })).organizations),
};

const programs: Tab<Program> = {
  name: 'programs',
  label: 'programs',
  operation: 'DashboardPrograms',
  filters: ['text', 'kinds', 'year', 'place', 'report'],
  kinds: PROGRAM_KINDS,
  orders: ['NAME_ASC', 'NAME_DESC', 'MENTIONS_DESC'],
  columns: [
    { key: 'name', header: 'name', text: (p) => p.name, cell: (p) => open(p.id, p.name), sorts: ['NAME_ASC', 'NAME_DESC'] },
    { key: 'kind', header: 'kind', text: (p) => term(p.kind) },
    { key: 'year', header: 'year', text: (p) => (p.year ? String(p.year) : '') },
    { key: 'organizations', header: 'organizations', text: (p) => names(p.organizations), cell: (p) => entityLinks(p.organizations) },
    { key: 'report', header: 'report', text: (p) => reports(p.evidence) },
    { key: 'quote', header: 'quote', text: (p) => firstQuote(p.evidence), cell: (p) => quoteCell(p.evidence) },
  ],
  filter: (s) => ({ ...common(s), ...kinds(s), ...years(s), place: s.place }),
  fetch: async (v) => page((await request(DashboardProgramsDocument, { ...v, orderBy: v.orderBy as never })).programs),
};

const policies: Tab<Policy> = {
  name: 'policies',
  label: 'policies',
  operation: 'DashboardPolicies',
  filters: ['text', 'year', 'report'],
  kinds: [],
  orders: ['NAME_ASC', 'NAME_DESC', 'MENTIONS_DESC'],
  columns: [
    { key: 'name', header: 'name', text: (p) => p.name, cell: (p) => open(p.id, p.name), sorts: ['NAME_ASC', 'NAME_DESC'] },
    { key: 'year', header: 'year', text: (p) => (p.year ? String(p.year) : '') },
    { key: 'issuers', header: 'issuers', text: (p) => names(p.issuers), cell: (p) => entityLinks(p.issuers) },
    { key: 'report', header: 'report', text: (p) => reports(p.evidence) },
    { key: 'quote', header: 'quote', text: (p) => firstQuote(p.evidence), cell: (p) => quoteCell(p.evidence) },
  ],
  filter: (s) => ({ ...common(s), ...years(s) }),
  fetch: async (v) => page((await request(DashboardPoliciesDocument, { ...v, orderBy: v.orderBy as never })).policies),
};

/** The tabs, by name. Rows differ per tab; the table and export only use the columns. */
export const TAB_DEFS: Record<TabName, Tab<unknown>> = { achievements, organizations, programs, policies };

/** The API's filter for a state, without empty fields (the API would read null as "no filter" anyway). */
export function apiFilter(tab: Tab<unknown>, s: DashboardState): Record<string, unknown> {
  return Object.fromEntries(Object.entries(tab.filter(s)).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

export const orderOf = (tab: Tab<unknown>, s: DashboardState) => (s.sort && tab.orders.includes(s.sort) ? s.sort : tab.orders[0]!);

/** A header's label in the interface's language. */
export const headerText = (column: Column<unknown>) => t(column.header);
