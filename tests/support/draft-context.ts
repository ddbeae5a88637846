/** A draft context over a few sentences, to try one rule of the draft extractor at a time. */
import { DraftContext, type Candidate } from '../../src/draft/context.js';
import { draftSetup } from '../../src/draft/draft.js';
import { findHome } from '../../src/draft/home.js';
import type { Sentence } from '../../src/draft/text.js';
import type { EntityLabel } from '../../src/model/graph.js';

export interface Reading {
  ctx: DraftContext;
  /** The first sentence. */
  sentence: Sentence;
  sentences: Sentence[];
}

/** The context of a text (one sentence per line or end mark), its home place as a manifest would give it. */
export function contextOf(text: string, options: { place?: string; masks?: boolean; publisher?: string } = {}): Reading {
  const report = draftSetup(text, { source: 'T', repairs: options.masks ? { masks: true } : {} });
  const ctx = new DraftContext(report, { homePlace: options.place, publisher: options.publisher });
  ctx.home = findHome(ctx);
  return { ctx, sentence: report.sentences[0]!, sentences: report.sentences };
}

/** The names of the candidates of a label, in the order they were found. */
export const namesOf = (ctx: DraftContext, type: EntityLabel): string[] => ctx.candidatesOf(type).map((c) => c.name);

/** The candidate of a label and name. */
export const candidate = (ctx: DraftContext, type: EntityLabel, name: string): Candidate | undefined =>
  ctx.candidatesOf(type).find((c) => c.name === name);

/** The relationships proposed, as `TYPE from → to`. */
export const relationsOf = (ctx: DraftContext): string[] => ctx.relations.map((r) => `${r.type} ${r.from.name} → ${r.to.name}`);
