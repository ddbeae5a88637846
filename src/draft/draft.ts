/**
 * A draft curation file for a report the curators have not read yet: every organization, place,
 * person, program, policy, event and achievement the rules find, with relationships, each with a
 * quote the compiler's check finds in the report and a confidence, marked as a candidate for review.
 * It reads the report's text and its manifest entry only, never the curation files.
 */
import { RELATION_PAIRS, labelOfId, type EntityLabel, type RelationType } from '../model/graph.js';
import type { ArticleEntry, TextRepairs } from '../model/manifest.js';
import { entityId } from '../curation/reader.js';
import { repairerOf } from '../text/repairs.js';
import { proposeEnglishName } from '../text/english-names.js';
import type { Candidate, Mention } from './context.js';
import { Extractor } from './extract.js';
import { detectRepairs, prepareReport, quoteFor, type PreparedReport } from './text.js';

/** Marks a draft item: how sure the rule that proposed it is, and which rule it was. Remove it once reviewed. */
export interface DraftMark {
  confidence: number;
  why: string;
}

export interface DraftEvidence {
  source: string;
  quote: string;
}

export interface DraftEntity {
  type: EntityLabel;
  name: string;
  [field: string]: unknown;
  evidence: DraftEvidence[];
  draft?: DraftMark;
}

export interface DraftRelation {
  type: RelationType;
  from: string;
  to: string;
  role?: string;
  evidence: DraftEvidence;
  draft?: DraftMark;
}

/** The same shape as `curation/*.json`, every item carrying a `draft` mark. */
export interface DraftFile {
  entities: DraftEntity[];
  relations: DraftRelation[];
}

export interface DraftOptions {
  /** The report's source (`005`). */
  source: string;
  /** Its repairs; detected from the text when absent. */
  repairs?: TextRepairs;
  /** A compilation's articles (facts then name an article as their source). */
  articles?: ArticleEntry[];
  /** The manifest's place of the report (`place:寿阳县`): relative names (市卫健委) are read as its. */
  place?: string;
  publisher?: string;
  /** The compiler's quote check; by default the report's own comparable text, with its repairs. */
  hasQuote?: (quote: string) => boolean;
}

const ORDER: EntityLabel[] = ['Place', 'Organization', 'Person', 'Program', 'Policy', 'Event', 'Achievement'];
/** At most this many quotes per entity (one per source first). */
const MAX_EVIDENCE = 3;
const round = (n: number) => Math.round(n * 100) / 100;

/** The repairs and quote check a draft uses. */
export function draftSetup(raw: string, options: DraftOptions): PreparedReport {
  const repairs = options.repairs ?? detectRepairs(raw);
  const repairer = repairerOf(repairs);
  const comparableText = repairer.comparable(raw);
  const hasQuote = options.hasQuote ?? ((quote: string) => comparableText.includes(repairer.comparable(quote)));
  return prepareReport(raw, { source: options.source, repairs, articles: options.articles ?? [] }, hasQuote);
}

/** Drafts the curation file of one report. */
export function draftReport(raw: string, options: DraftOptions): DraftFile {
  const report = draftSetup(raw, options);
  const { candidates, relations } = new Extractor(report, {
    homePlace: options.place,
    publisher: options.publisher,
    articles: options.articles,
  }).run();
  const masks = report.repairs.masks === true;

  const quoteOf = (mention: Mention) => {
    const quote = quoteFor(report, mention.sentence, mention.start, mention.end);
    return quote ? { source: mention.sentence.source, quote } : undefined;
  };

  const ids = new Map<Candidate, string>();
  const entities: DraftEntity[] = [];
  const sorted = [...candidates].sort(
    (a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type) || firstAt(a) - firstAt(b) || a.name.localeCompare(b.name),
  );
  const namesByType = new Map<string, Set<string>>();
  for (const c of sorted) namesByType.set(c.type, (namesByType.get(c.type) ?? new Set()).add(c.name));
  const seenIds = new Set<string>();
  for (const candidate of sorted) {
    const evidence: DraftEvidence[] = [];
    const bySource = new Map<string, Mention[]>();
    for (const m of candidate.mentions) bySource.set(m.sentence.source, [...(bySource.get(m.sentence.source) ?? []), m]);
    // One quote per source first, then more from the first source.
    const order = [...[...bySource.values()].map((list) => list[0]!), ...candidate.mentions];
    for (const mention of order) {
      if (evidence.length >= MAX_EVIDENCE) break;
      const e = quoteOf(mention);
      if (e && !evidence.some((x) => x.source === e.source && x.quote === e.quote)) evidence.push(e);
      if (evidence.length >= bySource.size && evidence.length >= 1 && candidate.type === 'Achievement') break;
    }
    if (!evidence.length) continue;
    const masked = masks && candidate.masked === true;
    const props = { ...candidate.props };
    if (candidate.type === 'Achievement' && props.kind === 'METRIC' && props.value === undefined) {
      if (masks && props.masked) {
        // A masked figure: its value stays unknown.
      } else if (props.lost) {
        delete props.masked;
      } else continue;
    }
    if (candidate.type === 'Achievement' && !masks) delete props.masked;
    const id = entityId(candidate.type, candidate.name, evidence[0]!.source, masked);
    if (seenIds.has(id)) continue;
    seenIds.add(id);
    ids.set(candidate, id);
    const others = namesByType.get(candidate.type)!;
    const aliases = [...candidate.aliases].filter((a) => a !== candidate.name && !others.has(a)).sort();
    const entity: DraftEntity = { type: candidate.type, name: candidate.name, ...props, evidence };
    if (aliases.length) entity.aliases = aliases;
    const english = masked ? undefined : proposeEnglishName(candidate.type, candidate.name);
    if (english) entity.nameEn = english;
    if (masked) entity.masked = true;
    entity.draft = { confidence: round(candidate.confidence), why: candidate.why };
    entities.push(entity);
  }

  const out: DraftRelation[] = [];
  const relationKeys = new Set<string>();
  for (const r of relations.sort((a, b) => a.mention.sentence.index - b.mention.sentence.index || a.mention.start - b.mention.start)) {
    const from = ids.get(r.from);
    const to = ids.get(r.to);
    if (!from || !to || from === to) continue;
    const pair = [labelOfId(from), labelOfId(to)];
    if (!(RELATION_PAIRS[r.type] as ReadonlyArray<readonly string[]>).some(([f, t]) => f === pair[0] && t === pair[1])) continue;
    const evidence = quoteOf(r.mention) ?? quoteOf(r.to.mentions.find((m) => m.sentence.index === r.mention.sentence.index) ?? r.mention);
    if (!evidence) continue;
    const key = `${r.type}|${from}|${to}|${evidence.source}`;
    if (relationKeys.has(key)) continue;
    relationKeys.add(key);
    const relation: DraftRelation = { type: r.type, from, to, ...(r.role ? { role: r.role } : {}), evidence };
    relation.draft = { confidence: round(r.confidence), why: r.why };
    out.push(relation);
  }
  return { entities, relations: out };
}

function firstAt(c: Candidate): number {
  const m = c.mentions[0]!;
  return m.sentence.index * 10000 + m.start;
}

/**
 * Accepts a reviewed draft: drops the items below a confidence (and relationships whose ends went),
 * and removes every `draft` mark, leaving a curation file the compiler takes.
 */
export function acceptDraft(draft: DraftFile, minConfidence = 0): DraftFile {
  const keep = (mark?: DraftMark) => (mark?.confidence ?? 1) >= minConfidence;
  const entities = draft.entities.filter((e) => keep(e.draft)).map(({ draft: _, ...e }) => e as DraftEntity);
  const kept = new Set(entities.map((e) => idOf(e)));
  const relations = draft.relations
    .filter((r) => keep(r.draft) && kept.has(r.from) && kept.has(r.to))
    .map(({ draft: _, ...r }) => r as DraftRelation);
  return { entities, relations };
}

/** The id the compiler gives a draft entity. */
export function idOf(e: DraftEntity): string {
  return entityId(e.type, e.name, e.evidence[0]!.source, e.masked === true);
}
