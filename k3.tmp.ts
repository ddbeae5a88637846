import { KuzuStore } from './src/graph/kuzu.js';
const s = await KuzuStore.open({ path: '/work/main/data/graph.kuzu', readOnly: true });
const i = Number(process.argv[2]);
const tries: [string, any][] = [
 ["UNWIND $ids AS id MATCH (a {id: id})-[r]->(b) WHERE label(r) IN $types RETURN id, label(r) AS type, b.id AS other, r.source AS source, r.quote AS quote, r.role AS role", { ids: ['org:内江市市中区人民医院'], types: ['PART_OF', 'RUNS', 'LOCATED_IN'] }],
 ["UNWIND $ids AS id MATCH (a {id: id})-[r]->(b) RETURN id, label(r) AS type, b.id AS other UNION ALL UNWIND $ids AS id MATCH (a {id: id})<-[r]-(b) RETURN id, label(r) AS type, b.id AS other", { ids: ['org:内江市市中区人民医院'] }],
 ["MATCH (n) WHERE n.name CONTAINS $q RETURN n.id AS id, label(n) AS l LIMIT 5", { q: '内江' }],
 ["MATCH (n)-[m:MENTIONED_IN]->(r:Report) WHERE m.quote CONTAINS $q RETURN n.id AS id, m.quote AS quote LIMIT 3", { q: '内江' }],
 ["MATCH (a)-[r]-(b) WHERE a.id IN $ids RETURN a.id AS id, label(r) AS type, b.id AS other, r.source AS s LIMIT 5", { ids: ['org:内江市市中区人民医院'] }],
 ["MATCH (a)-[r]->(b) WHERE a.id IN $ids RETURN a.id AS id, label(r) AS type, b.id AS other, r.source AS s LIMIT 5", { ids: ['org:内江市市中区人民医院'] }],
];
const [q, p] = tries[i]!;
try { console.log(i, JSON.stringify(await s.read(q, p)).slice(0, 300)); } catch (e) { console.log(i, 'ERR', (e as Error).message); }
await s.close();
