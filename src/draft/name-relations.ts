/**
 * Relationships the names themselves state, read once every sentence is: a unit within the body its name
 * starts with, a unit of “the group”, an organization, program or event in the place it is named with, a
 * program or event run by the organization named in it, a document issued by the bodies its title names;
 * then masked places' parents, and what sentences left to their source's main actor.
 */
import { mainActor } from './actors.js';
import type { Candidate, DraftContext } from './context.js';
import { relativePlace } from './home.js';
import { maskedPlaceParents } from './places.js';

/** A masked entity belongs to its article: it relates only to entities of the same article. */
const scope = (c: Candidate) => (c.masked ? c.mentions[0]!.sentence.source : '');

/** Every relationship the names state, then the main actors'. */
export function nameRelations(ctx: DraftContext): void {
  const orgs = ctx.candidatesOf('Organization');
  const places = ctx.candidatesOf('Place');
  for (const org of orgs) {
    parentByName(ctx, org, orgs);
    groupUnit(ctx, org);
  }
  for (const c of ctx.byKey.values()) {
    placeByName(ctx, c, places);
    runnerByName(ctx, c, orgs);
  }
  for (const policy of ctx.byKey.values()) issuersInTitle(ctx, policy, orgs);
  maskedPlaceParents(ctx, places);
  actorRelations(ctx);
}

/** Part of the organization whose name it starts with (国家卫生健康委员会医政医管局 → 国家卫生健康委员会). */
export function parentByName(ctx: DraftContext, org: Candidate, orgs: Candidate[]): void {
  const forms = [org.name, ...org.aliases];
  const parent = orgs
    .filter(
      (p) =>
        p !== org &&
        p.masked === org.masked &&
        scope(p) === scope(org) &&
        ![p.name, ...p.aliases].some((f) => forms.includes(f)) &&
        [p.name, ...p.aliases].some((f) => f.length >= 3 && forms.some((x) => x.startsWith(f) && x.length > f.length)),
    )
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (parent) ctx.relate('PART_OF', org, parent, ctx.mentionWithBoth(org, parent) ?? org.mentions[0]!, 0.6, 'its name starts with the other’s');
}

/** A unit named after “the group” (集团人民医院, 集团党委) is part of the group the report is about. */
export function groupUnit(ctx: DraftContext, org: Candidate): void {
  const mention = org.mentions[0]!;
  const group = /^集团./.test(org.name) ? mainActor(ctx, mention.sentence.source) : undefined;
  if (group && group !== org && /集团|医共体/.test(group.name))
    ctx.relate('PART_OF', org, group, mention, 0.5, 'a unit of the group the report is about');
}

/**
 * The place a name starts with (寿阳县人民医院 → 寿阳县; 省纪委十二届二次全会 → the report's province; in a
 * masked article, 市人民医院 → its xx市), or a program's name holds (健康寿阳建设 → 寿阳县).
 */
export function placeByName(ctx: DraftContext, c: Candidate, places: Candidate[]): void {
  const placeNamed = (match: (form: string, place: string) => boolean) =>
    places
      .filter(
        (p) =>
          p.masked === c.masked &&
          scope(p) === scope(c) &&
          !/^(中国|我国)$/.test(p.name) &&
          [p.name, ...p.aliases].some((f) => f.length >= 2 && [c.name, ...c.aliases].some((x) => match(x, f))),
      )
      .sort((a, b) => b.name.length - a.name.length)[0];
  const place =
    c.type === 'Organization' || c.type === 'Event'
      ? (placeNamed((x, f) => x.startsWith(f)) ?? relativePlace(ctx, c, places))
      : c.type === 'Program'
        ? (placeNamed((x, f) => x.includes(f) || (f.length >= 3 && x.includes(f.replace(/[省市县]$/, '')))) ?? relativePlace(ctx, c, places))
        : undefined;
  if (place) ctx.relate('LOCATED_IN', c, place, ctx.mentionWithBoth(c, place) ?? c.mentions[0]!, 0.6, 'named with its place');
}

/** A program or event named with its organization (市中心医院门急诊楼项目, 省纪委十二届二次全会): it runs it. */
export function runnerByName(ctx: DraftContext, c: Candidate, orgs: Candidate[]): void {
  const runner =
    (c.type === 'Program' || c.type === 'Event') &&
    orgs.find((o) => o.mentions.some((m) => c.mentions.some((n) => n.sentence === m.sentence && n.start <= m.start && m.end < n.end)));
  if (runner) ctx.relate('RUNS', runner, c, c.mentions[0]!, 0.5, 'named with the organization');
}

/** A document titled with its issuers (中共中央国务院关于…的意见): each issued it. */
export function issuersInTitle(ctx: DraftContext, policy: Candidate, orgs: Candidate[]): void {
  const issuers = policy.type === 'Policy' ? /^(.+?)关于/.exec(policy.name)?.[1] : undefined;
  for (const org of issuers ? orgs : []) {
    if ([org.name, ...org.aliases].some((f) => f.length >= 2 && issuers!.includes(f)))
      ctx.relate('ISSUED', org, policy, ctx.mentionWithBoth(policy, org) ?? policy.mentions[0]!, 0.6, 'named in its title');
  }
}

/** What a sentence tells with no organization as its subject (开展…, 制定…, 组建…): the source's main actor did it. */
export function actorRelations(ctx: DraftContext): void {
  for (const { type, other, mention, confidence } of ctx.pendingActor) {
    const actor = mainActor(ctx, mention.sentence.source);
    if (!actor || actor === other) continue;
    const why = 'the organization or place the article is about';
    if (type === 'PART_OF') ctx.relate(type, other, actor, mention, confidence, why);
    else ctx.relate(type, actor, other, mention, confidence, why);
    // What a place runs itself is located there.
    if (actor.type === 'Place' && type === 'RUNS')
      ctx.relate('LOCATED_IN', other, actor, mention, confidence, 'run by the place the article is about');
  }
}
