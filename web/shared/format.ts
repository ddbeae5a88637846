import { h } from './dom.js';
import { figure } from './figure.js';
import { lang, localized, t } from './i18n.js';

/** The fields of a report the pages cite: an article also names the compilation it belongs to; English titles where asked for. */
export interface ReportRef {
  id: string;
  title: string;
  titleEn?: string | null;
  date?: string | null;
  publisher?: string | null;
  publisherEn?: string | null;
  source?: string | null;
  parent?: { id: string; title: string; titleEn?: string | null } | null;
}

/** "Title · 2023-05 · Publisher", with the compilation for an article of report 001 (in English where given). */
export function citation(report: ReportRef): string {
  const parts = [localized(report.title, report.titleEn), report.date, report.publisher && localized(report.publisher, report.publisherEn)];
  if (report.parent) parts.push(`${t('article')} ${report.source ?? ''} · ${localized(report.parent.title, report.parent.titleEn)}`);
  return parts.filter(Boolean).join(' · ');
}

/** A number as the interface's language writes it. */
export function number(value: number): string {
  return value.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });
}

/** A metric's value with its qualifier and unit as the interface's language writes them (see `figure`), or why it is unknown. */
export function valueText(a: {
  value?: number | null;
  unit?: string | null;
  qualifier?: string | null;
  original?: string | null;
  masked?: boolean;
  lost?: boolean;
}): string {
  if (a.masked) return t('masked');
  if (a.lost) return t('lost');
  return figure(a, lang()) ?? '';
}

/** A quote with its report, as a blockquote. */
export function quoteBlock(evidence: { quote: string; report: ReportRef }): HTMLElement {
  return h('blockquote', {}, evidence.quote, h('cite', {}, citation(evidence.report)));
}
