/**
 * English names proposed by the convention of curation/README.md, for a draft to offer its reviewer:
 * proper names in pinyin, institution and place types translated, the place first as English puts it
 * (寿阳县人民医院 → Shouyang County People's Hospital; 山西省卫生健康委员会 → Health Commission of Shanxi
 * Province). Only what the convention settles is proposed; a name it cannot read gets none, and the
 * reviewer writes it (an official English name always wins over the convention).
 */
import { pinyin } from 'pinyin-pro';

/** Place suffixes and their English, longest first. */
const PLACE_TYPES: ReadonlyArray<readonly [string, string]> = [
  ['特别行政区', 'Special Administrative Region'],
  ['自治区', 'Autonomous Region'],
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['街道', 'Subdistrict'],
  ['省', 'Province'],
  ['市', 'City'],
  ['州', 'Prefecture'],
  ['盟', 'League'],
  ['县', 'County'],
  ['区', 'District'],
  ['旗', 'Banner'],
  ['镇', 'Town'],
  ['乡', 'Township'],
  ['村', 'Village'],
  ['社区', 'Community'],
];

/** Institution types: `{place}` before the type ("Shouyang County People's Hospital"), or the type "of {place}". */
const BODY_TYPES: ReadonlyArray<readonly [string, string, 'before' | 'of']> = [
  ['卫生健康委员会', 'Health Commission', 'of'],
  ['卫健委', 'Health Commission', 'of'],
  ['卫生健康局', 'Health Bureau', 'of'],
  ['卫健局', 'Health Bureau', 'of'],
  ['人民政府', "People's Government", 'of'],
  ['疾病预防控制中心', 'Center for Disease Control and Prevention', 'before'],
  ['妇幼保健院', 'Maternal and Child Health Care Hospital', 'before'],
  ['社区卫生服务中心', 'Community Health Service Center', 'before'],
  ['中心卫生院', 'Central Health Center', 'before'],
  ['卫生院', 'Health Center', 'before'],
  ['人民医院', "People's Hospital", 'before'],
  ['中医医院', 'Hospital of Traditional Chinese Medicine', 'before'],
  ['中医院', 'Hospital of Traditional Chinese Medicine', 'before'],
  ['中心医院', 'Central Hospital', 'before'],
  ['医疗集团', 'Medical Group', 'before'],
  ['医共体', 'County Medical Community', 'before'],
  ['医院', 'Hospital', 'before'],
  ['财政局', 'Finance Bureau', 'of'],
  ['医疗保障局', 'Healthcare Security Administration', 'of'],
];

/** Surnames of two characters: the rest are one. */
const DOUBLE_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文'];

/** Pinyin of proper names, as one capitalized word (寿阳 → Shouyang). */
function properName(chinese: string): string {
  const syllables = pinyin(chinese, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  return syllables.charAt(0).toUpperCase() + syllables.slice(1);
}

/** A place's English name from its own name (寿阳县 → Shouyang County); undefined when no suffix is known. */
export function placeName(name: string): string | undefined {
  for (const [suffix, english] of PLACE_TYPES) {
    if (name.endsWith(suffix) && name.length > suffix.length) return `${properName(name.slice(0, -suffix.length))} ${english}`;
  }
  return undefined;
}

/** Splits the places a name starts with (山西省晋中市寿阳县人民医院 → 山西省, 晋中市, 寿阳县 and the rest). */
function leadingPlaces(name: string): { places: string[]; rest: string } {
  const places: string[] = [];
  let rest = name;
  for (
    let found = /^(\p{Script=Han}{2,4}?(?:省|自治区|市|县|区|镇|乡))/u.exec(rest);
    found && rest.length > found[1]!.length + 1;
    found = /^(\p{Script=Han}{2,4}?(?:省|自治区|市|县|区|镇|乡))/u.exec(rest)
  ) {
    places.push(found[1]!);
    rest = rest.slice(found[1]!.length);
  }
  return { places, rest };
}

/** The English name the convention gives a Chinese one, or undefined when it does not settle it. */
export function proposeEnglishName(label: string, name: string): string | undefined {
  if (label === 'Place') return placeName(name);
  if (label === 'Person' && /^\p{Script=Han}{2,4}$/u.test(name)) {
    const surname = DOUBLE_SURNAMES.find((s) => name.startsWith(s)) ?? name.charAt(0);
    return `${properName(surname)} ${properName(name.slice(surname.length))}`;
  }
  if (label !== 'Organization') return undefined;
  const { places, rest } = leadingPlaces(name);
  const type = BODY_TYPES.find(([suffix]) => rest === suffix);
  if (!type || !places.length) return undefined;
  const where = places.map((p) => placeName(p)!).reverse();
  // The nearest place names the body; the larger ones follow it (Health Commission of Jinzhong City, Shanxi Province).
  return type[2] === 'of' ? `${type[1]} of ${where.join(', ')}` : `${where[0]} ${type[1]}`;
}
