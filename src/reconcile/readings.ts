/**
 * The readings of an affiliation string: what it may name once the noise around a name is set aside.
 * Affiliations in spreadsheets carry a department after the body (宣武医院神经外科), a province or city
 * in front (山西省寿阳县人民医院), notes in brackets, and in English the city and country appended
 * (Xuanwu Hospital, Capital Medical University, Beijing, China). Each reading says what it set aside,
 * so the matcher can check it (a place set aside must hold the candidate) and weigh it.
 */
import { normalizeText } from '../text/normalize.js';
import { isEnglishQuery } from '../text/english-keys.js';

export interface Reading {
  text: string;
  /** A department or unit after the body, set aside, and what share of the string it was. */
  department?: string;
  departmentShare?: number;
  /** Places set aside (in front in Chinese, appended in English): the body must lie in them. */
  places: string[];
  /** Bracketed notes set aside. */
  noise?: string;
}

/** Words ending the name of a body, after which a department may follow. */
const BODY_END = /(?:院|中心|大学|研究所|委员会|委|局|厅|政府|集团|公司|机制|工作组|指导组|领导小组|党组|党委|支部|办公室|队|站)/g;
/** How a department or unit of a body ends (内科, 儿科, 检验中心, 护理部, 病区 …). */
const DEPARTMENT_END = /(?:科|室|部|病区|门诊|中心|组|处|站|所)$/;
/** A province, region or prefecture-level city written in front of a name. */
const PLACE_IN_FRONT = /^(\p{Script=Han}{2,7}?(?:省|自治区|特别行政区|市))(?=\p{Script=Han}{3,})/u;
/** Bracketed notes: （原…）, (…), 【…】, […]. */
const BRACKETS = /[（(【[][^（()）【】[\]]*[）)】\]]/g;
/** An English segment naming a department or unit of a body, and words that make a segment a body of its own. */
const ENGLISH_DEPARTMENT =
  /^(?:(?:department|dept\.?|division|school|faculty|ward|unit|laboratory|lab|section|office|clinic) of\b|.*\b(?:department|dept\.?|ward|unit|division)$)/i;
const ENGLISH_BODY =
  /\b(?:hospital|university|college|commission|committee|center|centre|institute|bureau|group|company|government|administration|ministry|council)\b/i;

const unique = (readings: Reading[]) => {
  const seen = new Set<string>();
  return readings.filter((r) => r.text && !seen.has(r.text) && seen.add(r.text));
};

function chineseReadings(text: string, noise: string | undefined): Reading[] {
  const readings: Reading[] = [{ text, places: [], noise }];
  // Places in front, one after another (山西省晋中市寿阳县人民医院 → 晋中市… → 寿阳县…).
  let rest = text;
  const places: string[] = [];
  for (let found = PLACE_IN_FRONT.exec(rest); found; found = PLACE_IN_FRONT.exec(rest)) {
    places.push(found[1]!);
    rest = rest.slice(found[1]!.length);
    readings.push({ text: rest, places: [...places], noise });
  }
  // A department after the body: every cut after a word ending a body, or a department itself (心内科 of
  // 重症医学科心内科), that leaves a department-like tail; the longest body first.
  for (const reading of [...readings]) {
    const cuts = [...reading.text.matchAll(BODY_END), ...reading.text.matchAll(/科|室|部/g)]
      .map((m) => m.index + m[0].length)
      .filter((end) => end < reading.text.length);
    for (const end of [...new Set(cuts)].sort((a, b) => b - a)) {
      const tail = reading.text.slice(end);
      if ([...tail].length <= 12 && DEPARTMENT_END.test(tail) && !/医院|卫生院|大学/.test(tail)) {
        readings.push({ ...reading, text: reading.text.slice(0, end), department: tail, departmentShare: tail.length / reading.text.length });
      }
    }
  }
  return readings;
}

function englishReadings(text: string, noise: string | undefined): Reading[] {
  const segments = text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  // A leading department is set aside only when it names no body of its own (Department of Neurology, Xuanwu Hospital …).
  const department = segments.length > 1 && ENGLISH_DEPARTMENT.test(segments[0]!) && !ENGLISH_BODY.test(segments[0]!) ? segments.shift() : undefined;
  const readings: Reading[] = [{ text, places: [], noise }];
  // The body is its first segments; what follows may be the places it lies in, largest last.
  for (let kept = segments.length; kept >= 1; kept--) {
    readings.push({
      text: segments.slice(0, kept).join(', '),
      places: segments.slice(kept),
      department,
      departmentShare: department ? department.length / text.length : undefined,
      noise,
    });
  }
  return readings;
}

/**
 * Every reading of an affiliation string, the string itself (normalized) first. Brackets may be part of
 * a name (中国通用技术（集团）控股有限责任公司): the string is read with the note at its end set aside, and
 * with every bracketed part set aside.
 */
export function readingsOf(raw: string): Reading[] {
  const whole = normalizeText(raw).trim();
  const variants = [{ text: whole, noise: undefined as string | undefined }];
  const trailing = /[（(【[][^（()）【】[\]]*[）)】\]]$/.exec(whole);
  if (trailing && trailing.index > 0) variants.push({ text: whole.slice(0, trailing.index).trim(), noise: trailing[0] });
  const stripped = whole.replace(BRACKETS, '').trim();
  if (stripped && stripped !== whole) variants.push({ text: stripped, noise: whole.match(BRACKETS)!.join('') });
  return unique(variants.flatMap(({ text, noise }) => (isEnglishQuery(text) ? englishReadings(text, noise) : chineseReadings(text, noise))));
}
