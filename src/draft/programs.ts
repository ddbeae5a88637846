/**
 * Programs named in quotes: a quoted name with a program word (“千县工程”, “双下沉、两提升”战略) or after a
 * verb of doing, any other quoted name no rule took, and quoted words with the words glued to them
 * (适龄妇女“两癌”检查, “双培养”制度: a policy when a policy word ends it). Every program candidate goes
 * through `addProgram`, which gives it its shorter forms.
 */
import type { Candidate, CandidateInit, DraftContext, Mention } from './context.js';
import { STOP_WORDS } from './lexicon/name-stops.js';
import { POLICY_PHRASE } from './lexicon/policies.js';
import { OBJECT_VERBS, PROGRAM_MARKERS, RUN_VERBS, VERB_ADVERBS } from './lexicon/programs.js';
import type { Sentence } from './text.js';
import { PUNCT, STOP_TAGS, tokens, type Token } from './tokens.js';

/**
 * Shorter forms of a program's name, where phrases have uncertain edges: without a trailing 建设, 工作 or
 * 实施 (分级诊疗制度实施 → 分级诊疗制度), and without a leading verb, adverb or adjective (畅通双向转诊机制 →
 * 双向转诊机制). Aliases only: the reviewer keeps the right one.
 */
export function programShortForms(name: string): string[] {
  const forms = [name.replace(/(试点建设|建设|工作|实施|创建|步伐|能力|项目)$/, '')];
  const first = tokens(name)[0];
  const verbal = (w: string) => STOP_WORDS.test(w) || VERB_ADVERBS.test(w) || OBJECT_VERBS.has(w);
  if (first && first.word.length >= 2 && (/^(a|ad|d|v|vd|l|i)$/.test(first.tag) || verbal(first.word))) forms.push(name.slice(first.word.length));
  return forms.filter((f) => f !== name && [...f].length >= 3);
}

/** Proposes a program, its shorter forms among its aliases. */
export function addProgram(ctx: DraftContext, name: string, mention: Mention, init: CandidateInit): Candidate {
  return ctx.add('Program', name, mention, { ...init, aliases: [...(init.aliases ?? []), ...programShortForms(name)] });
}

/** Quoted names: “千县工程”, “双下沉、两提升”战略, “云巡诊车” (after a verb of doing). */
export function quotedPrograms(ctx: DraftContext, sentence: Sentence): void {
  const text = sentence.text;
  for (const m of text.matchAll(/“([^“”]{2,30})”([\p{Script=Han}]{0,4})/gu)) {
    const inner = m[1]!;
    const after = m[2]!;
    const marker = PROGRAM_MARKERS.find(([w]) => after.startsWith(w)) ?? PROGRAM_MARKERS.find(([w]) => inner.endsWith(w));
    const verbBefore =
      RUN_VERBS.some((v) => text.slice(0, m.index).endsWith(v)) || /(以|依托|通过|实施了|开展了|启动|推出|打造|创建)$/.test(text.slice(0, m.index));
    if (!marker && !verbBefore) continue;
    if (/^[一二三四五六七八九十两0-9]+个/.test(inner) && !marker) continue;
    const start = m.index;
    const withMarker = marker && after.startsWith(marker[0]) ? `${inner}${marker[0]}` : undefined;
    addProgram(
      ctx,
      inner.replace(/[,，]/g, '、'),
      { sentence, start, end: start + m[0].length },
      {
        aliases: withMarker ? [`“${inner}”${marker![0]}`, withMarker] : [],
        props: { kind: marker?.[1] ?? 'INITIATIVE' },
        confidence: marker ? 0.75 : 0.55,
        why: marker ? `a quoted name with “${marker[0]}”` : 'a quoted name after a verb of doing',
      },
    );
  }
}

/** Quoted names (“一院一品牌、一院一特色、一院一亮点”) that are no organization, honour, policy or slogan of numbers. */
export function quotedNames(ctx: DraftContext, sentence: Sentence, taken: (start: number, end: number) => boolean): void {
  const text = sentence.text;
  for (const m of text.matchAll(/“([^“”]{3,25})”/gu)) {
    const inner = m[1]!;
    const start = m.index;
    if (taken(start + 1, start + 1 + inner.length) || /[的了是在]|^[一二三四五六七八九十两0-9]+个|难$/.test(inner)) continue;
    // An idiom or a modifier (“敢啃硬骨头”的韧劲) is no name.
    const words = tokens(inner);
    if ((words.length === 1 && /^(i|l)$/.test(words[0]!.tag)) || /^[的之]/.test(text.slice(start + m[0].length))) continue;
    if (/^(称号|荣誉|奖|精神|理念|要求|原则|目标|方针|作用|意识|自信)/.test(text.slice(start + m[0].length, start + m[0].length + 2))) continue;
    if (ctx.mentionsIn(sentence, 'Achievement').some((a) => a.start <= start && start < a.end)) continue;
    const mention = { sentence, start, end: start + m[0].length };
    addProgram(ctx, inner.replace(/[,，]/g, '、'), mention, { props: { kind: 'INITIATIVE' }, confidence: 0.35, why: 'a quoted name' });
  }
}

/**
 * Quoted words and the words glued to them (适龄妇女“两癌”检查, 建设“普惠康养”名城, “星级”“四强”党组织建设):
 * one name, a program, or a policy when it ends with a policy word (“双培养”制度, “十四五”区域医疗规划).
 * Words on the left stop at a verb; on the right a verb ends the name only when nothing follows it.
 */
export function gluedQuotes(ctx: DraftContext, sentence: Sentence): void {
  const text = sentence.text;
  const list = tokens(text);
  for (const m of text.matchAll(/(?:“[^“”]{1,20}”)+/gu)) {
    const open = m.index;
    const close = open + m[0].length;
    const start = gluedLeft(list, open);
    const end = gluedRight(list, close);
    const after = text.slice(close, end);
    if ((start === open && end === close) || /^(称号|荣誉|奖|精神|理念|要求|目标|方针|作用|意识|自信)/.test(after)) continue;
    if (ctx.mentionsIn(sentence, 'Organization', 'Achievement').some((o) => o.start < end && start < o.end)) continue;
    const name = text.slice(start, end);
    const mention = { sentence, start, end };
    const why = 'a quoted name with the words glued to it';
    // Shorter forms: without the words on the left, or (a policy) with only what is quoted (“乡聘村用”政策 → 乡聘村用).
    const aliases = start < open && end > close ? [text.slice(open, end)] : [];
    if (POLICY_PHRASE.test(name.replace(/”$/, '')) || /原则$/.test(name)) {
      ctx.add('Policy', name, mention, { aliases: [...aliases, text.slice(start, close)], confidence: 0.4, why });
      continue;
    }
    const kind = PROGRAM_MARKERS.find(([w]) => name.endsWith(w))?.[1] ?? 'INITIATIVE';
    addProgram(ctx, name, mention, { aliases, props: { kind }, confidence: 0.4, why });
  }
}

const gluedStop = (t: Token) => PUNCT.test(t.word) || STOP_TAGS.test(t.tag) || STOP_WORDS.test(t.word) || /^(等|的|了)$/.test(t.word);

/** Where the words glued to the left of a quote start: a verb, a numeral or a lone character (做强“…”) is no part of the name. */
function gluedLeft(list: Token[], open: number): number {
  let start = open;
  for (let k = list.findIndex((t) => t.end === open); k >= 0; k--) {
    const t = list[k]!;
    if (gluedStop(t) || /^(v|vd|vi|vg|m|l)$/.test(t.tag) || (t.word.length === 1 && /^(a|n|v)$/.test(t.tag)) || open - t.start > 10) break;
    start = t.start;
  }
  return start;
}

/** Where the words glued to the right of a quote end: at a stop, a number, or a verb something follows. */
function gluedRight(list: Token[], close: number): number {
  let end = close;
  for (let k = list.findIndex((t) => t.start === close); k >= 0 && k < list.length; k++) {
    const t = list[k]!;
    const next = list[k + 1];
    const last = !next || gluedStop(next) || /^(x+|[0-9.]+)$/i.test(next.word);
    const glued = /^[获为在与和及由向对从到把被将]/.test(t.word) && t.tag === 'x';
    const verb = /^(v|vd|vi|vg)$/.test(t.tag) || STOP_WORDS.test(t.word);
    if ((gluedStop(t) && !(verb && last)) || glued || /^(x+|[0-9.]+)$/i.test(t.word) || (verb && !last) || t.end - close > 8) break;
    end = t.end;
  }
  return end;
}
