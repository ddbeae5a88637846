/** Events: the COVID-19 epidemic, party congresses, and meetings named with a year or a session. */
import type { DraftContext } from './context.js';
import type { Sentence } from './text.js';

/** A named meeting: with a year or a session (2023年工作会议, 十二届二次全会), one joined to another by 暨, the Olympics. */
const MEETING =
  /((?:19|20)\d{2}年)?([\p{Script=Han}]{0,12}?)([一二三四五六七八九十]+届[\p{Script=Han}]{0,4}?[一二三四五六七八九十]+次全会|工作会议(?:暨[\p{Script=Han}]{2,10}?会议)?|大会|冬奥会|冬残奥会|论坛|博览会)/gu;

/** Every event a sentence names. */
export function events(ctx: DraftContext, sentence: Sentence): void {
  epidemic(ctx, sentence);
  congresses(ctx, sentence);
  meetings(ctx, sentence);
}

/** The COVID-19 epidemic, however the text names it. */
export function epidemic(ctx: DraftContext, sentence: Sentence): void {
  for (const m of sentence.text.matchAll(/新冠(?:肺炎)?疫情|新型冠状病毒(?:肺炎|感染)?疫情/g)) {
    const mention = { sentence, start: m.index, end: m.index + m[0].length };
    ctx.add('Event', '新冠肺炎疫情', mention, { aliases: [m[0]], confidence: 0.7, why: 'the COVID-19 epidemic' });
  }
}

/** Party congresses (党的二十大), by their full names. */
export function congresses(ctx: DraftContext, sentence: Sentence): void {
  for (const m of sentence.text.matchAll(/党的(二十|十九|十八)大/g)) {
    const n = m[1]!;
    const mention = { sentence, start: m.index, end: m.index + m[0].length };
    ctx.add('Event', `中国共产党第${n}次全国代表大会`, mention, { aliases: [m[0], `${n}大`], confidence: 0.7, why: 'a party congress' });
  }
}

/** Named meetings (2023年工作会议暨党风廉政建设会议, 二十届中央纪委一次全会) and the Olympics, without the verb before them. */
export function meetings(ctx: DraftContext, sentence: Sentence): void {
  for (const m of sentence.text.matchAll(MEETING)) {
    const lead = /^(.*?)(召开|参加|出席|举办|举行|贯彻落实|贯彻|落实|学习|暨|及|和|与|、)/.exec(m[2]!);
    const cut = lead ? lead[0].length : 0;
    const name = `${cut ? '' : (m[1] ?? '')}${m[2]!.slice(cut)}${m[3]}`;
    if (!m[1] && !/届/.test(m[3]!) && !/奥会/.test(m[3]!)) continue;
    if ([...name].length < 5 || /[的了在是]/.test(name)) continue;
    const end = m.index + m[0].length;
    ctx.add(
      'Event',
      name,
      { sentence, start: end - name.length, end },
      {
        props: m[1] ? { year: Number(m[1].slice(0, 4)) } : {},
        confidence: 0.45,
        why: 'a named meeting or event',
      },
    );
  }
}
