import { NODE_PROPERTIES, SEARCH_TEXT, SEED_STAMP, type NodeLabel } from '../model/graph.js';

/** The properties a label's entity is read with: every stored one but the search text and the seed stamp. */
export const ENTITY_PROPERTIES = Object.fromEntries(
  Object.entries(NODE_PROPERTIES).map(([label, props]) => [
    label,
    ['id', ...Object.keys(props).filter((p) => p !== SEARCH_TEXT && p !== SEED_STAMP)],
  ]),
) as Record<NodeLabel, string[]>;

/**
 * Properties read whatever is selected: resolvers sort, filter and draw by them (name and title, kind
 * and level, a report's source), and they are short.
 */
const CORE = new Set(['id', 'name', 'nameEn', 'title', 'kind', 'level', 'source']);
/** A relationship's properties a link is read with: where it is stated, its quote and qualifiers. */
const LINK_PROPERTIES = ['source', 'quote', 'role', 'detail'];
/** Every property an entity of some label or a link can be read with. */
const STORED = new Set([...Object.values(ENTITY_PROPERTIES).flat(), ...LINK_PROPERTIES]);
/** How many stored properties are read only when named. */
const OPTIONAL = [...STORED].filter((p) => !CORE.has(p)).length;

/**
 * Projections kept at once, and statements each keeps: a client sending ever new selections or filters
 * makes a cache start over, never grow (at most some 30 MB of statement text).
 */
const MAX_PROJECTIONS = 64;
const MAX_SPELLED = 500;

/**
 * The properties a request reads of its entities: part of its plan. A field of an entity type is read
 * from the stored property of the same name, so an operation that never names `description` has no use
 * for it: the request reads the properties its operation names, beside `CORE`, and the rest stay in the
 * database (on Neo4j, the nested page's read is a third shorter). The loaders of a request only ever
 * answer its own operation, so the entities they hold are complete for it.
 */
export class Projection {
  /** Every property: a request whose operation is not known (scripts, the naive baseline). */
  static readonly ALL = new Projection(() => true);
  private static readonly made = new Map<string, Projection>();
  /** Each label's properties beside their column under a prefix, made once per prefix: entities are read by the thousand. */
  private readonly columnsOf = new Map<string, Array<[property: string, column: string]>>();
  private readonly properties: Record<NodeLabel, string[]>;
  /** The properties of a relationship read as a link. */
  readonly linkProperties: readonly string[];
  /** Statements spelled with this projection, by what spells them: requests share them (see `spelled`). */
  private readonly statements = new Map<string, unknown>();

  private constructor(read: (property: string) => boolean) {
    const kept = (p: string) => CORE.has(p) || read(p);
    this.properties = Object.fromEntries(Object.entries(ENTITY_PROPERTIES).map(([label, props]) => [label, props.filter(kept)])) as Record<
      NodeLabel,
      string[]
    >;
    this.linkProperties = LINK_PROPERTIES.filter(kept);
  }

  /**
   * The projection reading the properties named in `names` besides `CORE`. Requests naming the same
   * properties share one, so each statement is spelled once per projection.
   */
  static of(names: Iterable<string>): Projection {
    const wanted = [...new Set(names)].filter((n) => STORED.has(n) && !CORE.has(n)).sort();
    if (wanted.length === OPTIONAL) return Projection.ALL;
    const key = wanted.join(' ');
    let found = Projection.made.get(key);
    if (!found) {
      if (Projection.made.size >= MAX_PROJECTIONS) Projection.made.clear();
      const set = new Set(wanted);
      Projection.made.set(key, (found = new Projection((p) => set.has(p))));
    }
    return found;
  }

  /** The properties of a label's entity read, each beside the column it comes in under `prefix` (several entities fit in one row). */
  propertyColumns(label: NodeLabel, prefix = ''): ReadonlyArray<readonly [property: string, column: string]> {
    const key = `${label}|${prefix}`;
    let columns = this.columnsOf.get(key);
    if (!columns) this.columnsOf.set(key, (columns = this.properties[label].map((p) => [p, `${prefix}${p}`])));
    return columns;
  }

  /**
   * The statements `spell` makes, kept under `key` (what spells them, and for which dialect): a request
   * sends statements by the dozen, the same for every request reading the same properties.
   */
  spelled<T>(key: string, spell: () => T): T {
    let found = this.statements.get(key) as T | undefined;
    if (found === undefined) {
      if (this.statements.size >= MAX_SPELLED) this.statements.clear();
      this.statements.set(key, (found = spell()));
    }
    return found;
  }
}
