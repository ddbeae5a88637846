/**
 * Organizations: names ending with a suffix that tells the kind (…医院, …卫健委, …集团), walked left to
 * where the name starts, and left out where the words before the suffix are only generic (县级医院).
 */
import type { OrganizationKind } from '../generated/graphql.js';
import type { DraftContext } from './context.js';
import { LEADING, STOP_WORDS } from './lexicon/name-stops.js';
import { GENERIC_HEAD, GENERIC_HEADS, PLURAL_HEAD } from './lexicon/organization-heads.js';
import { NATIONAL_NAMES, ORG_SUFFIXES, STANDALONE_ORGS } from './lexicon/organizations.js';
import { departments, enumerations, nationalShortNames } from './organization-lists.js';
import { organization } from './organization-names.js';
import { headOf, nameStart } from './names.js';
import type { Sentence } from './text.js';
import { tokens } from './tokens.js';

type SuffixEntry = readonly [string, OrganizationKind];

/** Every organization a sentence names: by suffix, in lists before a category, as departments, by national short names. */
export function organizations(ctx: DraftContext, sentence: Sentence): void {
  suffixNames(ctx, sentence);
  enumerations(ctx, sentence);
  departments(ctx, sentence);
  nationalShortNames(ctx, sentence);
}

/** Names ending with an organization suffix (寿阳县人民医院, 市卫健委, “白大褂”青年健康宣讲团). */
export function suffixNames(ctx: DraftContext, sentence: Sentence): void {
  const text = sentence.text;
  const ends = suffixEnds(text);
  for (const [end, [suffix, kind]] of ends) {
    if (!endsName(text, end, suffix, kind, ends)) continue;
    const span = nameBefore(ctx, text, end, suffix, kind);
    if (!span || !namesOne(span.name, suffix, kind)) continue;
    organization(ctx, span.name, suffix, kind, { sentence, start: span.start, end });
  }
}

/** Where a suffix ends in a text, with the longest suffix ending there. */
function suffixEnds(text: string): Map<number, SuffixEntry> {
  const ends = new Map<number, SuffixEntry>();
  for (const entry of ORG_SUFFIXES) {
    for (let at = text.indexOf(entry[0]); at >= 0; at = text.indexOf(entry[0], at + 1)) {
      const end = at + entry[0].length;
      if (!ends.has(end)) ends.set(end, entry);
    }
  }
  return ends;
}

/** Whether a suffix ends a name there: not inside a longer word, a title, an organization (党组织) or a kind of work (医院管理). */
function endsName(text: string, end: number, suffix: string, kind: OrganizationKind, ends: Map<number, SuffixEntry>): boolean {
  const suffixStart = end - suffix.length;
  // A suffix inside a longer word (医院管理, 党委书记 are fine; 医院的 too): only the word's own end counts.
  if (/^(院|局|委|办|厅|部|所|站|室|组|队|中心|集团)/.test(text.slice(end, end + 2)) && ends.has(end + 1)) return false;
  const openTitle = text.lastIndexOf('《', suffixStart);
  if (openTitle >= 0 && text.indexOf('》', openTitle) >= end) return false;
  if (suffix === '党组' && text[end] === '织') return false;
  // A hospital named as a kind of work (医院管理制度, 清廉医院行动) is none.
  return !(kind === 'HOSPITAL' && /^(管理|建设|行动|改革|创建|高质量|等级|评审)/.test(text.slice(end)));
}

/** The name a suffix ends: quoted whole, else walked left from it; stray quotes and a leading 集团 dropped. */
function nameBefore(
  ctx: DraftContext,
  text: string,
  end: number,
  suffix: string,
  kind: OrganizationKind,
): { name: string; start: number } | undefined {
  const suffixStart = end - suffix.length;
  const openQuote = text.lastIndexOf('“', suffixStart);
  const quoted = openQuote >= 0 && text.indexOf('”', openQuote) === end && end - openQuote <= 24;
  if (quoted && /^”(称号|荣誉|奖|等荣誉)/.test(text.slice(end, end + 4))) return undefined;
  let start = quoted ? openQuote + 1 : nameStart(text, suffixStart, kind === 'OTHER');
  start -= constantLead(ctx, text, start, end).length;
  let name = text.slice(start, end);
  // A quoted part that opens the name stays (“白大褂”青年健康宣讲团); stray quotes go.
  if (!/^“[^“”]+”/.test(name)) name = name.replace(/^[“”"]+/, '');
  if (name.startsWith('”')) return undefined;
  if ((name.match(/“/g)?.length ?? 0) !== (name.match(/”/g)?.length ?? 0)) name = name.replace(/^[^”]*”/, '');
  // The group's own unit named with its place (集团安徽省合肥市西园街道社区卫生服务中心).
  if (/^集团(?=[\p{Script=Han}]{2,}(省|市|县|区))/u.test(name)) name = name.slice(2);
  return { name, start: end - name.length };
}

/** Whether a name names one organization: not a batch (首批…), not only generic words before its suffix (县级医院). */
function namesOne(name: string, suffix: string, kind: OrganizationKind): boolean {
  // A batch (第二批公立医院, 首家互联网医院) is none.
  if (/^(全国)?(第[一二三四五六七八九十]+批|首批|首家|一批|一些|多家)/.test(name)) return false;
  const head = headOf(name, suffix);
  // A designation (国家中医医学中心, 国家区域医疗中心) names one center even with a generic head; “the group's”
  // party committee (集团党委, 集团纪委) is the report's group's.
  const standalone =
    STANDALONE_ORGS.has(name) ||
    name in NATIONAL_NAMES ||
    (/医学中心|区域医疗中心/.test(suffix) && name.startsWith('国家')) ||
    (head === '集团' && kind === 'PARTY_OR_MASS_ORG');
  if (standalone) return !/^[0-9]+$/.test(head);
  if (
    GENERIC_HEADS.has(head) ||
    GENERIC_HEADS.has(head.replace(/^(各|该|本|全)/, '')) ||
    GENERIC_HEAD.test(head) ||
    PLURAL_HEAD.test(head.replace(/^[\p{Script=Han}]{1,6}?(省|市|县|区)(?=[\p{Script=Han}])/u, '')) ||
    [...head].length < 1
  )
    return false;
  return suffix.length < name.length && !/^[0-9]+$/.test(head);
}

/**
 * A verb or adjective written before a name every time the report names it (通用技术集团, at least three
 * times): part of the name, not context, though jieba reads it as a verb.
 */
function constantLead(ctx: DraftContext, text: string, start: number, end: number): string {
  const lead = tokens(text)
    .filter((t) => t.end === start)
    .find((t) => /^(v|vd|a|ad)$/.test(t.tag) && t.word.length >= 2 && !STOP_WORDS.test(t.word) && !LEADING.test(t.word))?.word;
  if (!lead) return '';
  const name = text.slice(start, end);
  const times = ctx.fullText.split(name).length - 1;
  return times >= 3 && ctx.fullText.split(`${lead}${name}`).length - 1 === times ? lead : '';
}
