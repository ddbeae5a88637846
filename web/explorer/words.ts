/** The explorer's own words, Chinese and English (the pages' shared ones are in web/shared/i18n.ts). */
import { say, type Pair } from '../shared/i18n.js';

export { say };

export const WORDS = {
  // Toolbar
  undo: ['撤销', 'Undo'],
  redo: ['重做', 'Redo'],
  hide: ['隐藏', 'Hide'],
  collapse: ['收起', 'Collapse'],
  expand: ['展开', 'Expand'],
  clear: ['清空', 'Clear'],
  exportMenu: ['导出', 'Export'],
  nodesCsv: ['节点 (CSV)', 'Nodes (CSV)'],
  linksCsv: ['关系 (CSV)', 'Links (CSV)'],
  hiddenCount: ['已隐藏 {n} 个，全部显示', '{n} hidden: show them'],
  selectedCount: ['已选 {n} 个', '{n} selected'],
  selectNone: ['取消选择', 'Select none'],
  canvasTools: ['画布工具', 'Canvas tools'],
  filtersArea: ['图例与筛选', 'Legend and filters'],
  // Node actions (menu and panel)
  actions: ['操作', 'Actions'],
  pathFrom: ['从此处找路径', 'Path from here'],
  pathTo: ['找到此处的路径', 'Path to here'],
  avoid: ['路径避开此节点', 'Avoid in paths'],
  allow: ['路径可经过此节点', 'Allow in paths'],
  open: ['展开', 'Open'],
  clickToOpen: ['点击展开', 'click to open'],
  nodeMenu: ['节点菜单：{name}', 'Node menu: {name}'],
  // Path
  pathBox: ['两实体间的路径', 'Path between two entities'],
  pathFromLabel: ['起点', 'From'],
  pathToLabel: ['终点', 'To'],
  pathSearch: ['搜索实体…', 'Search an entity…'],
  swap: ['交换', 'Swap'],
  clearPath: ['清除路径', 'Clear path'],
  removeEnd: ['移除 {name}', 'Remove {name}'],
  maxLength: ['最长步数', 'Longest path (steps)'],
  avoidTypes: ['不经过这些类型', 'Never through these types'],
  pathTypes: ['仅沿这些关系（不选即全部）', 'Only along (none checked: all)'],
  avoided: ['避开的实体', 'Avoided entities'],
  pathTitle: ['路径', 'Path'],
  pathSteps: ['{from} → {to}：{n} 步', '{from} → {to}: {n} steps'],
  noPath: ['{n} 步之内，{from} 与 {to} 之间没有路径。', 'No path between {from} and {to} within {n} steps.'],
  tryLonger: ['搜索至 {n} 步', 'Search up to {n} steps'],
  tryFewer: ['去掉排除条件再搜索（{list}）', 'Search without the exclusions ({list})'],
  pathNeedsOther: [
    '再选另一端：在上方搜索，或在节点菜单中选“找到此处的路径”。',
    'Pick the other end: search it above, or choose “Path to here” on a node.',
  ],
  backToPath: ['← 返回路径', '← Back to the path'],
  avoidThis: ['避开', 'Avoid'],
  searching: ['正在找路径…', 'Finding the path…'],
  // Filters, years, sizes
  years: ['成果年份', 'Achievements’ years'],
  yearsAll: ['全部年份', 'All years'],
  yearsRange: ['{from}–{to} 年', '{from}–{to}'],
  inferredNote: ['虚线边框：年份据报告推断', 'Dashed border: years taken from the report'],
  yearsBars: ['各年份成果数（深色为原文写明）', 'Achievements by year (dark: stated in the sentence)'],
  sizeBy: ['节点大小', 'Node size'],
  sizeNone: ['相同', 'All alike'],
  sizeLinks: ['按关系数', 'By number of links'],
  sizeAchievements: ['按成果数', 'By number of achievements'],
  filtersOn: ['筛选（{n} 项生效）', 'Filters ({n} on)'],
  // Panel, status, text alternative
  relationship: ['关系', 'Relationship'],
  inferred: ['据报告推断', 'from its report'],
  stated: ['原文写明', 'stated'],
  notFound: ['没有找到：{ids}', 'Not found: {ids}'],
  ignored: ['地址中未能识别、已略去：{list}', 'Left out of the address (not understood): {list}'],
  damaged: ['地址中的压缩视图（z=…）已损坏，无法读取。', 'The address’s packed view (z=…) is damaged and cannot be read.'],
  graphOf: ['关系图：{n} 个节点，{e} 条边', 'Graph: {n} nodes, {e} edges'],
  panelEmpty: [
    '搜索名称并选择结果，可多次添加；点击节点展开，右键（或长按）打开节点菜单。',
    'Search a name and pick results (each adds to the canvas); click a node to expand it, right-click (or long-press) it for its menu.',
  ],
} as const satisfies Record<string, Pair>;

/** Fills every `[data-words]` element's text and `[data-words-label]` element's label from the table. */
export function translateWords(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-words]')) el.textContent = say(WORDS[el.dataset.words as keyof typeof WORDS]);
  for (const el of root.querySelectorAll<HTMLElement>('[data-words-label]'))
    el.setAttribute('aria-label', say(WORDS[el.dataset.wordsLabel as keyof typeof WORDS]));
}
