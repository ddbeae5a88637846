import cytoscape, { type Core, type EdgeSingular, type ElementDefinition, type NodeSingular, type Position } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { EntityInfo } from '../shared/entity.js';
import { countOf, t, term } from '../shared/i18n.js';
import { colourOf, shapeOf } from '../shared/palette.js';
import { LABEL_FONT, LABEL_FONT_SIZE, placeLabels } from './labels.js';
import { planExpansion, type Neighbour } from './plan.js';

cytoscape.use(fcose);

/** Which elements the filters hide. */
export interface GraphFilters {
  hideTypes: readonly string[];
  hideKinds: readonly string[];
  hideRels: readonly string[];
}

/** Names longer than this are shortened on the canvas (the tooltip and panel show them whole). */
const LABEL_CHARS = 14;
const shorten = (name: string) => (name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1)}…` : name);
/** A one-node graph is not blown up: fitting never zooms in beyond this. */
const MAX_FIT_ZOOM = 1.3;
/** New neighbours go on rings around the expanded node, this far apart. */
const RING_GAP = 75;
const MIN_DISTANCE = 62;

const clusterId = (center: string, type: string) => `cluster:${center}:${type}`;

/** What the graph keeps on an element: an entity or a cluster of them on a node, a relationship on an edge. */
export interface ElementData {
  id: string;
  name: string;
  label: string;
  type: string;
  kind: string;
  cluster?: boolean;
  center?: string;
  members?: EntityInfo[];
}

/** An element's data, typed: Cytoscape keeps it as it was given. */
export const dataOf = (element: cytoscape.NodeSingular | cytoscape.EdgeSingular): ElementData => element.data() as ElementData;

function entityData(entity: EntityInfo) {
  return {
    id: entity.id,
    name: entity.name,
    label: shorten(entity.name),
    type: entity.type,
    kind: entity.kind ?? '',
    colour: colourOf(entity.type, entity.kind),
    shape: shapeOf(entity.type),
  };
}

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)',
      shape: 'data(shape)' as never,
      width: 24,
      height: 24,
      'border-width': 1,
      'border-color': '#fff',
      label: '',
      'font-size': LABEL_FONT_SIZE,
      'font-family': LABEL_FONT,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      color: '#1d2630',
      'text-background-color': '#fff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
    },
  },
  { selector: 'node.labelled, node.hover', style: { label: 'data(label)' } },
  { selector: 'node.hover', style: { 'z-index': 20 } },
  {
    selector: 'node[?cluster]',
    style: {
      width: 40,
      height: 40,
      'border-width': 3,
      'border-style': 'double',
      'border-color': 'data(colour)',
      'background-opacity': 0.35,
      'font-weight': 'bold',
    },
  },
  { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#1d2630' } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f5b700', width: 30, height: 30 } },
  {
    selector: 'edge',
    style: {
      width: 1.4,
      'line-color': '#b5c3d1',
      'target-arrow-color': '#b5c3d1',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      label: '',
      'font-size': 9,
      color: '#33414f',
      'text-background-color': '#fff',
      'text-background-opacity': 0.9,
      'text-rotation': 'autorotate',
    },
  },
  { selector: 'edge[?cluster]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none' } },
  {
    selector: 'edge.hover, edge:selected',
    style: { label: 'data(label)', width: 2.5, 'line-color': '#1f5fa8', 'target-arrow-color': '#1f5fa8', 'z-index': 30 },
  },
  { selector: '.filtered', style: { display: 'none' } },
];

/** The Cytoscape canvas: drawing, incremental expansion, clusters, filters, labels and export. */
export class GraphView {
  readonly cy: Core;
  /** Each expanded node's relationships, to draw the edges of neighbours added later. */
  private readonly links = new Map<string, Neighbour[]>();
  private filters: GraphFilters = { hideTypes: [], hideKinds: [], hideRels: [] };
  private labelFrame = 0;

  constructor(
    container: HTMLElement,
    private readonly tooltip: HTMLElement,
  ) {
    // No wheelSensitivity: Cytoscape warns that a custom one breaks zooming on some devices.
    this.cy = cytoscape({ container, style: STYLE, minZoom: 0.2, maxZoom: 4, selectionType: 'single' });
    this.cy.on('viewport', () => this.scheduleLabels());
    this.cy.on('mouseover', 'node, edge', (event) => this.hover(event.target as cytoscape.NodeSingular, true));
    this.cy.on('mouseout', 'node, edge', (event) => this.hover(event.target as cytoscape.NodeSingular, false));
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  /** Ids of the entities drawn (clusters aside). */
  present(): Set<string> {
    return new Set(this.cy.nodes('[!cluster]').map((n) => n.id()));
  }

  clear(): void {
    this.cy.elements().remove();
    this.links.clear();
  }

  /**
   * Draws a node's neighbourhood. On an empty canvas the whole graph is laid out once; afterwards
   * existing nodes stay where they are and new ones are placed on rings around the expanded node.
   */
  expand(center: EntityInfo, links: Neighbour[]): void {
    const first = this.cy.nodes().empty();
    if (!this.has(center.id)) this.cy.add({ group: 'nodes', data: entityData(center), position: { x: 0, y: 0 } });
    this.links.set(center.id, links);
    const plan = planExpansion(links, this.present());
    const added = this.addEntities(center.id, plan.add);
    for (const cluster of plan.clusters) {
      const id = clusterId(center.id, cluster.type);
      const existing = this.cy.getElementById(id);
      const data = {
        id,
        cluster: true,
        center: center.id,
        type: cluster.type,
        members: cluster.members,
        name: countOf(cluster.members.length, cluster.type),
        label: countOf(cluster.members.length, cluster.type),
        colour: colourOf(cluster.type),
        shape: shapeOf(cluster.type),
        kind: '',
      };
      if (existing.nonempty()) existing.data(data);
      else {
        added.push(this.cy.add({ group: 'nodes', data }).id());
        const rels = [...new Set(links.filter((l) => cluster.members.some((m) => m.id === l.entity.id)).map((l) => term(l.type)))];
        this.cy.add({
          group: 'edges',
          data: { id: `edge:${id}`, source: center.id, target: id, cluster: true, type: 'CLUSTER', label: rels.join(' / ') },
        });
      }
    }
    this.cy.getElementById(center.id).addClass('expanded');
    this.pruneClusters();
    this.syncEdges();
    this.applyFilters(this.filters);
    if (first) this.layoutAll();
    else this.placeAround(center.id, added);
  }

  /** Draws some hidden neighbours of an expanded node (a cluster opened, or "load the rest"). */
  reveal(centerId: string, entities: EntityInfo[]): void {
    const added = this.addEntities(centerId, entities);
    this.pruneClusters();
    this.syncEdges();
    this.applyFilters(this.filters);
    this.placeAround(centerId, added);
  }

  /** Takes entities now drawn on their own out of every cluster; an emptied cluster goes. */
  private pruneClusters(): void {
    const present = this.present();
    this.cy.nodes('[?cluster]').forEach((cluster) => {
      const all = dataOf(cluster).members ?? [];
      const members = all.filter((m) => !present.has(m.id));
      if (!members.length) cluster.remove();
      else if (members.length !== all.length)
        cluster.data({ members, name: countOf(members.length, dataOf(cluster).type), label: countOf(members.length, dataOf(cluster).type) });
    });
  }

  /** Opens a cluster node: its members take its place. */
  openCluster(id: string): void {
    const cluster = this.cy.getElementById(id);
    const { center, members } = cluster.empty() ? {} : dataOf(cluster);
    if (center && members) this.reveal(center, members);
  }

  private addEntities(centerId: string, entities: EntityInfo[]): string[] {
    const at = this.cy.getElementById(centerId).position();
    const fresh = entities.filter((e) => !this.has(e.id));
    this.cy.add(fresh.map((e): ElementDefinition => ({ group: 'nodes', data: entityData(e), position: { ...at } })));
    return fresh.map((e) => e.id);
  }

  /** Adds the edges of every stored relationship whose two ends are drawn. */
  private syncEdges(): void {
    const edges: ElementDefinition[] = [];
    for (const [from, links] of this.links) {
      for (const link of links) {
        if (!this.has(link.entity.id)) continue;
        const [source, target] = link.direction === 'OUT' ? [from, link.entity.id] : [link.entity.id, from];
        const id = `${link.type}|${source}|${target}`;
        if (!this.has(id) && !edges.some((e) => e.data.id === id))
          edges.push({ group: 'edges', data: { id, source, target, type: link.type, label: term(link.type) } });
      }
    }
    this.cy.add(edges);
  }

  private layoutAll(): void {
    const layout = this.cy.layout({
      name: 'fcose',
      quality: 'default',
      randomize: true,
      animate: false,
      fit: false,
      nodeRepulsion: () => 9000,
      idealEdgeLength: () => 110,
      nodeSeparation: 90,
    } as cytoscape.LayoutOptions);
    layout.run();
    this.fit();
  }

  /**
   * Puts new nodes on rings around their expanded node, facing away from the rest of the graph, in
   * free spots only: nothing already drawn moves, and no layout of the whole graph runs.
   */
  private placeAround(centerId: string, ids: string[]): void {
    if (!ids.length) return this.scheduleLabels();
    const center = this.cy.getElementById(centerId).position();
    const others = this.cy
      .nodes()
      .filter((n) => !ids.includes(n.id()))
      .toArray() as NodeSingular[];
    const centroid =
      others.length > 1
        ? others.reduce((sum, n) => ({ x: sum.x + n.position('x') / others.length, y: sum.y + n.position('y') / others.length }), { x: 0, y: 0 })
        : { x: center.x - 1, y: center.y };
    const away = Math.atan2(center.y - centroid.y, center.x - centroid.x);
    const taken: Position[] = others.map((n) => ({ ...n.position() }));
    const free = (p: Position) => taken.every((q) => Math.hypot(p.x - q.x, p.y - q.y) >= MIN_DISTANCE);
    let placed = 0;
    for (let ring = 1; placed < ids.length && ring < 40; ring++) {
      const radius = ring * RING_GAP + 40;
      const slots = Math.floor((2 * Math.PI * radius) / MIN_DISTANCE);
      // Slots alternate either side of the direction away from the graph, so new nodes fan outwards.
      for (let k = 0; k < slots && placed < ids.length; k++) {
        const offset = (k % 2 ? -1 : 1) * Math.ceil(k / 2) * ((2 * Math.PI) / slots);
        const p = { x: center.x + radius * Math.cos(away + offset), y: center.y + radius * Math.sin(away + offset) };
        if (!free(p)) continue;
        this.cy.getElementById(ids[placed++]!).position(p);
        taken.push(p);
      }
    }
    const fresh = this.cy.nodes().filter((n) => ids.includes(n.id()));
    // Bring the new nodes into view: centre them with their expanded node, zooming out if they do not
    // fit, never in (a single revealed node must not fill the screen).
    if (this.offscreen(fresh)) {
      const eles = this.cy.getElementById(centerId).union(fresh);
      const box = eles.boundingBox();
      this.cy.zoom(Math.min(this.cy.zoom(), MAX_FIT_ZOOM, this.cy.width() / (box.w + 80), this.cy.height() / (box.h + 80)));
      this.cy.center(eles);
    }
    this.scheduleLabels();
  }

  private offscreen(eles: cytoscape.NodeCollection): boolean {
    const box = eles.renderedBoundingBox();
    return box.x1 < 0 || box.y1 < 0 || box.x2 > this.cy.width() || box.y2 > this.cy.height();
  }

  /** Fits the graph in view, never zooming in beyond a readable scale. */
  fit(): void {
    this.cy.fit(this.cy.elements(':visible'), 40);
    this.capZoom();
    this.scheduleLabels();
  }

  private capZoom(): void {
    if (this.cy.zoom() > MAX_FIT_ZOOM) {
      this.cy.zoom(MAX_FIT_ZOOM);
      this.cy.center(this.cy.elements(':visible'));
    }
  }

  select(id: string): void {
    this.cy.$(':selected').unselect();
    this.cy.getElementById(id).select();
    this.scheduleLabels();
  }

  /** Hides nodes of the filtered types and kinds, edges of the filtered relationship types. */
  applyFilters(filters: GraphFilters): void {
    this.filters = filters;
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        const hidden =
          filters.hideTypes.includes(dataOf(n).type) || (dataOf(n).type === 'ORGANIZATION' && filters.hideKinds.includes(dataOf(n).kind));
        n.toggleClass('filtered', hidden);
      });
      this.cy.edges().forEach((e) => {
        e.toggleClass('filtered', filters.hideRels.includes(dataOf(e).type));
      });
    });
    this.scheduleLabels();
  }

  /** Entity types and organization kinds on the canvas, for the legend. */
  shown(): { types: string[]; kinds: string[] } {
    const nodes = this.cy.nodes();
    return {
      types: [...new Set(nodes.map((n) => String(dataOf(n).type)))],
      kinds: [...new Set(nodes.filter((n) => dataOf(n).type === 'ORGANIZATION' && !dataOf(n).cluster).map((n) => String(dataOf(n).kind)))],
    };
  }

  /** Labels are placed once per frame at most, after zooming, panning or drawing. */
  scheduleLabels(): void {
    cancelAnimationFrame(this.labelFrame);
    this.labelFrame = requestAnimationFrame(() => placeLabels(this.cy));
  }

  private hover(target: NodeSingular | EdgeSingular, on: boolean): void {
    target.toggleClass('hover', on);
    if (!on) {
      this.tooltip.hidden = true;
      return;
    }
    let at: Position;
    let text: string;
    if (target.isNode()) {
      const node = target;
      at = node.renderedPosition();
      text = dataOf(node).cluster
        ? `${dataOf(node).name} · ${t('expandCluster')}`
        : `${dataOf(node).name} — ${term(dataOf(node).type)}${dataOf(node).kind ? ` · ${term(dataOf(node).kind)}` : ''}`;
    } else {
      const edge = target;
      at = edge.renderedMidpoint();
      text = `${edge.source().data('name')} → ${dataOf(edge).label} → ${edge.target().data('name')}`;
    }
    this.tooltip.textContent = text;
    this.tooltip.hidden = false;
    this.tooltip.style.left = `${Math.min(at.x + 14, this.cy.width() - 220)}px`;
    this.tooltip.style.top = `${at.y + 14}px`;
  }

  /** The whole graph as a PNG, at twice the screen's resolution. */
  png(): Blob {
    return this.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
  }

  /** The nodes drawn, for the list that is the canvas's text alternative. */
  nodes(): NodeSingular[] {
    return this.cy.nodes(':visible').toArray();
  }
}
