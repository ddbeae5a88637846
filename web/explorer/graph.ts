import cytoscape, { type Core, type EdgeSingular, type ElementDefinition, type NodeCollection, type NodeSingular, type Position } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { countOf, term } from '../shared/i18n.js';
import { colourOf, shapeOf } from '../shared/palette.js';
import { bothNames, nameOf, type Entity } from './entities.js';
import { labelTexts, placeLabels } from './labels.js';
import type { CanvasModel, ModelCluster } from './model.js';
import { CLUSTER_SIZE, NODE_SIZE, SIZE_RANGE, STYLE } from './style.js';
import { say, WORDS } from './words.js';

cytoscape.use(fcose);

/** Which elements the filters hide: entity types, organization kinds, relationship types, and achievements outside some years. */
export interface GraphFilters {
  hideTypes: readonly string[];
  hideKinds: readonly string[];
  hideRels: readonly string[];
  years?: readonly [number, number] | undefined;
}

/** A one-node graph is not blown up: fitting never zooms in beyond this. */
const MAX_FIT_ZOOM = 1.6;
/** Fitting the new nodes together with what was in view never zooms out below this: the context would be unreadable. */
const MIN_CONTEXT_ZOOM = 0.55;
/** New neighbours go on rings around the node that brought them, this far apart. */
const RING_GAP = 90;
const MIN_DISTANCE = 72;
/** Path nodes are drawn on a line, this far apart, when a path opens an empty canvas. */
const PATH_STEP = 170;
const ANIMATION_MS = 350;
/** Pixels left around a fitted drawing, across and down (less on a small canvas): labels reach beyond their nodes, most of all sideways. */
const FIT_MARGIN = [160, 90] as const;

/** What the canvas keeps on an element: an entity or a cluster of them on a node, a relationship on an edge. */
export interface ElementData {
  id: string;
  name: string;
  type: string;
  kind: string;
  entity?: Entity;
  cluster?: boolean;
  center?: string;
  members?: Entity[];
  degree?: number;
  source?: string;
  target?: string;
}

/** An element's data, typed: Cytoscape keeps it as it was given. */
export const dataOf = (element: NodeSingular | EdgeSingular): ElementData => element.data() as ElementData;

/** Does an achievement's period meet the years? One without a period does not. */
const inYears = (entity: Entity | undefined, years: readonly [number, number]): boolean =>
  !!entity?.period && entity.period.start <= years[1] && entity.period.end >= years[0];

function entityData(entity: Entity) {
  const name = nameOf(entity);
  return {
    id: entity.id,
    entity,
    name,
    ...labelTexts(name),
    type: entity.type,
    kind: entity.kind ?? '',
    colour: colourOf(entity.type, entity.kind),
    shape: shapeOf(entity.type),
  };
}

function clusterData(cluster: ModelCluster, shown: number) {
  const name = countOf(shown, cluster.type);
  return {
    id: cluster.id,
    cluster: true,
    center: cluster.center,
    type: cluster.type,
    members: cluster.members,
    name,
    label: name,
    short: name,
    kind: '',
    colour: colourOf(cluster.type),
    shape: shapeOf(cluster.type),
    size: CLUSTER_SIZE,
  };
}

/** The Cytoscape canvas: drawing a model without moving what is there, clusters, filters, labels, sizes, tooltip. */
export class GraphView {
  readonly cy: Core;
  private filters: GraphFilters = { hideTypes: [], hideKinds: [], hideRels: [] };
  private sizes: ReadonlyMap<string, number> | undefined;
  /** Nodes that always carry a label: selected, searched, path ends. */
  private always: ReadonlySet<string> = new Set();
  private labelFrame = 0;

  constructor(
    container: HTMLElement,
    private readonly tooltip: HTMLElement,
  ) {
    // No wheelSensitivity: Cytoscape warns that a custom one breaks zooming on some devices.
    this.cy = cytoscape({ container, style: STYLE, minZoom: 0.15, maxZoom: 4, selectionType: 'single', boxSelectionEnabled: true });
    this.cy.on('viewport', () => {
      this.hideTooltip();
      this.scheduleLabels();
    });
    this.cy.on('mouseover', 'node, edge', (event) => this.hover(event.target as NodeSingular | EdgeSingular, true));
    this.cy.on('mouseout', 'node, edge', (event) => this.hover(event.target as NodeSingular | EdgeSingular, false));
    this.cy.on('tapstart cxttapstart remove', () => this.hideTooltip());
    // The toolbar's rows come and go above the canvas: Cytoscape learns its new size and place, or
    // clicks land beside the nodes.
    new ResizeObserver(() => {
      this.cy.resize();
      this.scheduleLabels();
    }).observe(container);
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  /**
   * Draws a model: elements no longer in it go, new ones come, those already drawn stay where they are.
   * An empty canvas is laid out whole (a path on a line); later nodes go on rings around the node that
   * brought them. Answers the nodes added and their origins, to bring them into view.
   */
  sync(model: CanvasModel): { added: string[]; around: string[] } {
    this.hideTooltip();
    const first = this.cy.nodes().empty();
    const wanted = new Set([
      ...model.nodes.keys(),
      ...model.clusters.map((c) => c.id),
      ...model.edges.keys(),
      ...model.clusters.map((c) => `edge:${c.id}`),
    ]);
    this.cy
      .elements()
      .filter((e) => !wanted.has(e.id()))
      .remove();

    const added: string[] = [];
    const origins = new Map<string, string | undefined>();
    const fresh: ElementDefinition[] = [];
    for (const [id, node] of model.nodes) {
      const existing = this.cy.getElementById(id);
      const data = { ...entityData(node.entity), size: this.sizeOf(id) };
      if (existing.nonempty()) existing.data(data);
      else {
        fresh.push({ group: 'nodes', data, position: this.originPosition(node.origin) });
        added.push(id);
        origins.set(id, node.origin);
      }
    }
    for (const cluster of model.clusters) {
      const data = clusterData(cluster, this.shownMembers(cluster.members));
      const existing = this.cy.getElementById(cluster.id);
      if (existing.nonempty()) existing.data(data);
      else {
        fresh.push({ group: 'nodes', data, position: this.originPosition(cluster.center) });
        added.push(cluster.id);
        origins.set(cluster.id, cluster.center);
      }
    }
    this.cy.add(fresh);
    this.cy.add(
      [...model.edges.values()]
        .filter((e) => !this.has(e.id))
        .map((e): ElementDefinition => ({
          group: 'edges',
          data: { id: e.id, source: e.source, target: e.target, type: e.type, label: term(e.type) },
        })),
    );
    this.cy.add(
      model.clusters
        .filter((c) => !this.has(`edge:${c.id}`))
        .map((c): ElementDefinition => ({
          group: 'edges',
          data: { id: `edge:${c.id}`, source: c.center, target: c.id, cluster: true, type: 'CLUSTER', label: '' },
        })),
    );
    this.cy.batch(() => {
      for (const [id, node] of model.nodes) {
        const el = this.cy.getElementById(id);
        el.toggleClass('expanded', node.expanded);
        el.toggleClass('on-path', node.onPath);
      }
      for (const edge of model.edges.values()) this.cy.getElementById(edge.id).toggleClass('on-path', edge.onPath);
    });
    this.applyFilters(this.filters);

    if (first && added.length) this.layoutAll(model);
    else this.place(added, origins);
    return { added, around: [...new Set([...origins.values()].filter((o): o is string => !!o && this.has(o)))] };
  }

  /** A new node starts where the node that brought it is (so the ring placement finds it), else at the origin. */
  private originPosition(origin: string | undefined): Position {
    const from = origin ? this.cy.getElementById(origin) : undefined;
    return from?.nonempty() ? { ...from.position() } : { x: 0, y: 0 };
  }

  /** Lays the whole canvas out once: a path runs left to right, the rest settles around it. */
  private layoutAll(model: CanvasModel): void {
    const path = [...model.nodes.values()].filter((n) => n.onPath);
    const order = this.pathOrder(model);
    const fixed = order.map((id, i) => ({ nodeId: id, position: { x: i * PATH_STEP, y: 0 } }));
    if (this.cy.nodes().length > 1) {
      this.cy
        .layout({
          name: 'fcose',
          quality: 'default',
          randomize: true,
          animate: false,
          fit: false,
          nodeRepulsion: () => 12000,
          idealEdgeLength: () => 130,
          nodeSeparation: 110,
          ...(path.length ? { fixedNodeConstraint: fixed } : {}),
        } as cytoscape.LayoutOptions)
        .run();
    }
    void this.fit(false);
  }

  /** The path's nodes from one end to the other, following its edges. */
  private pathOrder(model: CanvasModel): string[] {
    const edges = [...model.edges.values()].filter((e) => e.onPath);
    const ends = [...model.nodes.values()].filter((n) => n.onPath).map((n) => n.entity.id);
    const degree = (id: string) => edges.filter((e) => e.source === id || e.target === id).length;
    const start = ends.find((id) => degree(id) <= 1);
    const order: string[] = [];
    for (let at = start; at && !order.includes(at);) {
      order.push(at);
      const next = edges.find((e) => (e.source === at || e.target === at) && !order.includes(e.source === at ? e.target : e.source));
      at = next ? (next.source === at ? next.target : next.source) : undefined;
    }
    return order;
  }

  /**
   * Places new nodes: each around the node that brought it (rings, facing away from the rest of the
   * graph); one with no origin on the canvas (a second entity searched) beside the drawing.
   */
  private place(ids: string[], origins: Map<string, string | undefined>): void {
    const pending = new Set(ids);
    while (pending.size) {
      const byOrigin = new Map<string, string[]>();
      for (const id of pending) {
        const origin = origins.get(id);
        if (origin && this.has(origin) && !pending.has(origin)) byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), id]);
      }
      if (!byOrigin.size) {
        const [id] = pending;
        this.placeBeside(id!, pending);
        pending.delete(id!);
        continue;
      }
      for (const [origin, group] of byOrigin) {
        this.placeAround(origin, group);
        group.forEach((id) => pending.delete(id));
      }
    }
    this.scheduleLabels();
  }

  /** Beside the drawing on the side where the canvas has room: right of a drawing narrower than the canvas, else below. */
  private placeBeside(id: string, pending: ReadonlySet<string>): void {
    const others = this.cy.nodes().filter((n) => !pending.has(n.id()));
    if (others.empty()) return void this.cy.getElementById(id).position({ x: 0, y: 0 });
    const box = others.boundingBox();
    const gap = RING_GAP * 3;
    const right = box.w / Math.max(box.h, 1) < this.cy.width() / Math.max(this.cy.height(), 1);
    this.cy.getElementById(id).position(right ? { x: box.x2 + gap, y: (box.y1 + box.y2) / 2 } : { x: (box.x1 + box.x2) / 2, y: box.y2 + gap });
  }

  /** Rings around a node, free spots only, alternating either side of the direction away from the graph. */
  private placeAround(centerId: string, ids: string[]): void {
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
      const radius = ring * RING_GAP + 50;
      const slots = Math.floor((2 * Math.PI * radius) / MIN_DISTANCE);
      for (let k = 0; k < slots && placed < ids.length; k++) {
        const offset = (k % 2 ? -1 : 1) * Math.ceil(k / 2) * ((2 * Math.PI) / slots);
        const p = { x: center.x + radius * Math.cos(away + offset), y: center.y + radius * Math.sin(away + offset) };
        if (!free(p)) continue;
        this.cy.getElementById(ids[placed++]!).position(p);
        taken.push(p);
      }
    }
  }

  /**
   * Brings what changed into view, animated: the new nodes with the nodes that brought them and what
   * was in view before, when that stays readable; else the new nodes and their origins alone.
   */
  async reveal(added: readonly string[], around: readonly string[]): Promise<void> {
    const fresh = this.cy.nodes(':visible').filter((n) => added.includes(n.id()));
    if (fresh.empty() || !this.offscreen(fresh)) return;
    const ext = this.cy.extent();
    const inView = this.cy.nodes(':visible').filter((n) => {
      const p = n.position();
      return !added.includes(n.id()) && p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
    });
    const core = fresh.union(this.cy.nodes().filter((n) => around.includes(n.id())));
    const context = core.union(inView);
    await this.animateTo(this.zoomToFit(context) >= MIN_CONTEXT_ZOOM ? context : core);
  }

  /** The zoom that shows these nodes whole, with room at the sides for the labels of the outermost ones. */
  private zoomToFit(eles: NodeCollection): number {
    const box = eles.boundingBox();
    const [width, height] = [this.cy.width(), this.cy.height()];
    const [across, down] = [Math.min(FIT_MARGIN[0], width / 5), Math.min(FIT_MARGIN[1], height / 6)];
    return Math.min(MAX_FIT_ZOOM, (width - across) / Math.max(box.w, 1), (height - down) / Math.max(box.h, 1));
  }

  private async animateTo(eles: NodeCollection): Promise<void> {
    const zoom = Math.max(this.cy.minZoom(), this.zoomToFit(eles));
    const box = eles.boundingBox();
    const pan = { x: this.cy.width() / 2 - zoom * (box.x1 + box.w / 2), y: this.cy.height() / 2 - zoom * (box.y1 + box.h / 2) };
    await this.cy.animation({ zoom, pan, duration: ANIMATION_MS, easing: 'ease-in-out-cubic' }).play().promise();
    this.scheduleLabels();
  }

  private offscreen(eles: NodeCollection): boolean {
    const box = eles.renderedBoundingBox();
    return box.x1 < 0 || box.y1 < 0 || box.x2 > this.cy.width() || box.y2 > this.cy.height();
  }

  /** Fits the graph in view (animated when asked), never zooming in beyond a readable scale. */
  fit(animated = true): Promise<void> {
    const visible = this.cy.nodes(':visible');
    if (visible.empty()) return Promise.resolve();
    if (animated) return this.animateTo(visible);
    this.cy.zoom(this.zoomToFit(visible));
    this.cy.center(visible);
    this.scheduleLabels();
    return Promise.resolve();
  }

  /** Selects exactly these elements; they, the searched ones and the path ends always carry a label. */
  mark(selected: readonly string[], always: ReadonlySet<string>, avoided: ReadonlySet<string>): void {
    this.always = new Set([...always, ...selected]);
    this.cy.batch(() => {
      this.cy.$(':selected').unselect();
      for (const id of selected) this.cy.getElementById(id).select();
      this.cy.nodes().forEach((n) => {
        n.toggleClass('avoided', avoided.has(n.id()));
      });
    });
    this.scheduleLabels();
  }

  /** Members of a cluster the filters leave visible. */
  private shownMembers(members: readonly Entity[]): number {
    return members.filter((m) => !this.filteredOut(m)).length;
  }

  private filteredOut(entity: Entity): boolean {
    const { hideTypes, hideKinds, years } = this.filters;
    return (
      hideTypes.includes(entity.type) ||
      (entity.type === 'ORGANIZATION' && hideKinds.includes(entity.kind ?? '')) ||
      (entity.type === 'ACHIEVEMENT' && !!years && !inYears(entity, years))
    );
  }

  /**
   * Hides nodes of the filtered types and kinds, achievements outside the years (marking those whose
   * years come from their report), edges of the filtered relationship types; clusters count what shows.
   */
  applyFilters(filters: GraphFilters): void {
    this.filters = filters;
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        const data = dataOf(n);
        if (data.cluster) {
          const shown = this.shownMembers(data.members ?? []);
          n.data({ name: countOf(shown, data.type), label: countOf(shown, data.type), short: countOf(shown, data.type) });
          n.toggleClass('filtered', !shown || filters.hideTypes.includes(data.type));
          return;
        }
        n.toggleClass('filtered', !!data.entity && this.filteredOut(data.entity));
        n.toggleClass('inferred', !!filters.years && data.entity?.period?.basis === 'FROM_REPORT');
      });
      this.cy.edges().forEach((e) => {
        e.toggleClass('filtered', filters.hideRels.includes(dataOf(e).type));
      });
    });
    this.scheduleLabels();
  }

  /** Node sizes by a count (links or achievements), or all alike. */
  setSizes(counts: ReadonlyMap<string, number> | undefined): void {
    this.sizes = counts;
    this.cy.batch(() => {
      this.cy.nodes('[!cluster]').forEach((n) => {
        n.data({ size: this.sizeOf(n.id()), degree: counts?.get(n.id()) });
      });
    });
    this.scheduleLabels();
  }

  /** A node's size: by the square root of its count, so areas compare as counts do. */
  private sizeOf(id: string): number {
    if (!this.sizes) return NODE_SIZE;
    return sizeFor(this.sizes.get(id) ?? 0, Math.max(1, ...this.sizes.values()));
  }

  /** Names in the interface's language, after a switch. */
  relabel(): void {
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        const data = dataOf(n);
        if (data.entity) n.data(entityData(data.entity));
        else if (data.cluster) n.data('name', countOf(this.shownMembers(data.members ?? []), data.type));
      });
      this.cy.edges('[!cluster]').forEach((e) => {
        e.data('label', term(dataOf(e).type));
      });
    });
    this.applyFilters(this.filters);
  }

  /** Entity types and organization kinds on the canvas, for the legend. */
  shown(): { types: string[]; kinds: string[] } {
    const nodes = this.cy.nodes();
    return {
      types: [...new Set(nodes.map((n) => dataOf(n).type))],
      kinds: [...new Set(nodes.filter((n) => dataOf(n).type === 'ORGANIZATION' && !dataOf(n).cluster).map((n) => dataOf(n).kind))],
    };
  }

  /** Labels are placed once per frame at most, after zooming, panning or drawing. */
  scheduleLabels(): void {
    cancelAnimationFrame(this.labelFrame);
    this.labelFrame = requestAnimationFrame(() => placeLabels(this.cy, this.always));
  }

  hideTooltip(): void {
    this.tooltip.hidden = true;
    this.cy.elements('.hover').removeClass('hover');
  }

  private hover(target: NodeSingular | EdgeSingular, on: boolean): void {
    if (!on) return this.hideTooltip();
    target.addClass('hover');
    const data = dataOf(target);
    let at: Position;
    let text: string;
    if (target.isNode()) {
      at = target.renderedPosition();
      if (data.cluster) text = `${data.name} · ${say(WORDS.clickToOpen)}`;
      else {
        const entity = data.entity!;
        const period = entity.period
          ? ` · ${entity.period.start === entity.period.end ? entity.period.start : `${entity.period.start}–${entity.period.end}`}`
          : '';
        text = `${bothNames(entity)} — ${term(entity.type)}${entity.kind ? ` · ${term(entity.kind)}` : ''}${period}`;
      }
    } else {
      at = target.renderedMidpoint();
      const name = (id: string) => {
        const entity = dataOf(this.cy.getElementById(id)).entity;
        return entity ? nameOf(entity) : id;
      };
      text = `${name(target.source().id())} → ${term(data.type)} → ${name(target.target().id())}`;
    }
    this.tooltip.textContent = text;
    this.tooltip.hidden = false;
    this.tooltip.style.left = `${Math.max(0, Math.min(at.x + 14, this.cy.width() - 250))}px`;
    this.tooltip.style.top = `${at.y + 14}px`;
  }

  /** The whole graph as a PNG, at twice the screen's resolution. */
  png(): Blob {
    return this.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
  }

  /** The nodes drawn and shown. */
  nodes(): NodeSingular[] {
    return this.cy.nodes(':visible').toArray();
  }
}

/** The size of a node with a count, against the largest count drawn. */
export const sizeFor = (count: number, max: number): number => SIZE_RANGE[0] + (SIZE_RANGE[1] - SIZE_RANGE[0]) * Math.sqrt(count / max);
