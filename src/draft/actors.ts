/**
 * Who a source is about, for what its sentences tell with no subject named, and the meeting it reports.
 * Decided once every sentence is read, since they count mentions across the source.
 */
import type { Candidate, DraftContext } from './context.js';

/**
 * A source's main actor: its publisher (the article's, else the report's) when it names it; else whoever
 * its clauses start with most often, an organization (市卫生健康委…) or a place that acts itself (xx市启动…),
 * counting mentions elsewhere a little, organizations that usually act (agencies, groups, hospitals) a little more.
 */
export function mainActor(ctx: DraftContext, source: string): Candidate | undefined {
  if (ctx.actors.has(source)) return ctx.actors.get(source);
  const inSource = [...ctx.byKey.values()].filter(
    (c) => (c.type === 'Organization' || (c.type === 'Place' && c.props.level !== 'COUNTRY')) && c.mentions.some((m) => m.sentence.source === source),
  );
  const publisher = ctx.options.articles?.find((a) => a.source === source)?.publisher ?? ctx.options.publisher;
  let actor = publisher ? inSource.find((c) => c.type === 'Organization' && (c.name === publisher || c.aliases.has(publisher))) : undefined;
  if (!actor) {
    const score = (c: Candidate) => actorScore(c, source);
    actor = inSource.sort((a, b) => score(b) - score(a) || (a.type === 'Organization' ? -1 : 1))[0];
  }
  ctx.actors.set(source, actor);
  return actor;
}

/** How much a candidate reads as a source's actor: clauses it starts, then mentions, weighted by how often its kind acts. */
function actorScore(c: Candidate, source: string): number {
  const own = c.mentions.filter((m) => m.sentence.source === source && [c.name, ...c.aliases].includes(m.sentence.text.slice(m.start, m.end)));
  const subject = own.filter((m) => m.start === 0 || /[，,。；;：:]/.test(m.sentence.text[m.start - 1]!)).length;
  const acts = c.props.kind === 'GOVERNMENT_AGENCY' ? 2 : ['MEDICAL_GROUP', 'ENTERPRISE_GROUP', 'HOSPITAL'].includes(String(c.props.kind)) ? 1.5 : 1;
  return c.type === 'Place' ? subject / 2 : (subject + 0.25 * own.length + 0.01) * acts;
}

/** The meeting a source reports: the dated meeting it mentions first (2023年工作会议…). */
export function meetingOf(ctx: DraftContext, source: string): Candidate | undefined {
  const at = (c: Candidate) => c.mentions.find((m) => m.sentence.source === source)?.sentence.index ?? Infinity;
  return [...ctx.byKey.values()]
    .filter((c) => c.type === 'Event' && c.props.year !== undefined && /会议|大会|全会|论坛/.test(c.name) && at(c) < Infinity)
    .sort((a, b) => at(a) - at(b))[0];
}
