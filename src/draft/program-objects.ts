/**
 * Programs read from the verbs around them: the objects of verbs of doing (推进分级诊疗制度实施, 开展公立
 * 医院综合巡查、民营医院专项巡查) and the subjects of verbs of outcome (社会心理服务热线开通). The curation
 * counts nearly every initiative a sentence names as a program, often in words no marker sets apart.
 */
import type { DraftContext } from './context.js';
import { POLICY_PHRASE, POLICY_VERBS } from './lexicon/policies.js';
import { GENERIC_PROGRAM, OBJECT_VERBS, OUTCOMES, PHRASE_MARKERS, PROGRAM_MARKERS, VERB_ADVERBS } from './lexicon/programs.js';
import { STOP_WORDS } from './lexicon/name-stops.js';
import { addProgram } from './programs.js';
import type { Sentence } from './text.js';
import { HAN, PUNCT, STOP_TAGS, tokens, type Token } from './tokens.js';

/**
 * The objects of verbs of doing. Each item of the object is a candidate, verbs inside it allowed
 * (托育机构示范创建工程); a list whose items are too short to stand alone (自查、互查、督查制度; 市、县、乡三级…
 * 网络) is one name. Curators write such names without a trailing 建设 or 工作, or with the verb made a noun
 * (建设中医药专科集群 → 中医药专科集群建设): those forms are aliases. An object ending with a policy word is a policy.
 */
export function objectPhrases(ctx: DraftContext, sentence: Sentence): void {
  const text = sentence.text;
  const list = tokens(text);
  for (let i = 0; i < list.length; i++) {
    const word = list[i]!.word;
    const verb = OBJECT_VERBS.has(word) || POLICY_VERBS.has(word) ? word : word.replace(VERB_ADVERBS, '');
    const policyOnly = POLICY_VERBS.has(verb);
    if (!OBJECT_VERBS.has(verb) && !policyOnly) continue;
    // A verb inside a noun phrase (党风廉政建设报告) has no object.
    const before = list[i - 1];
    if (list[i]!.tag === 'vn' && before && /^(n|vn|nz|j)$/.test(before.tag) && !VERB_ADVERBS.test(before.word)) continue;
    let j = /^(了|起|出)$/.test(list[i + 1]?.word ?? '') ? i + 2 : i + 1;
    // A count before the object (设立xx个名医工作室) is no part of it.
    if (/^(x+|[0-9]+)$/i.test(list[j]?.word ?? '') && /^[个家所项批支]$/.test(list[j + 1]?.word ?? '')) j += 2;
    const { items, joined, end } = objectItems(text, list, j, policyOnly);
    if (!items.length) continue;
    const whole: [number, number] = [items[0]![0], items.at(-1)![1]];
    const short = items.slice(1).some(([a, b]) => [...text.slice(a, b)].length < 3);
    const spans = short ? [whole] : joined && items.length > 1 ? [...items, whole] : items;
    // Items sharing the last one's word or the category after 等 (控烟和全民健身行动, …及专科联盟等建设): named with it too.
    const shared = PHRASE_MARKERS.exec(text.slice(...items.at(-1)!))?.[0] ?? /^等(建设|服务|项目|工作|工程|行动)/.exec(text.slice(end))?.[1];
    for (const [a, b] of spans) objectPhrase(ctx, sentence, a, b, { why: `the object of “${verb}”`, verb, policyOnly, shared });
  }
}

/** The items of an object starting at token `first`: between 、 and conjunctions, up to the clause's end, a particle, a pronoun, an adverb or a count. */
function objectItems(
  text: string,
  list: Token[],
  first: number,
  policyOnly: boolean,
): { items: Array<[number, number]>; joined: boolean; end: number } {
  const items: Array<[number, number]> = [];
  let start = list[first]?.start ?? text.length;
  let end = start;
  let joined = false;
  let j = first;
  for (; j < list.length && list[j]!.end - (list[first]?.start ?? 0) <= 24; j++) {
    const t = list[j]!;
    if (t.word === '、' || /^(和|与|及|以及)$/.test(t.word)) {
      if (end > start) items.push([start, end]);
      joined ||= t.word !== '、';
      start = end = t.end;
      continue;
    }
    const count = /^(x+|[0-9.]+)$/i.test(t.word) && /^[个人家所名次例项批支万亿元张余多.%]/.test(text.slice(t.end));
    if (
      (PUNCT.test(t.word) && !/^[“”]+$/.test(t.word)) ||
      /^(p|c|u|uj|ul|uz|ud|ug|uv|r|d|y|e|o)$/.test(t.tag) ||
      (t.tag === 't' && /年|月|日|目前|当前|近期|期间|以来|今后|此前|此后|同时/.test(t.word) && !/^[老青少中成]年$/.test(t.word)) ||
      /^(等|的|了|中|上|下|时|后|前|为|是|在)$/.test(t.word) ||
      (j === first && !policyOnly && OBJECT_VERBS.has(t.word.replace(VERB_ADVERBS, ''))) ||
      count
    )
      break;
    end = t.end;
  }
  // What stops at 的 qualifies what follows it (群众满意的医疗健康体系, 有条件的区) unless it is a noun phrase.
  const modifier = list[j]?.word === '的' && (!/^n/.test(list[j - 1]!.tag) || /^(v|l)$/.test(list[first]!.tag));
  if (end > start && !modifier) items.push([start, end]);
  return { items, joined, end };
}

/**
 * A clause's subject that a verb of outcome reports on (社会心理服务热线开通, …专项治理成效显著, …示范项目落地):
 * reports name an initiative first when they tell what came of it.
 */
export function subjectPhrases(ctx: DraftContext, sentence: Sentence): void {
  const text = sentence.text;
  const list = tokens(text);
  for (let i = 0; i < list.length; i++) {
    if (i > 0 && !/^[，,；;：:]$/.test(list[i - 1]!.word)) continue;
    const first = /^(全市|全省|全县|全区|我市|我省|我县|该市|目前|同时|此外|其中)$/.test(list[i]!.word) ? i + 1 : i;
    const head = list[first];
    // A subject starts with a noun, not a verb, preposition or adverb (积极参与…, 按照…, 已经…).
    if (!head || PUNCT.test(head.word) || /^(v|vd|vi|p|d|ad|c|r|l|a)$/.test(head.tag) || STOP_WORDS.test(head.word)) continue;
    const start = head.start;
    for (let k = first + 1; k < list.length && list[k]!.start - start <= 20; k++) {
      const t = list[k]!;
      if (PUNCT.test(t.word) || STOP_TAGS.test(t.tag) || /^(等|的|了|是|在|为)$/.test(t.word)) break;
      const outcome = OUTCOMES.exec(text.slice(t.start))?.[0];
      if (!outcome) continue;
      objectPhrase(ctx, sentence, start, t.start, { why: `the subject of “${outcome}”` });
      break;
    }
  }
}

/** An object of a verb of doing or a subject of outcome, as a program (or a policy), if it reads as a name. */
export function objectPhrase(
  ctx: DraftContext,
  sentence: Sentence,
  start: number,
  end: number,
  how: { why: string; verb?: string; policyOnly?: boolean; shared?: string },
): void {
  const phrase = sentence.text.slice(start, end);
  const words = tokens(phrase);
  const length = [...phrase].length;
  if (length < 3 || length > 22 || /[的了是在]/.test(phrase) || !HAN.test(phrase) || GENERIC_PROGRAM.test(phrase)) return;
  if ((phrase.match(/“/g)?.length ?? 0) !== (phrase.match(/”/g)?.length ?? 0) || /^”|“$/.test(phrase)) return;
  if (/^(a|ad|d|f|t|u|uj|p|c|r|m|q)$/.test(words.at(-1)!.tag) && !/[圈”]$/.test(phrase)) return;
  if (ctx.mentionsIn(sentence, 'Organization', 'Place', 'Policy', 'Event').some((o) => o.start <= start && end <= o.end)) return;
  if (ctx.namesPerson(sentence, start, end)) return;
  const mention = { sentence, start, end };
  const policy = POLICY_PHRASE.exec(phrase)?.[0];
  if (policy) {
    if (length - policy.length >= 2) ctx.add('Policy', phrase, mention, { confidence: 0.35, why: `${how.why}, ending with “${policy}”` });
    return;
  }
  if (how.policyOnly) return;
  const verb = how.verb ?? '';
  const aliases = /^(建设|创建)$/.test(verb) ? [`${phrase}${verb}`, `${verb}${phrase}`] : [];
  if (how.shared && !phrase.endsWith(how.shared)) aliases.push(`${phrase}${how.shared}`);
  const marker = PROGRAM_MARKERS.find(([w]) => phrase.endsWith(w));
  addProgram(ctx, phrase, mention, { aliases, props: { kind: marker?.[1] ?? 'INITIATIVE' }, confidence: marker ? 0.5 : 0.3, why: how.why });
}
