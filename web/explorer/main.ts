import '../shared/base.css';
import './explorer.css';
import type { NodeSingular } from 'cytoscape';
import { ExplorerDetailsDocument, ExplorerYearsDocument } from '../../src/generated/client/graphql.js';
import { mountChrome, showStatus } from '../shared/chrome.js';
import { latestOnly, request } from '../shared/client.js';
import { $, download, fill, h } from '../shared/dom.js';
import { explorerHref } from '../shared/entity.js';
import { lang, onLangChange, setLang, t, term } from '../shared/i18n.js';
import { legend } from '../shared/palette.js';
import { ensureLinks, isUnknown, known, linksOf, load, loadDegrees, pathOf } from './data.js';
import {
  clearCanvas,
  collapseNodes,
  expandNode,
  hideNodes,
  longestPaths,
  openEntity,
  openGroup,
  selectOnly,
  setPathEnd,
  showHidden,
  swapPathEnds,
  toggleAvoided,
  toggleSelected,
  withoutExclusions,
} from './edits.js';
import { bothNames, nameOf } from './entities.js';
import { graphSvg, linksCsv, nodesCsv } from './export.js';
import { mountFilters } from './filters.js';
import { dataOf, GraphView } from './graph.js';
import { mountMenu } from './menu.js';
import { buildCanvas, settle, type CanvasModel } from './model.js';
import { actionBar, renderEdgePanel, renderHint, renderNodePanel, type Action } from './panel.js';
import { mountPathBox, renderPathPanel } from './path.js';
import { distinctNeighbours, hiddenByRelationship } from './plan.js';
import { mountSearch } from './search.js';
import { mountSizes } from './sizes.js';
import { DamagedAddress, decodeParams, emptyState, encodeState, parseState, type ExplorerState } from './state.js';
import { say, translateWords, WORDS } from './words.js';
import { mountYears } from './years.js';

mountChrome('explorer');
const graph = new GraphView($('#graph'), $('#tooltip'));
const panel = $('#details');
const graphStatus = $('#graph-status');
// For the browser tests and for analysts at the console.
Object.assign(window, { cy: graph.cy });

let state: ExplorerState = emptyState(lang());
let model: CanvasModel = buildCanvas(state, known, null);
let years: number[] = [];
/** What the address held that the page could not use (said in the status line). */
let notice = '';
/** This page's place in the browser's history: Undo is Back while above 0, Redo is Forward below the newest entry it made. */
let position = 0;
let newest = 0;
/** Each change or restore takes a number; one overtaken by a newer one stops before drawing. */
let generation = 0;
/** True while the address sets the language: the switch is part of restoring, not a new step. */
let restoring = false;

const filters = mountFilters($('#filters'), (next) => void change({ ...state, ...next }));
const yearBox = mountYears($('#years'), (range) => {
  const next = { ...state };
  if (range) next.years = range;
  else delete next.years;
  void change(next);
});
const sizes = mountSizes($('#sizes'), (sizeBy) => {
  const next = { ...state };
  if (sizeBy) next.sizeBy = sizeBy;
  else delete next.sizeBy;
  void change(next);
});
const pathBox = mountPathBox($('#path-box'), {
  setEnd: (end, entity) => void change(setPathEnd(state, end, entity?.id)),
  swap: () => void change(swapPathEnds(state)),
  clear: () => void change(setPathEnd(setPathEnd(state, 'from', undefined), 'to', undefined)),
  options: (next) => void change({ ...state, ...next }),
  allow: (id) => void change(toggleAvoided(state, id)),
});
const menu = mountMenu($('.graph-wrap'));

/** An entity's name in the interface's language, from what has been read (its id until then). */
const nameById = (id: string) => {
  const entity = known.entity(id);
  return entity ? nameOf(entity) : id;
};

/**
 * Reads what a state needs and makes it the page's state, settled; false when that failed (said in
 * the status line) or a newer change or restore overtook it.
 */
async function adopt(next: ExplorerState, mine: number): Promise<boolean> {
  try {
    await load(next);
  } catch (error) {
    if (mine === generation) failed(error);
    return false;
  }
  if (mine !== generation) return false;
  state = settle(next, known, pathOf(next) ?? null);
  return true;
}

/** Makes a state the page's, records it in the address (a new step unless replacing) and draws it. */
async function change(next: ExplorerState, mode: 'push' | 'replace' = 'push'): Promise<void> {
  const mine = ++generation;
  notice = '';
  busy();
  if (!(await adopt(next, mine))) return;
  await record(mode);
  await draw(mine);
}

async function record(mode: 'push' | 'replace'): Promise<void> {
  const url = new URL(`${location.pathname}?${await encodeState(state)}`, location.href);
  if (mode === 'push' && url.search === location.search) return;
  if (mode === 'push') {
    position += 1;
    newest = position;
    history.pushState({ position }, '', url);
  } else history.replaceState({ position }, '', url);
}

/** Draws the view the address describes (on load, Back and Forward). */
async function restore(): Promise<void> {
  const mine = ++generation;
  busy();
  notice = '';
  let params = new URLSearchParams();
  try {
    params = await decodeParams(location.search);
  } catch (error) {
    if (!(error instanceof DamagedAddress)) throw error;
    notice = say(WORDS.damaged);
  }
  const { state: next, ignored } = parseState(params, lang());
  if (ignored.length) notice = say(WORDS.ignored, { list: ignored.join(', ') });
  if (next.lang !== lang()) {
    restoring = true;
    setLang(next.lang);
    restoring = false;
  }
  if (!(await adopt(next, mine))) return;
  const missing = [...state.nodes, state.from, state.to].filter((id): id is string => !!id && isUnknown(id));
  if (missing.length) notice = [notice, say(WORDS.notFound, { ids: missing.join(', ') })].filter(Boolean).join(' ');
  // The address as the page writes it (an entity's `node=` link becomes the view it opens).
  await record('replace');
  await draw(mine);
}

function busy(): void {
  document.body.dataset.state = 'loading';
  showStatus(graphStatus, 'loading');
}

function failed(error: unknown): void {
  showStatus(graphStatus, 'error', (error as Error).message);
  document.body.dataset.state = 'error';
}

/** Nodes that always carry a label: the user's own (searched, path ends) besides the selection. */
const alwaysLabelled = () => new Set([...state.nodes, state.from, state.to].filter((id): id is string => !!id));

async function draw(mine: number): Promise<void> {
  model = buildCanvas(state, known, pathOf(state) ?? null);
  menu.close();
  const { added, around } = graph.sync(model);
  graph.applyFilters({ hideTypes: state.hideTypes, hideKinds: state.hideKinds, hideRels: state.hideRels, years: state.years });
  graph.mark(state.selected, alwaysLabelled(), new Set(state.avoid));
  filters.update(state);
  yearBox.update(state.years);
  sizes.update(state.sizeBy);
  pathBox.update(state, nameById);
  if (state.from || state.to) $<HTMLDetailsElement>('#path-box').open = true;
  renderToolbar();
  renderCoverage();
  renderGraphText();
  void applySizes();
  await renderSide();
  await graph.reveal(added, around);
  if (mine !== generation) return;
  // No path is said over the graph too: on a narrow page the panel is far below.
  const noPath =
    state.from && state.to && pathOf(state) === null
      ? say(WORDS.noPath, { from: nameById(state.from), to: nameById(state.to), n: state.maxLength })
      : '';
  showStatus(graphStatus, 'idle', [notice, noPath].filter(Boolean).join(' '));
  document.body.dataset.state = 'drawn';
}

/** Node sizes by links or achievements, read once per entity; their legend. */
async function applySizes(): Promise<void> {
  const by = state.sizeBy;
  if (!by) {
    graph.setSizes(undefined);
    sizes.legend(undefined);
    return;
  }
  const ids = [...model.nodes.keys()];
  const degrees = await loadDegrees(ids);
  if (state.sizeBy !== by) return;
  const counts = new Map(ids.map((id) => [id, by === 'links' ? (degrees.get(id)?.links ?? 0) : (degrees.get(id)?.achievements ?? 0)]));
  graph.setSizes(counts);
  sizes.legend(Math.max(0, ...counts.values()));
}

function nodeActions(id: string): Action[] {
  const node = model.nodes.get(id);
  const avoided = state.avoid.includes(id);
  return [
    node?.expanded
      ? { name: 'collapse', label: say(WORDS.collapse), run: () => void change(collapseNodes(state, [id])) }
      : { name: 'expand', label: say(WORDS.expand), run: () => void change(expandNode(state, id)) },
    { name: 'hide', label: say(WORDS.hide), run: () => void change(hideNodes(state, [id])) },
    { name: 'path-from', label: say(WORDS.pathFrom), run: () => void change(setPathEnd(state, 'from', id)) },
    { name: 'path-to', label: say(WORDS.pathTo), run: () => void change(setPathEnd(state, 'to', id)) },
    { name: 'avoid', label: say(avoided ? WORDS.allow : WORDS.avoid), run: () => void change(toggleAvoided(state, id)) },
  ];
}

function clusterActions(id: string): Action[] {
  const cluster = graph.cy.getElementById(id);
  const { center, type } = dataOf(cluster);
  return [
    { name: 'open', label: say(WORDS.open), run: () => void change(openGroup(state, center!, type)) },
    { name: 'hide', label: say(WORDS.hide), run: () => void change(hideNodes(state, [id])) },
  ];
}

const detailsOf = latestOnly();

/** The side panel: the last selected node or relationship, else the path, else a hint; a selection of several says so. */
async function renderSide(): Promise<void> {
  const head: Array<HTMLElement | null> = [];
  const nodesSelected = state.selected.filter((id) => model.nodes.has(id));
  if (state.selected.length > 1)
    head.push(
      h(
        'div',
        { class: 'selection' },
        h('strong', {}, say(WORDS.selectedCount, { n: state.selected.length })),
        actionBar(
          [
            { name: 'hide-selected', label: say(WORDS.hide), run: () => void change(hideNodes(state, nodesSelected)) },
            { name: 'collapse-selected', label: say(WORDS.collapse), run: () => void change(collapseNodes(state, nodesSelected)) },
            { name: 'select-none', label: say(WORDS.selectNone), run: () => void change(selectOnly(state, [])) },
          ],
          say(WORDS.selectedCount, { n: state.selected.length }),
        ),
      ),
    );
  if ((state.from || state.to) && state.selected.length)
    head.push(h('button', { type: 'button', class: 'link back-to-path', onclick: () => void change(selectOnly(state, [])) }, say(WORDS.backToPath)));

  const last = state.selected.at(-1);
  const edge = last ? model.edges.get(last) : undefined;
  if (edge) return renderEdgePanel(panel, edge, model.nodes.get(edge.source)!.entity, model.nodes.get(edge.target)!.entity, head);
  if (last && model.nodes.has(last)) {
    const [details] = await Promise.all([detailsOf(request(ExplorerDetailsDocument, { id: last })), ensureLinks(last)]);
    if (!details || state.selected.at(-1) !== last) return;
    if (!details.node) return fill(panel, ...head, h('p', { role: 'alert' }, t('notFound')));
    return renderNodePanel(panel, details.node, linksOf(last), years, head, nodeActions(last));
  }
  if (state.from || state.to)
    return renderPathPanel(panel, state, pathOf(state), nameById, {
      avoid: (id) => void change(toggleAvoided(state, id)),
      retry: (how) => void change(how === 'longer' ? longestPaths(state) : withoutExclusions(state)),
    });
  renderHint(panel, head);
}

/** The toolbar's buttons follow the selection, the history and what is hidden. */
function renderToolbar(): void {
  const selectedNodes = state.selected.filter((id) => model.nodes.has(id));
  $<HTMLButtonElement>('#undo').disabled = position <= 0;
  $<HTMLButtonElement>('#redo').disabled = position >= newest;
  $<HTMLButtonElement>('#hide').disabled = !selectedNodes.length;
  $<HTMLButtonElement>('#collapse').disabled = !selectedNodes.some((id) => model.nodes.get(id)?.expanded);
  $<HTMLButtonElement>('#clear').disabled = !model.nodes.size && !state.from && !state.to;
  const hidden = $<HTMLButtonElement>('#show-hidden');
  hidden.hidden = !state.hidden.length;
  hidden.textContent = say(WORDS.hiddenCount, { n: state.hidden.length });
}

/** "Showing N of M neighbours" for the selected expanded node, with buttons to load the hidden ones by relationship type. */
function renderCoverage(): void {
  const coverage = $('#coverage');
  const rest = $('#load-rest');
  const center = state.selected.at(-1);
  if (!center || !model.expanded.has(center)) {
    coverage.textContent = model.nodes.size ? say(WORDS.graphOf, { n: model.nodes.size, e: model.edges.size }) : '';
    fill(rest);
    return;
  }
  const links = linksOf(center);
  const present = new Set(model.nodes.keys());
  const all = distinctNeighbours(links);
  coverage.textContent = t('showing', { n: all.filter((e) => present.has(e.id)).length, m: all.length });
  const hidden = hiddenByRelationship(links, model.reached);
  fill(
    rest,
    hidden.size ? h('span', {}, t('loadRest')) : null,
    ...[...hidden].map(([type, entities]) =>
      h(
        'button',
        { type: 'button', 'data-rel': type, onclick: () => void change(openGroup(state, center, type)) },
        `${term(type)} (${entities.length})`,
      ),
    ),
  );
}

/** The canvas's text alternative (a summary and every node drawn, each a link), and the legend of what is drawn. */
function renderGraphText(): void {
  const nodes = graph.nodes();
  const edges = graph.cy.edges(':visible').length;
  $('#graph-summary').textContent = nodes.length ? say(WORDS.graphOf, { n: nodes.length, e: edges }) : t('graphEmpty');
  fill(
    $('#graph-list ul'),
    ...nodes.map((n) => {
      const data = dataOf(n);
      return h(
        'li',
        {},
        data.cluster
          ? h(
              'button',
              { type: 'button', class: 'link', onclick: () => void change(openGroup(state, data.center!, data.type)) },
              `${data.name} (${t('expandCluster')})`,
            )
          : h('a', { href: explorerHref(n.id()), 'data-node': n.id() }, `${bothNames(data.entity!)} — ${term(data.type)}`),
      );
    }),
  );
  const shown = graph.shown();
  const marks = [
    model.edges.size && [...model.edges.values()].some((e) => e.onPath) ? h('li', {}, h('span', { class: 'mark path' }), say(WORDS.pathTitle)) : null,
    state.avoid.some((id) => model.nodes.has(id)) ? h('li', {}, h('span', { class: 'mark avoided' }), say(WORDS.avoided)) : null,
    state.years && shown.types.includes('ACHIEVEMENT') ? h('li', {}, h('span', { class: 'mark inferred' }), say(WORDS.inferredNote)) : null,
  ].filter(Boolean);
  fill($('#legend'), shown.types.length ? legend(shown.types, shown.kinds) : null, marks.length ? h('ul', { class: 'marks' }, ...marks) : null);
}

function openMenu(node: NodeSingular): void {
  const data = dataOf(node);
  const at = node.renderedPosition();
  if (data.cluster) menu.open(at, say(WORDS.nodeMenu, { name: data.name }), clusterActions(node.id()));
  else menu.open(at, say(WORDS.nodeMenu, { name: bothNames(data.entity!) }), nodeActions(node.id()));
}

/** A name for downloaded files: the first entity's, else the page's. */
const fileBase = () => `health-graph-${(state.nodes[0] ?? state.from ?? 'explorer').replace(/[^\p{L}\p{N}]+/gu, '-')}`;

function save(content: BlobPart, type: string, suffix: string): void {
  download(new Blob([content], { type }), `${fileBase()}${suffix}`);
}

// Every entity link on the page adds its entity to the canvas; modified clicks (new tab) keep the browser's behaviour.
document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-node]');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  void change(openEntity(state, link.dataset.node!, model.reached)).then(() => $('#details-title').focus());
});

graph.cy.on('tap', 'node', (event) => {
  const node = event.target as NodeSingular;
  const data = dataOf(node);
  const click = event.originalEvent as MouseEvent | undefined;
  if (data.cluster) void change(openGroup(state, data.center!, data.type));
  else if (click && (click.shiftKey || click.ctrlKey || click.metaKey)) void change(toggleSelected(state, node.id()));
  else void change(expandNode(state, node.id()));
});
graph.cy.on('tap', 'edge', (event) => {
  const id = (event.target as cytoscape.EdgeSingular).id();
  if (model.edges.has(id)) void change(selectOnly(state, [id]));
});
graph.cy.on('tap', (event) => {
  if (event.target === graph.cy && state.selected.length) void change(selectOnly(state, []));
});
graph.cy.on('cxttap taphold', 'node', (event) => openMenu(event.target as NodeSingular));
graph.cy.on('boxend', () => {
  // The box's selection is complete once Cytoscape has handled the release.
  setTimeout(
    () =>
      void change(
        selectOnly(
          state,
          graph.cy.$('node:selected[!cluster]').map((n) => n.id()),
        ),
      ),
  );
});

// On a stacked (narrow) page one finger scrolls the page over the graph; two pan and zoom it.
const stacked = matchMedia('(max-width: 820px)');
$('#graph').addEventListener('touchstart', (event) => graph.cy.userPanningEnabled(!stacked.matches || event.touches.length > 1), {
  capture: true,
  passive: true,
});
// Cytoscape cancels every touch end; once the page scrolls under the finger the browser refuses, and
// says so in the console. Nothing is lost by not asking.
$('#graph').addEventListener(
  'touchend',
  (event) => {
    if (!event.cancelable) event.preventDefault = () => undefined;
  },
  { capture: true, passive: true },
);

$('#fit').addEventListener('click', () => void graph.fit());
$('#undo').addEventListener('click', () => history.back());
$('#redo').addEventListener('click', () => history.forward());
$('#hide').addEventListener(
  'click',
  () =>
    void change(
      hideNodes(
        state,
        state.selected.filter((id) => model.nodes.has(id)),
      ),
    ),
);
$('#collapse').addEventListener('click', () => void change(collapseNodes(state, state.selected)));
$('#clear').addEventListener('click', () => void change(clearCanvas(state)));
$('#show-hidden').addEventListener('click', () => void change(showHidden(state)));
$('#export-png').addEventListener('click', () => download(graph.png(), `${fileBase()}.png`));
$('#export-svg').addEventListener('click', () => save(graphSvg(graph.cy, $('#graph-summary').textContent ?? ''), 'image/svg+xml', '.svg'));
$('#export-nodes').addEventListener('click', () => save(nodesCsv(graph.cy, model), 'text/csv;charset=utf-8', '-nodes.csv'));
$('#export-links').addEventListener('click', () => save(linksCsv(graph.cy, model), 'text/csv;charset=utf-8', '-links.csv'));
for (const item of document.querySelectorAll('#export-menu button')) item.addEventListener('click', () => $('#export-menu').removeAttribute('open'));

// Undo, Redo and Delete from the keyboard, except while typing.
document.addEventListener('keydown', (event) => {
  const typing = (event.target as Element).closest('input, select, textarea');
  if (typing) return;
  const key = event.key.toLowerCase();
  if ((event.ctrlKey || event.metaKey) && key === 'z' && !event.shiftKey && position > 0) history.back();
  else if ((event.ctrlKey || event.metaKey) && (key === 'y' || (key === 'z' && event.shiftKey)) && position < newest) history.forward();
  else if ((key === 'delete' || key === 'backspace') && state.selected.length) void change(hideNodes(state, state.selected));
  else return;
  event.preventDefault();
});

window.addEventListener('popstate', (event) => {
  position = (event.state as { position?: number } | null)?.position ?? 0;
  void restore();
});
mountSearch($<HTMLInputElement>('#search'), $('#results'), $('#search-status'), (entity) => {
  void change(openEntity(state, entity.id, model.reached)).then(() => $('#details-title').focus());
});
onLangChange(() => {
  translateWords();
  filters.render();
  yearBox.render();
  sizes.render();
  pathBox.render();
  graph.relabel();
  if (!restoring && state.lang !== lang()) void change({ ...state, lang: lang() });
  else if (!restoring) void draw(generation);
});

translateWords();
// Filters start open where there is room beside the graph, folded on a narrow page (the graph comes first).
$<HTMLDetailsElement>('#filters-box').open = !stacked.matches;
position = (history.state as { position?: number } | null)?.position ?? 0;
newest = position;
void request(ExplorerYearsDocument, {})
  .then((data) => {
    years = data.stats.achievementsByYear.map((y) => y.year);
    yearBox.setCounts(data.stats.achievementsByYear);
  })
  .catch(() => undefined)
  .finally(() => void restore());
