/**
 * The canvas as files: an SVG drawn from the nodes' positions and computed styles (the SVG plugin on
 * npm is GPL-licensed, and this needs no canvas emulation), and its nodes and links as CSV in both
 * languages.
 */
import type { Core, EdgeSingular, NodeSingular, Position } from 'cytoscape';
import { BOM, csvRow } from '../dashboard/csv.js';
import { term } from '../shared/i18n.js';
import { dataOf } from './graph.js';
import type { CanvasModel } from './model.js';
import { LABEL_FONT } from './style.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (value: number) => Number(value.toFixed(2));
/** A computed style's number (Cytoscape answers `12px`, `2`). */
const px = (value: unknown) => parseFloat(String(value)) || 0;

/** Cytoscape's node shapes as polygons in a unit square (-1…1), as its renderer draws them. */
const POLYGONS: Record<string, Array<[number, number]>> = {
  triangle: [
    [0, -1],
    [1, 1],
    [-1, 1],
  ],
  diamond: [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  hexagon: [
    [-0.5, -0.85],
    [0.5, -0.85],
    [1, 0],
    [0.5, 0.85],
    [-0.5, 0.85],
    [-1, 0],
  ],
  tag: [
    [-1, -1],
    [0.5, -1],
    [1, 0],
    [0.5, 1],
    [-1, 1],
  ],
  star: Array.from({ length: 10 }, (_, i): [number, number] => {
    const r = i % 2 ? 0.4 : 1;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [r * Math.cos(a), r * Math.sin(a)];
  }),
};

function nodeShape(node: NodeSingular): string {
  const { x, y } = node.position();
  const w = node.width() / 2;
  const h = node.height() / 2;
  const dashed = node.style('border-style') === 'dashed' ? ' stroke-dasharray="4 3"' : '';
  const paint = `fill="${escape(String(node.style('background-color')))}" fill-opacity="${String(node.style('background-opacity'))}" stroke="${escape(String(node.style('border-color')))}" stroke-width="${px(String(node.style('border-width')))}"${dashed}`;
  const shape = String(node.style('shape'));
  if (shape === 'ellipse') return `<ellipse cx="${num(x)}" cy="${num(y)}" rx="${num(w)}" ry="${num(h)}" ${paint}/>`;
  if (shape === 'rectangle' || shape === 'round-rectangle')
    return `<rect x="${num(x - w)}" y="${num(y - h)}" width="${num(2 * w)}" height="${num(2 * h)}"${shape === 'round-rectangle' ? ` rx="${num(Math.min(w, h) / 2)}"` : ''} ${paint}/>`;
  const points = (POLYGONS[shape] ?? POLYGONS.diamond!).map(([px, py]) => `${num(x + px * w)},${num(y + py * h)}`).join(' ');
  return `<polygon points="${points}" ${paint}/>`;
}

/** A label with a white halo, placed as the style places it (side and margins). */
function labelText(text: string, at: Position, anchor: 'start' | 'middle' | 'end', size: number, colour: string, weight = 'normal'): string {
  return `<text x="${num(at.x)}" y="${num(at.y)}" text-anchor="${anchor}" dominant-baseline="central" font-size="${num(size)}" font-weight="${weight}" fill="${escape(colour)}" stroke="#fff" stroke-width="${num(size / 4)}" paint-order="stroke">${escape(text)}</text>`;
}

function nodeLabel(node: NodeSingular): string {
  const text = String(node.style('label') ?? '');
  if (!text) return '';
  const { x, y } = node.position();
  const size = px(node.style('font-size'));
  const halign = String(node.style('text-halign'));
  const valign = String(node.style('text-valign'));
  const mx = px(node.style('text-margin-x'));
  const my = px(node.style('text-margin-y'));
  const w = node.outerWidth() / 2;
  const h = node.outerHeight() / 2;
  const at =
    halign === 'right'
      ? { x: x + w + mx, y: y + my }
      : halign === 'left'
        ? { x: x - w + mx, y: y + my }
        : { x: x + mx, y: valign === 'top' ? y - h + my - size * 0.65 : valign === 'bottom' ? y + h + my + size * 0.65 : y + my };
  const anchor = halign === 'right' ? 'start' : halign === 'left' ? 'end' : 'middle';
  return labelText(text, at, anchor, size, String(node.style('color')), String(node.style('font-weight')));
}

function edgePath(edge: EdgeSingular): string {
  const s = edge.sourceEndpoint();
  const t = edge.targetEndpoint();
  const controls = edge.controlPoints() ?? [];
  const colour = escape(String(edge.style('line-color')));
  const width = px(edge.style('width'));
  const d =
    controls.length === 1
      ? `M${num(s.x)},${num(s.y)} Q${num(controls[0]!.x)},${num(controls[0]!.y)} ${num(t.x)},${num(t.y)}`
      : `M${num(s.x)},${num(s.y)} L${num(t.x)},${num(t.y)}`;
  const dashed = edge.style('line-style') === 'dashed' ? ' stroke-dasharray="6 4"' : '';
  let out = `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${num(width)}"${dashed}/>`;
  if (edge.style('target-arrow-shape') !== 'none') {
    const from = controls.at(-1) ?? s;
    const angle = Math.atan2(t.y - from.y, t.x - from.x);
    const size = Math.max(6, width * 3);
    const corner = (turn: number) => `${num(t.x - size * Math.cos(angle + turn))},${num(t.y - size * Math.sin(angle + turn))}`;
    out += `<polygon points="${num(t.x)},${num(t.y)} ${corner(0.45)} ${corner(-0.45)}" fill="${colour}"/>`;
  }
  const label = String(edge.style('label') ?? '');
  if (label) out += labelText(label, edge.midpoint(), 'middle', px(edge.style('font-size')), String(edge.style('color')));
  return out;
}

/** The visible graph as a standalone SVG document, each node titled with its full name. */
export function graphSvg(cy: Core, title: string): string {
  const shown = cy.elements(':visible');
  const box = shown.boundingBox({ includeLabels: true });
  const pad = 20;
  const [x, y, w, h] = [box.x1 - pad, box.y1 - pad, box.w + 2 * pad, box.h + 2 * pad].map(num) as [number, number, number, number];
  const edges = cy
    .edges(':visible')
    .map((e) => `<g class="edge" data-id="${escape(e.id())}">${edgePath(e)}</g>`)
    .join('\n');
  const nodes = cy
    .nodes(':visible')
    .map((n) => `<g class="node" data-id="${escape(n.id())}"><title>${escape(dataOf(n).name)}</title>${nodeShape(n)}${nodeLabel(n)}</g>`)
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${w} ${h}" width="${w}" height="${h}" font-family="${escape(LABEL_FONT)}">`,
    `<title>${escape(title)}</title>`,
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#fff"/>`,
    edges,
    nodes,
    '</svg>',
    '',
  ].join('\n');
}

/** An enum value as written and in both languages. */
const inBoth = (value: string | undefined) => (value ? [value, term(value, 'zh'), term(value, 'en')] : ['', '', '']);
/** An entity's id and names. */
const named = (entity: { id: string; name: string; nameEn: string }) => [entity.id, entity.name, entity.nameEn];

/** The drawn entities (clusters aside), one row each, with their names and types in both languages. */
export function nodesCsv(cy: Core, model: CanvasModel): string {
  const rows = cy
    .nodes(':visible')
    .filter((n) => !dataOf(n).cluster)
    .map((n: NodeSingular) => {
      const node = model.nodes.get(n.id())!;
      const e = node.entity;
      return csvRow([
        ...named(e),
        ...inBoth(e.type),
        ...inBoth(e.kind),
        e.period ? String(e.period.start) : '',
        e.period ? String(e.period.end) : '',
        e.period?.basis ?? '',
        String(n.degree(false)),
        node.expanded ? 'yes' : '',
        node.onPath ? 'yes' : '',
      ]);
    });
  const header = csvRow([
    'id',
    'name_zh',
    'name_en',
    'type',
    'type_zh',
    'type_en',
    'kind',
    'kind_zh',
    'kind_en',
    'period_start',
    'period_end',
    'period_basis',
    'links_drawn',
    'expanded',
    'on_path',
  ]);
  return BOM + header + rows.join('');
}

/** The drawn relationships, one row each: both ends in both languages, the type, and the quotes with their reports. */
export function linksCsv(cy: Core, model: CanvasModel): string {
  const rows = cy
    .edges(':visible')
    .filter((e) => model.edges.has(e.id()))
    .map((e) => {
      const edge = model.edges.get(e.id())!;
      const source = model.nodes.get(edge.source)!.entity;
      const target = model.nodes.get(edge.target)!.entity;
      return csvRow([
        ...named(source),
        ...inBoth(edge.type),
        ...named(target),
        edge.onPath ? 'yes' : '',
        edge.evidence.map((ev) => ev.quote).join(' | '),
        [...new Set(edge.evidence.map((ev) => ev.report.id))].join(' | '),
      ]);
    });
  const header = csvRow([
    'source',
    'source_zh',
    'source_en',
    'type',
    'type_zh',
    'type_en',
    'target',
    'target_zh',
    'target_en',
    'on_path',
    'quotes',
    'reports',
  ]);
  return BOM + header + rows.join('');
}
