/**
 * Builds the labelled set the reconciliation is measured on (`tests/reconcile/set.json`), from the
 * curated graph by the rules in tests/reconcile/README.md: each positive is a curated name written as
 * affiliation strings write it, each negative a name the graph does not hold, made to look like one it
 * does. Deterministic: the same curation gives the same set. `npx tsx tests/reconcile/build-set.ts`.
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js/cn2t';
import { compileCuration } from '../../src/curation/compile.js';
import type { CuratedGraph, CuratedNode } from '../../src/curation/reader.js';

export interface LabelledString {
  query: string;
  /** The entity it names, or null when the graph holds none. */
  expected: string | null;
  /** The rule that made it (see the README). */
  rule: string;
}

const require = createRequire(import.meta.url);
const DIVISIONS = require('china-area-data/data.json') as Record<string, Record<string, string>>;
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

const { graph } = compileCuration({ check: true });
if (!graph) throw new Error('the curation does not compile');
const g: CuratedGraph = graph;

const text = (node: CuratedNode, key: string) => node.props[key] as string | undefined;
const outgoing = (id: string, type: string) => g.relations.filter((r) => r.from === id && r.type === type).map((r) => r.to);
/** A place and those above it, nearest first. */
function placeChain(place: string): CuratedNode[] {
  const chain: CuratedNode[] = [];
  for (let at: string | undefined = place; at && chain.length < 6; at = outgoing(at, 'PART_OF')[0]) chain.push(g.nodes.get(at)!);
  return chain;
}
const allNames = new Set(
  [...g.nodes.values()].flatMap((n) => [text(n, 'name'), ...((n.props.aliases as string[] | undefined) ?? [])]).filter(Boolean),
);
/** Aliases held by one entity only, of four characters or more (shorter ones are generic: 集团, 市委). */
const aliasOwners = new Map<string, number>();
for (const n of g.nodes.values()) for (const a of (n.props.aliases as string[] | undefined) ?? []) aliasOwners.set(a, (aliasOwners.get(a) ?? 0) + 1);

const organizations = [...g.nodes.values()].filter((n) => n.label === 'Organization' && !n.props.masked).sort((a, b) => a.id.localeCompare(b.id));
/** Every third organization per rule, starting at an offset, so the rules see different bodies. */
const every = (offset: number, step = 3) => organizations.filter((_, i) => i % step === offset);

const set: LabelledString[] = [];
const add = (query: string, expected: string | null, rule: string) => {
  if (!set.some((s) => s.query === query)) set.push({ query, expected, rule });
};

const hospitalLike = (name: string) => /医院|卫生院|保健院|中心$/.test(name);
const DEPARTMENTS = ['神经外科', '心内科', '儿科', '检验科', '护理部', '急诊科'];
const AGENCY_UNITS = ['办公室', '医政科'];
for (const [i, o] of every(0).entries()) {
  const name = text(o, 'name')!;
  add(name, o.id, 'P1 exact name');
  const units = hospitalLike(name) ? DEPARTMENTS : o.props.kind === 'GOVERNMENT_AGENCY' ? AGENCY_UNITS : [];
  if (units.length) add(name + units[i % units.length]!, o.id, 'P2 department after the body');
}
for (const o of every(1)) {
  const name = text(o, 'name')!;
  const [place] = outgoing(o.id, 'LOCATED_IN');
  const chain = place ? placeChain(place) : [];
  const province = chain.find((p) => p.props.level === 'PROVINCE' && !p.props.masked);
  if (province && !name.startsWith(text(province, 'name')!) && !name.startsWith(text(province, 'name')!.slice(0, 2)))
    add(text(province, 'name')! + name, o.id, 'P3 province in front');
  add(toTraditional(name), o.id, 'P4 Traditional characters');
}
for (const o of every(2)) {
  const name = text(o, 'name')!;
  const shortened = name.replace(/^(\p{Script=Han}{2,3}?)[县市](?=\p{Script=Han}{3,})/u, '$1');
  if (shortened !== name && !allNames.has(shortened)) add(shortened, o.id, 'P5 county or city without 县/市');
  for (const alias of (o.props.aliases as string[] | undefined) ?? [])
    if ([...alias].length >= 4 && aliasOwners.get(alias) === 1) add(alias, o.id, 'P6 alias or short form');
  add(`${name}（${['三级甲等', '原址', '总院'][name.length % 3]}）`, o.id, 'P8 note in brackets');
}
for (const o of organizations.filter((_, i) => i % 2 === 0)) {
  const en = text(o, 'nameEn');
  if (!en) continue;
  const [place] = outgoing(o.id, 'LOCATED_IN');
  const city = place ? placeChain(place).find((p) => p.props.level === 'CITY' || p.props.level === 'PROVINCE') : undefined;
  add(city ? `${en}, ${text(city, 'nameEn')!.replace(/ (City|Province)$/, '')}, China` : `${en}, China`, o.id, 'P7 English with city and country');
}

// Negatives: bodies the reports never name, made to look like ones they do.
const FAMOUS = [
  '北京协和医院',
  '复旦大学附属华山医院',
  '中山大学附属第一医院',
  '浙江大学医学院附属第一医院',
  '上海交通大学医学院附属瑞金医院',
  '华中科技大学同济医学院附属协和医院',
  '北京大学第一医院',
  '中南大学湘雅医院',
  '山东大学齐鲁医院',
  '天津医科大学总医院',
  'Peking Union Medical College Hospital',
  'Huashan Hospital, Fudan University',
  'Ruijin Hospital, Shanghai Jiao Tong University School of Medicine',
  'Xiangya Hospital, Central South University',
  'Qilu Hospital of Shandong University',
];
for (const name of FAMOUS) add(name, null, 'N1 a well-known body not in the reports');
for (const o of organizations.filter((o) => /人民医院$|中医院$/.test(text(o, 'name')!))) {
  const name = text(o, 'name')!;
  const second = name.replace(/(人民医院|中医院)$/, '第二$1');
  if (!allNames.has(second)) add(second, null, 'N2 an ordinal the graph lacks');
  const en = text(o, 'nameEn');
  if (en && / People's Hospital$/.test(en))
    add(en.replace(/ People's Hospital$/, " Second People's Hospital"), null, 'N2 an ordinal the graph lacks');
}
for (const o of organizations) {
  const name = text(o, 'name')!;
  const county = /^(\p{Script=Han}{2,3}县)/u.exec(name)?.[1];
  if (!county) continue;
  // A sibling county of the same city, from the statistics bureau's divisions, in place of the real one.
  const parent = Object.entries(DIVISIONS).find(([, children]) => Object.values(children).includes(county))?.[0];
  const sibling =
    parent && Object.values(DIVISIONS[parent]!).find((c) => c !== county && c.endsWith('县') && ![...allNames].some((n) => n!.startsWith(c)));
  if (sibling) add(name.replace(county, sibling), null, 'N3 a sibling county in place of the real one');
}
for (const o of every(1)) {
  const name = text(o, 'name')!;
  const [place] = outgoing(o.id, 'LOCATED_IN');
  const province = place && placeChain(place).find((p) => p.props.level === 'PROVINCE' && !p.props.masked);
  if (!province || !/县|区/.test(name)) continue;
  const wrong = ['四川省', '广东省', '河北省'].find((p) => p !== text(province, 'name'))!;
  add(wrong + name, null, 'N4 a province that does not hold it');
}
for (const o of organizations.filter((o) => /人民医院$|卫生院$|中医院$/.test(text(o, 'name')!))) {
  const name = text(o, 'name')!;
  for (const [from, to, en] of [
    [/人民医院$/, '肿瘤医院', 'Cancer Hospital'],
    [/中医院$/, '口腔医院', 'Stomatological Hospital'],
    [/卫生院$/, '敬老院', 'Nursing Home'],
  ] as const) {
    if (!from.test(name)) continue;
    const other = name.replace(from, to);
    if (!allNames.has(other)) add(other, null, 'N5 another kind of body of the same place');
    const place = /^(\p{Script=Han}{2,3}[县市区])/u.exec(name)?.[1];
    const placeNode = place && [...g.nodes.values()].find((n) => n.label === 'Place' && text(n, 'name') === place);
    if (placeNode) add(`${text(placeNode, 'nameEn')} ${en}`, null, 'N5 another kind of body of the same place');
  }
}
// A department or ward named alone, with no body: nothing to accept.
for (const unit of ['神经外科', '心血管内科', '检验科', 'Department of Neurology', 'Intensive Care Unit'])
  add(unit, null, 'N6 a department with no body');

const path = join(import.meta.dirname, 'set.json');
writeFileSync(path, `${JSON.stringify(set, null, 1)}\n`);
const count = (positive: boolean) => set.filter((s) => (s.expected !== null) === positive).length;
console.log(`wrote ${path}: ${set.length} strings, ${count(true)} positive and ${count(false)} negative`);
