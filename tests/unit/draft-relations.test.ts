/**
 * The draft extractor's relationship rules: each row of the table read between two organizations, on a
 * pair alone, then the rules that read a sentence's mentions or the names themselves.
 */
import { describe, expect, it } from 'vitest';
import type { Candidate, Span } from '../../src/draft/context.js';
import { nameRelations } from '../../src/draft/name-relations.js';
import { organizations } from '../../src/draft/organizations.js';
import { places } from '../../src/draft/places.js';
import { policies } from '../../src/draft/policies.js';
import { quotedPrograms } from '../../src/draft/programs.js';
import {
  AGREEMENT,
  BUILD_TOGETHER,
  LEADS_OTHER,
  LED_BY,
  MEMBER_UNIT,
  ORG_PAIR_RULES,
  OWNED_UNIT,
  SETS_UP_TEAM,
  SIGN_WITH,
  SUPPORTS_OTHER,
  pairRelations,
  type OrgPair,
  type RelationRule,
} from '../../src/draft/relation-rules.js';
import { sentenceRelations } from '../../src/draft/relations.js';
import { contextOf, relationsOf } from '../support/draft-context.js';

/** A mention of a made-up organization or program. */
const mention = (name: string, start: number, kind = 'HOSPITAL', type: Candidate['type'] = 'Organization'): Span => ({
  start,
  end: start + name.length,
  candidate: { type, key: name, name, aliases: new Set(), props: { kind }, mentions: [], confidence: 1, why: '' },
});
const A = mention('甲医院', 0);
const B = mention('乙医院', 10);

/** A pair as a sentence writes it: A, the gap, B, what follows. */
const pair = (gap: string, after = '', b = B, next?: Span): OrgPair => ({ a: A, b, gap, after, next });
const read = (rule: RelationRule, p: OrgPair) =>
  rule.applies(p) ? rule.relations(p).map((r) => `${r.type} ${r.from.candidate.name} → ${r.to.candidate.name}`) : [];

describe('the table of rules between two organizations', () => {
  const rows: Array<[RelationRule, OrgPair, string[]]> = [
    [OWNED_UNIT, pair('所属'), ['PART_OF 乙医院 → 甲医院']],
    [MEMBER_UNIT, pair('成为', '成员单位'), ['MEMBER_OF 甲医院 → 乙医院']],
    [LEADS_OTHER, pair('牵头'), ['LEADS 甲医院 → 乙医院']],
    [LED_BY, pair('由', '牵头组建'), ['LEADS 乙医院 → 甲医院']],
    [SETS_UP_TEAM, pair('组建了', '', mention('乙专家组', 10, 'OTHER')), ['RUNS 甲医院 → 乙专家组', 'PART_OF 乙专家组 → 甲医院']],
    [SUPPORTS_OTHER, pair('对口帮扶'), ['SUPPORTS 甲医院 → 乙医院']],
    [
      BUILD_TOGETHER,
      pair('与', '共建', B, mention('丙中心', 20, 'REGIONAL_MEDICAL_CENTER')),
      ['CO_BUILDS 甲医院 → 丙中心', 'CO_BUILDS 乙医院 → 丙中心'],
    ],
    [SIGN_WITH, pair('与', '签约'), ['PARTNERS_WITH 甲医院 → 乙医院']],
    [AGREEMENT, pair('与县里的', '签署合作协议'), ['PARTNERS_WITH 甲医院 → 乙医院']],
  ];

  it.each(rows.map(([rule, p, expected]) => [rule.name, rule, p, expected] as const))('%s', (_, rule, p, expected) => {
    expect(read(rule, p)).toEqual(expected);
    // The table reaches the row: no rule before it takes the pair.
    expect(pairRelations(p).map((r) => `${r.type} ${r.from.candidate.name} → ${r.to.candidate.name}`)).toEqual(expected);
  });

  it('lists every rule once, and proposes nothing for a pair no rule reads', () => {
    expect(new Set(ORG_PAIR_RULES).size).toBe(rows.length);
    expect(pairRelations(pair('和'))).toEqual([]);
    // Built together with nothing after them: no relationship, and no later row either.
    expect(pairRelations(pair('与', '共建'))).toEqual([]);
  });
});

describe('relationships read in a sentence', () => {
  it('reads who runs a program, who issues a policy, and units listed after 所属', () => {
    const { ctx, sentence } = contextOf('寿阳县医疗集团启动“千县工程”，寿阳县卫生健康局印发《寿阳县医疗集团章程》。');
    organizations(ctx, sentence);
    policies(ctx, sentence);
    quotedPrograms(ctx, sentence);
    sentenceRelations(ctx, sentence);
    expect(relationsOf(ctx)).toEqual(expect.arrayContaining(['RUNS 寿阳县医疗集团 → 千县工程', 'ISSUED 寿阳县卫生健康局 → 寿阳县医疗集团章程']));
  });

  it('leaves a sentence with no organization before the program to the main actor', () => {
    const { ctx, sentences } = contextOf('寿阳县医疗集团召开会议。\n启动“千县工程”。', { publisher: '寿阳县医疗集团' });
    for (const s of sentences) organizations(ctx, s);
    for (const s of sentences) quotedPrograms(ctx, s);
    for (const s of sentences) sentenceRelations(ctx, s);
    nameRelations(ctx);
    expect(relationsOf(ctx)).toContain('RUNS 寿阳县医疗集团 → 千县工程');
  });

  it('reads the place an organization is named with, and the body a unit’s name starts with', () => {
    const { ctx, sentence } = contextOf('国家卫生健康委员会、国家卫生健康委员会医政医管局和寿阳县卫生健康局参加。');
    places(ctx, sentence);
    organizations(ctx, sentence);
    nameRelations(ctx);
    expect(relationsOf(ctx)).toEqual(
      expect.arrayContaining(['LOCATED_IN 寿阳县卫生健康局 → 寿阳县', 'PART_OF 国家卫生健康委员会医政医管局 → 国家卫生健康委员会']),
    );
  });
});
