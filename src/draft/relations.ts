/**
 * Relationships a sentence states between the mentions it holds: who runs, leads, builds or joins a
 * program, issues or carries out a policy, holds or takes part in an event; what two organizations are
 * to each other (the table of `relation-rules.ts`); units listed as another's; places helped. Where a
 * sentence names no organization before the thing, its source's main actor did it.
 */
import type { RelationType } from '../model/graph.js';
import { meetingOf } from './actors.js';
import type { DraftContext, Mention, Span } from './context.js';
import { IMPLEMENTS, ISSUES } from './lexicon/policies.js';
import { JOINS, RUN_VERBS, TEAM_VERB } from './lexicon/programs.js';
import { listOfNames } from './names.js';
import { pairRelations } from './relation-rules.js';
import type { Sentence } from './text.js';

/** A sentence's mentions by label, in text order, and the ways the rules read the text around them. */
export class SentenceView {
  readonly text: string;
  readonly orgs: Span[];
  readonly places: Span[];
  readonly programs: Span[];
  readonly policies: Span[];
  readonly events: Span[];

  constructor(
    ctx: DraftContext,
    readonly sentence: Sentence,
  ) {
    this.text = sentence.text;
    this.orgs = ctx.mentionsIn(sentence, 'Organization');
    this.places = ctx.mentionsIn(sentence, 'Place');
    this.programs = ctx.mentionsIn(sentence, 'Program');
    this.policies = ctx.mentionsIn(sentence, 'Policy');
    this.events = ctx.mentionsIn(sentence, 'Event');
  }

  /** The mention covering both. */
  span(a: { start: number; end: number }, b: { start: number; end: number }): Mention {
    return { sentence: this.sentence, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
  }

  /** The organization named last before a position. */
  orgBefore(at: number): Span | undefined {
    return this.orgs.filter((x) => x.end <= at).at(-1);
  }

  /** The words between two mentions. */
  between(a: { end: number }, b: { start: number }): string {
    return this.text.slice(a.end, b.start);
  }

  /** The clause before a position, from the last comma, semicolon or colon. */
  clauseBefore(at: number): string {
    const text = this.text;
    return text.slice(Math.max(0, ...[...'，,；;：:'].map((c) => text.lastIndexOf(c, at - 1) + 1)), at);
  }
}

/** Every relationship a sentence states. */
export function sentenceRelations(ctx: DraftContext, sentence: Sentence): void {
  const view = new SentenceView(ctx, sentence);
  programRelations(ctx, view);
  policyRelations(ctx, view);
  eventRelations(ctx, view);
  meetingAttendance(ctx, view);
  orgPairs(ctx, view);
  unitsAndTeams(ctx, view);
  placesHelped(ctx, view);
}

/**
 * What a sentence says of a program it names: read between the organization before it and it, or with none
 * (集团…, 全市…, a clause of its own), in its clause, the main actor's doing.
 */
export function programRelations(ctx: DraftContext, view: SentenceView): void {
  for (const program of view.programs) {
    const org = view.orgBefore(program.start);
    const near = org && view.between(org, program).length <= 30 && !/[。；;]/.test(view.between(org, program));
    const gap = org ? view.between(org, program) : view.clauseBefore(program.start);
    const [type, why]: [RelationType, string] = /牵头/.test(gap)
      ? ['LEADS', '牵头']
      : /共建|共同建设|联合/.test(gap)
        ? ['CO_BUILDS', '共建']
        : JOINS.test(near || !org ? gap : view.clauseBefore(program.start))
          ? ['PARTICIPATES_IN', '参与, 入选, 申报']
          : ['RUNS', 'runs it (开展, 实施, 推进)'];
    if (org && (near || type !== 'RUNS')) {
      const confidence = RUN_VERBS.some((v) => gap.includes(v)) ? 0.6 : 0.45;
      ctx.relate(type, org.candidate, program.candidate, view.span(org, program), confidence, why);
    } else ctx.byActor(type, program.candidate, view.span(program, program));
  }
}

/** With no organization before a policy, the verb of its clause tells what the main actor did with it. */
export function policyRelations(ctx: DraftContext, view: SentenceView): void {
  for (const policy of view.policies) {
    const org = view.orgBefore(policy.start);
    const gap = org ? view.between(org, policy) : view.clauseBefore(policy.start);
    const verb = ISSUES.exec(gap)?.[0] ?? IMPLEMENTS.exec(gap)?.[0];
    if (!verb) continue;
    const type = ISSUES.test(verb) ? 'ISSUED' : 'IMPLEMENTS';
    if (org) ctx.relate(type, org.candidate, policy.candidate, view.span(org, policy), type === 'ISSUED' ? 0.6 : 0.5, `${type} (${verb})`);
    else ctx.byActor(type, policy.candidate, view.span(policy, policy));
  }
}

/** Around an event, in its clause or from the organization before it: holding it, or taking part (抗击疫情, 学习贯彻党的二十大精神). */
export function eventRelations(ctx: DraftContext, view: SentenceView): void {
  for (const event of view.events) {
    const org = view.orgBefore(event.start);
    const around = (org ? view.between(org, event) : view.clauseBefore(event.start)) + view.text.slice(event.end, event.end + 6);
    const type = /召开|举办|主办|组织/.test(around)
      ? 'RUNS'
      : /参加|参与|投入|抗击|驰援|防控|应对|抗疫|学习|贯彻/.test(around)
        ? 'PARTICIPATES_IN'
        : undefined;
    if (type && org)
      ctx.relate(type, org.candidate, event.candidate, view.span(org, event), 0.45, type === 'RUNS' ? 'holds (召开, 举办)' : 'takes part');
    else if (type) ctx.byActor(type, event.candidate, view.span(event, event));
  }
}

/** People who attend, chair or speak (出席, 主持, 讲话) take part in the meeting the source reports. */
export function meetingAttendance(ctx: DraftContext, view: SentenceView): void {
  const meeting = /出席|参加|主持|讲话|发言|宣读|致辞|报告/.test(view.text) ? meetingOf(ctx, view.sentence.source) : undefined;
  for (const person of meeting ? ctx.mentionsIn(view.sentence, 'Person') : [])
    ctx.relate('PARTICIPATES_IN', person.candidate, meeting!, view.span(person, person), 0.4, 'attends the meeting the report is about');
}

/** Each two organizations of the sentence close together (within 25 characters, one clause), read by the table of rules. */
export function orgPairs(ctx: DraftContext, view: SentenceView): void {
  const { orgs, programs } = view;
  for (let i = 0; i < orgs.length; i++) {
    const a = orgs[i]!;
    for (const b of orgs.slice(i + 1)) {
      if (b.start < a.end) continue;
      const gap = view.between(a, b);
      if (gap.length > 25 || /[。；;]/.test(gap)) continue;
      const next = [...orgs, ...programs].find((x) => x.start >= b.end);
      const pair = { a, b, gap, after: view.text.slice(b.end, b.end + 14), next };
      for (const r of pairRelations(pair)) ctx.relate(r.type, r.from.candidate, r.to.candidate, view.span(r.from, r.to), r.confidence, r.why);
    }
  }
}

/**
 * A team set up with no organization before it in the sentence (组建委班子宣讲团): the main actor's. Units
 * listed after 所属, 下属 or 旗下 (集团所属航天中心医院、航天七三一医院): part of the organization written right
 * before it, else of the main actor.
 */
export function unitsAndTeams(ctx: DraftContext, view: SentenceView): void {
  const { orgs, text } = view;
  for (const org of orgs) {
    if (TEAM_VERB.test(text.slice(0, org.start)) && !view.orgBefore(org.start) && org.candidate.props.kind === 'OTHER') {
      ctx.byActor('RUNS', org.candidate, view.span(org, org));
      ctx.byActor('PART_OF', org.candidate, view.span(org, org));
    }
    const owned = /(所属|下属|旗下)([^，,。；;]*)$/.exec(view.clauseBefore(org.start));
    if (owned && listOfNames(owned[2]!, orgs, org.start - owned[2]!.length)) {
      const owner = orgs.find((o) => o.end <= org.start - owned[0].length && org.start - owned[0].length - o.end <= 2);
      if (owner) ctx.relate('PART_OF', org.candidate, owner.candidate, view.span(owner, org), 0.55, 'A所属B、C');
      else ctx.byActor('PART_OF', org.candidate, view.span(org, org), 0.45);
    }
  }
}

/** A place helped (驰援湖北, 向…武川县、商都县捐赠, 支持香港抗疫): by the organization before it, else the main actor. */
export function placesHelped(ctx: DraftContext, view: SentenceView): void {
  for (const place of view.places) {
    const org = view.orgBefore(place.start);
    const near = org && view.between(org, place).length <= 20 && !/[。；;]/.test(view.between(org, place));
    const gap = near ? view.between(org, place) : view.clauseBefore(place.start);
    if (!/^赴|帮扶|支援|驰援|援助|援建|支持|捐赠|捐助|派驻/.test(gap) || place.candidate.props.level === 'COUNTRY') continue;
    if (near) ctx.relate('SUPPORTS', org.candidate, place.candidate, view.span(org, place), 0.5, '帮扶, 援 a place');
    else ctx.byActor('SUPPORTS', place.candidate, view.span(place, place));
  }
}
