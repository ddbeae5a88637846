/**
 * What the words between two organizations of a sentence say of them (A所属B, A牵头B, A与B签约 …): a table
 * of named rules, read in order, the first that applies deciding. Each rule is pure, so it can be tested
 * on a pair alone.
 */
import type { RelationType } from '../model/graph.js';
import type { Span } from './context.js';
import { TEAM_VERB } from './lexicon/programs.js';

/** Two organizations a sentence names in turn. */
export interface OrgPair {
  a: Span;
  b: Span;
  /** The words between them. */
  gap: string;
  /** The 14 characters after the second. */
  after: string;
  /** What comes after the second: the first organization, else the first program (what two bodies build together). */
  next?: Span;
}

/** A relationship a rule proposes, between two mentions of the sentence (its evidence spans both). */
export interface ProposedRelation {
  type: RelationType;
  from: Span;
  to: Span;
  confidence: number;
  why: string;
}

export interface RelationRule {
  name: string;
  applies(pair: OrgPair): boolean;
  relations(pair: OrgPair): ProposedRelation[];
}

/** A所属B, A下属B, A旗下B: B is part of A. */
export const OWNED_UNIT: RelationRule = {
  name: 'A所属B',
  applies: ({ gap }) => /^(所属|下属|旗下|的下属|所辖)$/.test(gap) || /^(所属|下属|旗下)/.test(gap),
  relations: ({ a, b }) => [{ type: 'PART_OF', from: b, to: a, confidence: 0.6, why: 'A所属B' }],
};

/** A为B成员单位, A加入B…成员单位: A is a member of B. */
export const MEMBER_UNIT: RelationRule = {
  name: 'A为B成员单位',
  applies: ({ gap, after }) => /成员单位/.test(after) && !/^(和|与|、)?$/.test(gap) && /为|是|成为|加入/.test(gap),
  relations: ({ a, b }) => [{ type: 'MEMBER_OF', from: a, to: b, confidence: 0.5, why: '成员单位' }],
};

/** A牵头B: A leads B. */
export const LEADS_OTHER: RelationRule = {
  name: 'A牵头B',
  applies: ({ gap }) => /牵头/.test(gap),
  relations: ({ a, b }) => [{ type: 'LEADS', from: a, to: b, confidence: 0.55, why: '牵头' }],
};

/** B由A牵头: A leads B. */
export const LED_BY: RelationRule = {
  name: 'B由A牵头',
  applies: ({ gap, after }) => gap === '由' && after.startsWith('牵头'),
  relations: ({ a, b }) => [{ type: 'LEADS', from: b, to: a, confidence: 0.55, why: 'B由A牵头' }],
};

/** A组建B (a team, a body of kind OTHER): A runs B, and B is part of A. */
export const SETS_UP_TEAM: RelationRule = {
  name: 'A组建B',
  applies: ({ gap, b }) => TEAM_VERB.test(gap) && b.candidate.props.kind === 'OTHER',
  relations: ({ a, b }) => [
    { type: 'RUNS', from: a, to: b, confidence: 0.5, why: 'sets up (组建, 成立)' },
    { type: 'PART_OF', from: b, to: a, confidence: 0.45, why: 'a team it set up' },
  ],
};

/** A帮扶B, A派驻B, A支援B: A supports B. */
export const SUPPORTS_OTHER: RelationRule = {
  name: 'A帮扶B',
  applies: ({ gap }) => /帮扶|派驻|支援|驰援|援助|对口|援建|托管/.test(gap),
  relations: ({ a, b }) => [{ type: 'SUPPORTS', from: a, to: b, confidence: 0.55, why: '帮扶, 派驻, 援' }],
};

/** A与B共建C: each builds C (the organization or program after them); nothing when none follows. */
export const BUILD_TOGETHER: RelationRule = {
  name: 'A与B共建C',
  applies: ({ gap, after }) => /^(与|和|同)$/.test(gap) && /共建/.test(after),
  relations: ({ a, b, next }) =>
    next
      ? [
          { type: 'CO_BUILDS', from: a, to: next, confidence: 0.5, why: '共建' },
          { type: 'CO_BUILDS', from: b, to: next, confidence: 0.5, why: '共建' },
        ]
      : [],
};

/** A与B签约, A和B合作: partners. */
export const SIGN_WITH: RelationRule = {
  name: 'A与B签约',
  applies: ({ gap, after }) => /^(与|和|同)$/.test(gap) && /签约|签署|合作|协作|战略|联合/.test(after),
  relations: ({ a, b }) => [{ type: 'PARTNERS_WITH', from: a, to: b, confidence: 0.55, why: '签约, 合作' }],
};

/** A与…B签署合作协议 (words between them): partners. */
export const AGREEMENT: RelationRule = {
  name: 'A与…B签署合作协议',
  applies: ({ gap, after }) => /与/.test(gap) && /签约|签署|合作协议|战略合作|协作关系|合作关系/.test(gap + after),
  relations: ({ a, b }) => [{ type: 'PARTNERS_WITH', from: a, to: b, confidence: 0.5, why: '签约, 合作' }],
};

/** The rules in the order they are tried. */
export const ORG_PAIR_RULES: readonly RelationRule[] = [
  OWNED_UNIT,
  MEMBER_UNIT,
  LEADS_OTHER,
  LED_BY,
  SETS_UP_TEAM,
  SUPPORTS_OTHER,
  BUILD_TOGETHER,
  SIGN_WITH,
  AGREEMENT,
];

/** What the first rule that applies to a pair proposes. */
export function pairRelations(pair: OrgPair): ProposedRelation[] {
  return ORG_PAIR_RULES.find((rule) => rule.applies(pair))?.relations(pair) ?? [];
}
