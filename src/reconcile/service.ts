/**
 * The W3C Reconciliation Service API (v0.2), as OpenRefine speaks it: the service manifest, batches of
 * queries (with types and property constraints), entity/type/property suggestions and previews. It
 * answers from the same search index and data layer as GraphQL (see `Reconciler`).
 */
import type { DataAccess } from '../data/access.js';
import type { EntityRecord } from '../data/records.js';
import { NODE_LABELS, ORGANIZATION_KINDS, type NodeLabel } from '../model/graph.js';
import { Reconciler, type Candidate } from './reconciler.js';
import { isEnglishQuery } from '../text/english-keys.js';

/** A request the protocol cannot take: answered 400 with the message. */
export class ReconcileInputError extends Error {
  override readonly name = 'ReconcileInputError';
}

/** The most queries one batch may hold, and candidates one query may ask for. */
export const MAX_BATCH = 50;
export const MAX_CANDIDATES = 25;
const MAX_QUERY_LENGTH = 300;

/** The types offered: every entity label, organizations first (what affiliation strings name). */
const TYPES = (['Organization', ...NODE_LABELS.filter((l) => l !== 'Organization' && l !== 'Report')] as NodeLabel[]).map((id) => ({ id, name: id }));
/** The properties a query may be constrained by. */
const PROPERTIES = [
  { id: 'place', name: 'Place (a place id, a six-digit division code, or a place name)' },
  { id: 'kind', name: `Organization kind (${ORGANIZATION_KINDS.join(', ')})` },
];

/** The service manifest, its URLs under `base` (the server's own origin). */
export function manifest(base: string) {
  return {
    versions: ['0.2'],
    name: "Health graph of China's health-sector reports",
    identifierSpace: `${base}/entity/`,
    schemaSpace: `${base}/schema/`,
    defaultTypes: TYPES,
    view: { url: `${base}/explore?node={{id}}` },
    preview: { url: `${base}/reconcile/preview?id={{id}}`, width: 420, height: 140 },
    suggest: {
      entity: { service_url: base, service_path: '/reconcile/suggest/entity' },
      type: { service_url: base, service_path: '/reconcile/suggest/type' },
      property: { service_url: base, service_path: '/reconcile/suggest/property' },
    },
    batchSize: MAX_BATCH,
  };
}

interface Query {
  query: string;
  type?: string | string[];
  limit?: number;
  properties?: Array<{ pid: string; v: unknown }>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks one query of a batch; `key` names it in the message. */
function checkQuery(key: string, raw: unknown): Query {
  const bad = (what: string) => new ReconcileInputError(`query "${key}": ${what}`);
  if (!isObject(raw)) throw bad('must be an object with a "query" string');
  const { query, type, limit, properties } = raw;
  if (typeof query !== 'string' || !query.trim()) throw bad('"query" must be a non-empty string');
  if ([...query].length > MAX_QUERY_LENGTH) throw bad(`"query" is longer than ${MAX_QUERY_LENGTH} characters`);
  const types = type === undefined ? [] : Array.isArray(type) ? type : [type];
  for (const t of types)
    if (typeof t !== 'string' || !TYPES.some((known) => known.id === t))
      throw bad(`unknown type ${JSON.stringify(t)} (the types: ${TYPES.map((k) => k.id).join(', ')})`);
  if (limit !== undefined && (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > MAX_CANDIDATES))
    throw bad(`"limit" must be from 1 to ${MAX_CANDIDATES}`);
  if (properties !== undefined && !Array.isArray(properties)) throw bad('"properties" must be a list of {pid, v}');
  for (const p of (properties as unknown[] | undefined) ?? []) {
    if (!isObject(p) || typeof p.pid !== 'string' || !PROPERTIES.some((known) => known.id === p.pid))
      throw bad(`unknown property (the properties: ${PROPERTIES.map((k) => k.id).join(', ')})`);
    if (typeof p.v !== 'string' && !(isObject(p.v) && typeof p.v.id === 'string')) throw bad(`property "${p.pid}" needs a string value`);
  }
  return raw as unknown as Query;
}

/** The batch of a `queries` parameter: JSON, an object of named queries. */
export function parseQueries(text: string): Map<string, Query> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ReconcileInputError('"queries" is not valid JSON');
  }
  if (!isObject(parsed)) throw new ReconcileInputError('"queries" must be an object of named queries ({"q0": {"query": "…"}})');
  const entries = Object.entries(parsed);
  if (!entries.length) throw new ReconcileInputError('"queries" holds no query');
  if (entries.length > MAX_BATCH) throw new ReconcileInputError(`"queries" holds ${entries.length} queries; the limit is ${MAX_BATCH}`);
  return new Map(entries.map(([key, raw]) => [key, checkQuery(key, raw)]));
}

/** A property value: a string, or an object with an id (OpenRefine sends reconciled values so). */
const valueOf = (v: unknown): string => (typeof v === 'string' ? v : String((v as { id: string }).id));

/** The name of an entity in the language of the query. */
const nameFor = (entity: EntityRecord, english: boolean) => (english && typeof entity.nameEn === 'string' ? entity.nameEn : entity.name);

/** Answers a batch: candidates per query, best first, `match` when sure enough to accept without review. */
export async function answerQueries(data: DataAccess, queries: Map<string, Query>): Promise<Record<string, { result: unknown[] }>> {
  const reconciler = new Reconciler(data);
  // The queries of a batch at once: their reads share the request's turns (one wait a level, not one a query).
  const answered = await Promise.all([...queries].map(async ([key, q]) => [key, await answerQuery(reconciler, q)] as const));
  return Object.fromEntries(answered);
}

/** One query of a batch: its candidates in the service's shape, named in the language it was asked in. */
async function answerQuery(reconciler: Reconciler, q: Query): Promise<{ result: unknown[] }> {
  const types = q.type === undefined ? undefined : ((Array.isArray(q.type) ? q.type : [q.type]) as NodeLabel[]);
  const props = q.properties ?? [];
  const place = props.find((p) => p.pid === 'place');
  const kind = props.find((p) => p.pid === 'kind');
  const limit = q.limit ?? 3;
  let candidates: Candidate[] = await reconciler.reconcile({
    query: q.query,
    labels: kind ? ['Organization'] : types,
    place: place && valueOf(place.v),
    limit: kind ? MAX_CANDIDATES : limit,
  });
  if (kind) candidates = candidates.filter((c) => c.entity.kind === valueOf(kind.v)).slice(0, limit);
  const english = isEnglishQuery(q.query);
  return {
    result: candidates.map((c) => ({
      id: c.entity.id,
      name: nameFor(c.entity, english),
      type: [{ id: c.entity.label, name: c.entity.label }],
      score: c.score,
      match: c.match,
      description: english ? c.entity.name : (c.entity.nameEn ?? undefined),
    })),
  };
}

/** Entity suggestions for a prefix typed in OpenRefine: `{result: [{id, name, description}]}`. */
export async function suggestEntities(data: DataAccess, prefix: string, type: string | undefined) {
  const labels = type && TYPES.some((t) => t.id === type) ? [type as NodeLabel] : NODE_LABELS;
  const english = isEnglishQuery(prefix);
  const hits = prefix.trim() ? await data.search.search(prefix.trim().slice(0, 100), labels, 10) : [];
  return {
    result: hits.map((h) => ({
      id: h.entity.id,
      name: nameFor(h.entity, english),
      description: english ? h.entity.name : (h.entity.nameEn ?? h.entity.label),
    })),
  };
}

/** Type and property suggestions: those whose id or name holds the prefix. */
export function suggestFrom(kind: 'type' | 'property', prefix: string) {
  const list = kind === 'type' ? TYPES : PROPERTIES;
  const wanted = prefix.trim().toLowerCase();
  return { result: list.filter((t) => `${t.id} ${t.name}`.toLowerCase().includes(wanted)) };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small HTML card of an entity, for OpenRefine's preview pane. */
export function previewHtml(entity: EntityRecord, base: string): string {
  const lines = [
    `<strong>${escapeHtml(entity.name)}</strong>`,
    typeof entity.nameEn === 'string' ? `<div>${escapeHtml(entity.nameEn)}</div>` : '',
    `<div>${[entity.label, entity.kind, entity.code]
      .filter((v): v is string => typeof v === 'string')
      .map(escapeHtml)
      .join(' · ')}</div>`,
    `<div><a href="${escapeHtml(`${base}/explore?node=${encodeURIComponent(entity.id)}`)}" target="_blank">${escapeHtml(entity.id)}</a></div>`,
  ];
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(entity.name)}</title></head><body style="font:13px system-ui,sans-serif;margin:6px">${lines.join('')}</body></html>`;
}
