/**
 * The report's home places (its county, city and province): relative names (市卫健委, 省纪委, 我县) stand
 * for them, and an unmasked report's towns hang under its county. A home place the divisions' list does
 * not know (a new county) is read from the text, with the place written right before it as its parent.
 */
import type { Candidate, DraftContext, Home } from './context.js';
import { chinaDivisions, levelOfSuffix, rank, type Division } from './divisions.js';
import { placeEndingAt } from './place-names.js';
import { MASK } from './tokens.js';

/** The home places, from the manifest's place, else the county or city the report names most often. */
export function findHome(ctx: DraftContext): Home {
  const divisions = chinaDivisions();
  const text = ctx.fullText;
  const mentioned = (name: string) => text.includes(name);
  let home: Division | undefined;
  let written: Division[] = [];
  const placeName = ctx.options.homePlace?.replace(/^place:/, '');
  if (placeName && !MASK.test(placeName)) {
    home = divisions.resolve(placeName, mentioned) ?? divisions.byName.get(placeName)?.[0];
    if (!home) written = writtenChain(text, placeName);
    home ??= written[0];
  }
  home ??= mostNamed(text);
  if (!home) return {};
  const chain = [home, ...ancestorsOf({ written }, home)];
  return {
    county: chain.find((d) => d.level === 'COUNTY'),
    city: chain.find((d) => d.level === 'CITY'),
    province: chain.find((d) => d.level === 'PROVINCE'),
    ...(written.length ? { written } : {}),
  };
}

/** A division's parents up to its province: the list's, and for a home place the text wrote, the ones written before it. */
export function ancestorsOf(home: Home, division: Division): Division[] {
  const byCode = (code: string) => home.written?.find((d) => d.code === code) ?? chinaDivisions().byCode.get(code);
  const chain: Division[] = [];
  for (let d = division.parent ? byCode(division.parent) : undefined; d; d = d.parent ? byCode(d.parent) : undefined) chain.push(d);
  return chain;
}

/**
 * A place the list does not know, as the text writes it, with the places written right before it
 * (安畈市泉峪县: 泉峪县, then 安畈市), up to one the list knows.
 */
function writtenChain(text: string, name: string): Division[] {
  const chain: Division[] = [];
  for (let child = textDivision(name); child && !chain.some((d) => d.name === child!.name);) {
    chain.push(child);
    // A county with no city written before it is taken to be in the city the report names most (安畈市卫健委).
    const parent = writtenBefore(text, child) ?? (child.level === 'COUNTY' ? mostNamedCity(text) : undefined);
    if (!parent) break;
    child.parent = parent.code;
    // Once the list knows a parent, it knows the rest of the chain.
    child = parent.code.startsWith('text:') ? parent : undefined;
  }
  return chain;
}

/** The city the list does not know that a text names most often: at least twice, or the only one it names. */
function mostNamedCity(text: string): Division | undefined {
  const counts = new Map<string, number>();
  for (let at = text.indexOf('市'); at >= 0; at = text.indexOf('市', at + 1)) {
    const place = placeEndingAt(text, at);
    const name = place && text.slice(place.start, place.end);
    if (name && place.named && !chinaDivisions().byName.has(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const [name, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return name && (count! >= 2 || counts.size === 1) ? textDivision(name) : undefined;
}

/** A division for a name the list does not know, its level from its suffix; provinces are all in the list. */
function textDivision(name: string): Division | undefined {
  const level = levelOfSuffix(name);
  if (!level || level === 'PROVINCE' || MASK.test(name)) return undefined;
  return { name, aliases: [name.replace(/(市|县|区|旗|州|盟|镇|乡|街道|村|社区)$/, '')], level, code: `text:${name}` };
}

/** The place the text writes right before a name, if any: one of the list (longest first), else a name with a city's suffix. */
function writtenBefore(text: string, child: Division): Division | undefined {
  const divisions = chinaDivisions();
  for (let at = text.indexOf(child.name); at >= 0; at = text.indexOf(child.name, at + 1)) {
    const before = text.slice(Math.max(0, at - 8), at);
    for (let length = before.length; length >= 2; length--) {
      const known = divisions.byName.get(before.slice(-length))?.[0];
      if (known && rank(known.level) < rank(child.level)) return known;
    }
    const written = /\p{Script=Han}{2}(市|州|盟)$/u.exec(before)?.[0];
    const division = written && child.level !== 'CITY' ? textDivision(written) : undefined;
    if (division) return division;
  }
  return undefined;
}

/** The county or city a text names most often (by names that mean one division only). */
function mostNamed(text: string): Division | undefined {
  const counts = new Map<Division, number>();
  for (const [name, options] of chinaDivisions().byName) {
    if (name.length < 2 || options.length !== 1 || options[0]!.level === 'PROVINCE') continue;
    const n = text.split(name).length - 1;
    if (n) counts.set(options[0]!, (counts.get(options[0]!) ?? 0) + n);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * The place a relative name stands for (市人民医院, 省纪委十二届二次全会): the report's home place of that level;
 * in a masked report, its article's masked place of that level, else the one place of that level it names.
 */
export function relativePlace(ctx: DraftContext, c: Candidate, places: Candidate[]): Candidate | undefined {
  const prefix = /^(省|市|州|县|区|旗)(?![级内外直属辖])/.exec(c.name)?.[1];
  if (!prefix) return undefined;
  const level = prefix === '省' ? 'PROVINCE' : /[市州]/.test(prefix) ? 'CITY' : 'COUNTY';
  if (!ctx.masks) {
    const home = { PROVINCE: ctx.home.province, CITY: ctx.home.city, COUNTY: ctx.home.county }[level];
    return home && places.find((p) => p.name === home.name);
  }
  const source = c.mentions[0]!.sentence.source;
  const named = places.filter((p) => p.props.level === level && p.mentions.some((m) => m.sentence.source === source));
  return named.find((p) => p.masked) ?? (named.length === 1 ? named[0] : undefined);
}
