import type { Css, StylesheetJson } from 'cytoscape';

export const LABEL_FONT = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", system-ui, sans-serif';

/** The node size when sizes say nothing (no "size by"), and the range sizes take when they do. */
export const NODE_SIZE = 24;
export const CLUSTER_SIZE = 40;
export const SIZE_RANGE = [16, 64] as const;
/** Path, avoided and selected marks. */
export const PATH_COLOUR = '#e0650b';
export const AVOID_COLOUR = '#b3261e';
export const SELECT_COLOUR = '#f5b700';
export const EDGE_COLOUR = '#b5c3d1';
export const EDGE_HOVER = '#1f5fa8';

/**
 * Where a label sits around its node: below, right, above, left, then at the corners (labels.ts picks
 * the first that fits). Each side is its vertical part (b, t or none) and its horizontal part (r, l or none).
 */
export const LABEL_SIDES = ['b', 'r', 't', 'l', 'br', 'tr', 'bl', 'tl'] as const;
export type LabelSide = (typeof LABEL_SIDES)[number];
/** Label margins from the node, in model units (they scale with the zoom). */
export const LABEL_MARGIN = { vertical: 3, horizontal: 4 };
const sideStyle = (side: LabelSide): Css.Node => {
  const down = side.includes('b') ? 1 : side.includes('t') ? -1 : 0;
  const across = side.includes('r') ? 1 : side.includes('l') ? -1 : 0;
  return {
    'text-valign': down > 0 ? 'bottom' : down < 0 ? 'top' : 'center',
    'text-halign': across > 0 ? 'right' : across < 0 ? 'left' : 'center',
    'text-margin-y': down * LABEL_MARGIN.vertical,
    'text-margin-x': across * (down ? 0 : LABEL_MARGIN.horizontal),
  };
};

export const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)',
      shape: 'data(shape)' as never,
      width: 'data(size)',
      height: 'data(size)',
      'border-width': 1,
      'border-color': '#fff',
      label: '',
      'font-family': LABEL_FONT,
      color: '#1d2630',
      'text-background-color': '#fff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
    },
  },
  { selector: 'node.labelled, node.hover', style: { label: 'data(label)' } },
  { selector: 'node.labelled.short', style: { label: 'data(short)' } },
  { selector: 'node.hover', style: { 'z-index': 20, label: 'data(label)' } },
  ...LABEL_SIDES.map((side) => ({ selector: `node.side-${side}`, style: sideStyle(side) })),
  {
    selector: 'node[?cluster]',
    style: {
      'border-width': 3,
      'border-style': 'double',
      'border-color': 'data(colour)',
      'background-opacity': 0.35,
      'font-weight': 'bold',
    },
  },
  { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#1d2630' } },
  { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': PATH_COLOUR } },
  { selector: 'node.avoided', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': AVOID_COLOUR } },
  { selector: 'node.inferred', style: { 'border-width': 2, 'border-style': 'dashed', 'border-color': '#1d2630' } },
  { selector: 'node:selected', style: { 'border-width': 5, 'border-color': SELECT_COLOUR, 'border-style': 'solid' } },
  {
    selector: 'edge',
    style: {
      width: 1.4,
      'line-color': EDGE_COLOUR,
      'target-arrow-color': EDGE_COLOUR,
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      label: '',
      'font-family': LABEL_FONT,
      'font-size': 10,
      color: '#33414f',
      'text-background-color': '#fff',
      'text-background-opacity': 0.9,
      'text-rotation': 'autorotate',
    },
  },
  { selector: 'edge[?cluster]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none' } },
  {
    selector: 'edge.on-path',
    style: { width: 4, 'line-color': PATH_COLOUR, 'target-arrow-color': PATH_COLOUR, label: 'data(label)', 'z-index': 25 },
  },
  {
    selector: 'edge.hover, edge:selected',
    style: { label: 'data(label)', width: 3, 'line-color': EDGE_HOVER, 'target-arrow-color': EDGE_HOVER, 'z-index': 30 },
  },
  { selector: '.filtered', style: { display: 'none' } },
];
