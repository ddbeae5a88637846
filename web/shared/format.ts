import { h } from './dom.js';
import { lang, t } from './i18n.js';

/** The fields of a report the pages cite: an article also names the compilation it belongs to. */
export interface ReportRef {
  id: string;
  title: string;
  date?: string | null;
  publisher?: string | null;
  source?: string | null;
  parent?: { id: string; title: string } | null;
}

/** "Title · 2023-05 · Publisher", with the compilation for an article of report 001. */
export function citation(report: ReportRef): string {
  const parts = [report.title, report.date, report.publisher];
  if (report.parent) parts.push(`${t('article')} ${report.source ?? ''} · ${report.parent.title}`);
  return parts.filter(Boolean).join(' · ');
}

/** A number as the interface's language writes it. */
export function number(value: number): string {
  return value.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });
}

/** A metric's value with its unit and qualifier, or why it is unknown. */
export function valueText(a: { value?: number | null; unit?: string | null; qualifier?: string | null; masked?: boolean; lost?: boolean }): string {
  if (a.masked) return t('masked');
  if (a.lost) return t('lost');
  if (a.value === null || a.value === undefined) return '';
  return `${a.qualifier ?? ''}${number(a.value)}${a.unit ? ` ${a.unit}` : ''}`;
}

/** A quote with its report, as a blockquote. */
export function quoteBlock(evidence: { quote: string; report: ReportRef }): HTMLElement {
  return h('blockquote', {}, evidence.quote, h('cite', {}, citation(evidence.report)));
}
