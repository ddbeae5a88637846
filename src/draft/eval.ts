/**
 * How the draft extractor does against the curated files (the reviewed truth), per report: recall of
 * organizations, programs, policies, places, people, metric values and relationships, and the precision
 * of each class of entity and of metrics.
 *
 * Matching: an entity is found when a candidate of its type shares a name or alias with it (both in
 * the report's comparable form, quotes and list commas aside). A metric value is found when a
 * candidate metric of the same report has the same value (each candidate counts for one metric).
 * A relationship is found when a candidate of its type joins two candidates found for its ends
 * (relationships of achievements and of the reports themselves are left out: achievements are matched
 * by value, not name).
 */
import type { CuratedGraph, CuratedNode } from '../curation/reader.js';
import type { ReportCatalog } from '../curation/reports.js';
import type { DraftEntity, DraftFile } from './draft.js';
import { idOf } from './draft.js';

export interface Ratio {
  found: number;
  total: number;
}

export interface ReportScore {
  report: string;
  organizations: Ratio;
  organizationPrecision: Ratio;
  programs: Ratio;
  programPrecision: Ratio;
  policies: Ratio;
  policyPrecision: Ratio;
  places: Ratio;
  placePrecision: Ratio;
  people: Ratio;
  personPrecision: Ratio;
  metrics: Ratio;
  metricPrecision: Ratio;
  relations: Ratio;
  /** Draft quotes the compiler's check would not find (always 0: the draft checks them). */
  badQuotes: number;
  milliseconds: number;
}

/** Each class of entity: its recall's field and its precision's (the share of its candidates that match a curated entity). */
const ENTITY_COLUMNS = [
  ['Organization', 'organizations', 'organizationPrecision'],
  ['Program', 'programs', 'programPrecision'],
  ['Policy', 'policies', 'policyPrecision'],
  ['Place', 'places', 'placePrecision'],
  ['Person', 'people', 'personPrecision'],
] as const;

/** The forms a name is compared by: comparable, without quotes, brackets and list commas. */
function keyOf(catalog: ReportCatalog, report: string, name: string): string {
  return catalog.comparable(report, name).replace(/[“”"'‘’《》「」【】、，,·\s]/g, '');
}

/** The raw name of a curated node (a masked entity's display name carries its article). */
function rawName(node: CuratedNode): string {
  const name = String(node.props.name);
  return typeof node.props.scope === 'string' ? name.replace(`（${node.props.scope}）`, '') : name;
}

/** Scores a report's draft against the curated graph. */
export function scoreDraft(catalog: ReportCatalog, report: string, draft: DraftFile, curated: CuratedGraph, milliseconds = 0): ReportScore {
  const inReport = (node: CuratedNode) => node.evidence.some((e) => catalog.reportOf(e.source)?.source === report);
  const curatedNodes = [...curated.nodes.values()].filter((n) => n.label !== 'Report' && inReport(n));
  const formsOfNode = (n: CuratedNode) =>
    new Set([rawName(n), ...((n.props.aliases as string[] | undefined) ?? [])].map((f) => keyOf(catalog, report, f)));
  const formsOfDraft = (e: DraftEntity) => new Set([e.name, ...((e.aliases as string[] | undefined) ?? [])].map((f) => keyOf(catalog, report, f)));
  const overlaps = (a: Set<string>, b: Set<string>) => [...a].some((x) => x && b.has(x));

  const score = {} as ReportScore;
  score.report = report;
  score.milliseconds = milliseconds;
  // Which curated node each draft entity matches (by type and forms).
  const matchesOf = new Map<string, Set<string>>();
  for (const [label, column, precision] of ENTITY_COLUMNS) {
    const truth = curatedNodes.filter((n) => n.label === label);
    const drafts = draft.entities.filter((e) => e.type === label);
    const draftForms = drafts.map((e) => ({ id: idOf(e), forms: formsOfDraft(e) }));
    let found = 0;
    for (const node of truth) {
      const forms = formsOfNode(node);
      const hits = draftForms.filter((d) => overlaps(forms, d.forms));
      if (hits.length) found++;
      for (const hit of hits) matchesOf.set(hit.id, (matchesOf.get(hit.id) ?? new Set()).add(node.id));
    }
    score[column] = { found, total: truth.length };
    score[precision] = { found: draftForms.filter((d) => truth.some((n) => overlaps(formsOfNode(n), d.forms))).length, total: drafts.length };
  }

  // Metric values, one-to-one.
  const truthMetrics = curatedNodes.filter((n) => n.label === 'Achievement' && n.props.kind === 'METRIC' && typeof n.props.value === 'number');
  const draftMetrics = draft.entities.filter((e) => e.type === 'Achievement' && e.kind === 'METRIC' && typeof e.value === 'number');
  const used = new Set<number>();
  let metricFound = 0;
  for (const node of truthMetrics) {
    const value = node.props.value as number;
    const index = draftMetrics.findIndex((e, i) => !used.has(i) && Math.abs((e.value as number) - value) <= 1e-9 * Math.max(1, Math.abs(value)));
    if (index >= 0) {
      used.add(index);
      metricFound++;
    }
  }
  score.metrics = { found: metricFound, total: truthMetrics.length };
  score.metricPrecision = { found: used.size, total: draftMetrics.length };

  // Relationships between named entities.
  const named = (id: string) => !id.startsWith('ach:') && !id.startsWith('report:');
  const truthRelations = curated.relations.filter((r) => catalog.reportOf(r.source)?.source === report && named(r.from) && named(r.to));
  const draftRelations = draft.relations.map((r) => ({ type: r.type, from: matchesOf.get(r.from), to: matchesOf.get(r.to) }));
  const relationFound = truthRelations.filter((r) => draftRelations.some((d) => d.type === r.type && d.from?.has(r.from) && d.to?.has(r.to))).length;
  score.relations = { found: relationFound, total: truthRelations.length };
  score.badQuotes = 0;
  return score;
}

/** Adds scores up (the total row). */
export function totalScore(scores: ReportScore[]): ReportScore {
  const sum = (pick: (s: ReportScore) => Ratio): Ratio => ({
    found: scores.reduce((n, s) => n + pick(s).found, 0),
    total: scores.reduce((n, s) => n + pick(s).total, 0),
  });
  return {
    report: 'all',
    organizations: sum((s) => s.organizations),
    organizationPrecision: sum((s) => s.organizationPrecision),
    programs: sum((s) => s.programs),
    programPrecision: sum((s) => s.programPrecision),
    policies: sum((s) => s.policies),
    policyPrecision: sum((s) => s.policyPrecision),
    places: sum((s) => s.places),
    placePrecision: sum((s) => s.placePrecision),
    people: sum((s) => s.people),
    personPrecision: sum((s) => s.personPrecision),
    metrics: sum((s) => s.metrics),
    metricPrecision: sum((s) => s.metricPrecision),
    relations: sum((s) => s.relations),
    badQuotes: scores.reduce((n, s) => n + s.badQuotes, 0),
    milliseconds: scores.reduce((n, s) => n + s.milliseconds, 0),
  };
}

const percent = ({ found, total }: Ratio) => (total ? `${Math.round((100 * found) / total)} %` : '–');

/** The scores as a Markdown table: each cell `percent (found/total)`. */
export function scoreTable(scores: ReportScore[]): string {
  const columns: Array<[string, (s: ReportScore) => Ratio]> = [
    ['organizations R', (s) => s.organizations],
    ['organizations P', (s) => s.organizationPrecision],
    ['metric values R', (s) => s.metrics],
    ['metric values P', (s) => s.metricPrecision],
    ['programs R', (s) => s.programs],
    ['programs P', (s) => s.programPrecision],
    ['policies R', (s) => s.policies],
    ['policies P', (s) => s.policyPrecision],
    ['places R', (s) => s.places],
    ['places P', (s) => s.placePrecision],
    ['people R', (s) => s.people],
    ['people P', (s) => s.personPrecision],
    ['relationships R', (s) => s.relations],
  ];
  const rows = [...scores, totalScore(scores)].map(
    (s) =>
      `| ${s.report} | ${columns.map(([, pick]) => `${percent(pick(s))} (${pick(s).found}/${pick(s).total})`).join(' | ')} | ${s.milliseconds} ms |`,
  );
  return [`| report | ${columns.map(([c]) => c).join(' | ')} | time |`, `| --- | ${columns.map(() => '---').join(' | ')} | --- |`, ...rows].join(
    '\n',
  );
}
