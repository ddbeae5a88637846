import '../shared/base.css';
import './explorer.css';
import { ExplorerDetailsDocument, ExplorerLinksDocument, ExplorerYearsDocument } from '../../src/generated/client/graphql.js';
import { mountChrome, showStatus } from '../shared/chrome.js';
import { latestOnly, request } from '../shared/client.js';
import { $, download, fill, h } from '../shared/dom.js';
import { entityInfo, explorerHref, type EntityInfo, type EntityKindFields } from '../shared/entity.js';
import { onLangChange, t, term } from '../shared/i18n.js';
import { legend } from '../shared/palette.js';
import { readList, readState, writeState } from '../shared/url-state.js';
import { renderFilters } from './filters.js';
import { GraphView, dataOf, type GraphFilters } from './graph.js';
import { renderPanel } from './panel.js';
import { distinctNeighbours, hiddenByRelationship, type Neighbour } from './plan.js';
import { mountSearch } from './search.js';

mountChrome('explorer');
const graph = new GraphView($('#graph'), $('#tooltip'));
const panel = $('#details');
const graphStatus = $('#graph-status');
const latest = latestOnly();
let filters: GraphFilters = { hideTypes: [], hideKinds: [], hideRels: [] };
let selected: string | undefined;
/** The selected node's relationships, for the "showing N of M" line and "load the rest". */
let selectedLinks: Neighbour[] = [];
let years: number[] = [];
// For the browser tests and for analysts at the console, as before.
Object.assign(window, { cy: graph.cy });

async function fetchNode(id: string) {
  const [links, details] = await Promise.all([request(ExplorerLinksDocument, { id }), request(ExplorerDetailsDocument, { id })]);
  const node = links.node && 'links' in links.node ? links.node : null;
  return { node, details: details.node, links: node?.links ?? [] };
}

type Links = Awaited<ReturnType<typeof fetchNode>>['links'];

function neighbours(links: Links): Neighbour[] {
  return links.map((l) => ({ entity: entityInfo(l.node as EntityKindFields), type: l.type, direction: l.direction }));
}

/** The address of the current view. */
const state = () => ({ node: selected, hideTypes: filters.hideTypes, hideKinds: filters.hideKinds, hideRels: filters.hideRels });

/** Opens an entity: a new history entry (push) when the user picks it, the same one when restoring. */
async function open(id: string, mode: 'push' | 'replace' | 'none'): Promise<void> {
  selected = id;
  if (mode !== 'none') writeState(state(), mode);
  document.body.dataset.state = 'loading';
  showStatus(graphStatus, 'loading');
  try {
    const data = await latest(fetchNode(id));
    if (!data) return;
    if (!data.node || !data.details) {
      fill(panel, h('p', { role: 'alert' }, t('notFound')));
      showStatus(graphStatus, 'idle');
      document.body.dataset.state = 'drawn';
      return;
    }
    const center = entityInfo(data.node);
    const links = neighbours(data.links);
    placeInGraph(center);
    graph.expand(center, links);
    graph.select(id);
    selectedLinks = links;
    renderPanel(panel, data.details, data.links, years);
    renderCoverage();
    renderGraphText(center);
    showStatus(graphStatus, 'idle');
    document.body.dataset.state = 'drawn';
  } catch (error) {
    showStatus(graphStatus, 'error', (error as Error).message);
    document.body.dataset.state = 'error';
  }
}

/**
 * Keeps the exploration when the entity is on the canvas or inside a cluster there; anything else
 * starts a new graph.
 */
function placeInGraph(center: EntityInfo): void {
  if (graph.has(center.id)) return;
  const cluster = graph.cy
    .nodes('[?cluster]')
    .filter((c) => (dataOf(c).members ?? []).some((m) => m.id === center.id))
    .first();
  const around = cluster.nonempty() ? dataOf(cluster).center : undefined;
  if (around) graph.reveal(around, [center]);
  else graph.clear();
}

/** "Showing N of M neighbours" for the selected node, with buttons to load the hidden ones by relationship type. */
function renderCoverage(): void {
  const coverage = $('#coverage');
  const rest = $('#load-rest');
  if (!selected) {
    fill(coverage);
    fill(rest);
    return;
  }
  const present = graph.present();
  const all = distinctNeighbours(selectedLinks);
  coverage.textContent = t('showing', { n: all.filter((e) => present.has(e.id)).length, m: all.length });
  const hidden = hiddenByRelationship(selectedLinks, present);
  const center = selected;
  fill(
    rest,
    hidden.size ? h('span', {}, t('loadRest')) : null,
    ...[...hidden].map(([type, entities]) =>
      h(
        'button',
        {
          type: 'button',
          'data-rel': type,
          onclick: () => {
            graph.reveal(center, entities);
            afterChange();
          },
        },
        `${term(type)} (${entities.length})`,
      ),
    ),
  );
}

/** The canvas's text alternative: a summary and a list of every node drawn, each a link. */
function renderGraphText(center?: EntityInfo): void {
  const nodes = graph.nodes();
  const edges = graph.cy.edges(':visible').length;
  $('#graph-summary').textContent = nodes.length ? t('graphLabel', { name: center?.name ?? '', n: nodes.length, e: edges }) : t('graphEmpty');
  const list = $('#graph-list ul');
  fill(
    list,
    ...nodes.map((n) =>
      h(
        'li',
        {},
        dataOf(n).cluster
          ? h(
              'button',
              {
                type: 'button',
                class: 'link',
                onclick: () => {
                  graph.openCluster(n.id());
                  afterChange();
                },
              },
              `${dataOf(n).name} (${t('expandCluster')})`,
            )
          : h('a', { href: explorerHref(n.id()), 'data-node': n.id() }, `${dataOf(n).name} — ${term(dataOf(n).type)}`),
      ),
    ),
  );
  const shown = graph.shown();
  fill($('#legend'), legend(shown.types, shown.kinds));
}

function afterChange(): void {
  renderCoverage();
  renderGraphText();
}

function setFilters(next: GraphFilters): void {
  filters = next;
  graph.applyFilters(filters);
  writeState(state(), 'replace');
  renderFilters($('#filters'), filters, setFilters);
  renderGraphText();
}

function readFilters(params: URLSearchParams): GraphFilters {
  return { hideTypes: readList(params, 'hideTypes'), hideKinds: readList(params, 'hideKinds'), hideRels: readList(params, 'hideRels') };
}

/** Restores the view the address describes (on load, Back and Forward). */
function restore(): void {
  const params = readState();
  filters = readFilters(params);
  graph.applyFilters(filters);
  renderFilters($('#filters'), filters, setFilters);
  const node = params.get('node');
  if (node && node !== selected) void open(node, 'none');
  else if (node) {
    graph.select(node);
  }
}

// Every entity link on the page opens in place; modified clicks (new tab) keep the browser's behaviour.
document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-node]');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  void open(link.dataset.node!, 'push').then(() => $('#details-title').focus());
});

graph.cy.on('tap', 'node', (event) => {
  const node = event.target as cytoscape.NodeSingular;
  if (dataOf(node).cluster) {
    graph.openCluster(node.id());
    afterChange();
    return;
  }
  void open(node.id(), 'push');
});

$('#fit').addEventListener('click', () => graph.fit());
$('#export-png').addEventListener('click', () =>
  download(graph.png(), `health-graph-${selected?.replace(/[^\p{L}\p{N}]+/gu, '-') ?? 'explorer'}.png`),
);
window.addEventListener('popstate', restore);
mountSearch($<HTMLInputElement>('#search'), $('#results'), $('#search-status'), (id) => void open(id, 'push'));
onLangChange(() => {
  renderFilters($('#filters'), filters, setFilters);
  afterChange();
  if (selected) void open(selected, 'none');
});

void request(ExplorerYearsDocument, {})
  .then((data) => {
    years = data.stats.achievementsByYear.map((y) => y.year);
  })
  .catch(() => undefined)
  .finally(restore);
