/**
 * The interface in Chinese and English: the chrome, kinds, types and relationship names. Names and
 * statements come from the API in either language (`name(language: EN)`); quotes stay as the reports
 * wrote them. The choice is remembered, and a page's address may carry it (`lang=en`).
 */
export type Lang = 'zh' | 'en';
const STORAGE_KEY = 'health-graph.lang';

/** A text in Chinese and in English. */
export type Pair = readonly [zh: string, en: string];

/** Enum values of the schema: entity types, kinds, levels and relationship types. */
const TERMS: Record<string, Pair> = {
  ORGANIZATION: ['机构', 'Organization'],
  PROGRAM: ['项目', 'Program'],
  ACHIEVEMENT: ['成果', 'Achievement'],
  PERSON: ['人物', 'Person'],
  PLACE: ['地区', 'Place'],
  POLICY: ['政策', 'Policy'],
  EVENT: ['事件', 'Event'],
  REPORT: ['报告', 'Report'],
  GOVERNMENT_AGENCY: ['政府机构', 'Government agency'],
  ENTERPRISE_GROUP: ['企业集团', 'Enterprise group'],
  MEDICAL_GROUP: ['医疗集团', 'Medical group'],
  HOSPITAL: ['医院', 'Hospital'],
  PRIMARY_CARE: ['基层医疗机构', 'Primary care'],
  NATIONAL_MEDICAL_CENTER: ['国家医学中心', 'National medical center'],
  REGIONAL_MEDICAL_CENTER: ['区域医疗中心', 'Regional medical center'],
  ALLIANCE: ['联盟', 'Alliance'],
  PUBLIC_HEALTH: ['公共卫生机构', 'Public health'],
  COMPANY: ['企业', 'Company'],
  UNIVERSITY_OR_INSTITUTE: ['高校与科研院所', 'University or institute'],
  PARTY_OR_MASS_ORG: ['党群组织', 'Party or mass organization'],
  OTHER: ['其他', 'Other'],
  INITIATIVE: ['倡议与工程', 'Initiative'],
  PROJECT: ['项目', 'Project'],
  CAMPAIGN: ['行动', 'Campaign'],
  PILOT: ['试点', 'Pilot'],
  PLATFORM: ['平台', 'Platform'],
  BRAND: ['品牌', 'Brand'],
  SERVICE: ['服务', 'Service'],
  METRIC: ['指标', 'Metric'],
  AWARD: ['奖项', 'Award'],
  DESIGNATION: ['认定', 'Designation'],
  MILESTONE: ['里程碑', 'Milestone'],
  COUNTRY: ['国家', 'Country'],
  REGION: ['区域', 'Region'],
  PROVINCE: ['省级', 'Province'],
  CITY: ['市级', 'City'],
  COUNTY: ['县级', 'County'],
  TOWN: ['乡镇', 'Town'],
  VILLAGE: ['村', 'Village'],
  PART_OF: ['隶属于', 'part of'],
  MEMBER_OF: ['成员', 'member of'],
  LEADS: ['牵头', 'leads'],
  PARTNERS_WITH: ['合作', 'partners with'],
  CO_BUILDS: ['共建', 'co-builds'],
  SUPPORTS: ['支援', 'supports'],
  LOCATED_IN: ['位于', 'located in'],
  RUNS: ['开展', 'runs'],
  SUPERVISES: ['监管', 'supervises'],
  HAS_ACHIEVEMENT: ['取得', 'achieved'],
  AWARDED_BY: ['授予方', 'awarded by'],
  NAME: ['名称', 'name'],
  ALIAS: ['别名', 'alias'],
  TEXT: ['正文', 'text'],
  EVIDENCE: ['引文', 'quote'],
  HOLDS_ROLE: ['任职于', 'holds a post at'],
  ISSUED: ['发布', 'issued'],
  IMPLEMENTS: ['实施', 'implements'],
  PARTICIPATES_IN: ['参与', 'takes part in'],
  SUCCEEDS: ['承继', 'succeeds'],
};

/** Plural nouns for clusters ("49 achievements"). */
const PLURALS: Record<string, Pair> = {
  ORGANIZATION: ['个机构', 'organizations'],
  PROGRAM: ['个项目', 'programs'],
  ACHIEVEMENT: ['项成果', 'achievements'],
  PERSON: ['位人物', 'people'],
  PLACE: ['个地区', 'places'],
  POLICY: ['项政策', 'policies'],
  EVENT: ['个事件', 'events'],
  REPORT: ['份报告', 'reports'],
};

/** The chrome's words. `{n}`-style holes are filled by `t(key, values)`. */
const MESSAGES = {
  explorer: ['图谱浏览', 'Explorer'],
  dashboard: ['分析工作台', 'Dashboard'],
  playground: ['GraphQL 调试台', 'GraphQL playground'],
  pages: ['页面', 'Pages'],
  language: ['语言', 'Language'],
  loading: ['加载中…', 'Loading…'],
  error: ['出错了：{message}', 'Something went wrong: {message}'],
  searchLabel: ['搜索实体', 'Search the graph'],
  searchPlaceholder: ['机构、项目、地区…（如 寿阳县医疗集团）', 'Organizations, programs, places… (e.g. 寿阳县医疗集团)'],
  noResults: ['没有找到“{query}”', 'No results for “{query}”'],
  results: ['{n} 个结果', '{n} results'],
  hint: ['搜索名称，选择结果，再点击节点展开。', 'Search for a name, pick a result, then click nodes to expand them.'],
  legend: ['图例', 'Legend'],
  filters: ['筛选', 'Filters'],
  entityTypes: ['实体类型', 'Entity types'],
  orgKinds: ['机构类别', 'Organization kinds'],
  relTypes: ['关系类型', 'Relationship types'],
  showing: ['显示 {n} / {m} 个相邻节点', 'Showing {n} of {m} neighbours'],
  loadRest: ['加载其余：', 'Load the rest:'],
  expandCluster: ['展开', 'Expand'],
  exportPng: ['导出 PNG', 'Export PNG'],
  exportSvg: ['导出 SVG', 'Export SVG'],
  fit: ['适应窗口', 'Fit'],
  graphEmpty: ['关系图（空）', 'Graph (empty)'],
  nodesInGraph: ['图中节点', 'Nodes in the graph'],
  evidence: ['出处', 'Evidence'],
  achievements: ['成果', 'Achievements'],
  relationships: ['关系', 'Relationships'],
  more: ['更多（还有 {n} 条）', 'More ({n} left)'],
  also: ['又称', 'Also'],
  article: ['文章', 'article'],
  kind: ['类别', 'Kind'],
  value: ['数值', 'Value'],
  unit: ['单位', 'Unit'],
  year: ['年份', 'Year'],
  original: ['原文', 'As written'],
  grade: ['等级', 'Grade'],
  level: ['级别', 'Level'],
  date: ['日期', 'Date'],
  publisher: ['发布方', 'Publisher'],
  statement: ['表述', 'Statement'],
  masked: ['报告中已隐去', 'masked in the report'],
  lost: ['原文数字缺失', 'number lost in the source'],
  openInExplorer: ['在图谱中打开', 'Open in the explorer'],
  notFound: ['没有这个实体。', 'No such entity.'],
  role: ['职务', 'Role'],
  clusterOf: ['{n} {plural}', '{n} {plural}'],
  overview: ['概览', 'Overview'],
  byType: ['实体类型', 'Entities by type'],
  byKind: ['机构类别', 'Organizations by kind'],
  byProvince: ['各省机构数', 'Organizations by province'],
  byReport: ['各报告事实数', 'Facts by report'],
  byYear: ['各年份成果数', 'Achievements by year'],
  facts: ['事实表', 'Facts'],
  holder: ['主体', 'Holder'],
  holderKind: ['主体类别', 'Holder kind'],
  report: ['报告', 'Report'],
  quote: ['引文', 'Quote'],
  name: ['名称', 'Name'],
  places: ['地区', 'Places'],
  organizations: ['机构', 'Organizations'],
  programs: ['项目', 'Programs'],
  policies: ['政策', 'Policies'],
  issuers: ['发布机构', 'Issued by'],
  text: ['文本', 'Text'],
  any: ['全部', 'Any'],
  from: ['从', 'From'],
  to: ['到', 'To'],
  place: ['地区（含下级）', 'Place (and below)'],
  valueMin: ['最小值', 'Min value'],
  valueMax: ['最大值', 'Max value'],
  yearFrom: ['起始年份', 'Year from'],
  yearTo: ['截止年份', 'Year to'],
  sortBy: ['排序', 'Sort'],
  NAME_ASC: ['名称', 'Name'],
  NAME_DESC: ['名称（倒序）', 'Name, Z to A'],
  VALUE_DESC: ['数值从大到小', 'Value, largest first'],
  VALUE_ASC: ['数值从小到大', 'Value, smallest first'],
  YEAR_DESC: ['年份从新到旧', 'Year, latest first'],
  MENTIONS_DESC: ['提及次数', 'Most mentioned'],
  reset: ['清除筛选', 'Clear filters'],
  prev: ['上一页', 'Previous'],
  next: ['下一页', 'Next'],
  pageOf: ['第 {from}–{to} 条，共 {total} 条', 'Rows {from}–{to} of {total}'],
  empty: ['没有符合条件的记录。', 'No rows match these filters.'],
  exportCsv: ['导出 CSV', 'Export CSV'],
  exportJson: ['导出 JSON', 'Export JSON'],
  downloadGraph: ['下载完整图谱（GraphML、Turtle、JSON Lines、CSV）', 'Download the whole graph (GraphML, Turtle, JSON Lines, CSV)'],
  exporting: ['正在导出 {n} / {total}…', 'Exporting {n} of {total}…'],
  exported: ['已导出 {n} 行', 'Exported {n} rows'],
  table: ['表格', 'Table'],
  chartHint: [
    '点击柱形可筛选下方表格和其他图表，再次点击或按“清除”取消。',
    'Click a bar to filter the table below and the other charts; click it again, or its Clear button, to undo.',
  ],
  downloadChart: ['下载图表', 'Download chart'],
  mapNote: ['按省份的条形图（未使用地图，见 README）', 'Bar chart by province (no map: see the README)'],
  applied: ['当前筛选', 'Current filters'],
  count: ['数量', 'Count'],
  copyLink: ['复制此操作的链接', 'Copy a link to this operation'],
  linkCopied: ['链接已复制', 'Link copied'],
  linkTitle: ['此操作的链接', 'Link to this operation'],
  linkByHand: ['此处无法使用剪贴板，请手动复制链接：', 'The clipboard is unavailable here: copy the link by hand.'],
  answer: ['响应', 'Answer'],
} as const satisfies Record<string, Pair>;
export type MessageKey = keyof typeof MESSAGES;

export function getLang(): Lang {
  // A shared link opens in the language it was made in; the reader's own choice stays remembered.
  const linked = new URLSearchParams(location.search).get('lang');
  if (linked === 'zh' || linked === 'en') return linked;
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'zh' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

// Read on first use, so the pages' pure modules load where there is no page (unit tests).
let current: Lang | undefined;
const listeners = new Set<() => void>();

export const lang = (): Lang => (current ??= getLang());

/** A name or statement in the interface's language: the English where there is one, else the Chinese. */
export const localized = (zh: string, en?: string | null): string => (lang() === 'en' && en ? en : zh);

export function setLang(next: Lang): void {
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  for (const listener of listeners) listener();
}

/** Runs `render` after every language change; returns the function that stops it. */
export function onLangChange(render: () => void): () => void {
  listeners.add(render);
  return () => listeners.delete(render);
}

const pick = (pair: Pair, language: Lang = lang()) => pair[language === 'zh' ? 0 : 1];

/** A pair of texts in the interface's language, with `{name}` holes filled: for a page's own message table. */
export function say(pair: Pair, values: Record<string, string | number> = {}): string {
  return pick(pair).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** A page's own messages by key, picked and filled as `say` does. */
export function messages<K extends string>(table: Record<K, Pair>) {
  return (key: K, values: Record<string, string | number> = {}): string => say(table[key], values);
}

/** A chrome message, with `{name}` holes filled. */
export const t: (key: MessageKey, values?: Record<string, string | number>) => string = messages(MESSAGES);

/** A schema enum value in the interface's language, or in the one given (unknown values as they are). */
export function term(value: string, language: Lang = lang()): string {
  return Object.hasOwn(TERMS, value) ? pick(TERMS[value]!, language) : value;
}

/** "49 achievements" / "49 项成果". */
export function countOf(n: number, type: string): string {
  return t('clusterOf', { n, plural: Object.hasOwn(PLURALS, type) ? pick(PLURALS[type]!) : term(type) });
}

/** Fills every `[data-i18n]` element's text (and `[data-i18n-placeholder]`, `[data-i18n-label]`) under `root`. */
export function translateStatic(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as MessageKey);
  for (const el of root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder as MessageKey);
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel as MessageKey));
}
