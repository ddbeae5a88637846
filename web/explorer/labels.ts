import type { Core, NodeSingular } from 'cytoscape';
import { LABEL_FONT, LABEL_MARGIN, LABEL_SIDES, type LabelSide } from './style.js';
/** Labels keep a readable size on screen whatever the zoom: 11 px zoomed out, growing to 15 px zoomed in. */
const FONT_PX = [11, 15] as const;
/** Space kept around each label, in pixels. */
const GAP = 2;

/** The longest labels, in characters (Latin letters are narrower), and their short forms when space is tight. */
const LIMITS = { wide: [14, 7], narrow: [24, 12] } as const;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A node's label and its short form: Chinese names are cut sooner than English ones, which take half the width a character. */
export function labelTexts(name: string): { label: string; short: string } {
  const [long, short] = /[\u3000-\u9fff]/.test(name) ? LIMITS.wide : LIMITS.narrow;
  return { label: cut(name, long), short: cut(name, short) };
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

let context: CanvasRenderingContext2D | null = null;
function textWidth(text: string, px: number, bold: boolean): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * px;
  context.font = `${bold ? 'bold ' : ''}${px}px ${LABEL_FONT}`;
  return context.measureText(text).width;
}

/** Cytoscape's bounds of a label reach this many pixels around its text. */
const LABEL_PAD = 4;

/** Where a label's bounds would be on screen on one side of its node (as the style's side classes put it). */
function labelBox(node: NodeSingular, text: string, side: LabelSide, px: number, zoom: number): Box {
  const at = node.renderedPosition();
  const [w, h] = [textWidth(text, px, !!node.data('cluster')), px];
  const halfW = node.renderedWidth() / 2;
  const halfH = node.renderedHeight() / 2;
  const down = side.includes('b') ? 1 : side.includes('t') ? -1 : 0;
  const across = side.includes('r') ? 1 : side.includes('l') ? -1 : 0;
  // Beside the node, a label keeps a margin from it; at a corner it starts where the node ends.
  const mx = down ? 0 : LABEL_MARGIN.horizontal * zoom;
  const my = LABEL_MARGIN.vertical * zoom;
  const x1 = across > 0 ? at.x + halfW + mx : across < 0 ? at.x - halfW - mx - w : at.x - w / 2;
  const y1 = down > 0 ? at.y + halfH + my : down < 0 ? at.y - halfH - my - h : at.y - h / 2;
  const out = LABEL_PAD + GAP;
  return { x1: x1 - out, y1: y1 - out, x2: x1 + w + out, y2: y1 + h + out };
}

function nodeBox(node: NodeSingular): Box {
  const at = node.renderedPosition();
  const w = node.renderedOuterWidth() / 2;
  const h = node.renderedOuterHeight() / 2;
  return { x1: at.x - w, y1: at.y - h, x2: at.x + w, y2: at.y + h };
}

/** Who gets a label first: the nodes that must have one, clusters, then the best connected. */
function priority(node: NodeSingular, always: ReadonlySet<string>): number {
  const links = Number(node.data('degree') ?? 0) || node.degree(false);
  return (always.has(node.id()) ? 1e6 : 0) + (node.data('cluster') ? 1e4 : 0) + links;
}

/** The label's size on screen at a zoom. */
const labelPx = (zoom: number) => Math.min(FONT_PX[1], Math.max(FONT_PX[0], FONT_PX[0] * zoom));

/**
 * Labels every node whose label fits on the canvas at the current zoom without covering another label or node,
 * trying each side of the node and then a shorter form, best connected first; the nodes in `always`
 * (selected, searched, path ends) are labelled in any case. Zooming in makes room for more.
 */
export function placeLabels(cy: Core, always: ReadonlySet<string>): void {
  const zoom = cy.zoom();
  const px = labelPx(zoom);
  const visible = cy.nodes(':visible');
  const obstacles = visible.map((n) => ({ id: n.id(), box: nodeBox(n) }));
  const placed: Box[] = [];
  const chosen = new Map<string, { side: LabelSide; short: boolean }>();
  const [width, height] = [cy.width(), cy.height()];
  const fits = (id: string, box: Box) =>
    box.x1 >= 0 &&
    box.y1 >= 0 &&
    box.x2 <= width &&
    box.y2 <= height &&
    !placed.some((p) => overlaps(p, box)) &&
    !obstacles.some((o) => o.id !== id && overlaps(o.box, box));
  for (const node of visible.toArray().sort((a, b) => priority(b, always) - priority(a, always))) {
    let choice: { side: LabelSide; short: boolean; box: Box } | undefined;
    for (const short of [false, true]) {
      const text = String(node.data(short ? 'short' : 'label'));
      for (const side of LABEL_SIDES) {
        const box = labelBox(node, text, side, px, zoom);
        if (fits(node.id(), box)) {
          choice = { side, short, box };
          break;
        }
      }
      if (choice) break;
    }
    if (!choice && always.has(node.id())) choice = { side: 'b', short: false, box: labelBox(node, String(node.data('label')), 'b', px, zoom) };
    if (!choice) continue;
    placed.push(choice.box);
    chosen.set(node.id(), choice);
  }
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const choice = chosen.get(n.id());
      n.style('font-size', px / zoom);
      n.toggleClass('labelled', !!choice);
      n.toggleClass('short', !!choice?.short);
      for (const side of LABEL_SIDES) n.toggleClass(`side-${side}`, (choice?.side ?? 'b') === side);
    });
  });
}
