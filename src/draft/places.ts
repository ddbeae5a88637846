/**
 * Places: the administrative divisions a sentence names (with their parents up to 中国), macro-regions,
 * the country, masked places (xx市) and towns (平头镇), each with its level.
 */
import type { Candidate, DraftContext } from './context.js';
import { chinaDivisions, levelOfSuffix } from './divisions.js';
import { REGIONS } from './lexicon/places.js';
import { PlaceSpans, addChina, addDivision } from './place-candidates.js';
import { listedTowns, suffixPlaces } from './place-suffixes.js';
import type { Sentence } from './text.js';
import { HAN, tokens } from './tokens.js';

/** Every place a sentence names. */
export function places(ctx: DraftContext, sentence: Sentence): void {
  const spans = new PlaceSpans();
  divisionWords(ctx, sentence, spans);
  divisionsGlued(ctx, sentence, spans);
  regions(ctx, sentence, spans);
  country(ctx, sentence);
  maskedPlaces(ctx, sentence, spans);
  listedTowns(ctx, sentence, spans);
  suffixPlaces(ctx, sentence, spans);
}

/** Words jieba cuts that are a division's name (寿阳县, 晋中): full names, and short forms of provinces and cities. */
function divisionWords(ctx: DraftContext, sentence: Sentence, spans: PlaceSpans): void {
  const text = sentence.text;
  const divisions = chinaDivisions();
  const mentioned = (name: string) => ctx.fullText.includes(name);
  for (const token of tokens(text)) {
    if (!HAN.test(token.word) || token.word.length < 2) continue;
    const name = token.word;
    if (!divisions.byName.get(name)) continue;
    const division = divisions.resolve(name, mentioned) ?? (ctx.home.county?.aliases.includes(name) ? ctx.home.county : undefined);
    if (!division) continue;
    if (name !== division.name && division.level === 'COUNTY' && !division.aliases.includes(name)) continue;
    if (!spans.free(token.start, token.end) || gluedToName(text, token.start, division.name)) continue;
    const mention = { sentence, start: token.start, end: token.end };
    spans.take(token.start, token.end, addDivision(ctx, division, mention, name === division.name ? 0.9 : 0.75, 'an administrative division'));
  }
}

/** A one-character name (丰县) right after a character of a name jieba cut off (石丰县): the longer name's, read by its suffix. */
function gluedToName(text: string, start: number, name: string): boolean {
  const previous = tokens(text).find((t) => t.end === start);
  return name.length === 2 && !!previous && previous.word.length === 1 && /^(n|ns|nr|x|ng|zg)$/.test(previous.tag) && HAN.test(previous.word);
}

/** Names jieba keeps whole with what follows (寿阳县医疗集团): full names of one division, looked for directly. */
function divisionsGlued(ctx: DraftContext, sentence: Sentence, spans: PlaceSpans): void {
  const text = sentence.text;
  for (const [name, options] of chinaDivisions().byName) {
    if (name.length < 3 || options.length !== 1) continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      if (!spans.free(at, at + name.length)) continue;
      const mention = { sentence, start: at, end: at + name.length };
      spans.take(at, at + name.length, addDivision(ctx, options[0]!, mention, 0.85, 'an administrative division'));
    }
  }
}

/** Macro-regions (西部, 京津冀), where the next character does not make them another word (…部署, …方面). */
function regions(ctx: DraftContext, sentence: Sentence, spans: PlaceSpans): void {
  const text = sentence.text;
  for (const region of REGIONS) {
    const at = text.indexOf(region);
    if (at < 0 || !spans.free(at, at + region.length) || /[部方]/.test(text[at + region.length] ?? '')) continue;
    const mention = { sentence, start: at, end: at + region.length };
    const place = ctx.add('Place', region, mention, { props: { level: 'REGION' }, confidence: 0.6, why: 'a macro-region' });
    const china = addChina(ctx, mention);
    ctx.relate('PART_OF', place, china, mention, 0.7, 'a macro-region of 中国');
  }
}

/** The country, not in names that start with it (中国特色, 中国共产党). */
function country(ctx: DraftContext, sentence: Sentence): void {
  for (const m of sentence.text.matchAll(/中国(?!特色|共产党|人民解放军|梦|式)|我国|中华人民共和国/g)) {
    addChina(ctx, { sentence, start: m.index, end: m.index + m[0].length }, 0.8, 'the country');
  }
}

/** Masked places (xx市, xx县): the level from the suffix. */
function maskedPlaces(ctx: DraftContext, sentence: Sentence, spans: PlaceSpans): void {
  for (const m of sentence.text.matchAll(/(x{2,}|X{2,})(自治区|省|市|新区|区|县|旗|镇|社区)/g)) {
    const level = levelOfSuffix(m[0]) ?? 'CITY';
    const mention = { sentence, start: m.index, end: m.index + m[0].length };
    const place = ctx.add('Place', m[0], mention, {
      props: { level: level === 'VILLAGE' ? 'VILLAGE' : level },
      confidence: 0.7,
      why: 'a masked place',
    });
    if (spans.free(mention.start, mention.end)) spans.take(mention.start, mention.end, place);
  }
}

/** A masked place's parent: the masked place of the next level up its article names (xx县 → xx市), else 中国. */
export function maskedPlaceParents(ctx: DraftContext, places: Candidate[]): void {
  const rank = (p: Candidate) => ['PROVINCE', 'CITY', 'COUNTY', 'TOWN', 'VILLAGE'].indexOf(String(p.props.level));
  for (const place of places.filter((p) => p.masked && rank(p) >= 0)) {
    const source = place.mentions[0]!.sentence.source;
    const parent = places
      .filter((p) => p.masked && rank(p) >= 0 && rank(p) < rank(place) && p.mentions[0]!.sentence.source === source)
      .sort((a, b) => rank(b) - rank(a))[0];
    const mention = (parent && ctx.mentionWithBoth(place, parent)) ?? place.mentions[0]!;
    const to = parent ?? addChina(ctx, mention);
    ctx.relate('PART_OF', place, to, mention, 0.5, 'a masked place of its article');
  }
}
