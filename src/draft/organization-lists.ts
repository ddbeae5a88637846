/**
 * Organizations named without a suffix of their own: items of a list before the category they are
 * (景尚、七里河等5个养老院), departments an organization set up (妇产中心、胸痛中心等重点专科), and national
 * bodies written short (国务院, 国家卫健委).
 */
import type { OrganizationKind } from '../generated/graphql.js';
import type { DraftContext } from './context.js';
import { LEADING, STOP_WORDS } from './lexicon/name-stops.js';
import { ENUMERATION } from './lexicon/organization-heads.js';
import { NATIONAL_NAMES, ORG_SUFFIXES } from './lexicon/organizations.js';
import { organization } from './organization-names.js';
import type { Sentence } from './text.js';
import { PUNCT, tokens } from './tokens.js';

/** Enumerations before a category: 景尚、七里河等5个养老院; 环球医疗、通用医疗…5家医疗管理平台. */
export function enumerations(ctx: DraftContext, sentence: Sentence): void {
  const text = sentence.text;
  for (const m of text.matchAll(ENUMERATION)) {
    const category = m[2]!;
    const items = listItems(m[1]!);
    if (!items) continue;
    const specific = /卫生院|养老院|医院|社区卫生服务中心|中心/.exec(category);
    for (const item of items) {
      const at = text.indexOf(item, m.index);
      const own = ORG_SUFFIXES.find(([suffix]) => item.endsWith(suffix));
      const name = own ? item : specific ? `${item}${category.replace(/^(乡镇|县级|市级|省级|知名|优质)/, '')}` : item;
      const kind: OrganizationKind =
        own?.[1] ??
        (specific
          ? (ORG_SUFFIXES.find(([suffix]) => name.endsWith(suffix))?.[1] ?? 'OTHER')
          : /医疗|医药|健康/.test(category)
            ? 'MEDICAL_GROUP'
            : 'COMPANY');
      const candidate = organization(ctx, name, own?.[0] ?? '', kind, { sentence, start: at, end: at + item.length });
      if (name !== item && !own) candidate.aliases.add(item);
    }
  }
}

/** The names of a list (A、B、C or A,B), or undefined when its items do not read as names (verbs, particles, too long). */
function listItems(written: string): string[] | undefined {
  // The list is the last clause when it has several names (…原则,通过环球医疗、通用医疗…), else every clause when all
  // are short names (景尚,七里河); its first item loses what comes before it (圆满完成了景尚 → 景尚).
  const tail = (item: string) => {
    let end = 0;
    for (const t of tokens(item)) if (/^(v|vd|p|u|uj|ul|d|c|l|i|r)$/.test(t.tag) || PUNCT.test(t.word)) end = t.end;
    return item.slice(end);
  };
  const clauses = written.split(/[,，]/);
  const last = clauses.at(-1)!;
  const list = last.includes('、') || clauses.slice(0, -1).some((c) => [...tail(c)].length > 6 || tail(c) !== c) ? last : clauses.join('、');
  const parts = list.split('、');
  parts[0] = tail(parts[0]!);
  const items = parts.map((item) => item.replace(LEADING, '').trim());
  const verbal = (item: string) => STOP_WORDS.test(tokens(item)[0]?.word ?? '') || tokens(item).some((t) => /^(d|p|c|u|uj|ul|r|q)$/.test(t.tag));
  const bad = (item: string) => [...item].length < 2 || [...item].length > 10 || /[的了是在]/.test(item) || verbal(item);
  return items.length < 2 || items.some(bad) ? undefined : items;
}

/** Departments an organization set up: 集团人民医院先后建立了妇产中心、胸痛中心…等重点专科; 集团中医院“肺病科”“骨伤科”. */
export function departments(ctx: DraftContext, sentence: Sentence): void {
  const text = sentence.text;
  for (const anchor of text.matchAll(/等(?:重点专科|特色专科|科室|专科)|”(?:先后)?成为/g)) {
    const owner = ctx
      .mentionsIn(sentence, 'Organization')
      .filter((o) => o.end <= anchor.index && anchor.index - o.end <= 40 && o.candidate.props.kind !== 'OTHER')
      .at(-1);
    if (!owner) continue;
    const between = text.slice(owner.end, anchor.index + (anchor[0].startsWith('”') ? 1 : 0));
    if (/[，,。；;]/.test(between)) continue;
    const verb = /(?:先后)?(?:建立了?|建成了?|设立了?|成立了?|开设了?)/.exec(between);
    const list = verb ? between.slice(verb.index + verb[0].length) : between;
    const listStart = owner.end + (verb ? verb.index + verb[0].length : 0);
    const written = text.slice(owner.start, owner.end);
    for (const item of list.split(/[、”“]+/).filter(Boolean)) {
      if (!/(中心|科|室)$/.test(item) || [...item].length > 12 || [...item].length < 3) continue;
      const at = text.indexOf(item, listStart);
      const mention = { sentence, start: owner.start, end: at + item.length };
      const name = `${owner.candidate.name}${item}`;
      const department = ctx.add('Organization', name, mention, {
        aliases: [`${written}${item}`].filter((a) => a !== name),
        props: { kind: 'OTHER' },
        confidence: 0.6,
        why: 'a department its organization set up',
        scoped: owner.candidate.masked,
      });
      ctx.relate('PART_OF', department, owner.candidate, mention, 0.6, 'a department of its organization');
      // The department was also read alone (胸痛中心): that mention is part of this name.
      ctx.dropMention(sentence, at, item);
    }
  }
}

/** Short national names written alone (国务院, 党中央, 国家卫健委). */
export function nationalShortNames(ctx: DraftContext, sentence: Sentence): void {
  const text = sentence.text;
  for (const short of Object.keys(NATIONAL_NAMES)) {
    const kind = ORG_SUFFIXES.find(([s]) => short.endsWith(s))?.[1] ?? 'GOVERNMENT_AGENCY';
    for (let at = text.indexOf(short); at >= 0; at = text.indexOf(short, at + short.length)) {
      organization(ctx, short, short, kind, { sentence, start: at, end: at + short.length });
    }
  }
}
