/**
 * Figures written as people read them: in Chinese as the report writes them (2,000余, 超2,800万,
 * 60%以上), in English as English does (over 2,000, more than 28 million, 60% or more). Pure: no DOM,
 * no stored language, so the dashboard, the explorer and the unit tests share it.
 */
export type FigureLang = 'zh' | 'en';

/** A metric's number as the API gives it. */
export interface FigureFields {
  value?: number | null;
  /** The qualifier as written (超, 近, 约, 余, 多, 以上 …). */
  qualifier?: string | null;
  /** The wording of the number as written (2.9万余人次): where it uses 万 or 亿, so does the figure. */
  original?: string | null;
  unit?: string | null;
}

/**
 * Where Chinese writes a qualifier: before the number (超2,800万), after it and before the measure word
 * (2,000余人次), after the unit (60%以上), or in the number's place (十几所).
 */
type Position = 'before' | 'number' | 'unit' | 'word';

interface Qualifier {
  position: Position;
  /** The English phrase around the number (with its unit). */
  en: (figure: string) => string;
}

const over = (n: string) => `over ${n}`;
const moreThan = (n: string) => `more than ${n}`;
const nearly = (n: string) => `nearly ${n}`;
const about = (n: string) => `about ${n}`;
const orMore = (n: string) => `${n} or more`;
const within = (n: string) => `within ${n}`;
const atMost = (n: string) => `no more than ${n}`;

/** Every qualifier the reports use, and the few more of the same kind a new report may bring. */
const QUALIFIERS: Record<string, Qualifier> = {
  超: { position: 'before', en: over },
  超过: { position: 'before', en: moreThan },
  逾: { position: 'before', en: over },
  突破: { position: 'before', en: over },
  近: { position: 'before', en: nearly },
  将近: { position: 'before', en: nearly },
  约: { position: 'before', en: about },
  至少: { position: 'before', en: (n) => `at least ${n}` },
  不超过: { position: 'before', en: atMost },
  不足: { position: 'before', en: (n) => `less than ${n}` },
  余: { position: 'number', en: over },
  多: { position: 'number', en: moreThan },
  以上: { position: 'unit', en: orMore },
  及以上: { position: 'unit', en: orMore },
  左右: { position: 'unit', en: about },
  以内: { position: 'unit', en: within },
  内: { position: 'unit', en: within },
  以下: { position: 'unit', en: (n) => `${n} or less` },
  十几: { position: 'word', en: moreThan },
};

/** Where a qualifier goes in Chinese, for the qualifiers this module knows. */
export const qualifierPosition = (qualifier: string): Position | undefined => QUALIFIERS[qualifier]?.position;

/** The Chinese magnitudes a report writes large numbers in. */
const MAGNITUDES = [
  ['亿', 1e8],
  ['万', 1e4],
] as const;

/** The digits of `original` before its magnitude, when they are the value in that magnitude (2.9万 of 29000). */
function chineseMagnitude(
  value: number,
  original: string | null | undefined,
): { mantissa: number; sign: string; qualifierFirst: boolean } | undefined {
  if (!original) return undefined;
  for (const [sign, size] of MAGNITUDES) {
    const match = new RegExp(`([\\d.,]+)(\\D{0,2}?)${sign}`).exec(original);
    if (!match) continue;
    const mantissa = value / size;
    if (Number(match[1]!.replace(/,/g, '')) !== mantissa) continue;
    // 1000多万 and 500余万 put the qualifier before the magnitude, 590万余 after it.
    return { mantissa, sign, qualifierFirst: match[2] !== '' };
  }
  return undefined;
}

const zhNumber = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 4 });

/** English numbers: millions and billions in words where that is exact (28 million, 1.25 million), else digits. */
export function englishNumber(value: number): string {
  if (Math.abs(value) >= 1e6) {
    const [word, size] = Math.abs(value) >= 1e9 ? ['billion', 1e9] : ['million', 1e6];
    const mantissa = value / size;
    if (Number(mantissa.toFixed(2)) === mantissa) return `${mantissa.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${word}`;
  }
  return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/** A unit after an English number: % and ‰ stick to it, words take a space. */
const withEnglishUnit = (n: string, unit: string | null | undefined) => (!unit ? n : /^[%‰]/.test(unit) ? `${n}${unit}` : `${n} ${unit}`);

/**
 * The figure of a metric with its qualifier, and with its unit when given (in the language of `lang`:
 * pass the English unit for English). Null when the value is unknown (masked or lost).
 */
export function figure(fields: FigureFields, lang: FigureLang): string | null {
  const { value, qualifier, unit } = fields;
  if (value === null || value === undefined) return null;
  const known = qualifier ? QUALIFIERS[qualifier] : undefined;
  if (lang === 'en') {
    const n = withEnglishUnit(englishNumber(value), unit);
    return known ? known.en(n) : qualifier ? `${qualifier} ${n}` : n;
  }
  const q = qualifier ?? '';
  // A qualifier this module does not know goes before the number, as most do.
  const position = known?.position ?? 'before';
  const magnitude = chineseMagnitude(value, fields.original);
  const number = magnitude ? zhNumber(magnitude.mantissa) : zhNumber(value);
  const sign = magnitude?.sign ?? '';
  const u = unit ?? '';
  switch (position) {
    case 'word':
      return `${q}${u}`;
    case 'number':
      return magnitude?.qualifierFirst ? `${number}${q}${sign}${u}` : `${number}${sign}${q}${u}`;
    case 'unit':
      return `${number}${sign}${u}${q}`;
    default:
      return `${q}${number}${sign}${u}`;
  }
}
