import { KuzuStore } from './src/graph/kuzu.js';
const s = await KuzuStore.open({ path: '/work/main/data/graph.kuzu', readOnly: true });
const i = Number(process.argv[2]);
const W = "WHERE ($kinds IS NULL OR n.kind IN $kinds) AND ($place IS NULL OR EXISTS { MATCH (n)-[:LOCATED_IN]->(:Place)-[:PART_OF*0..6]->(:Place {id: $place}) }) AND ($report IS NULL OR EXISTS { MATCH (n)-[:MENTIONED_IN]->(:Report)-[:PART_OF*0..1]->(:Report {id: $report}) })";
const tries: [string, any][] = [
 [`MATCH (n:Organization) ${W} RETURN n.id AS id LIMIT 3`, { kinds: null, place: null, report: null }],
 [`MATCH (n:Organization) ${W} RETURN n.id AS id LIMIT 3`, { kinds: ['HOSPITAL'], place: 'place:四川省', report: null }],
 [`MATCH (n:Organization) ${W} RETURN count(n) AS c`, { kinds: null, place: null, report: 'report:003' }],
 [`MATCH (n:Achievement) WHERE ($min IS NULL OR n.value >= $min) AND ($yearFrom IS NULL OR n.year >= $yearFrom) RETURN count(n) AS c`, { min: null, yearFrom: null }],
 [`MATCH (n:Achievement) WHERE ($min IS NULL OR n.value >= $min) AND ($yearFrom IS NULL OR n.year >= $yearFrom) RETURN count(n) AS c`, { min: 2.5, yearFrom: 2020 }],
 [`MATCH (n:Achievement) WHERE EXISTS { MATCH (n)<-[:HAS_ACHIEVEMENT]-(h) WHERE h.id IN $holders } RETURN count(n) AS c`, { holders: ['org:内江市市中区人民医院'] }],
 [`MATCH (n) RETURN label(n) AS l, count(*) AS c`, {}],
];
const [q, p] = tries[i]!;
try { console.log(i, JSON.stringify(await s.read(q, p)).slice(0, 300)); } catch (e) { console.log(i, 'ERR', (e as Error).message); }
await s.close();
