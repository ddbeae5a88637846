/**
 * The report's home places (its county, city and province): relative names (市卫健委, 省纪委, 我县) stand
 * for them, and an unmasked report's towns hang under its county.
 */
import type { Candidate, DraftContext, Home } from './context.js';
import { chinaDivisions, type Division } from './divisions.js';
import { MASK } from './tokens.js';

/** The home places, from the manifest's place, else the county or city the report names most often. */
export function findHome(ctx: DraftContext): Home {
  const divisions = chinaDivisions();
  const text = ctx.fullText;
  const mentioned = (name: string) => text.includes(name);
  let home: Division | undefined;
  const placeName = ctx.options.homePlace?.replace(/^place:/, '');
  if (placeName && !MASK.test(placeName)) home = divisions.resolve(placeName, mentioned) ?? divisions.byName.get(placeName)?.[0];
  home ??= mostNamed(text);
  if (!home) return {};
  const chain = [home, ...divisions.ancestors(home)];
  return {
    county: chain.find((d) => d.level === 'COUNTY'),
    city: chain.find((d) => d.level === 'CITY'),
    province: chain.find((d) => d.level === 'PROVINCE'),
  };
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
