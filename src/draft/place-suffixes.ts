/**
 * Places the divisions' list does not know (towns, villages, the counties and cities of a new report),
 * read by their suffix (…县, …镇, …街道, …村, …社区) with the words before it that can be a name, and
 * nested by how the text writes them: a town right after its county is part of it (宁川县南河镇), a county
 * right after its city. A town written alone is the home county's; items sharing a suffix (白马、凌家镇)
 * or listed before their towns' health centers (尹灵芝、西洛等六所乡镇卫生院) are towns too.
 */
import type { PlaceLevel } from '../generated/graphql.js';
import type { Candidate, DraftContext, Mention } from './context.js';
import { rank, type Division } from './divisions.js';
import { ORG_AFTER_PLACE, PLACE_SUFFIXES, WORD_AFTER_SUFFIX } from './lexicon/places.js';
import { addDivision, type PlaceSpans } from './place-candidates.js';
import { isStem, placeEndingAt, type WrittenPlace } from './place-names.js';
import type { Sentence } from './text.js';

/** Every place a sentence writes with a suffix, left to right, each nested in the place written right before it. */
export function suffixPlaces(ctx: DraftContext, sentence: Sentence, spans: PlaceSpans): void {
  const text = sentence.text;
  for (let at = 0; at < text.length; at++) {
    const place = placeEndingAt(text, at, spans);
    if (!place || !spans.free(place.start, place.end)) continue;
    // Items before it sharing its suffix (宁川县白马、溪泉镇): the place before the first is the parent of all.
    const siblings = siblingsBefore(text, spans, place);
    const written = spans.endingAt(place.start)?.candidate ?? spans.endingAt(siblings.at(-1)?.start ?? -1)?.candidate;
    const before = written ?? listedAfter(ctx, text, spans, place);
    if (!place.named && !before && !supported(ctx, text, place)) continue;
    const how = written ? 'written right after the place it is part of' : 'listed after a place of the same level and parent';
    const candidate = addWritten(ctx, place, { sentence, start: place.start, end: place.end }, before, how);
    spans.take(place.start, place.end, candidate);
    const parent = ctx.relations.find((r) => r.type === 'PART_OF' && r.from === candidate)?.to;
    for (const sibling of siblings) {
      spans.take(sibling.start, sibling.end, addWritten(ctx, sibling, { sentence, start: sibling.start, end: sibling.end }, parent));
    }
    at = place.end - 1;
  }
}

/** Items before a place that share its suffix (白马、凌家镇 → 白马镇), nearest first. */
function siblingsBefore(text: string, spans: PlaceSpans, place: WrittenPlace): WrittenPlace[] {
  const siblings: WrittenPlace[] = [];
  for (let end = place.start; text[end - 1] === '、';) {
    // An item starts after a clause mark or a place (宁川县白马、…), two or three characters long.
    const start = [end - 3, end - 4].find((at) => at >= 0 && (at === 0 || /[，,。；;：:、“（(]/.test(text[at - 1]!) || !!spans.endingAt(at)));
    const item = start === undefined ? undefined : text.slice(start, end - 1);
    if (!item || !isStem(item) || PLACE_SUFFIXES.some(([s]) => item.endsWith(s)) || !spans.free(start!, end - 1)) break;
    siblings.push({ ...place, start: start!, end: end - 1, stem: item, named: true });
    end = start!;
  }
  return siblings;
}

/** The parent of the place listed right before another of the same level (内蒙古禾安县、石丰县): theirs is the same. */
function listedAfter(ctx: DraftContext, text: string, spans: PlaceSpans, place: WrittenPlace): Candidate | undefined {
  const previous = text[place.start - 1] === '、' ? spans.endingAt(place.start - 1)?.candidate : undefined;
  if (!previous || previous.props.level !== place.level) return undefined;
  return ctx.relations.find((r) => r.type === 'PART_OF' && r.from === previous)?.to;
}

/**
 * Whether a place whose stem is a common word (平头镇) reads as one: an organization of it follows
 * (平头镇中心卫生院), or the report names it more than once.
 */
function supported(ctx: DraftContext, text: string, place: WrittenPlace): boolean {
  if (ORG_AFTER_PLACE.test(text.slice(place.end))) return true;
  const short = `${place.stem}${place.suffix}`;
  const standing = ctx.fullText
    .split(short)
    .slice(1)
    .filter((after) => !WORD_AFTER_SUFFIX[place.suffix]?.test(after));
  return standing.length >= 2;
}

/**
 * A place found by its suffix, named as the curation names it: a town or village with its parent's name
 * (宁川县南河镇, alias 南河镇), a district with its city's; PART_OF the place written right before it,
 * else, for a town, of the home county; the same place written alone later is the same candidate.
 */
function addWritten(
  ctx: DraftContext,
  place: WrittenPlace,
  mention: Mention,
  before?: Candidate,
  how = 'written right after the place it is part of',
): Candidate {
  const short = `${place.stem}${place.suffix}`;
  const level = place.suffix === '市' && before?.props.level === 'CITY' ? 'COUNTY' : place.level;
  const parent = before && rank(String(before.props.level)) < rank(level) ? before : undefined;
  const home = homeDivision(ctx, short);
  if (home) return addDivision(ctx, home, mention, 0.8, 'the report’s home place');
  const county = ctx.home.county;
  const named = (prefix: string) => ctx.add('Place', `${prefix}${short}`, mention, placeInit(ctx, place, level, prefix ? 0.7 : 0.6));
  if (parent) {
    const nested = level === 'TOWN' || level === 'VILLAGE' || (place.suffix === '区' && parent.props.level === 'CITY');
    const candidate = named(nested ? parent.name : '');
    ctx.relate('PART_OF', candidate, parent, mention, 0.7, how);
    return candidate;
  }
  const known = ctx.candidatesOf('Place').find((c) => c.props.level === level && c.aliases.has(short) && !c.masked);
  if (known) return ctx.add('Place', known.name, mention, placeInit(ctx, place, level, 0.6));
  if (level === 'TOWN' && county && !ctx.masks) {
    const town = named(county.name);
    const parentPlace = addDivision(ctx, county, mention, 0.6, 'the report’s county');
    ctx.relate('PART_OF', town, parentPlace, mention, 0.6, 'a town of the report’s county');
    return town;
  }
  return named('');
}

/** How a place found by its suffix is proposed: its short form as alias, its level, scoped in a masked report when it may be any town. */
function placeInit(ctx: DraftContext, place: WrittenPlace, level: PlaceLevel, confidence: number) {
  const local = level === 'TOWN' || level === 'VILLAGE';
  const why = place.suffix ? `named with “${place.suffix}”` : 'listed before its town’s health center';
  return { aliases: [`${place.stem}${place.suffix}`], props: { level }, confidence, why, scoped: local && ctx.masks };
}

/** The home place the list does not know, when the text names it (its parents come with it). */
function homeDivision(ctx: DraftContext, name: string): Division | undefined {
  return ctx.home.written?.find((d) => d.name === name);
}

/** Towns whose health centers are listed (尹灵芝、西洛等六所乡镇卫生院): each item a town, named as written. */
export function listedTowns(ctx: DraftContext, sentence: Sentence, spans: PlaceSpans): void {
  const text = sentence.text;
  const pattern = /((?:\p{Script=Han}{2,3}、)+\p{Script=Han}{2,3})等[0-9一二三四五六七八九十两]+[所个家](?:乡镇|镇|乡)(?:中心)?卫生院/gu;
  for (const m of text.matchAll(pattern)) {
    if (m.index > 0 && !/[，,。；;：:“（(]/.test(text[m.index - 1]!)) continue;
    let at = m.index;
    for (const item of m[1]!.split('、')) {
      const mention = { sentence, start: at, end: at + item.length };
      at += item.length + 1;
      if (!isStem(item) || !spans.free(mention.start, mention.end)) continue;
      const place: WrittenPlace = { start: mention.start, end: mention.end, stem: item, suffix: '', level: 'TOWN', named: true };
      spans.take(mention.start, mention.end, addWritten(ctx, place, mention));
    }
  }
}
