import type { ExplorerCitationFragment, ExplorerEntityFragment } from '../../src/generated/client/graphql.js';
import { entityInfo, type EntityInfo } from '../shared/entity.js';
import { lang } from '../shared/i18n.js';

/** The years an achievement refers to, and whether its sentence states them or its report does. */
export interface Period {
  start: number;
  end: number;
  basis: string;
}

/** An entity as the explorer draws it: both names, and an achievement's period. */
export interface Entity extends EntityInfo {
  nameEn: string;
  period?: Period;
}

/** A quote stating a fact, with its report. */
export interface Evidence {
  quote: string;
  report: ExplorerCitationFragment;
}

export function toEntity(node: ExplorerEntityFragment): Entity {
  const period = 'period' in node ? node.period : null;
  return { ...entityInfo(node), nameEn: node.nameEn, ...(period ? { period: { start: period.start, end: period.end, basis: period.basis } } : {}) };
}

/** The name in the interface's language. */
export const nameOf = (entity: { name: string; nameEn?: string | null }): string => (lang() === 'en' && entity.nameEn ? entity.nameEn : entity.name);

/** The name in the other language, when it says something more (shown beside where space allows). */
export function otherNameOf(entity: { name: string; nameEn?: string | null }): string | undefined {
  const other = lang() === 'en' ? entity.name : entity.nameEn;
  return other && other !== nameOf(entity) ? other : undefined;
}

/** "English name (中文名)" in English, the Chinese alone in Chinese: tooltips and lists. */
export const bothNames = (entity: { name: string; nameEn?: string | null }): string => {
  const other = lang() === 'en' ? otherNameOf(entity) : undefined;
  return other ? `${nameOf(entity)} (${other})` : nameOf(entity);
};

/** A report's title in the interface's language. */
export const titleOf = (report: { title: string; titleEn?: string | null }): string =>
  lang() === 'en' && report.titleEn ? report.titleEn : report.title;
