/**
 * What the draft extractor's passes share: the candidates found so far with their mentions in each
 * sentence, the relationships proposed, the report's home places, and the relationships left to a
 * source's main actor until every sentence is read. Rules add to it; none of them keeps state of its own.
 */
import type { EntityLabel, RelationType } from '../model/graph.js';
import type { ArticleEntry } from '../model/manifest.js';
import type { Division } from './divisions.js';
import type { PreparedReport, Sentence } from './text.js';
import { MASK } from './tokens.js';

/** Where a candidate is stated: a span of a sentence. */
export interface Mention {
  sentence: Sentence;
  start: number;
  end: number;
}

/** A proposed entity, merged over its mentions. */
export interface Candidate {
  type: EntityLabel;
  /** Merge key: type and canonical name (and article, for masked or achievement entities). */
  key: string;
  name: string;
  aliases: Set<string>;
  props: Record<string, string | number | boolean>;
  masked?: boolean;
  mentions: Mention[];
  confidence: number;
  why: string;
}

export interface RelationCandidate {
  type: RelationType;
  from: Candidate;
  to: Candidate;
  mention: Mention;
  role?: string;
  confidence: number;
  why: string;
}

export interface Extraction {
  candidates: Candidate[];
  relations: RelationCandidate[];
}

/** A candidate's mention within a sentence. */
export interface Span {
  start: number;
  end: number;
  candidate: Candidate;
}

/** A report's home places (its county, city, province), from the manifest's place or the places it names most. */
export interface Home {
  province?: Division;
  city?: Division;
  county?: Division;
  /** Home places the divisions' list does not know, read from how the text writes them (code `text:` + name). */
  written?: Division[];
}

export interface ExtractOptions {
  /** The manifest's place of the report (`place:寿阳县`). */
  homePlace?: string;
  publisher?: string;
  articles?: ArticleEntry[];
}

/** How a rule proposes a candidate. */
export interface CandidateInit {
  aliases?: string[];
  props?: Candidate['props'];
  confidence: number;
  why: string;
  /** Masked in a masked report: named relative to its article (市人民医院 in xx市), so scoped to the article. */
  scoped?: boolean;
  key?: string;
}

/** A relationship whose subject the sentence leaves to its source's main actor. */
export interface PendingRelation {
  type: RelationType;
  other: Candidate;
  mention: Mention;
  confidence: number;
}

export class DraftContext {
  readonly byKey = new Map<string, Candidate>();
  readonly relations: RelationCandidate[] = [];
  private readonly relationKeys = new Set<string>();
  /** Mentions per sentence index. */
  private readonly spans = new Map<number, Span[]>();
  readonly masks: boolean;
  home: Home = {};
  /** The report's sentences as one text, to count how it names things. */
  readonly fullText: string;
  /** Relationships whose subject the sentence leaves to its source's main actor (decided once all is read). */
  readonly pendingActor: PendingRelation[] = [];
  /** Each source's main actor, once decided. */
  readonly actors = new Map<string, Candidate | undefined>();

  constructor(
    readonly report: PreparedReport,
    readonly options: ExtractOptions = {},
  ) {
    this.masks = report.repairs.masks === true;
    this.fullText = report.sentences.map((s) => s.text).join('\n');
  }

  /** Proposes a candidate, or adds a mention (and aliases, props not yet set) to the one of the same key. */
  add(type: EntityLabel, name: string, mention: Mention, init: CandidateInit): Candidate {
    const masked = type !== 'Achievement' && (MASK.test(name) || (this.masks && init.scoped === true));
    const scope = masked || type === 'Achievement' ? `|${mention.sentence.source}` : '';
    const key = init.key ?? `${type}|${name}${scope}`;
    let candidate = this.byKey.get(key);
    if (!candidate) {
      candidate = { type, key, name, aliases: new Set(), props: { ...init.props }, mentions: [], confidence: init.confidence, why: init.why };
      if (masked) candidate.masked = true;
      this.byKey.set(key, candidate);
    } else {
      candidate.confidence = Math.max(candidate.confidence, init.confidence);
      for (const [k, v] of Object.entries(init.props ?? {})) candidate.props[k] ??= v;
    }
    for (const alias of init.aliases ?? []) if (alias !== candidate.name) candidate.aliases.add(alias);
    if (!candidate.mentions.some((m) => m.sentence.index === mention.sentence.index && m.start === mention.start)) candidate.mentions.push(mention);
    const list = this.spans.get(mention.sentence.index) ?? [];
    if (!list.some((s) => s.start === mention.start && s.end === mention.end && s.candidate === candidate)) {
      list.push({ start: mention.start, end: mention.end, candidate });
    }
    this.spans.set(mention.sentence.index, list);
    return candidate;
  }

  /** Forgets a bare mention (胸痛中心) that turned out to be part of a longer name; a candidate left with no mention goes. */
  dropMention(sentence: Sentence, start: number, name: string): void {
    const list = this.spans.get(sentence.index) ?? [];
    for (const span of list.filter((s) => s.start === start && s.candidate.name === name)) {
      const candidate = span.candidate;
      candidate.mentions = candidate.mentions.filter((m) => !(m.sentence.index === sentence.index && m.start === start));
      list.splice(list.indexOf(span), 1);
      if (!candidate.mentions.length) this.byKey.delete(candidate.key);
    }
  }

  /** Candidates of a label mentioned in a sentence, in text order. */
  mentionsIn(sentence: Sentence, ...types: EntityLabel[]): Span[] {
    return (this.spans.get(sentence.index) ?? []).filter((s) => types.includes(s.candidate.type)).sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /** Whether a span holds a person's name (院长赵广明作工作报告): no program's or policy's. */
  namesPerson(sentence: Sentence, start: number, end: number): boolean {
    return this.mentionsIn(sentence, 'Person').some((p) => p.start < end && start < p.end);
  }

  /** Candidates of a label, in the order they were found. */
  candidatesOf(type: EntityLabel): Candidate[] {
    return [...this.byKey.values()].filter((c) => c.type === type);
  }

  relate(type: RelationType, from: Candidate, to: Candidate, mention: Mention, confidence: number, why: string, role?: string): void {
    if (from === to) return;
    const key = `${type}|${from.key}|${to.key}|${mention.sentence.source}`;
    if (this.relationKeys.has(key)) return;
    this.relationKeys.add(key);
    this.relations.push({ type, from, to, mention, confidence, why, ...(role ? { role } : {}) });
  }

  /** The main actor `type` the other (RUNS it, ISSUED it …); for PART_OF, the other is part of the main actor. */
  byActor(type: RelationType, other: Candidate, mention: Mention, confidence = 0.3): void {
    this.pendingActor.push({ type, other, mention, confidence });
  }

  /** A mention of `a` in a sentence that also mentions `b`. */
  mentionWithBoth(a: Candidate, b: Candidate): Mention | undefined {
    for (const m of a.mentions) {
      const other = b.mentions.find((x) => x.sentence.index === m.sentence.index);
      if (other) return { sentence: m.sentence, start: Math.min(m.start, other.start), end: Math.max(m.end, other.end) };
    }
    return undefined;
  }
}
