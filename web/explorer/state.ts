/**
 * The explorer's whole view as data, and its address. Everything the canvas shows follows from this
 * state (model.ts draws it), so an address reopens what its author saw and Back and Forward walk every
 * change. Ids are written as they are, one parameter per id (ids may hold commas); enum lists are
 * comma-separated. A long address is packed into one `z` parameter (deflate, base64url).
 */
import type { Lang } from '../shared/i18n.js';
import { ENTITY_TYPES, ORG_KINDS, RELATIONSHIP_TYPES } from '../shared/vocabulary.js';

export type SizeBy = 'links' | 'achievements';

/** A cluster opened (an entity type) or the rest of a relationship type loaded, around an expanded node. */
export interface Opened {
  center: string;
  key: string;
}

export interface ExplorerState {
  /** Entities put on the canvas by the user (search, links, the address). */
  nodes: string[];
  /** Nodes whose neighbourhood is drawn, in the order they were expanded. */
  expanded: string[];
  opened: Opened[];
  /** Nodes (and clusters) the user hid. */
  hidden: string[];
  /** Selected nodes or edges; the last one is shown in the panel. */
  selected: string[];
  from?: string;
  to?: string;
  /** Entities paths must not pass through. */
  avoid: string[];
  /** Entity types paths must not pass through. */
  avoidTypes: string[];
  /** Relationship types paths may follow (all when empty). */
  pathTypes: string[];
  maxLength: number;
  hideTypes: string[];
  hideKinds: string[];
  hideRels: string[];
  /** Achievements outside these years are hidden. */
  years?: readonly [number, number];
  sizeBy?: SizeBy;
  lang: Lang;
}

export const DEFAULT_AVOID_TYPES = ['EVENT'];
export const DEFAULT_MAX_LENGTH = 8;
export const MAX_PATH_LENGTH = 10;
/** Addresses longer than this are packed into `z`. */
export const PACK_AT = 1500;

export function emptyState(lang: Lang): ExplorerState {
  return {
    nodes: [],
    expanded: [],
    opened: [],
    hidden: [],
    selected: [],
    avoid: [],
    avoidTypes: DEFAULT_AVOID_TYPES,
    pathTypes: [],
    maxLength: DEFAULT_MAX_LENGTH,
    hideTypes: [],
    hideKinds: [],
    hideRels: [],
    lang,
  };
}

const unique = (values: readonly string[]) => [...new Set(values.filter(Boolean))];
/** The enum lists of the address, and the values each may hold. */
const ENUMS: Record<string, readonly string[]> = {
  at: ENTITY_TYPES,
  pt: RELATIONSHIP_TYPES,
  ft: ENTITY_TYPES,
  fk: ORG_KINDS,
  fr: RELATIONSHIP_TYPES,
};
const GROUP_KEYS: readonly string[] = [...ENTITY_TYPES, ...RELATIONSHIP_TYPES];
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** An opened group is written `KEY~id`: keys (enum values) never hold `~`, ids may. */
const openedText = (o: Opened) => `${o.key}~${o.center}`;
function readOpened(text: string): Opened | undefined {
  const at = text.indexOf('~');
  return at > 0 && at < text.length - 1 ? { key: text.slice(0, at), center: text.slice(at + 1) } : undefined;
}

function readYears(text: string | null): readonly [number, number] | undefined {
  const match = /^(\d{4})-(\d{4})$/.exec(text ?? '');
  if (!match) return undefined;
  const [a, b] = [Number(match[1]), Number(match[2])];
  return [Math.min(a, b), Math.max(a, b)];
}

/**
 * The state an address describes, and what in it was not understood (`key=value` each), which the
 * page says it left out. `node=<id>` (the link every page uses for an entity) opens that entity:
 * drawn, expanded and selected.
 */
export function parseState(params: URLSearchParams, fallbackLang: Lang): { state: ExplorerState; ignored: string[] } {
  const ignored: string[] = [];
  const all = (key: string) => unique(params.getAll(key));
  const list = (key: string) =>
    unique((params.get(key) ?? '').split(',')).filter((value) => {
      const valid = ENUMS[key]!.includes(value);
      if (!valid) ignored.push(`${key}=${value}`);
      return valid;
    });
  const lang = params.get('lang');
  const opened = all('o').map((text) => {
    const group = readOpened(text);
    if (!group || !GROUP_KEYS.includes(group.key)) ignored.push(`o=${text}`);
    return group;
  });
  const state: ExplorerState = {
    ...emptyState(lang === 'zh' || lang === 'en' ? lang : fallbackLang),
    nodes: all('n'),
    expanded: all('x'),
    opened: opened.filter((o): o is Opened => !!o && GROUP_KEYS.includes(o.key)),
    hidden: all('h'),
    selected: all('s'),
    avoid: all('a'),
    avoidTypes: params.has('at') ? list('at') : DEFAULT_AVOID_TYPES,
    pathTypes: list('pt'),
    hideTypes: list('ft'),
    hideKinds: list('fk'),
    hideRels: list('fr'),
  };
  const from = params.get('from');
  const to = params.get('to');
  if (from) state.from = from;
  if (to) state.to = to;
  const length = params.get('len');
  if (length !== null) {
    if (/^\d+$/.test(length) && Number(length) >= 1 && Number(length) <= MAX_PATH_LENGTH) state.maxLength = Number(length);
    else ignored.push(`len=${length}`);
  }
  const years = params.get('y');
  if (years !== null) {
    const range = readYears(years);
    if (range) state.years = range;
    else ignored.push(`y=${years}`);
  }
  const size = params.get('sz');
  if (size === 'links' || size === 'achievements') state.sizeBy = size;
  else if (size !== null) ignored.push(`sz=${size}`);
  if (lang !== null && lang !== state.lang) ignored.push(`lang=${lang}`);
  const node = params.get('node');
  if (node) {
    state.nodes = unique([...state.nodes, node]);
    state.expanded = unique([...state.expanded, node]);
    state.selected = [node];
  }
  return { state, ignored };
}

/** The address's parameters for a state: defaults and empty lists are left out. */
export function stateParams(state: ExplorerState): URLSearchParams {
  const params = new URLSearchParams();
  const each = (key: string, values: readonly string[]) => values.forEach((v) => params.append(key, v));
  const joined = (key: string, values: readonly string[]) => values.length && params.set(key, values.join(','));
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  each('n', state.nodes);
  each('x', state.expanded);
  each('o', state.opened.map(openedText));
  each('h', state.hidden);
  each('s', state.selected);
  each('a', state.avoid);
  if (!sameList(state.avoidTypes, DEFAULT_AVOID_TYPES)) params.set('at', state.avoidTypes.join(','));
  joined('pt', state.pathTypes);
  if (state.maxLength !== DEFAULT_MAX_LENGTH) params.set('len', String(state.maxLength));
  joined('ft', state.hideTypes);
  joined('fk', state.hideKinds);
  joined('fr', state.hideRels);
  if (state.years) params.set('y', `${state.years[0]}-${state.years[1]}`);
  if (state.sizeBy) params.set('sz', state.sizeBy);
  params.set('lang', state.lang);
  return params;
}

async function through(stream: CompressionStream | DecompressionStream, bytes: Uint8Array): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const fromBase64Url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** Only what would break the query is escaped (&, =, #, %, +, ?, spaces): ids stay readable in the address bar. */
const escapeValue = (text: string) => text.replace(/[%&=#+?\s]/g, encodeURIComponent);

/** The query string of a state: as it is when short, packed into `z` when long (as the browser sends it, escaped). */
export async function encodeState(state: ExplorerState): Promise<string> {
  const plain = [...stateParams(state)].map(([key, value]) => `${key}=${escapeValue(value)}`).join('&');
  if (encodeURI(plain).length <= PACK_AT) return plain;
  const packed = await through(new CompressionStream('deflate-raw'), new TextEncoder().encode(plain));
  return `z=${toBase64Url(packed)}`;
}

/** A `z` parameter that does not unpack (cut short when copied, say). */
export class DamagedAddress extends Error {
  override readonly name = 'DamagedAddress';
}

/** The parameters of a query string, unpacking `z`. */
export async function decodeParams(search: string): Promise<URLSearchParams> {
  const params = new URLSearchParams(search);
  const packed = params.get('z');
  if (!packed) return params;
  try {
    const bytes = await through(new DecompressionStream('deflate-raw'), fromBase64Url(packed));
    return new URLSearchParams(new TextDecoder().decode(bytes));
  } catch {
    throw new DamagedAddress('z');
  }
}
