/**
 * The benchmark's operations: each as the API is asked it, and as the best hand-written Cypher giving
 * the same answer on each engine (one statement each, shaped into the API's JSON by a little code).
 */
import type { Dialect } from '../../src/graph/dialect.js';
import type { Params, Row } from '../../src/graph/store.js';
import { text } from '../../src/graph/values.js';
import { RELATION_TYPES } from '../../src/model/graph.js';
import { scoreField } from '../../src/data/search-index.js';
import { SearchKeys } from '../../src/text/search-keys.js';

const GROUP = 'org:寿阳县医疗集团';
const PATH_FROM = 'org:寿阳县人民医院';
const PATH_TO = 'org:山西省卫生健康委员会';

/** The realistic mix: a lookup, a filtered list, a search, a neighbourhood, a wide nested page, stats. */
export const MIX = {
  lookup: `{ organization(id: "${GROUP}") { name kind aliases parents { name } children { name kind } } }`,
  list: '{ organizations(first: 20, filter: { kinds: [HOSPITAL] }) { totalCount edges { node { name places { name } } } } }',
  search: '{ search(query: "医院", first: 20) { score matchedField node { id name } } }', // SEARCHED below
  neighborhood: `{ neighborhood(id: "${GROUP}", depth: 2) { nodes { id name type } edges { id type source target } } }`,
  nested:
    '{ organizations(first: 50) { edges { node { name parents { name } achievements(first: 5) { edges { node { statement evidence { quote report { title } } } } } evidence { quote } } } } }',
  stats: '{ stats { byType { type count } organizationsByKind { key count } byPlace { place { name } organizations } } }',
};
/**
 * Compared with the ideal Cypher and measured at every size beside the mix, but not part of it (the
 * throughput runs and @neo4j/graphql keep the six): the explorer panel's organization with every field
 * and list, and the shortest path of the playground's example tab, structural and the only one of its
 * length, so that the engine's own shortest path gives the same answer.
 */
export const WIDE = {
  detail:
    `{ organization(id: "${GROUP}") { id name kind aliases description grade masked evidence { quote report { title } } parents { name } children { name }` +
    ' memberOf { name } members { name } places { name } programs { name } policies { name } achievements(first: 50) { totalCount edges { node { name } } } } }',
  path: `{ shortestPath(from: "${PATH_FROM}", to: "${PATH_TO}") { nodes { id name type } edges { type source target } } }`,
};
export type Op = keyof typeof MIX | keyof typeof WIDE;
/** The mix. */
export const OPS = Object.keys(MIX) as Op[];
/** Every operation compared with the ideal Cypher: the mix and the wide ones. */
export const COMPARED = [...OPS, ...(Object.keys(WIDE) as Op[])];
/** An operation's document. */
export const documentOf = (op: Op): string => (op in MIX ? MIX[op as keyof typeof MIX] : WIDE[op as keyof typeof WIDE]);

/** Hand-written statements (one, but for Kuzu's search) and how their rows become the API's `data`. */
export interface Ideal {
  cypher: string | string[];
  params?: Params;
  shape: (rows: Row[]) => unknown;
}

const str = (v: unknown) => v as string;
/** Pairs collected as `[id, …]` lists, without the null a missed OPTIONAL MATCH leaves. */
const present = (pairs: unknown) => (pairs as Array<Array<string | null>>).filter((p) => p[0] !== null);

const SEARCHED = '医院';
/** Kuzu crashes on a statement using one parameter twice: each use gets a name of its own. */
const twice = (name: string, value: Params[string], count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${name}${i}`, value]));

const FIELDS = ['NAME', 'ALIAS', 'TEXT', 'EVIDENCE'];

/** The ideal statements of the mix on an engine. */
export function idealStatements(engine: 'kuzu' | 'neo4j', dialect: Dialect): Record<Op, Ideal> {
  const label = (variable: string) => dialect.nodeLabel(variable);
  const type = (variable: string) => dialect.relationshipType(variable);
  // Hits of one field: node, field's rank and its text (the text never leaves the database unless it matched).
  const hits = (match: string, field: number, text: string, i: number) =>
    `${match} WITH n, ${text} AS t, $q${i} AS q WHERE t CONTAINS q RETURN n.id AS id, n.name AS name, ${field} AS field, t AS text`;
  // Every relationship of every node one step away (those of the start among them), oriented, with both ends.
  const step = (arrow: string, source: string, target: string, i: number) =>
    `MATCH (s:Organization {id: $id${i}})-[r1]-(x) WHERE ${type('r1')} <> 'MENTIONED_IN' WITH DISTINCT x MATCH (x)${arrow}(y) WHERE ${type('r')} <> 'MENTIONED_IN'` +
    ` RETURN DISTINCT ${type('r')} AS type, ${source}.id AS source, ${target}.id AS target, x.id AS xid, x.name AS xname, ${label('x')} AS xlabel, y.id AS yid, y.name AS yname, ${label('y')} AS ylabel`;
  const firstFive = 'COUNT { MATCH (o)-[:HAS_ACHIEVEMENT]->(b:Achievement) WHERE b.name < a.name OR (b.name = a.name AND b.id < a.id) } < 5';
  const searches = [
    hits('MATCH (n)', 0, 'n.name', 0),
    hits('MATCH (n) WHERE n.aliases IS NOT NULL UNWIND n.aliases AS alias WITH n, alias', 1, 'alias', 1),
    hits('MATCH (n:Achievement)', 2, 'n.statement', 2),
    hits('MATCH (n:Report)', 2, 'n.title', 3),
    hits('MATCH (n)-[m:MENTIONED_IN]->(:Report) WITH n, m', 3, 'm.quote', 4),
  ];
  return {
    lookup: {
      cypher:
        'MATCH (o:Organization {id: $id}) OPTIONAL MATCH (o)-[:PART_OF]->(p:Organization) WITH o, collect(DISTINCT [p.id, p.name]) AS parents' +
        ' OPTIONAL MATCH (c:Organization)-[:PART_OF]->(o) RETURN o.name AS name, o.kind AS kind, o.aliases AS aliases, parents, collect(DISTINCT [c.id, c.name, c.kind]) AS children',
      params: { id: GROUP },
      shape: ([o]) => ({
        organization: {
          name: o!.name,
          kind: o!.kind,
          aliases: o!.aliases ?? [],
          parents: present(o!.parents).map(([, name]) => ({ name })),
          children: present(o!.children).map(([, name, kind]) => ({ name, kind })),
        },
      }),
    },
    list: {
      cypher:
        'MATCH (n:Organization) WHERE n.kind IN $kinds0 WITH count(n) AS total MATCH (n:Organization) WHERE n.kind IN $kinds1' +
        ' WITH total, n ORDER BY n.name, n.id LIMIT 20 OPTIONAL MATCH (n)-[:LOCATED_IN]->(p:Place)' +
        ' RETURN total, n.id AS id, n.name AS name, collect(DISTINCT [p.id, p.name]) AS places ORDER BY name, id',
      params: twice('kinds', ['HOSPITAL'], 2),
      shape: (rows) => ({
        organizations: {
          totalCount: rows[0]?.total ?? 0,
          edges: rows.map((r) => ({ node: { name: r.name, places: present(r.places).map(([, name]) => ({ name })) } })),
        },
      }),
    },
    search: {
      // Every field's hits found in the database; scored here by the API's own keys and weights (its
      // folding of place suffixes, short forms and article suffixes lives in code), the best field per
      // entity, the top 20. Kuzu 0.11 mixes up the columns of this UNION: there the parts run side by side.
      cypher: [...(engine === 'kuzu' ? searches : [searches.join(' UNION ALL ')]), 'MATCH (p:Place) RETURN p.name AS place'],
      params: twice('q', SEARCHED, 5),
      shape: (rows) => {
        const keys = new SearchKeys(rows.filter((r) => r.place).map((r) => str(r.place)));
        const hits = rows
          .filter((r) => !r.place)
          .map((r) => ({ id: str(r.id), name: str(r.name), field: Number(r.field), key: keys.key(str(r.text)) }));
        // An alias several entities share (or of two characters) weighs as the API weighs it outside a report.
        const owners = new Map<string, Set<string>>();
        for (const h of hits) if (h.field === 1) owners.set(h.key, (owners.get(h.key) ?? new Set()).add(h.id));
        const weight = (h: (typeof hits)[number]) =>
          h.field === 1 && (owners.get(h.key)!.size > 1 || [...h.key].length <= 2) ? 20 : [100, 90, 60, 60, 30][h.field]!;
        const best = new Map<string, (typeof hits)[number] & { score: number }>();
        for (const h of hits) {
          const score = scoreField(keys.key(SEARCHED), h.key, weight(h));
          const current = best.get(h.id);
          if (score > 0 && (!current || score > current.score)) best.set(h.id, { ...h, score });
        }
        const ranked = [...best.values()].sort(
          (a, b) => b.score - a.score || a.name.length - b.name.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
        );
        return { search: ranked.slice(0, 20).map((r) => ({ score: r.score, matchedField: FIELDS[r.field], node: { id: r.id, name: r.name } })) };
      },
    },
    neighborhood: {
      // Kuzu's UNION swaps the ends of one part: there the two parts run side by side.
      cypher:
        engine === 'kuzu'
          ? [step('-[r]->', 'x', 'y', 0), step('<-[r]-', 'y', 'x', 1)]
          : `${step('-[r]->', 'x', 'y', 0)} UNION ALL ${step('<-[r]-', 'y', 'x', 1)}`,
      params: twice('id', GROUP, 2),
      shape: (rows) => {
        const ends = rows.flatMap((r) => [
          [r.xid, r.xname, r.xlabel],
          [r.yid, r.yname, r.ylabel],
        ]);
        const nodes = new Map(ends.map(([id, name, label]) => [str(id), { id, name, type: str(label).toUpperCase() }]));
        const edges = new Map(
          rows.map((r) => [`${text(r.type)}|${text(r.source)}|${text(r.target)}`, { type: r.type, source: r.source, target: r.target }]),
        );
        return { neighborhood: { nodes: [...nodes.values()], edges: [...edges].map(([id, e]) => ({ id, ...e })) } };
      },
    },
    nested: {
      // An organization's first five achievements by name: those with fewer than five before them.
      cypher:
        'MATCH (o:Organization) WITH o ORDER BY o.name, o.id LIMIT 50' +
        ' OPTIONAL MATCH (o)-[:PART_OF]->(p:Organization) WITH o, collect(DISTINCT [p.id, p.name]) AS parents' +
        ' OPTIONAL MATCH (o)-[m:MENTIONED_IN]->(:Report) WITH o, parents, collect(m.quote) AS quotes' +
        ' OPTIONAL MATCH (o)-[:HAS_ACHIEVEMENT]->(a:Achievement)' +
        // Kuzu drops the organizations without achievements when this is a WITH's condition; Neo4j finds no achievement when it is the OPTIONAL MATCH's.
        (engine === 'kuzu'
          ? ` WHERE ${firstFive} WITH DISTINCT o, parents, quotes, a`
          : ` WITH DISTINCT o, parents, quotes, a WHERE a IS NULL OR ${firstFive}`) +
        ' OPTIONAL MATCH (a)-[am:MENTIONED_IN]->(r:Report)' +
        ' RETURN o.id AS id, o.name AS name, parents, quotes, a.id AS achievement, a.statement AS statement, collect([am.quote, r.title]) AS evidence',
      shape: (rows) => {
        const orgs = new Map<string, { node: Record<string, unknown>; achievements: unknown[] }>();
        for (const r of rows) {
          const org = orgs.get(str(r.id)) ?? {
            node: {
              name: r.name,
              parents: present(r.parents).map(([, name]) => ({ name })),
              evidence: (r.quotes as string[]).map((quote) => ({ quote })),
            },
            achievements: [],
          };
          if (r.achievement !== null)
            org.achievements.push({
              node: { statement: r.statement, evidence: present(r.evidence).map(([quote, title]) => ({ quote, report: { title } })) },
            });
          orgs.set(str(r.id), org);
        }
        return {
          organizations: {
            edges: [...orgs.values()].map(({ node, achievements }) => ({ node: { ...node, achievements: { edges: achievements } } })),
          },
        };
      },
    },
    stats: {
      cypher:
        `MATCH ${dialect.graphNode('n')} RETURN 'type' AS what, ${label('n')} AS key, count(n) AS count` +
        " UNION ALL MATCH (n:Organization) RETURN 'kind' AS what, n.kind AS key, count(n) AS count" +
        " UNION ALL MATCH (p:Place {level: 'PROVINCE'})<-[:PART_OF*0..8]-(:Place)<-[:LOCATED_IN]-(o:Organization) RETURN 'place' AS what, p.name AS key, count(DISTINCT o) AS count",
      shape: (rows) => {
        const of = (what: string) => rows.filter((r) => r.what === what);
        return {
          stats: {
            byType: of('type').map((r) => ({ type: str(r.key).toUpperCase(), count: r.count })),
            organizationsByKind: of('kind').map((r) => ({ key: r.key, count: r.count })),
            byPlace: of('place').map((r) => ({ place: { name: r.key }, organizations: r.count })),
          },
        };
      },
    },
    detail: {
      // Each list collected in turn, as `[id, name]` pairs: two entities of one name are two entries.
      cypher:
        'MATCH (o:Organization {id: $id}) OPTIONAL MATCH (o)-[m:MENTIONED_IN]->(r:Report) WITH o, collect([m.quote, r.title]) AS evidence' +
        LISTS.map(
          ([name, step, other], i) =>
            ` OPTIONAL MATCH (o)${step}(x${i}:${other}) WITH o, evidence, ${LISTS.slice(0, i)
              .map(([before]) => `${before}, `)
              .join('')}collect(DISTINCT [x${i}.id, x${i}.name]) AS ${name}`,
        ).join('') +
        ` RETURN o.id AS id, o.name AS name, o.kind AS kind, o.aliases AS aliases, o.description AS description, o.grade AS grade, o.masked AS masked, evidence, ${LISTS.map(([name]) => name).join(', ')}`,
      params: { id: GROUP },
      shape: ([o]) => {
        const names = (list: string) => present(o![list]).map(([, name]) => ({ name }));
        const achievements = names('achievements').map((node) => ({ node }));
        return {
          organization: {
            ...Object.fromEntries(['id', 'name', 'kind', 'description', 'grade'].map((k) => [k, o![k]])),
            aliases: o!.aliases ?? [],
            masked: o!.masked === true,
            evidence: present(o!.evidence).map(([quote, title]) => ({ quote, report: { title } })),
            ...Object.fromEntries(LISTS.filter(([name]) => name !== 'achievements').map(([name]) => [name, names(name)])),
            achievements: { totalCount: achievements.length, edges: achievements },
          },
        };
      },
    },
    path: {
      // The engine's own shortest path over the relationships a path follows, with each step's stored direction.
      cypher:
        engine === 'kuzu'
          ? `MATCH p = (a:Organization {id: $from})-[e:${RELATION_TYPES.join('|')}* SHORTEST 1..8]-(b:Organization {id: $to})` +
            " RETURN properties(nodes(p), 'id') AS ids, properties(nodes(p), 'name') AS names, list_transform(nodes(p), n -> label(n)) AS labels," +
            " list_transform(nodes(p), n -> id(n)) AS keys, properties(rels(p), '_label') AS types, properties(rels(p), '_src') AS sources"
          : `MATCH p = shortestPath((a:Organization {id: $from})-[:${RELATION_TYPES.join('|')}*..8]-(b:Organization {id: $to}))` +
            ' RETURN [n IN nodes(p) | n.id] AS ids, [n IN nodes(p) | n.name] AS names, [n IN nodes(p) | labels(n)[0]] AS labels,' +
            ' [n IN nodes(p) | n.id] AS keys, [r IN relationships(p) | type(r)] AS types, [r IN relationships(p) | startNode(r).id] AS sources',
      params: { from: PATH_FROM, to: PATH_TO },
      shape: ([p]) => {
        const ids = p!.ids as string[];
        // Where a step starts: the key (an internal id on Kuzu, the node's id on Neo4j) of one of its two ends.
        const keys = (p!.keys as unknown[]).map((k) => JSON.stringify(k));
        const sources = (p!.sources as unknown[]).map((k) => JSON.stringify(k));
        return {
          shortestPath: {
            nodes: ids.map((id, i) => ({ id, name: (p!.names as string[])[i], type: str((p!.labels as string[])[i]).toUpperCase() })),
            edges: (p!.types as string[]).map((type, i) => {
              const forward = sources[i] === keys[i];
              return { type, source: ids[forward ? i : i + 1], target: ids[forward ? i + 1 : i] };
            }),
          },
        };
      },
    },
  };
}

/** The lists of the detail operation: each field's name and its pattern from the organization. */
const LISTS: ReadonlyArray<readonly [name: string, step: string, label: string]> = [
  ['parents', '-[:PART_OF]->', 'Organization'],
  ['children', '<-[:PART_OF]-', 'Organization'],
  ['memberOf', '-[:MEMBER_OF]->', 'Organization'],
  ['members', '<-[:MEMBER_OF]-', 'Organization'],
  ['places', '-[:LOCATED_IN]->', 'Place'],
  ['programs', '-[:RUNS|LEADS|CO_BUILDS|PARTICIPATES_IN]->', 'Program'],
  ['policies', '-[:ISSUED]->', 'Policy'],
  ['achievements', '-[:HAS_ACHIEVEMENT]->', 'Achievement'],
];

/** A value with every list and key sorted: answers compared as the same data, whatever order ties come in. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value))
    return value
      .map(canonical)
      .map((v) => [JSON.stringify(v), v] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, v]) => v);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}
