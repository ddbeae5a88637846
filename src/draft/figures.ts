/**
 * Achievements: figures (value, unit, year, wording, qualifier; masks kept masked), honours with the body
 * that grants them, designations and milestones, each held by the organization named before it in its
 * sentence, else by its source's main actor.
 */
import type { Candidate, DraftContext } from './context.js';
import { quantities, yearIn } from './numbers.js';
import type { Sentence } from './text.js';

/** Names achievements uniquely within their source (a second figure of one clause gets “（2）”). */
type UniqueName = (name: string) => string;

/** Every achievement a sentence states. */
export function achievements(ctx: DraftContext, sentence: Sentence): void {
  const names = new Set<string>();
  const uniqueName: UniqueName = (name) => {
    let n = name;
    for (let i = 2; names.has(n) || ctx.byKey.has(`Achievement|${n}|${sentence.source}`); i++) n = `${name}（${i}）`;
    names.add(n);
    return n;
  };
  metrics(ctx, sentence, uniqueName);
  honours(ctx, sentence, uniqueName);
  designations(ctx, sentence, uniqueName);
  milestones(ctx, sentence, uniqueName);
}

/** Quantities (超35万人次, xx家), outside slogans (“四个意识”), labelled by their clause. */
export function metrics(ctx: DraftContext, sentence: Sentence, uniqueName: UniqueName): void {
  const text = sentence.text;
  for (const q of quantities(text)) {
    if (inSlogan(text, q.start)) continue;
    if (q.unit === '' && !q.masked && q.value === undefined) continue;
    const props: Candidate['props'] = { kind: 'METRIC', statement: statement(text), original: q.original };
    if (q.unit) props.unit = q.unit;
    if (q.value !== undefined) props.value = q.value;
    if (q.qualifier) props.qualifier = q.qualifier;
    if (q.masked) props.masked = true;
    if (q.lost) props.lost = true;
    const year = yearIn(text, q.start);
    if (year) props.year = year;
    const mention = { sentence, start: q.start, end: q.end };
    const init = { props, confidence: q.chinese ? 0.55 : 0.75, why: `a quantity (${q.original})` };
    const achievement = ctx.add('Achievement', uniqueName(clause(text, q.start)), mention, init);
    holder(ctx, achievement, sentence, q.start);
  }
}

/** Awards: 授予“模范单位”, 荣获“全国文明单位”称号, 被评为…; 甲被乙授予 and 乙授予甲: 甲 holds it, 乙 grants it. */
export function honours(ctx: DraftContext, sentence: Sentence, uniqueName: UniqueName): void {
  const text = sentence.text;
  for (const m of text.matchAll(/(授予|荣获|获评|获得|评为|被评为|荣膺|被授予|命名为|被命名为)(了)?“([^“”]{2,30})”/gu)) {
    const start = m.index;
    const achievement = ctx.add(
      'Achievement',
      uniqueName(m[3]!),
      { sentence, start, end: start + m[0].length },
      {
        props: { kind: /命名/.test(m[1]!) ? 'DESIGNATION' : 'AWARD', statement: statement(text) },
        confidence: 0.7,
        why: `an honour after “${m[1]}”`,
      },
    );
    const passive = text.lastIndexOf('被', start);
    const isPassive = passive >= 0 && start - passive <= 20;
    const orgs = ctx.mentionsIn(sentence, 'Organization');
    const grantors = /授予|命名/.test(m[1]!) ? orgs.filter((o) => o.end <= start && (isPassive ? o.start > passive : start - o.end <= 12)) : [];
    holder(ctx, achievement, sentence, isPassive ? passive : (grantors[0]?.start ?? start));
    for (const org of grantors) {
      const mention = { sentence, start: org.start, end: start + m[0].length };
      ctx.relate('AWARDED_BY', achievement, org.candidate, mention, 0.6, 'the body that grants it (授予)');
    }
  }
}

/** Designations: 入选…名单, 成为…中心, 通过…评审. */
export function designations(ctx: DraftContext, sentence: Sentence, uniqueName: UniqueName): void {
  const found = sentence.text.matchAll(
    /(入选|被确定为|确定为|被列为|列为|成为|获批|认定为|进入|达到了?|通过)([^，,。；;]{3,30}?)(名单|单位|基地|中心|试点|医院|标准|五百强|百强|评审|验收|称号|专科)/gu,
  );
  for (const m of found)
    clauseAchievement(ctx, sentence, uniqueName, m, { kind: 'DESIGNATION', confidence: 0.55, why: `a designation after “${m[1]}”` });
}

/** Milestones: 挂牌, 揭牌, 开业, 投入使用 …; 成立, 建成 only when done (已, 正式, 顺利 …). */
export function milestones(ctx: DraftContext, sentence: Sentence, uniqueName: UniqueName): void {
  const text = sentence.text;
  for (const m of text.matchAll(/(正式挂牌|挂牌|揭牌|成立|建成|开业|启用|投入使用|正式运行|封顶|开工|落成)/g)) {
    if (/(已|了|正式|成功|顺利|先后)$/.test(text.slice(0, m.index)) === false && !/挂牌|揭牌|封顶|开业|启用|投入使用|落成/.test(m[1]!)) continue;
    clauseAchievement(ctx, sentence, uniqueName, m, { kind: 'MILESTONE', confidence: 0.45, why: `a milestone (“${m[1]}”)` });
  }
}

/** An achievement named by the clause a match stands in, held by the organization named before it. */
function clauseAchievement(
  ctx: DraftContext,
  sentence: Sentence,
  uniqueName: UniqueName,
  m: RegExpExecArray,
  { kind, confidence, why }: { kind: string; confidence: number; why: string },
): void {
  const start = m.index;
  const init = { props: { kind, statement: statement(sentence.text) }, confidence, why };
  const achievement = ctx.add('Achievement', uniqueName(clause(sentence.text, start)), { sentence, start, end: start + m[0].length }, init);
  holder(ctx, achievement, sentence, start);
}

/** Whether a position is inside a quoted slogan (“四个意识”). */
function inSlogan(text: string, at: number): boolean {
  const open = text.lastIndexOf('“', at);
  const close = text.lastIndexOf('”', at);
  return open > close && text.indexOf('”', at) - open < 12;
}

/** The clause holding a position, at most 30 characters: the label of an achievement. */
export function clause(text: string, at: number): string {
  let start = at;
  while (start > 0 && !/[，,。；;：:！!？?]/.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !/[，,。；;：:！!？?]/.test(text[end]!)) end++;
  const clause = text.slice(start, end).trim();
  return [...clause].length > 30
    ? [...clause]
        .slice(Math.max(0, [...text.slice(start, at)].length - 12))
        .slice(0, 30)
        .join('')
    : clause;
}

/** One clean sentence: the sentence itself, trimmed. */
function statement(text: string): string {
  const s = text.replace(/^[\s“”"]+/, '').trim();
  return /[。！？]$/.test(s) ? s : `${s}。`;
}

/** The holder of an achievement: the organization named first before it in the sentence, else the source's main actor. */
function holder(ctx: DraftContext, achievement: Candidate, sentence: Sentence, at: number): void {
  const before = ctx.mentionsIn(sentence, 'Organization').filter((o) => o.end <= at);
  // A sentence about “the group” (集团…, 我委…) speaks of the source's main actor.
  const generic = /^(集团|医院|我委|我市|全市|该院|本院|委党组|中心|我局|全县|我县|全区|我区)/.test(sentence.text);
  const org = generic ? undefined : before[0];
  if (!org) return ctx.byActor('HAS_ACHIEVEMENT', achievement, { sentence, start: at, end: at }, 0.35);
  const mention = { sentence, start: org.start, end: Math.max(at, org.end) };
  ctx.relate('HAS_ACHIEVEMENT', org.candidate, achievement, mention, 0.55, 'the organization before it in the sentence');
}
