import type { Core, NodeSingular } from 'cytoscape';

/** Node labels' font size in model units: on screen it scales with the zoom. */
export const LABEL_FONT_SIZE = 11;
export const LABEL_FONT = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", system-ui, sans-serif';
/** Below this on-screen size labels are unreadable anyway: only the selected node keeps its label. */
const MIN_READABLE_PX = 7;
/** Space kept around each label, in pixels. */
const GAP = 3;

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

let context: CanvasRenderingContext2D | null = null;
function textWidth(text: string): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * LABEL_FONT_SIZE;
  context.font = `${LABEL_FONT_SIZE}px ${LABEL_FONT}`;
  return context.measureText(text).width;
}

/** Where a node's label would be drawn on screen (below the node, centred, as the style puts it). */
function labelBox(node: NodeSingular, zoom: number): Box {
  const at = node.renderedPosition();
  const width = (textWidth(String(node.data('label'))) + 4) * zoom;
  const top = at.y + node.renderedHeight() / 2 + 3 * zoom;
  const height = LABEL_FONT_SIZE * 1.35 * zoom + 2;
  return { x1: at.x - width / 2 - GAP, y1: top - GAP, x2: at.x + width / 2 + GAP, y2: top + height + GAP };
}

function nodeBox(node: NodeSingular): Box {
  const at = node.renderedPosition();
  const w = node.renderedWidth() / 2;
  const h = node.renderedHeight() / 2;
  return { x1: at.x - w, y1: at.y - h, x2: at.x + w, y2: at.y + h };
}

/** Who gets a label first: the selected node, clusters, expanded nodes, then the best connected. */
function priority(node: NodeSingular): number {
  return (node.selected() ? 1e6 : 0) + (node.data('cluster') ? 1e4 : 0) + (node.hasClass('expanded') ? 1e3 : 0) + node.degree(false);
}

/**
 * Shows as many node labels as fit without overlapping each other or other nodes, at the current
 * zoom: zooming in reveals more. Hovering shows any label (with the tooltip) regardless.
 */
export function placeLabels(cy: Core): void {
  const zoom = cy.zoom();
  const visible = cy.nodes(':visible');
  const readable = LABEL_FONT_SIZE * zoom >= MIN_READABLE_PX;
  const obstacles = visible.map((n) => ({ id: n.id(), box: nodeBox(n) }));
  const placed: Box[] = [];
  const show = new Set<string>();
  for (const node of visible.toArray().sort((a, b) => priority(b) - priority(a))) {
    if (!readable && !node.selected()) continue;
    const box = labelBox(node, zoom);
    if (placed.some((p) => overlaps(p, box)) || obstacles.some((o) => o.id !== node.id() && overlaps(o.box, box))) continue;
    placed.push(box);
    show.add(node.id());
  }
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      if (show.has(n.id())) n.addClass('labelled');
      else n.removeClass('labelled');
    });
  });
}
