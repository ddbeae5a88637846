import { localized, term } from '../shared/i18n.js';
import type { Choices } from './filters.js';
import { m } from './messages.js';
import type { Part } from './selection.js';
import type { Selection } from './state.js';

/** A report as the charts and filters name it: its number and title, in the interface's language. */
export const reportName = (r: { source: string; title: string; titleEn?: string | null }) => `${r.source} ${localized(r.title, r.titleEn)}`;

/** How a part of the selection reads: the kinds, the place's or report's name, the year. */
export function partLabel(part: Part, s: Selection, choices: Choices | undefined): string {
  if (part === 'orgKinds') return s.orgKinds.map((kind) => term(kind)).join(', ');
  if (part === 'year') return m('yearLabel', { year: s.year ?? '' });
  if (part === 'place') {
    const place = choices?.places.edges.find((e) => e.node.id === s.place)?.node;
    return place ? localized(place.name, place.nameEn) : (s.place ?? '');
  }
  const report = choices?.reports.edges.find((e) => e.node.id === s.report)?.node;
  return report ? reportName(report) : (s.report ?? '');
}
