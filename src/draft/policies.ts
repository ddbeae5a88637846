/**
 * Policies: titles in 《》, documents written short (党章), and named rules and documents written after a
 * verb that handles documents without their title marks (按照…规范, 建立…制度, 印发…实施方案, 出台…若干措施).
 */
import type { DraftContext } from './context.js';
import { DOCUMENT_SUFFIXES, DOCUMENT_VERBS, NATIONAL_DOCUMENTS, NOT_DOCUMENT_AFTER, POLICY_MARKERS, RULE_VERBS } from './lexicon/policies.js';
import type { Sentence } from './text.js';
import { PUNCT, tokens } from './tokens.js';

/** Every policy a sentence names. */
export function policies(ctx: DraftContext, sentence: Sentence): void {
  titles(ctx, sentence);
  shortDocuments(ctx, sentence);
  rulesAfterVerbs(ctx, sentence);
  documentsAfterVerbs(ctx, sentence);
}

/** A title in 《》, with the year it names. */
export function titles(ctx: DraftContext, sentence: Sentence): void {
  for (const m of sentence.text.matchAll(/《([^《》]{2,60})》/g)) {
    const name = m[1]!.trim();
    const year = /((?:19|20)\d{2})/.exec(name)?.[1];
    const mention = { sentence, start: m.index, end: m.index + m[0].length };
    ctx.add('Policy', name, mention, { props: year ? { year: Number(year) } : {}, confidence: 0.9, why: 'a title in 《》' });
  }
}

/** Documents written short (党章, 宪法), by their official names. */
export function shortDocuments(ctx: DraftContext, sentence: Sentence): void {
  const text = sentence.text;
  for (const [short, full] of Object.entries(NATIONAL_DOCUMENTS)) {
    for (let at = text.indexOf(short); at >= 0; at = text.indexOf(short, at + short.length)) {
      ctx.add(
        'Policy',
        full,
        { sentence, start: at, end: at + short.length },
        { aliases: [short], confidence: 0.6, why: 'a document written short' },
      );
    }
  }
}

/** A named rule after a verb that handles documents (按照…规范, 建立…制度), cut after its last policy word. */
export function rulesAfterVerbs(ctx: DraftContext, sentence: Sentence): void {
  const text = sentence.text;
  const list = tokens(text);
  for (let i = 0; i < list.length; i++) {
    const verb = list[i]!;
    if (!RULE_VERBS.test(verb.word) || list[i + 1]?.word === '《') continue;
    let end = verb.end;
    for (let j = i + 1; j < list.length && j - i <= 8; j++) {
      const t = list[j]!;
      if (PUNCT.test(t.word) || /^(和|与|及|的|了|等)$/.test(t.word) || /^(v|p|c|u|ul|uj|d|r)$/.test(t.tag)) break;
      end = t.end;
    }
    const start = list[i + 1]?.start ?? end;
    let phrase = text.slice(start, end);
    const marker = POLICY_MARKERS.find((w) => phrase.includes(w) && w.length >= 2);
    if (!marker) continue;
    phrase = phrase.slice(0, phrase.lastIndexOf(marker) + marker.length);
    if ([...phrase].length < 4 || /^(制度|标准|规范|方案|意见|办法)$/.test(phrase)) continue;
    ctx.add('Policy', phrase, { sentence, start, end: start + phrase.length }, { confidence: 0.5, why: `a named rule after “${verb.word}”` });
  }
}

/** Where a document's name cannot run back past: the end of its clause, a quote, a title mark. */
const CLAUSE_EDGE = /[，,。；;：:、！!？?（）()“”《》]/;
/** Heads that leave a document's name generic (实施方案 alone, 相关标准, 国家标准). */
const GENERIC_DOCUMENT = /^(国家|省级|市级|县级|行业|相关|有关|各项|各类|工作|管理|服务|技术|统一|新|本|该|此|上述|一系列|系列)$/;

/**
 * A document named without title marks (印发宁川县…实施方案, 出台支持中医药发展若干措施, 落实…管理办法): from
 * a document word back to the nearest verb that governs documents in its clause, so the name never takes
 * in the clause before the verb; a name with 的 only when it is a title (关于…的实施意见).
 */
export function documentsAfterVerbs(ctx: DraftContext, sentence: Sentence): void {
  const text = sentence.text;
  for (const suffix of DOCUMENT_SUFFIXES) {
    for (let at = text.indexOf(suffix); at >= 0; at = text.indexOf(suffix, at + 1)) {
      const end = at + suffix.length;
      if (
        NOT_DOCUMENT_AFTER.test(text.slice(end)) ||
        DOCUMENT_SUFFIXES.some((s) => s !== suffix && s.endsWith(suffix) && text.slice(0, end).endsWith(s))
      )
        continue;
      const name = documentBefore(text, at, end);
      if (!name) continue;
      const mention = { sentence, start: end - name.text.length, end };
      const why = `a document after “${name.verb}”, ending with “${suffix}”`;
      ctx.add('Policy', name.text, mention, { aliases: documentShortForms(name.text, suffix), confidence: 0.5, why });
    }
  }
}

/** The name of a document ending at `end`: what follows the nearest governing verb before it in its clause. */
function documentBefore(text: string, at: number, end: number): { text: string; verb: string } | undefined {
  let edge = at;
  while (edge > 0 && !CLAUSE_EDGE.test(text[edge - 1]!) && at - edge < 40) edge--;
  let best: { start: number; verb: string } | undefined;
  for (const verb of DOCUMENT_VERBS) {
    const found = text.lastIndexOf(verb, at - 1);
    if (found >= edge && found + verb.length <= at && (!best || found + verb.length > best.start)) best = { start: found + verb.length, verb };
  }
  if (!best) return undefined;
  const name = text.slice(best.start, end).replace(/^(了|出|好|并|和|了《)/, '');
  const head = name.slice(0, name.length - (end - at));
  if ([...head].length < 2 || [...name].length > 40 || GENERIC_DOCUMENT.test(head)) return undefined;
  if ((/的/.test(name) && !/^关于/.test(name)) || /[0-9]+[个项家所条]/.test(name) || /[了是在]/.test(head)) return undefined;
  return { text: name, verb: best.verb };
}

/** Shorter forms of a document's name: without the scope it starts with (全市…), and the last of the subjects it joins (…和健康教育工作方案). */
function documentShortForms(name: string, suffix: string): string[] {
  const forms = [name.replace(/^(全市|全县|全省|全区|全州|全旗|我市|我县|我省|我区)/, '')];
  const last = /[和及与]([^和及与]+)$/.exec(name)?.[1];
  if (last && [...last].length - suffix.length >= 2) forms.push(last);
  return forms.filter((f) => f !== name);
}
