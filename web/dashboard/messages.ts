import { messages } from '../shared/i18n.js';

/** The dashboard's own words (the shared ones are in `web/shared/i18n.ts`). */
export const m = messages({
  stated: ['句中写明年份', 'Year stated in the sentence'],
  fromReport: ['年份据报告推断', 'Year from the report'],
  noYear: ['无年份', 'No year'],
  fromReportMark: ['（据报告）', '(from report)'],
  yearHint: [
    '每项成果计入其时期结束的年份：句中写明的为深色，据报告时期推断的为浅色。',
    'Each achievement counts in the year its period ends: dark where its sentence states it, light where its report’s period is taken.',
  ],
  clear: ['清除 {name}', 'Clear {name}'],
  filteredBy: ['已筛选：{list}', 'Filtered by {list}'],
  notApplied: ['不适用：{list}', 'Not applied: {list}'],
  mentions: ['提及次数', 'Mentions'],
  sortedByChinese: ['按中文名称排序', 'Sorted by the Chinese name'],
  source: ['出处', 'Source'],
  anyOf: ['全部', 'Any'],
  chinese: ['中文', 'Chinese'],
  english: ['英文', 'English'],
  qualifier: ['限定词', 'Qualifier'],
  masked: ['已隐去', 'Masked'],
  lost: ['数字缺失', 'Lost'],
  periodStart: ['时期起', 'Period start'],
  periodEnd: ['时期止', 'Period end'],
  periodBasis: ['时期依据', 'Period basis'],
  periodNote: ['时期说明', 'Period note'],
  id: ['编号', 'Id'],
  downloadLabel: ['下载图表：{name}（PNG）', 'Download chart: {name} (PNG)'],
  yearLabel: ['{year} 年', '{year}'],
});
