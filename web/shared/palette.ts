import { h } from './dom.js';
import { t, term } from './i18n.js';
import { ENTITY_TYPES, ORG_KINDS } from './vocabulary.js';

/** Entity types are told apart by shape, so colour is free to tell organization kinds apart. */
export const TYPE_SHAPES: Record<(typeof ENTITY_TYPES)[number], string> = {
  ORGANIZATION: 'ellipse',
  PROGRAM: 'round-rectangle',
  ACHIEVEMENT: 'diamond',
  PERSON: 'triangle',
  PLACE: 'hexagon',
  POLICY: 'rectangle',
  EVENT: 'star',
  REPORT: 'tag',
};

export const TYPE_COLOURS: Record<(typeof ENTITY_TYPES)[number], string> = {
  ORGANIZATION: '#2f6db5',
  PROGRAM: '#2e9d57',
  ACHIEVEMENT: '#d08a1c',
  PERSON: '#a2479e',
  PLACE: '#6b7b8c',
  POLICY: '#b8433b',
  EVENT: '#1a9aa0',
  REPORT: '#555555',
};

/** One colour per organization kind (a colour-blind-safe qualitative set, extended). */
export const ORG_KIND_COLOURS: Record<(typeof ORG_KINDS)[number], string> = {
  GOVERNMENT_AGENCY: '#1f4e79',
  ENTERPRISE_GROUP: '#7b3fa0',
  MEDICAL_GROUP: '#c2185b',
  HOSPITAL: '#d84315',
  PRIMARY_CARE: '#f9a825',
  NATIONAL_MEDICAL_CENTER: '#00838f',
  REGIONAL_MEDICAL_CENTER: '#26a69a',
  ALLIANCE: '#6d4c41',
  PUBLIC_HEALTH: '#558b2f',
  COMPANY: '#5c6bc0',
  UNIVERSITY_OR_INSTITUTE: '#8d6e63',
  PARTY_OR_MASS_ORG: '#b71c1c',
  OTHER: '#78909c',
};

/** The fill of a node: its organization kind's colour, or its type's. */
export function colourOf(type: string, kind?: string | null): string {
  return (
    (type === 'ORGANIZATION' && kind && (ORG_KIND_COLOURS as Record<string, string>)[kind]) ||
    (TYPE_COLOURS as Record<string, string>)[type] ||
    '#888'
  );
}

const SHAPE_PATHS: Record<string, string> = {
  ellipse: '<circle cx="8" cy="8" r="6.5"/>',
  'round-rectangle': '<rect x="1.5" y="3" width="13" height="10" rx="3"/>',
  diamond: '<polygon points="8,1 15,8 8,15 1,8"/>',
  triangle: '<polygon points="8,1.5 15,14 1,14"/>',
  hexagon: '<polygon points="4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8"/>',
  rectangle: '<rect x="1.5" y="2.5" width="13" height="11"/>',
  star: '<polygon points="8,0.5 10,6 15.5,6 11,9.5 12.8,15 8,11.6 3.2,15 5,9.5 0.5,6 6,6"/>',
  tag: '<polygon points="1,2 11,2 15,8 11,14 1,14"/>',
};

/** A type's node shape. */
export const shapeOf = (type: string): string => (TYPE_SHAPES as Record<string, string>)[type] ?? 'ellipse';

/** A small inline SVG of a node's shape and colour, for legends and lists. */
export function swatch(type: string, kind?: string | null): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('class', 'swatch');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('fill', colourOf(type, kind));
  svg.innerHTML = SHAPE_PATHS[shapeOf(type)] ?? '';
  return svg;
}

/** A badge naming a type (and kind) with its swatch. */
export function typeBadge(type: string, kind?: string | null): HTMLElement {
  return h('span', { class: 'badge' }, swatch(type, kind), kind ? `${term(type)} · ${term(kind)}` : term(type));
}

/** The legend: shapes by entity type, and colours by organization kind (only those given, when given). */
export function legend(types: readonly string[] = ENTITY_TYPES, kinds: readonly string[] = ORG_KINDS): HTMLElement {
  return h(
    'div',
    { class: 'legend' },
    h('h3', {}, t('entityTypes')),
    h('ul', {}, ...types.map((type) => h('li', {}, swatch(type), term(type)))),
    kinds.length ? h('h3', {}, t('orgKinds')) : null,
    kinds.length ? h('ul', {}, ...kinds.map((kind) => h('li', {}, swatch('ORGANIZATION', kind), term(kind)))) : null,
  );
}
