/**
 * People: names credited (责任编辑:…) or written with a post (副局长赵宏, 习近平总书记), and the posts they
 * hold in the organization written right before the post.
 */
import type { Candidate, DraftContext, Mention } from './context.js';
import { AFTER_NAME, NAME_BEFORE_ROLES, ROLES, SURNAMES } from './lexicon/people.js';
import type { Sentence } from './text.js';
import { MASK } from './tokens.js';

/** Every person a sentence names. */
export function people(ctx: DraftContext, sentence: Sentence): void {
  credits(ctx, sentence);
  for (const role of ROLES) {
    for (let at = sentence.text.indexOf(role); at >= 0; at = sentence.text.indexOf(role, at + role.length)) personWithPost(ctx, sentence, role, at);
  }
}

/** Credits: 责任编辑:潘旺旺, 编 辑:钱兴梅. */
export function credits(ctx: DraftContext, sentence: Sentence): void {
  const text = sentence.text;
  for (const m of text.matchAll(/(责任编辑|编 ?辑|记 ?者|作 ?者)[:：] ?/g)) {
    const at = m.index + m[0].length;
    const name = personAfter(text, at);
    const mention = { sentence, start: m.index, end: at + (name?.length ?? 0) };
    if (name) ctx.add('Person', name, mention, { confidence: 0.6, why: `credited as ${m[1]!.replace(' ', '')}` });
  }
}

/** A name written with a post at `at`: 职务 + 姓名 (副局长赵宏), 姓名 + 总书记/同志 (习近平总书记), a masked xx after a post. */
export function personWithPost(ctx: DraftContext, sentence: Sentence, role: string, at: number): void {
  const text = sentence.text;
  const end = at + role.length;
  let person: { name: string; start: number; end: number } | undefined;
  const after = personAfter(text, end);
  const gap = text[end] === ' ' ? 1 : 0;
  if (!NAME_BEFORE_ROLES.has(role) && after) person = { name: after, start: end + gap, end: end + gap + after.length };
  else if (role !== '同志' && ctx.masks && /^xx(?![\p{Script=Han}]{0,2}(市|县|区|省))/iu.test(text.slice(end)))
    person = { name: 'xx', start: end, end: end + 2 };
  else if (NAME_BEFORE_ROLES.has(role)) {
    const before = personBefore(text, at);
    if (before) person = { name: before, start: at - before.length, end: at };
  }
  if (!person) return;
  const mention = { sentence, start: Math.min(at, person.start), end: Math.max(end, person.end) };
  const candidate = ctx.add('Person', person.name, mention, { confidence: 0.75, why: `named with the post ${role}`, scoped: MASK.test(person.name) });
  if (role !== '总书记' && role !== '同志') posts(ctx, candidate, mention, role, at);
}

/**
 * Each post listed before the name (集团党委书记、院长赵广明) with the organization written right before it
 * (省卫健委医政医管局副局长赵宏); a party post names its committee (寿阳县医疗集团党委委员 → …党委).
 */
function posts(ctx: DraftContext, person: Candidate, mention: Mention, role: string, at: number): void {
  const text = mention.sentence.text;
  for (let post = role, postAt = at; post;) {
    const orgs = ctx.mentionsIn(mention.sentence, 'Organization');
    const org =
      orgs.find((o) => /^党[委组]/.test(post) && o.end === postAt + 2) ??
      orgs.filter((o) => o.end <= postAt && postAt - o.end <= 8 && !/[，,。；;]/.test(text.slice(o.end, postAt))).at(-1);
    if (org) ctx.relate('HOLDS_ROLE', person, org.candidate, mention, 0.7, 'post and organization written together', post);
    const previous = ROLES.find((r) => text.slice(0, postAt).endsWith(`${r}、`));
    postAt -= (previous?.length ?? 0) + 1;
    post = previous ?? '';
  }
}

/** A person's name written right after a post: a surname and one or two more characters. */
export function personAfter(text: string, at: number): string | undefined {
  if (text[at] === ' ') at += 1;
  const chars = [...text.slice(at, at + 3)];
  if (!chars[0] || !SURNAMES.has(chars[0]) || !chars[1] || !/\p{Script=Han}/u.test(chars[1]) || AFTER_NAME.test(text.slice(at + 1))) return undefined;
  const third = chars[2];
  return third && /\p{Script=Han}/u.test(third) && !AFTER_NAME.test(text.slice(at + 2)) ? chars.join('') : chars.slice(0, 2).join('');
}

/** A person's name written right before 总书记 or 同志 (习近平总书记). */
export function personBefore(text: string, at: number): string | undefined {
  for (const length of [3, 2]) {
    const name = text.slice(Math.max(0, at - length), at);
    if (name.length === length && SURNAMES.has(name[0]!) && /^\p{Script=Han}+$/u.test(name)) return name;
  }
  return undefined;
}
