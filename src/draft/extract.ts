/**
 * The draft extractor's reading of a prepared report: mentions of organizations, places, people,
 * programs, policies, events and achievements, and the relationships the reports' phrasing states.
 * Rules only: suffixes, markers, verbs and punctuation, with jieba's segmentation for word boundaries.
 *
 * Each pass reads every sentence before the next starts, in an order that matters: later rules skip
 * what earlier ones took (a program phrase inside an organization's name is none), and relationships
 * are read once all mentions are known.
 */
import { DraftContext, type Extraction, type ExtractOptions } from './context.js';
import { events } from './events.js';
import { achievements } from './figures.js';
import { findHome } from './home.js';
import { nameRelations } from './name-relations.js';
import { organizations } from './organizations.js';
import { people } from './people.js';
import { places } from './places.js';
import { policies } from './policies.js';
import { objectPhrases, subjectPhrases } from './program-objects.js';
import { programPhrases } from './program-phrases.js';
import { gluedQuotes, quotedPrograms } from './programs.js';
import { sentenceRelations } from './relations.js';
import type { PreparedReport, Sentence } from './text.js';

/** A rule run over each sentence in turn. */
export type SentencePass = (ctx: DraftContext, sentence: Sentence) => void;

/** The passes, in the order they run. */
export const PASSES: readonly SentencePass[] = [
  places,
  organizations,
  people,
  policies,
  quotedPrograms,
  events,
  achievements,
  programPhrases,
  objectPhrases,
  gluedQuotes,
  subjectPhrases,
  sentenceRelations,
];

/** Reads the mentions and relationships of a report. */
export class Extractor {
  private readonly context: DraftContext;

  constructor(report: PreparedReport, options: ExtractOptions = {}) {
    this.context = new DraftContext(report, options);
  }

  run(): Extraction {
    const ctx = this.context;
    ctx.home = findHome(ctx);
    for (const pass of PASSES) for (const sentence of ctx.report.sentences) pass(ctx, sentence);
    nameRelations(ctx);
    return { candidates: [...ctx.byKey.values()], relations: ctx.relations };
  }
}
