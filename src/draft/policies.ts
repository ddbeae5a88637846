/**
 * Policies: titles in 《》, documents written short (党章), and named rules written after a verb that
 * handles documents without their title marks (按照…规范, 建立…制度).
 */
import type { DraftContext } from './context.js';
import { NATIONAL_DOCUMENTS, POLICY_MARKERS, RULE_VERBS } from './lexicon/policies.js';
import type { Sentence } from './text.js';
import { PUNCT, tokens } from './tokens.js';

/** Every policy a sentence names. */
export function policies(ctx: DraftContext, sentence: Sentence): void {
  titles(ctx, sentence);
  shortDocuments(ctx, sentence);
  rulesAfterVerbs(ctx, sentence);
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
