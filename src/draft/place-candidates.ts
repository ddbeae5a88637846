/**
 * How places become candidates: a division with its parents up to 中国, and the spans of a sentence
 * already read as places (a shorter name inside one is none; the place written right before another
 * is its parent).
 */
import type { Candidate, DraftContext, Mention } from './context.js';
import type { Division } from './divisions.js';
import { ancestorsOf } from './home.js';

/** A place read in a sentence. */
export interface PlaceSpan {
  start: number;
  end: number;
  candidate: Candidate;
}

/** Spans of a sentence already read as places. */
export class PlaceSpans {
  private readonly taken: PlaceSpan[] = [];
  free(start: number, end: number): boolean {
    return !this.taken.some((s) => start < s.end && s.start < end);
  }
  take(start: number, end: number, candidate: Candidate): void {
    this.taken.push({ start, end, candidate });
  }
  /** The place that ends where another starts (宁川县 of 宁川县南河镇). */
  endingAt(at: number): PlaceSpan | undefined {
    return this.taken.find((s) => s.end === at);
  }
}

/** 中国, which every place is part of. */
export function addChina(ctx: DraftContext, mention: Mention, confidence = 0.6, why = 'every place is part of 中国'): Candidate {
  return ctx.add('Place', '中国', mention, { aliases: ['中华人民共和国', '我国'], props: { level: 'COUNTRY' }, confidence, why });
}

/** A division with its parents up to 中国, each PART_OF the next. */
export function addDivision(ctx: DraftContext, division: Division, mention: Mention, confidence: number, why: string): Candidate {
  const place = ctx.add('Place', division.name, mention, { aliases: division.aliases, props: { level: division.level }, confidence, why });
  let child = place;
  let written = division.code.startsWith('text:');
  for (const parent of ancestorsOf(ctx.home, division)) {
    const p = ctx.add('Place', parent.name, mention, {
      aliases: parent.aliases,
      props: { level: parent.level },
      confidence: confidence - 0.1,
      why: 'the parent of a place named (administrative divisions)',
    });
    // A parent of a home place the list does not know is read from the text: less sure.
    if (written) ctx.relate('PART_OF', child, p, mention, 0.5, 'the home place’s parent as the text writes it');
    else ctx.relate('PART_OF', child, p, mention, 0.8, 'administrative divisions');
    written = parent.code.startsWith('text:');
    child = p;
  }
  const china = addChina(ctx, mention);
  if (child !== china) ctx.relate('PART_OF', child, china, mention, 0.8, 'administrative divisions');
  return place;
}
