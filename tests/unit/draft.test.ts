import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CurationReader } from '../../src/curation/reader.js';
import { ReportCatalog, defaultCatalog, parseManifest } from '../../src/curation/reports.js';
import { acceptDraft, draftReport, type DraftEntity, type DraftFile } from '../../src/draft/draft.js';
import { scoreDraft } from '../../src/draft/eval.js';
import { chinaDivisions } from '../../src/draft/divisions.js';
import { chineseNumber, quantities } from '../../src/draft/numbers.js';
import { detectRepairs } from '../../src/draft/text.js';
import { SYNTHETIC_ENTRY, SYNTHETIC_SOURCE, SYNTHETIC_TEXT } from '../fixtures/synthetic-report.js';

const dir = mkdtempSync(join(tmpdir(), 'draft-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const find = (draft: DraftFile, type: string, name: string) => draft.entities.find((e) => e.type === type && e.name === name);
const related = (draft: DraftFile, type: string, from: string, to: string) =>
  draft.relations.some((r) => r.type === type && r.from === from && r.to === to);

describe('numbers as the reports write them', () => {
  it('reads Chinese numerals', () => {
    expect([chineseNumber('三百二十'), chineseNumber('十四'), chineseNumber('两'), chineseNumber('百'), chineseNumber('一千二百万')]).toEqual([
      320, 14, 2, 100, 12_000_000,
    ]);
  });

  it('reads values, units, 万/亿, qualifiers and masks, and leaves years, ordinals and slogans alone', () => {
    const pick = (text: string) => quantities(text).map(({ value, unit, qualifier, masked }) => ({ value, unit, qualifier, masked }));
    expect(pick('年门诊量超2800万人次')).toEqual([{ value: 28_000_000, unit: '人次', qualifier: '超', masked: undefined }]);
    expect(pick('开放床位4.5万张,职工5万多人')).toEqual([
      { value: 45_000, unit: '张', qualifier: undefined, masked: undefined },
      { value: 50_000, unit: '人', qualifier: '多', masked: undefined },
    ]);
    expect(pick('投入约20亿元')).toEqual([{ value: 2_000_000_000, unit: '元', qualifier: '约', masked: undefined }]);
    expect(pick('六所乡镇卫生院,近百家医疗机构')).toEqual([
      { value: 6, unit: '所', qualifier: undefined, masked: undefined },
      { value: 100, unit: '家', qualifier: '近', masked: undefined },
    ]);
    expect(pick('占投诉总量的60%以上')).toEqual([{ value: 60, unit: '%', qualifier: '以上', masked: undefined }]);
    expect(pick('新增x个省卫生乡镇')).toEqual([{ value: undefined, unit: '个', qualifier: undefined, masked: true }]);
    expect(pick('2023年是第二批试点,打造一个平台')).toEqual([]);
  });

  it('detects the repairs a text needs', () => {
    expect(detectRepairs('網(wǎng)站首頁，醫(yī)療機(jī)構(gòu)339家，衛(wèi)生健康')).toMatchObject({ traditional: true, pinyin: true });
    expect(detectRepairs('正在济南市卫生矫健委,矫健办事,起色鼎新,当局援救')).toMatchObject({ spunWords: 'spinner' });
    expect(detectRepairs('xx市卫生健康委开展xx行动')).toMatchObject({ masks: true });
    expect(detectRepairs(SYNTHETIC_TEXT)).toEqual({});
  });
});

describe('the draft extractor', () => {
  const draft = draftReport(SYNTHETIC_TEXT, {
    source: SYNTHETIC_SOURCE,
    repairs: {},
    place: SYNTHETIC_ENTRY.place,
    publisher: SYNTHETIC_ENTRY.publisher,
  });

  it('proposes organizations with their kinds, full names and places', () => {
    expect(find(draft, 'Organization', '清河县医疗集团')).toMatchObject({ kind: 'MEDICAL_GROUP' });
    expect(find(draft, 'Organization', '清河县人民医院')).toMatchObject({ kind: 'HOSPITAL' });
    expect(find(draft, 'Organization', '邢台市卫生健康委员会')).toMatchObject({ kind: 'GOVERNMENT_AGENCY', aliases: ['邢台市卫健委'] });
    expect(related(draft, 'LOCATED_IN', 'org:清河县医疗集团', 'place:清河县')).toBe(true);
    expect(find(draft, 'Place', '清河县')).toMatchObject({ level: 'COUNTY' });
    expect(related(draft, 'PART_OF', 'place:清河县', 'place:邢台市')).toBe(true);
    expect(related(draft, 'PART_OF', 'place:河北省', 'place:中国')).toBe(true);
  });

  it('proposes metrics with value, unit, qualifier and wording, programs, people and honours', () => {
    const metrics = draft.entities.filter((e) => e.type === 'Achievement' && e.kind === 'METRIC');
    expect(metrics.map((m) => [m.value, m.unit, m.original, m.qualifier ?? null])).toEqual(
      expect.arrayContaining([
        [350_000, '人次', '超35万人次', '超'],
        [1200, '张', '1200张', null],
      ]),
    );
    expect(find(draft, 'Program', '健康清河')).toMatchObject({ kind: 'PROJECT' });
    expect(related(draft, 'RUNS', 'org:清河县医疗集团', 'prog:健康清河')).toBe(true);
    expect(related(draft, 'HOLDS_ROLE', 'person:孙立新', 'org:邢台市卫生健康委员会')).toBe(true);
    expect(find(draft, 'Achievement', '群众满意医院')).toMatchObject({ kind: 'AWARD' });
    expect(related(draft, 'AWARDED_BY', 'ach:905:群众满意医院', 'org:河北省卫生健康委员会')).toBe(true);
    expect(related(draft, 'HAS_ACHIEVEMENT', 'org:清河县人民医院', 'ach:905:群众满意医院')).toBe(true);
  });

  it('marks every item a candidate, with a confidence and a quote of at most 60 characters from the text', () => {
    const items: Array<DraftEntity | DraftFile['relations'][number]> = [...draft.entities, ...draft.relations];
    for (const item of items) {
      expect(item.draft!.confidence).toBeGreaterThan(0);
      expect(item.draft!.confidence).toBeLessThanOrEqual(1);
      for (const { quote, source } of Array.isArray(item.evidence) ? item.evidence : [item.evidence]) {
        expect(source).toBe(SYNTHETIC_SOURCE);
        expect([...quote].length).toBeLessThanOrEqual(60);
        expect(SYNTHETIC_TEXT.replace(/\s+/g, '')).toContain(quote.replace(/\s+/g, ''));
      }
    }
  });

  it('is accepted into a curation file the compiler takes once its reviewer has written the English the convention cannot', () => {
    writeFileSync(join(dir, SYNTHETIC_ENTRY.file), SYNTHETIC_TEXT);
    const { manifest, problems } = parseManifest({ reports: [SYNTHETIC_ENTRY] }, 'reports.json');
    expect(problems).toEqual([]);
    const catalog = new ReportCatalog(manifest, dir, 'reports.json');
    const path = join(dir, `${SYNTHETIC_SOURCE}.json`);
    const accepted = acceptDraft(draft);
    // Places, bodies and people come with the convention's English; the rest is the reviewer's to write.
    expect(accepted.entities.find((e) => e.name === '清河县医疗集团')?.nameEn).toBe('Qinghe County Medical Group');
    const read = () => {
      writeFileSync(path, JSON.stringify(accepted));
      const reader = new CurationReader(catalog.texts(), catalog);
      reader.readFile(path);
      return { reader, graph: reader.finish() };
    };
    expect(read().reader.problems.every((p) => /needs (an English name|its statement in English)/.test(p))).toBe(true);
    for (const e of accepted.entities) {
      e.nameEn ??= `(reviewed) ${e.name}`;
      if (e.type === 'Achievement') e.statementEn = `(reviewed) ${String(e.statement)}`;
    }
    const { reader, graph } = read();
    expect(reader.problems).toEqual([]);
    expect(graph.relations).toContainEqual({
      type: 'LOCATED_IN',
      from: `report:${SYNTHETIC_SOURCE}`,
      to: 'place:清河县',
      source: SYNTHETIC_SOURCE,
      quote: '',
    });
    // Unreviewed, the compiler refuses it.
    writeFileSync(path, JSON.stringify(draft));
    const strict = new CurationReader(catalog.texts(), catalog);
    strict.readFile(path);
    expect(strict.problems[0]).toMatch(/a draft candidate not yet reviewed/);
  });

  it('drops what is below a confidence when accepting, with the relationships of what it dropped', () => {
    const accepted = acceptDraft(draft, 0.7);
    expect(accepted.entities.every((e) => !('draft' in e))).toBe(true);
    expect(accepted.entities.length).toBeLessThan(draft.entities.length);
    const ids = new Set(accepted.entities.map((e) => `${e.type}|${e.name}`));
    expect(ids.has('Organization|清河县医疗集团')).toBe(true);
    expect(accepted.relations.every((r) => !('draft' in r))).toBe(true);
  });
});

// A report whose county, towns, village and city the divisions' list does not know: they are read by their
// suffixes, nested as the text writes them, and the county hangs under the city the report names.
const MADE_UP = [
  '宁川县卫生健康局2023年工作总结',
  '今年以来,宁川县卫生健康局认真贯彻落实市卫健委部署,全面推进紧密型县域医共体建设。',
  '宁川县南河镇中心卫生院新建住院楼投入使用,南河镇杨柳村卫生室完成标准化改造。',
  '宁川县人民医院与青禾县人民医院签署合作协议,对口帮扶青禾县石门乡卫生院。',
  '县卫健局印发宁川县基层医疗卫生服务能力提升实施方案,出台支持中医药发展若干措施。',
  '全县18个乡镇卫生院、326个行政村卫生室全部达标,城区社区卫生服务中心服务人次增长12%,镇级财政投入增加。',
  '市场监管部门联合开展区域医疗质量检查,岚川市卫健委通报表扬。',
].join('\n');

describe('the draft extractor on a report whose places the divisions do not list', () => {
  const draft = draftReport(MADE_UP, { source: '906', repairs: {}, place: 'place:宁川县', publisher: '宁川县卫生健康局' });
  const places = Object.fromEntries(draft.entities.filter((e) => e.type === 'Place').map((e) => [e.name, e.level]));

  it('uses names the list does not know', () => {
    for (const name of ['宁川县', '南河镇', '青禾县', '石门乡', '杨柳村', '岚川市']) expect(chinaDivisions().byName.has(name), name).toBe(false);
  });

  it('finds the county, towns and village with their levels, each part of the place written before it', () => {
    expect(places).toEqual({
      中国: 'COUNTRY',
      宁川县: 'COUNTY',
      岚川市: 'CITY',
      宁川县南河镇: 'TOWN',
      宁川县南河镇杨柳村: 'VILLAGE',
      青禾县: 'COUNTY',
      青禾县石门乡: 'TOWN',
    });
    expect(find(draft, 'Place', '宁川县南河镇')?.aliases).toEqual(['南河镇']);
    for (const [child, parent] of [
      ['宁川县南河镇', '宁川县'],
      ['宁川县南河镇杨柳村', '宁川县南河镇'],
      ['青禾县石门乡', '青禾县'],
      ['宁川县', '岚川市'],
    ])
      expect(related(draft, 'PART_OF', `place:${child}`, `place:${parent}`), `${child} → ${parent}`).toBe(true);
  });

  it('reads relative names as the home places, and places organizations in them', () => {
    expect(find(draft, 'Organization', '宁川县卫生健康局')?.aliases).toContain('县卫健局');
    expect(related(draft, 'LOCATED_IN', 'org:宁川县南河镇中心卫生院', 'place:宁川县南河镇')).toBe(true);
    expect(related(draft, 'LOCATED_IN', 'org:青禾县石门乡卫生院', 'place:青禾县石门乡')).toBe(true);
  });

  it('finds policies named without title marks, issued by the body before them', () => {
    for (const name of ['宁川县基层医疗卫生服务能力提升实施方案', '支持中医药发展若干措施']) {
      expect(find(draft, 'Policy', name), name).toBeDefined();
      expect(related(draft, 'ISSUED', 'org:宁川县卫生健康局', `policy:${name}`), name).toBe(true);
    }
  });
});

// Report 002 with every name changed (county, towns, people, partner hospitals), and its curation changed
// the same way: the extractor must do as well on it as on the original, so it cannot be reading names
// it has seen.
const RENAMES: Array<[string, string]> = [
  ['寿阳', '平遥'],
  ['赵广明', '钱永刚'],
  ['李艳艳', '孙丽娟'],
  ['弓保平', '郑建国'],
  ['陈宏星', '何志强'],
  ['王庆华', '吴建华'],
  ['赵宏', '冯涛'],
  ['平头镇', '古陶镇'],
  ['尹灵芝', '岳壁'],
  ['西洛', '东泉'],
  ['景尚', '南山'],
  ['七里河', '北关'],
  ['华西医院', '湘雅医院'],
  ['三晋新闻网', '晋阳新闻网'],
];
const rename = (text: string) => RENAMES.reduce((t, [from, to]) => t.replaceAll(from, to), text);
const catalog = existsSync(defaultCatalog().dir) ? defaultCatalog() : undefined;
const entry = catalog?.reports.find((r) => r.source === '002');
const original = entry && catalog?.rawText(entry);

describe.skipIf(!original)(`the draft extractor on report 002 with its names changed (reads ${catalog?.dir ?? 'the reports folder'})`, () => {
  const scoreOf = (text: string, curationFile: string, place: string) => {
    const path = join(dir, `${place}.txt`);
    writeFileSync(path, text);
    const manifest = { reports: [{ ...entry!, file: path, place }] };
    const { manifest: parsed, problems } = parseManifest(manifest, 'reports.json');
    expect(problems).toEqual([]);
    const cat = new ReportCatalog(parsed, dir, 'reports.json');
    const curationPath = join(dir, `002-${place}.json`);
    writeFileSync(curationPath, curationFile);
    const reader = new CurationReader(new Map(), cat);
    reader.readFile(curationPath);
    const curated = reader.finish();
    const draft = draftReport(text, { source: '002', repairs: entry!.repairs, place, publisher: entry!.publisher });
    return { draft, score: scoreDraft(cat, '002', draft, curated) };
  };

  it('finds as much in the renamed text as in the original, and nothing of the old names', () => {
    const curation = readFileSync(join(import.meta.dirname, '../../curation/002.json'), 'utf8');
    const before = scoreOf(original!, curation, 'place:寿阳县');
    const after = scoreOf(rename(original!), rename(curation), 'place:平遥县');
    for (const key of ['organizations', 'metrics', 'people', 'places', 'programs', 'policies'] as const) {
      // jieba's dictionary knows some real names and not others: one more or less is the segmenter, not curation.
      expect(Math.abs(after.score[key].found - before.score[key].found), key).toBeLessThanOrEqual(1);
    }
    expect(after.score.organizations.found / after.score.organizations.total).toBeGreaterThan(0.4);
    expect(after.score.metrics.found / after.score.metrics.total).toBeGreaterThan(0.85);
    const json = JSON.stringify(after.draft);
    for (const [old] of RENAMES) expect(json).not.toContain(old);
    expect(find(after.draft, 'Organization', '平遥县医疗集团')).toMatchObject({ kind: 'MEDICAL_GROUP' });
    expect(find(after.draft, 'Person', '钱永刚')).toBeDefined();
  });
});
