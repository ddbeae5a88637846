/**
 * Quantities as the reports write them: Arabic or Chinese numerals, 万/亿, "余"/"多", "超"/"近"/"约"
 * before and "以上"/"以内" after, a measure word or %; masked digits (`xx`) and lost ones (`?`) kept
 * unknown.
 */

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** The value of a Chinese numeral (三百二十, 十四, 两, 百, 一千二百万); undefined when it is none. */
export function chineseNumber(text: string): number | undefined {
  if (!text || !/^[零〇一二两三四五六七八九十百千万亿]+$/.test(text)) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
    } else if (ch in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[ch]!;
      digit = undefined;
    } else {
      section += digit ?? 0;
      total += (section || 1) * BIG_UNITS[ch]!;
      section = 0;
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}

/** Measure words a metric ends with, longest first where one starts another. */
export const UNITS = [
  '人次',
  '台次',
  '例次',
  '平方米',
  '万平方米',
  '公里',
  '千米',
  '分钟',
  '小时',
  '个月',
  '万元',
  '亿元',
  '元',
  '个',
  '家',
  '名',
  '人',
  '所',
  '项',
  '张',
  '次',
  '副',
  '台',
  '位',
  '支',
  '只',
  '套',
  '双',
  '吨',
  '瓶',
  '种',
  '条',
  '辆',
  '例',
  '份',
  '批',
  '座',
  '间',
  '户',
  '天',
  '亩',
  '床',
  '场',
  '期',
  '篇',
  '件',
  '处',
  '栋',
  '余人',
  '倍',
  '%',
  '‰',
  '万',
  '亿',
  '对',
  '组',
  '门',
  '根',
  '盒',
  '袋',
  '箱',
  '剂',
  '针',
  '枚',
  '册',
  '本',
  '部',
  '队',
  '团',
  '类',
  '大',
].sort((a, b) => b.length - a.length);

/** A quantity found in a text, with where it is. */
export interface Quantity {
  start: number;
  end: number;
  /** The wording as written (`超2800万人次`). */
  original: string;
  value?: number;
  unit: string;
  qualifier?: string;
  masked?: boolean;
  lost?: boolean;
  /** Written in Chinese numerals. */
  chinese: boolean;
}

const NUMBER = String.raw`(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+|[xX]+(?:\.[xX]+)?|\?+)`;
const QUANTITY = new RegExp(
  String.raw`(超过|超|近|约|逾|不足|不到)?(${NUMBER})(几)?(余|多)?(万|亿|千万|百万)?(余|多)?(${UNITS.map((u) => u.replace(/[%‰]/g, '\\$&')).join('|')})(以上|以内|左右|及以上)?`,
  'g',
);

/** Words that make a following numeral no quantity: ordinals, slogans, grades. */
const NOT_BEFORE = /[第每前后届新]$/;
/** Words that make a preceding numeral part of a name (八项规定, 千人口, 三张答卷, 二十大精神). */
const NOT_AFTER = /^(规定|口|精神|答卷|承诺|权责|核心制度)/;

/** Every quantity of a text. Years (2023年), ordinals (第二批) and a bare 一 (一个, 一项) are none. */
export function quantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const [whole, before, number, ji, moreBefore, magnitude, moreAfter, unit, after] = m as unknown as (string | undefined)[];
    const more = moreBefore ?? moreAfter;
    const start = m.index;
    const prefix = text.slice(Math.max(0, start - 1), start);
    if (!before && NOT_BEFORE.test(prefix)) continue;
    if (NOT_AFTER.test(text.slice(start + whole!.length))) continue;
    // A digit glued to letters or other digits (a phone number, a code) is none.
    if (/[A-Za-z0-9.]$/.test(prefix) && /^\d/.test(number!)) continue;
    const chinese = /^[零〇一二两三四五六七八九十百千]+$/.test(number!);
    if (chinese && /^[一]$/.test(number!)) continue;
    // 大 counts only for Chinese numerals written as a set (两大, 十大); 万 and 亿 alone only after digits.
    if (unit === '大' && (!chinese || magnitude || (chineseNumber(number!) ?? 0) > 10)) continue;
    // A phase (三期项目) or a department (一办六部) is no quantity.
    if (chinese && (unit === '期' || unit === '部')) continue;
    if ((unit === '万' || unit === '亿') && (magnitude || chinese)) continue;
    const masked = /^[xX.]+$/.test(number!);
    const lost = /\?/.test(number!);
    let value: number | undefined;
    if (!masked && !lost) {
      const base = chinese ? chineseNumber(number!) : Number(number);
      if (base === undefined || !Number.isFinite(base)) continue;
      const scale = magnitude ? { 万: 1e4, 亿: 1e8, 千万: 1e7, 百万: 1e6 }[magnitude]! : 1;
      const unitScale = unit === '万' || unit === '万元' || unit === '万平方米' ? 1e4 : unit === '亿' || unit === '亿元' ? 1e8 : 1;
      value = Number((base * scale * unitScale).toPrecision(12));
    }
    const qualifier = before ?? (ji ? `${number}几` : undefined) ?? more ?? after;
    const cleanUnit = unit === '万元' || unit === '亿元' ? '元' : unit === '万平方米' ? '平方米' : unit === '万' || unit === '亿' ? '' : unit!;
    found.push({
      start,
      end: start + whole!.length,
      original: whole!,
      value,
      unit: cleanUnit === '大' ? '个' : cleanUnit,
      qualifier: qualifier || undefined,
      masked: masked || undefined,
      lost: lost || undefined,
      chinese,
    });
  }
  return found;
}

/** The year a text speaks of (2021年, 2021年以来), the last one before `before` when given. */
export function yearIn(text: string, before = text.length): number | undefined {
  let year: number | undefined;
  for (const m of text.slice(0, before).matchAll(/((?:19|20)\d{2})年/g)) year = Number(m[1]);
  return year;
}
