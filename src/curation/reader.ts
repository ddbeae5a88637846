import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  ACHIEVEMENT_KINDS,
  ENTITY_LABELS,
  ENTITY_PREFIX,
  NODE_PROPERTIES,
  ORGANIZATION_KINDS,
  PLACE_LEVELS,
  PROGRAM_KINDS,
  RELATION_PAIRS,
  SEARCH_TEXT,
  SEED_STAMP,
  labelOfId,
  type EntityLabel,
  type NodeLabel,
  type RelationType,
} from '../model/graph.js';
import type { SourceEntry } from '../model/manifest.js';
import { PERIOD, defaultCatalog, type ReportCatalog } from './reports.js';
import { divisionCodes, isDivisionCode } from './codes.js';
import { UNIT_NAMES_EN } from '../model/units.js';

/** Where a fact is stated: a source (report or article of 001) and a short quote. */
export interface Evidence {
  source: string;
  quote: string;
}

/** A node of the curated graph, merged over every file that mentions it. */
export interface CuratedNode {
  id: string;
  label: NodeLabel;
  props: Record<string, string | number | boolean | string[]>;
  evidence: Evidence[];
}

/** A relationship as one source states it. */
export interface CuratedRelation {
  type: RelationType;
  from: string;
  to: string;
  source: string;
  quote: string;
  role?: string;
  detail?: string;
}

/** The whole curated graph: nodes by id, relationships, and which file each fact came from. */
export interface CuratedGraph {
  nodes: Map<string, CuratedNode>;
  relations: CuratedRelation[];
  /** Curation file (without `.json`) → the node ids and relation indexes it states. */
  files: Map<string, StatedInFile>;
  /** Programs whose runner the reports do not name, with the reason (`noRunner` in curation). */
  unrun: Map<string, string>;
}

/** What one curation file states: its nodes, its mentions (node id + evidence) and its relations. */
export interface StatedInFile {
  nodes: Set<string>;
  mentions: Array<Evidence & { id: string }>;
  relations: number[];
}

export const MAX_QUOTE_LENGTH = 60;

/** A place name or digit masked in report 001: `xx`, or a lone `x` between Chinese characters. */
const MASK = /xx|(?<![A-Za-z])x(?![A-Za-z])/i;

const KINDS: Partial<Record<NodeLabel, readonly string[]>> = {
  Organization: ORGANIZATION_KINDS,
  Program: PROGRAM_KINDS,
  Achievement: ACHIEVEMENT_KINDS,
};
/** Stored properties the compiler derives, never written in a curation file. */
const DERIVED_PROPERTIES = new Set(['scope', 'code', 'periodStart', 'periodEnd', 'periodBasis', SEARCH_TEXT, SEED_STAMP]);
/**
 * The fields of a curated entity: every stored property of an entity label but the derived ones, and
 * those stored otherwise (its label, its evidence as MENTIONED_IN, its period as start, end and basis,
 * a program's reason for naming no runner).
 */
const ENTITY_FIELDS = new Set([
  'type',
  'evidence',
  'period',
  'noRunner',
  ...ENTITY_LABELS.flatMap((label) => Object.keys(NODE_PROPERTIES[label])).filter((property) => !DERIVED_PROPERTIES.has(property)),
]);
/** The fields a curation file may hold; report metadata lives in the manifest (curation/reports.json). */
const FILE_FIELDS = ['entities', 'relations'];
const RELATION_FIELDS = ['type', 'from', 'to', 'role', 'detail', 'evidence'];
const EVIDENCE_FIELDS = ['source', 'quote'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The problem of a field curation does not know; a draft's `draft` mark says the item awaits review. */
function unknownField(where: string, key: string): string {
  if (key === 'draft') return `${where}: a draft candidate not yet reviewed: check it, then remove "draft" (npm run draft -- --accept)`;
  return `${where}: unknown field "${key}"`;
}

/** The first and last years of a period (`2022`, `2016-2020`). */
function periodYears(period: string | undefined): { periodStart: number; periodEnd: number } | undefined {
  if (period === undefined) return undefined;
  const [start, end = start] = period.split('-').map(Number) as [number, number?];
  return { periodStart: start, periodEnd: end };
}

/** The id of a curated entity, derived from its type and name (and article, when the name is masked). */
export function entityId(label: EntityLabel, name: string, firstSource: string, masked: boolean): string {
  const prefix = ENTITY_PREFIX[label];
  if (label === 'Achievement' || masked) return `${prefix}:${firstSource}:${name}`;
  return `${prefix}:${name}`;
}

/** Reads and checks every curation file; collects problems instead of stopping at the first. */
export class CurationReader {
  readonly problems: string[] = [];
  readonly graph: CuratedGraph = { nodes: new Map(), relations: [], files: new Map(), unrun: new Map() };
  private readonly relationKeys = new Map<string, number>();

  /** `reportTexts`: comparable texts by report (quotes are not checked against a report missing here); `catalog`: the manifest's reports. */
  constructor(
    private readonly reportTexts: Map<string, string>,
    readonly catalog: ReportCatalog = defaultCatalog(),
  ) {
    // Every report, then every article (part of its compilation), as the manifest lists them.
    for (const report of catalog.reports) this.addReport(report);
    for (const report of catalog.reports) {
      for (const article of report.articles) {
        this.addReport(article);
        this.graph.relations.push({
          type: 'PART_OF',
          from: `report:${article.source}`,
          to: `report:${report.source}`,
          source: article.source,
          quote: '',
        });
      }
    }
  }

  private addReport({ source, title, titleEn, publisher, publisherEn, date, period, periodNote }: SourceEntry): void {
    const props: CuratedNode['props'] = { source, title, name: title };
    const optional = { titleEn, nameEn: titleEn, publisher, publisherEn, date, periodNote, ...periodYears(period) };
    for (const [key, value] of Object.entries(optional)) if (value !== undefined) props[key] = value;
    this.graph.nodes.set(`report:${source}`, { id: `report:${source}`, label: 'Report', props, evidence: [] });
  }

  /** Reads one curation file into the graph. */
  readFile(path: string): void {
    const file = basename(path, '.json');
    const at = (where: string) => `${file}.json ${where}`;
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      this.problems.push(at(`is not valid JSON: ${(error as Error).message}`));
      return;
    }
    if (!isObject(doc)) return void this.problems.push(at('must hold an object with entities and relations'));
    for (const key of Object.keys(doc)) {
      if (!FILE_FIELDS.includes(key)) {
        const hint = key === 'reports' ? ' (report metadata lives in the manifest, curation/reports.json)' : '';
        this.problems.push(at(`has an unknown field "${key}"${hint}`));
      }
    }
    const stated: StatedInFile = { nodes: new Set(), mentions: [], relations: [] };
    this.graph.files.set(file, stated);
    this.array(doc, 'entities', at).forEach((e, i) => {
      const read = this.readEntity(e, at(`entities[${i}]`));
      if (!read) return;
      stated.nodes.add(read.id);
      for (const evidence of read.evidence) {
        if (!stated.mentions.some((m) => m.id === read.id && m.source === evidence.source && m.quote === evidence.quote)) {
          stated.mentions.push({ id: read.id, ...evidence });
        }
      }
    });
    const relations = this.array(doc, 'relations', at);
    relations.forEach((r, i) => {
      const index = this.readRelation(r, at(`relations[${i}]`), stated.nodes);
      if (index !== undefined && !stated.relations.includes(index)) stated.relations.push(index);
    });
  }

  private array(doc: Json, key: string, at: (w: string) => string): unknown[] {
    const value = doc[key] ?? [];
    if (Array.isArray(value)) return value;
    this.problems.push(at(`${key} must be an array`));
    return [];
  }

  private readEvidence(raw: unknown, where: string): Evidence | undefined {
    if (!isObject(raw) || typeof raw.source !== 'string' || typeof raw.quote !== 'string') {
      this.problems.push(`${where}: evidence needs a source and a quote`);
      return undefined;
    }
    for (const key of Object.keys(raw)) if (!EVIDENCE_FIELDS.includes(key)) this.problems.push(`${where}: evidence has an unknown field "${key}"`);
    const { source, quote } = raw;
    if (!this.catalog.evidenceSources.includes(source)) {
      this.problems.push(`${where}: unknown source "${source}" (the manifest's: ${this.catalog.evidenceSources.join(', ')})`);
    }
    if ([...quote].length > MAX_QUOTE_LENGTH) this.problems.push(`${where}: quote longer than ${MAX_QUOTE_LENGTH} characters: "${quote}"`);
    if (!quote.trim()) this.problems.push(`${where}: empty quote`);
    const report = this.catalog.reportOf(source)?.source ?? source;
    const text = this.reportTexts.get(report);
    if (text !== undefined && !text.includes(this.catalog.comparable(report, quote))) {
      this.problems.push(`${where}: quote not found in report ${report}: "${quote}"`);
    }
    return { source, quote };
  }

  private readEntity(raw: unknown, where: string): { id: string; evidence: Evidence[] } | undefined {
    if (!isObject(raw)) return void this.problems.push(`${where}: must be an object`);
    const label = raw.type as EntityLabel;
    if (!(label in ENTITY_PREFIX)) return void this.problems.push(`${where}: unknown type "${String(raw.type)}"`);
    if (typeof raw.name !== 'string' || !raw.name.trim()) return void this.problems.push(`${where}: needs a name`);
    const name = raw.name.trim();
    where = `${where} (${label} ${name})`;
    for (const key of Object.keys(raw)) if (!ENTITY_FIELDS.has(key)) this.problems.push(unknownField(where, key));
    const evidenceList = Array.isArray(raw.evidence) ? raw.evidence : [];
    const evidence = evidenceList.map((e, i) => this.readEvidence(e, `${where} evidence[${i}]`)).filter((e): e is Evidence => !!e);
    if (!evidence[0]) return void this.problems.push(`${where}: needs evidence`);
    const masked = raw.masked === true;
    const report = this.catalog.reportOf(evidence[0].source);
    const masks = report?.repairs.masks === true;
    if (!masked && masks && label !== 'Achievement' && MASK.test(name)) this.problems.push(`${where}: the name is masked (x): set "masked": true`);
    if (masked && report && !masks)
      this.problems.push(`${where}: masked, but report ${report.source} masks nothing (its manifest entry has no repairs.masks)`);
    const id = entityId(label, name, evidence[0].source, masked);
    const props = this.entityProps(label, raw, where);
    // A masked achievement keeps its label: its id is scoped already, and `masked` speaks of its value.
    const scoped = masked && label !== 'Achievement';
    props.name = scoped ? `${name}（${evidence[0].source}）` : name;
    if (scoped && typeof props.nameEn === 'string') props.nameEn = `${props.nameEn} (article ${evidence[0].source})`;
    if (masked && label !== 'Achievement') props.scope = evidence[0].source;
    this.mergeNode({ id, label, props, evidence: [...evidence] }, where);
    if (raw.noRunner !== undefined) {
      if (label !== 'Program' || typeof raw.noRunner !== 'string' || !raw.noRunner.trim()) {
        this.problems.push(`${where}: noRunner is a Program's reason (text) for naming no runner`);
      } else this.graph.unrun.set(id, raw.noRunner);
    }
    return { id, evidence };
  }

  private entityProps(label: EntityLabel, raw: Json, where: string): CuratedNode['props'] {
    const allowed = NODE_PROPERTIES[label];
    const props: CuratedNode['props'] = {};
    for (const [key, value] of Object.entries(raw)) {
      if (['type', 'name', 'evidence', 'noRunner', 'period', 'periodNote'].includes(key) || value === null || value === undefined) continue;
      const type = allowed[key];
      if (!type) {
        if (key !== 'masked') this.problems.push(`${where}: field "${key}" does not apply to ${label}`);
        continue;
      }
      const ok =
        type === 'STRING'
          ? typeof value === 'string'
          : type === 'STRING[]'
            ? Array.isArray(value) && value.every((v) => typeof v === 'string')
            : type === 'BOOLEAN'
              ? typeof value === 'boolean'
              : type === 'INT64'
                ? Number.isInteger(value)
                : typeof value === 'number' && Number.isFinite(value);
      if (!ok) this.problems.push(`${where}: ${key} must be ${type}`);
      else props[key] = value as CuratedNode['props'][string];
    }
    const kinds = label === 'Place' ? PLACE_LEVELS : KINDS[label];
    const kindKey = label === 'Place' ? 'level' : 'kind';
    if (kinds && !kinds.includes(props[kindKey] as string)) {
      this.problems.push(`${where}: ${kindKey} must be one of ${kinds.join(', ')}`);
    }
    this.checkEnglish(label, raw, where);
    if (label === 'Achievement') this.checkAchievement(props, where);
    this.readPeriod(label, raw, props, where);
    return props;
  }

  private checkEnglish(label: EntityLabel, raw: Json, where: string): void {
    const text = (v: unknown) => typeof v === 'string' && v.trim() !== '';
    if (raw.nameEn !== undefined && !text(raw.nameEn)) this.problems.push(`${where}: nameEn must be a non-empty string`);
    if (raw.aliasesEn !== undefined && !(Array.isArray(raw.aliasesEn) && raw.aliasesEn.every(text)))
      this.problems.push(`${where}: aliasesEn must be a list of strings`);
    if (raw.statementEn !== undefined && (label !== 'Achievement' || !text(raw.statementEn)))
      this.problems.push(`${where}: statementEn is an achievement's statement in English`);
  }

  /** An achievement's period as its sentence states it (`2022`, `2016-2020`); its year is where the period ends. */
  private readPeriod(label: EntityLabel, raw: Json, props: CuratedNode['props'], where: string): void {
    if (raw.period === undefined && raw.periodNote === undefined) return;
    if (label !== 'Achievement')
      return void this.problems.push(`${where}: period applies to achievements (programs, policies and events have a year)`);
    if (props.year !== undefined) this.problems.push(`${where}: an achievement states its period, not its year`);
    const years = typeof raw.period === 'string' && PERIOD.test(raw.period) ? periodYears(raw.period) : undefined;
    if (!years) return void this.problems.push(`${where}: period must be YYYY or YYYY-YYYY`);
    if (years.periodEnd < years.periodStart) this.problems.push(`${where}: period ${String(raw.period)} ends before it starts`);
    if (raw.periodNote !== undefined && typeof raw.periodNote !== 'string') this.problems.push(`${where}: periodNote must be a string`);
    Object.assign(props, years, { periodBasis: 'STATED', year: years.periodEnd });
    if (typeof raw.periodNote === 'string') props.periodNote = raw.periodNote;
  }

  private checkAchievement(props: CuratedNode['props'], where: string): void {
    if (typeof props.statement !== 'string') this.problems.push(`${where}: an achievement needs a statement`);
    if (typeof props.unit === 'string' && !(props.unit in UNIT_NAMES_EN))
      this.problems.push(`${where}: unit "${props.unit}" has no English name in src/model/units.ts`);
    if (props.kind !== 'METRIC') return;
    const unknown = props.masked === true || props.lost === true;
    if (unknown && props.value !== undefined) this.problems.push(`${where}: a masked or lost metric has no value`);
    if (!unknown && props.value === undefined) this.problems.push(`${where}: a metric needs a value (or masked/lost)`);
  }

  private mergeNode(node: CuratedNode, where: string): void {
    const existing = this.graph.nodes.get(node.id);
    if (!existing) return void this.graph.nodes.set(node.id, node);
    for (const [key, value] of Object.entries(node.props)) {
      const before = existing.props[key];
      if (Array.isArray(value)) {
        // Lists (aliases in either language) gather what every file states.
        existing.props[key] = [...new Set([...((before as string[] | undefined) ?? []), ...value])];
      } else if (before === undefined) {
        existing.props[key] = value;
      } else if (key !== 'description' && before !== value) {
        this.problems.push(`${where}: ${key} "${String(value)}" disagrees with "${String(before)}" stated elsewhere for ${node.id}`);
      }
    }
    for (const e of node.evidence) {
      if (!existing.evidence.some((x) => x.source === e.source && x.quote === e.quote)) existing.evidence.push(e);
    }
  }

  private readRelation(raw: unknown, where: string, declared: Set<string>): number | undefined {
    if (!isObject(raw)) return void this.problems.push(`${where}: must be an object`);
    const type = raw.type as RelationType;
    if (!(type in RELATION_PAIRS)) return void this.problems.push(`${where}: unknown relation type "${String(raw.type)}"`);
    const { from, to } = raw;
    if (typeof from !== 'string' || typeof to !== 'string') return void this.problems.push(`${where}: needs from and to ids`);
    where = `${where} (${from} -${type}-> ${to})`;
    for (const key of Object.keys(raw)) {
      if (!RELATION_FIELDS.includes(key)) this.problems.push(unknownField(where, key));
    }
    for (const id of [from, to]) {
      if (!declared.has(id) && !id.startsWith('report:')) this.problems.push(`${where}: ${id} is not declared in this file`);
    }
    const pair = [labelOfId(from), labelOfId(to)];
    if (!(RELATION_PAIRS[type] as ReadonlyArray<readonly string[]>).some(([f, t]) => f === pair[0] && t === pair[1])) {
      this.problems.push(`${where}: ${type} does not join ${pair[0] ?? 'unknown'} to ${pair[1] ?? 'unknown'}`);
    }
    const evidence = this.readEvidence(raw.evidence, where);
    if (!evidence) return undefined;
    const relation: CuratedRelation = { type, from, to, ...evidence };
    for (const key of ['role', 'detail'] as const) {
      const value = raw[key];
      if (typeof value === 'string' && value) relation[key] = value;
      else if (value !== undefined && value !== null) this.problems.push(`${where}: ${key} must be a string`);
    }
    // One relationship per (type, ends, source): a second statement in the same source adds to it.
    const key = `${type}|${from}|${to}|${evidence.source}`;
    const index = this.relationKeys.get(key);
    if (index !== undefined) {
      const first = this.graph.relations[index]!;
      for (const k of ['role', 'detail'] as const) {
        if (relation[k] && first[k] && !first[k].split('、').includes(relation[k])) first[k] = `${first[k]}、${relation[k]}`;
        else first[k] ??= relation[k];
      }
      return index;
    }
    this.relationKeys.set(key, this.graph.relations.length);
    return this.graph.relations.push(relation) - 1;
  }

  /** Problems only visible once every file is read: references to missing nodes, colliding names, report places. */
  finish(): CuratedGraph {
    this.placeReports();
    const run = new Set(this.graph.relations.filter((r) => ['RUNS', 'LEADS', 'CO_BUILDS'].includes(r.type)).map((r) => r.to));
    for (const id of this.graph.unrun.keys()) if (run.has(id)) this.problems.push(`${id}: has a runner, yet says noRunner (remove the reason)`);
    this.inferPeriods();
    this.requireEnglish();
    this.codePlaces();
    for (const r of this.graph.relations) {
      for (const id of [r.from, r.to]) {
        if (!this.graph.nodes.has(id)) this.problems.push(`relation ${r.from} -${r.type}-> ${r.to} (${r.source}): no node ${id}`);
      }
    }
    const byName = new Map<string, string>();
    for (const node of this.graph.nodes.values()) {
      if (node.label === 'Report' || node.label === 'Achievement' || node.props.masked) continue;
      for (const name of [node.props.name as string]) {
        const key = `${node.label}|${name}`;
        const other = byName.get(key);
        if (other && other !== node.id) this.problems.push(`${node.id} and ${other} share the name "${name}"`);
        byName.set(key, node.id);
      }
    }
    for (const node of this.graph.nodes.values()) {
      for (const alias of (node.props.aliases as string[] | undefined) ?? []) {
        const other = byName.get(`${node.label}|${alias}`);
        if (other && other !== node.id) this.problems.push(`${node.id} has alias "${alias}", the name of ${other}: merge them`);
      }
    }
    return this.graph;
  }

  /**
   * An achievement whose sentence states no period takes its source's: the article's, else its
   * compilation's, marked as inferred with what it was inferred from.
   */
  private inferPeriods(): void {
    for (const node of this.graph.nodes.values()) {
      if (node.label !== 'Achievement' || node.props.periodBasis) continue;
      const source = node.evidence[0]!.source;
      const from = [source, this.catalog.reportOf(source)?.source]
        .map((s) => (s === undefined ? undefined : this.graph.nodes.get(`report:${s}`)))
        .find((r) => r?.props.periodStart !== undefined);
      if (!from) continue;
      const { periodStart, periodEnd } = from.props;
      Object.assign(node.props, { periodStart, periodEnd, periodBasis: 'FROM_REPORT', year: periodEnd });
      node.props.periodNote = `the period of ${from.id.slice('report:'.length).includes('-') ? 'article' : 'report'} ${String(from.props.source)}${from.props.periodNote ? `: ${String(from.props.periodNote)}` : ''}`;
    }
  }

  /** Places get their division codes (a curated one must be the bureau's). */
  private codePlaces(): void {
    for (const node of this.graph.nodes.values()) {
      const code = node.props.code;
      if (typeof code === 'string' && !isDivisionCode(code)) this.problems.push(`${node.id}: code ${code} is no GB/T 2260 division code`);
    }
    for (const [id, code] of divisionCodes(this.graph)) this.graph.nodes.get(id)!.props.code = code;
  }

  /** Every node is named in English too, and every achievement stated in English (see curation/README.md). */
  private requireEnglish(): void {
    for (const node of this.graph.nodes.values()) {
      if (node.props.nameEn === undefined) {
        this.problems.push(
          node.label === 'Report'
            ? `${this.catalog.path}: report ${String(node.props.source)} needs a titleEn`
            : `${node.id}: needs an English name (nameEn)`,
        );
      }
      if (node.label === 'Achievement' && node.props.statementEn === undefined)
        this.problems.push(`${node.id}: needs its statement in English (statementEn)`);
    }
  }

  /**
   * A report (or article) with a `place` in the manifest is LOCATED_IN that place. The relationship is
   * stated in the first curation file that declares the place and mentions the report (else the first
   * that declares it), so the place exists when the seed file loads.
   */
  private placeReports(): void {
    for (const { source, place } of this.catalog.sources) {
      if (place === undefined) continue;
      const declaring = [...this.graph.files.values()].filter((f) => f.nodes.has(place));
      const file = declaring.find((f) => f.mentions.some((m) => m.source === source)) ?? declaring[0];
      if (this.graph.nodes.get(place)?.label !== 'Place' || !file) {
        this.problems.push(`${this.catalog.path}: the place of report ${source}, ${place}, is no Place declared in curation`);
        continue;
      }
      file.relations.push(this.graph.relations.push({ type: 'LOCATED_IN', from: `report:${source}`, to: place, source, quote: '' }) - 1);
    }
  }
}

/** The curation files of a folder, in name order (the manifest, `reports.json`, is none). */
export function curationFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'reports.json')
    .sort()
    .map((f) => join(dir, f));
}
