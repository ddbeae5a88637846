/**
 * Programs and policies read as noun phrases: phrases ending with a program or policy word (党风廉政建设,
 * 15分钟救治圈, …管理办法), the items that share that word (财政补助、医疗服务价格…改革), items listed before
 * a category (智慧急救、智慧疾控等项目), and quoted names no other rule took.
 */
import type { DraftContext } from './context.js';
import { LEADING, STOP_WORDS } from './lexicon/name-stops.js';
import { POLICY_PHRASE } from './lexicon/policies.js';
import { GENERIC_PROGRAM, PHRASE_MARKERS, PROGRAM_MARKERS } from './lexicon/programs.js';
import { addProgram, quotedNames } from './programs.js';
import type { Sentence } from './text.js';
import { PUNCT, tokens, type Token } from './tokens.js';

/** Heads a policy phrase is too generic with (国家标准, 管理制度). */
const GENERIC_POLICY = /^(国家|省级|市级|行业|相关|有关|各项|工作|管理|服务|监督管理|考核|评价)$/;

/** Every program or policy phrase of a sentence, where no other candidate holds it already. */
export function programPhrases(ctx: DraftContext, sentence: Sentence): void {
  const taken = (start: number, end: number) =>
    ctx.mentionsIn(sentence, 'Organization', 'Policy', 'Program', 'Event', 'Place').some((o) => o.start <= start && end <= o.end) ||
    ctx.namesPerson(sentence, start, end);
  const list = tokens(sentence.text);
  for (let i = 0; i < list.length; i++) markerPhrase(ctx, sentence, list, i, taken);
  listedItems(ctx, sentence);
  quotedNames(ctx, sentence, taken);
}

/**
 * A noun phrase ending with the program or policy word that ends token `i` (党风廉政建设, 十大文化体系建设,
 * 15分钟救治圈), walked left from it like organization names, numerals and measure words allowed.
 */
export function markerPhrase(ctx: DraftContext, sentence: Sentence, list: Token[], i: number, taken: (start: number, end: number) => boolean): void {
  const text = sentence.text;
  const token = list[i]!;
  // Markers may span words (健康服务圈: 服务 + 圈): read them on the text ending with this word.
  const window = text.slice(Math.max(0, token.end - 6), token.end);
  const policyMarker = POLICY_PHRASE.exec(window)?.[0];
  const marker = policyMarker ?? PHRASE_MARKERS.exec(window)?.[0];
  if (!marker) return;
  // The word goes on (服务管理, 工作报告): not the end of a name.
  if (list[i + 1] && /^(建设|改革|工程|项目|体系|机制|平台|服务|管理|报告|会议)/.test(list[i + 1]!.word)) return;
  const start = phraseStart(text, list, i);
  const phrase = text.slice(start, token.end);
  const head = phrase.slice(0, phrase.length - marker.length);
  if ([...head].length < 2 || ([...head].length < 3 && /^(管理|服务|工作|建设)$/.test(marker))) return;
  if (/[的了是在和与及]|^[0-9]+$/.test(phrase) || GENERIC_PROGRAM.test(head) || taken(start, token.end)) return;
  const mention = { sentence, start, end: token.end };
  if (policyMarker) {
    if (!GENERIC_POLICY.test(head)) ctx.add('Policy', phrase, mention, { confidence: 0.4, why: `a phrase ending with “${marker}”` });
    return;
  }
  const kind = PROGRAM_MARKERS.find(([w]) => phrase.endsWith(w))?.[1] ?? 'INITIATIVE';
  addProgram(ctx, phrase, mention, { props: { kind }, confidence: 0.4, why: `a phrase ending with “${marker}”` });
  sharedItems(ctx, sentence, start, token.end, { marker, kind });
}

/** Where a phrase ending with token `i` starts: left over name-like words, then past leading verbs, adverbs and time words. */
function phraseStart(text: string, list: Token[], i: number): number {
  const token = list[i]!;
  let start = token.start;
  for (let j = i - 1; j >= 0; j--) {
    const t = list[j]!;
    if (PUNCT.test(t.word) || /^(p|c|u|uj|ul|uz|ud|ug|uv|d|ad|r|y|e|o|w)$/.test(t.tag) || STOP_WORDS.test(t.word)) break;
    if (/^(v|vd|vi|vg)$/.test(t.tag) && (j === 0 || PUNCT.test(list[j - 1]!.word) || /^(v|p|c|d|r|u|uj|ul)$/.test(list[j - 1]!.tag))) break;
    if (token.end - t.start > 18) break;
    start = t.start;
  }
  for (const t of list) {
    if (t.start < start) continue;
    if (t.start >= token.start || !/^(v|vd|vi|vg|ad|d|t)$/.test(t.tag) || /^[型性级化]/.test(text.slice(t.end))) break;
    start = t.end;
  }
  return start;
}

/** Items sharing a phrase's word (财政补助、医疗服务价格、…绩效考核改革): each a program with the word. */
function sharedItems(ctx: DraftContext, sentence: Sentence, start: number, end: number, shared: { marker: string; kind: string }): void {
  const text = sentence.text;
  let before = start;
  while (text[before - 1] === '、') {
    let itemStart = before - 1;
    while (itemStart > 0 && !/[、，,。；;：:“”（）()]/.test(text[itemStart - 1]!) && before - 1 - itemStart < 12) itemStart--;
    const item = text.slice(itemStart, before - 1).replace(LEADING, '');
    if ([...item].length < 2 || STOP_WORDS.test(tokens(item)[0]?.word ?? '') || /[的了是在]/.test(item)) break;
    addProgram(
      ctx,
      `${item}${shared.marker}`,
      { sentence, start: itemStart, end },
      {
        props: { kind: shared.kind },
        confidence: 0.35,
        why: `an item sharing “${shared.marker}”`,
      },
    );
    before = itemStart;
  }
}

/** A list of items before 等项目 / 等x个专项行动 / 等重大改革 / 等x个工作方案. */
const CATEGORY =
  /((?:[^、，,。；;：:]{2,16}、)+[^、，,。；;：:]{2,16})等(?:[x0-9一二三四五六七八九十百两]+[个项])?([\p{Script=Han}]{0,4}?)(项目|专项行动|行动|工作方案|方案|工作|活动|工程|试点|改革|措施|服务)/gu;

/**
 * Items listed before 等项目 / 等x个专项行动 / 等重大改革 are programs themselves (智慧急救、智慧疾控等项目建设),
 * named with the category's word too (财政补助、医疗服务价格…等重大改革 → 财政补助改革); before 等x个工作方案, policies.
 */
export function listedItems(ctx: DraftContext, sentence: Sentence): void {
  const text = sentence.text;
  for (const m of text.matchAll(CATEGORY)) {
    const parts = m[1]!.split(/、|和|及/);
    parts[0] = parts[0]!.replace(/^.*?(推进|实施|开展|推动|加快|加强|启动|打造|建设|制定)/, '');
    const word = m[3]!;
    const policy = /方案$/.test(word);
    for (const raw of parts) {
      const item = raw
        .replace(/^[“”]+|[“”]+$/g, '')
        .replace(LEADING, '')
        .replace(/^[为在对向将把从](?=\p{Script=Han}{3})/u, '');
      if ([...item].length < 2 || /[的了是在]/.test(item)) continue;
      const at = text.indexOf(raw, m.index);
      const mention = { sentence, start: at, end: at + raw.length };
      const why = `an item listed before 等…${word}`;
      if (policy) ctx.add('Policy', `${item}${word}`, mention, { aliases: [item], confidence: 0.35, why });
      else
        addProgram(ctx, item, mention, { aliases: item.endsWith(word) ? [] : [`${item}${word}`], props: { kind: 'PROJECT' }, confidence: 0.35, why });
    }
  }
}
