import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CurationReader } from '../../src/curation/reader.js';
import { compileCuration } from '../../src/curation/compile.js';
import { ManifestError, ReportCatalog, parseManifest } from '../../src/curation/reports.js';

/**
 * The curation compiler's error paths: one case per message it can give, on a synthetic manifest (a
 * plain report `900`, a masked compilation `901` of two articles, a spun report `902`) and a small
 * curation file that is valid until one thing is changed.
 */
const dir = mkdtempSync(join(tmpdir(), 'curation-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXTS: Record<string, string> = {
  '900.txt':
    '测试县人民医院是测试县的县级综合医院。\n测试县人民医院开展远程会诊项目,全年门诊量12万人次。\n测试县卫生健康局授予测试县人民医院“群众满意医院”称号。',
  '901.txt': '汇编\n一\nxx市人民医院建成胸痛中心。\n二\nxx县中医院开展送医下乡活动。',
  '902.txt': '测试市卫生矫健委展开矫健讲座。',
};
for (const [file, text] of Object.entries(TEXTS)) writeFileSync(join(dir, file), text);

const MANIFEST = {
  reports: [
    {
      source: '900',
      file: '900.txt',
      title: '测试县报告',
      titleEn: 'Report of Test County',
      publisher: '测试县卫生健康局',
      date: '2024-05-01',
      place: 'place:测试县',
      period: '2023',
      repairs: {},
    },
    {
      source: '901',
      file: '901.txt',
      title: '汇编',
      titleEn: 'Compilation',
      repairs: { masks: true },
      articles: [
        { source: '901-01', firstLine: 2, title: '一', titleEn: 'One' },
        { source: '901-02', firstLine: 4, title: '二', titleEn: 'Two' },
      ],
    },
    { source: '902', file: '902.txt', title: '测试市报告', titleEn: 'Report of Test City', repairs: { spunWords: 'spinner' } },
  ],
};

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const catalogOf = (manifest: unknown) => {
  const { manifest: parsed, problems } = parseManifest(manifest, 'reports.json');
  expect(problems).toEqual([]);
  return new ReportCatalog(parsed, dir, 'reports.json');
};

const ev = (quote: string, source = '900') => ({ source, quote });
/** A valid curation file of report 900 (and an article of 901, and 902). */
function validDoc(): { entities: Record<string, unknown>[]; relations: Record<string, unknown>[] } {
  return {
    entities: [
      { type: 'Place', name: '测试县', nameEn: 'Test County', level: 'COUNTY', evidence: [ev('测试县的县级综合医院')] },
      {
        type: 'Organization',
        name: '测试县人民医院',
        nameEn: "Test County People's Hospital",
        kind: 'HOSPITAL',
        grade: '二级甲等',
        evidence: [ev('测试县人民医院是测试县的县级综合医院')],
      },
      {
        type: 'Organization',
        name: '测试县卫生健康局',
        nameEn: 'Test County Health Bureau',
        kind: 'GOVERNMENT_AGENCY',
        evidence: [ev('测试县卫生健康局授予')],
      },
      {
        type: 'Program',
        name: '远程会诊项目',
        nameEn: 'Remote consultation project',
        kind: 'PROJECT',
        evidence: [ev('测试县人民医院开展远程会诊项目')],
      },
      {
        type: 'Achievement',
        name: '全年门诊量',
        nameEn: 'Outpatient visits in the year',
        kind: 'METRIC',
        statement: '测试县人民医院全年门诊量12万人次。',
        statementEn: "Test County People's Hospital had 120,000 outpatient visits in the year.",
        value: 120000,
        unit: '人次',
        original: '12万人次',
        evidence: [ev('全年门诊量12万人次')],
      },
      {
        type: 'Achievement',
        name: '群众满意医院',
        nameEn: 'Hospital the public is satisfied with',
        kind: 'AWARD',
        statement: '获评群众满意医院。',
        statementEn: 'Rated a hospital the public is satisfied with.',
        evidence: [ev('“群众满意医院”称号')],
      },
      {
        type: 'Organization',
        name: 'xx市人民医院',
        nameEn: "People's Hospital of xx City",
        kind: 'HOSPITAL',
        masked: true,
        evidence: [ev('xx市人民医院建成胸痛中心', '901-01')],
      },
      { type: 'Program', name: '健康讲座', nameEn: 'Health lectures', kind: 'SERVICE', evidence: [ev('测试市卫生健康委开展健康讲座', '902')] },
    ],
    relations: [
      { type: 'LOCATED_IN', from: 'org:测试县人民医院', to: 'place:测试县', evidence: ev('测试县人民医院是测试县的县级综合医院') },
      { type: 'RUNS', from: 'org:测试县人民医院', to: 'prog:远程会诊项目', evidence: ev('测试县人民医院开展远程会诊项目') },
      { type: 'HAS_ACHIEVEMENT', from: 'org:测试县人民医院', to: 'ach:900:全年门诊量', evidence: ev('全年门诊量12万人次') },
      { type: 'HAS_ACHIEVEMENT', from: 'org:测试县人民医院', to: 'ach:900:群众满意医院', evidence: ev('授予测试县人民医院“群众满意医院”称号') },
      { type: 'AWARDED_BY', from: 'ach:900:群众满意医院', to: 'org:测试县卫生健康局', evidence: ev('测试县卫生健康局授予'), role: '授予' },
      { type: 'RUNS', from: 'org:测试县卫生健康局', to: 'prog:健康讲座', evidence: ev('开展健康讲座', '902') },
    ],
  };
}

let fileNumber = 0;
/** The problems of reading one curation file (written as `text` when a string) with the manifest. */
function problemsOf(doc: unknown, manifest: unknown = MANIFEST): string[] {
  const path = join(dir, `case-${++fileNumber}.json`);
  writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc));
  const catalog = catalogOf(manifest);
  const reader = new CurationReader(catalog.texts(), catalog);
  reader.readFile(path);
  reader.finish();
  return reader.problems;
}

type Doc = ReturnType<typeof validDoc>;
const entity = (doc: Doc, name: string) => doc.entities.find((e) => e.name === name)!;
const relation = (doc: Doc, type: string) => doc.relations.find((r) => r.type === type)!;

describe('the curation compiler', () => {
  it('accepts the valid file, and lands the report metadata and place from the manifest', () => {
    const path = join(dir, 'valid.json');
    writeFileSync(path, JSON.stringify(validDoc()));
    const catalog = catalogOf(MANIFEST);
    const reader = new CurationReader(catalog.texts(), catalog);
    reader.readFile(path);
    const graph = reader.finish();
    expect(reader.problems).toEqual([]);
    expect(graph.nodes.get('report:900')?.props).toEqual({
      source: '900',
      title: '测试县报告',
      titleEn: 'Report of Test County',
      name: '测试县报告',
      nameEn: 'Report of Test County',
      publisher: '测试县卫生健康局',
      date: '2024-05-01',
      periodStart: 2023,
      periodEnd: 2023,
    });
    // English beside the Chinese, a masked name keeping its mask and its article in both.
    expect(graph.nodes.get('org:901-01:xx市人民医院')?.props.nameEn).toBe("People's Hospital of xx City (article 901-01)");
    // An achievement whose sentence states no period takes its report's, marked as inferred.
    expect(graph.nodes.get('ach:900:全年门诊量')?.props).toMatchObject({
      periodStart: 2023,
      periodEnd: 2023,
      periodBasis: 'FROM_REPORT',
      year: 2023,
    });
    expect(graph.nodes.get('place:测试县')?.props.code).toBeUndefined();
    expect(graph.relations).toContainEqual({ type: 'LOCATED_IN', from: 'report:900', to: 'place:测试县', source: '900', quote: '' });
    expect(graph.relations).toContainEqual({ type: 'PART_OF', from: 'report:901-02', to: 'report:901', source: '901-02', quote: '' });
    expect(graph.nodes.get('org:901-01:xx市人民医院')?.props.name).toBe('xx市人民医院（901-01）');
  });

  // Each case changes the valid file in one way and expects the one message it causes.
  const cases: Array<[string, (doc: Doc) => unknown, RegExp]> = [
    ['a file that is not JSON', () => '{ "entities": [', /is not valid JSON/],
    ['a file that is no object', () => [], /must hold an object with entities and relations/],
    ['an unknown field in a file', (d) => ({ ...d, notes: 'x' }), /case-\d+\.json has an unknown field "notes"$/],
    [
      'report entries in a file (their home is the manifest)',
      (d) => ({ ...d, reports: [] }),
      /unknown field "reports" \(report metadata lives in the manifest/,
    ],
    ['entities that are no array', (d) => ({ ...d, entities: {} }), /entities must be an array/],
    ['an entity that is no object', (d) => ({ ...d, entities: [...d.entities, 'x'] }), /entities\[8\]: must be an object/],
    ['an unknown entity type', (d) => ({ ...d, entities: [...d.entities, { type: 'Thing', name: 'x', evidence: [] }] }), /unknown type "Thing"/],
    ['an entity without a name', (d) => ({ ...d, entities: [...d.entities, { type: 'Policy', name: ' ', evidence: [] }] }), /needs a name/],
    ['an entity without an English name', (d) => (delete entity(d, '远程会诊项目').nameEn, d), /prog:远程会诊项目: needs an English name/],
    [
      'an achievement not stated in English',
      (d) => (delete entity(d, '群众满意医院').statementEn, d),
      /ach:900:群众满意医院: needs its statement in English/,
    ],
    ['a unit with no English name', (d) => (Object.assign(entity(d, '全年门诊量'), { unit: '坨' }), d), /unit "坨" has no English name/],
    [
      'a period that is no year or range',
      (d) => (Object.assign(entity(d, '全年门诊量'), { period: '2023年' }), d),
      /period must be YYYY or YYYY-YYYY/,
    ],
    ['a period that ends before it starts', (d) => (Object.assign(entity(d, '全年门诊量'), { period: '2023-2021' }), d), /ends before it starts/],
    ['a period on a program', (d) => (Object.assign(entity(d, '远程会诊项目'), { period: '2023' }), d), /period applies to achievements/],
    [
      'an unknown entity field',
      (d) => (Object.assign(entity(d, '测试县卫生健康局'), { website: 'x' }), d),
      /\(Organization 测试县卫生健康局\): unknown field "website"/,
    ],
    [
      'a property the compiler derives',
      (d) => (Object.assign(entity(d, '全年门诊量'), { periodStart: 2023 }), d),
      /\(Achievement 全年门诊量\): unknown field "periodStart"/,
    ],
    ['an entity without evidence', (d) => (Object.assign(entity(d, '测试县卫生健康局'), { evidence: [] }), d), /测试县卫生健康局\): needs evidence/],
    [
      'evidence without a quote',
      (d) => (Object.assign(entity(d, '测试县卫生健康局'), { evidence: [{ source: '900' }] }), d),
      /evidence needs a source and a quote/,
    ],
    [
      'an unknown evidence field',
      (d) => (Object.assign(entity(d, '测试县卫生健康局'), { evidence: [{ ...ev('测试县卫生健康局授予'), page: 2 }] }), d),
      /evidence\[0\]: evidence has an unknown field "page"/,
    ],
    [
      'an unknown source',
      (d) => (Object.assign(entity(d, '测试县卫生健康局'), { evidence: [ev('测试县卫生健康局授予', '905')] }), d),
      /unknown source "905" \(the manifest's: 900, 901-01, 901-02, 902\)/,
    ],
    [
      'a compilation named instead of its article',
      (d) => (Object.assign(entity(d, 'xx市人民医院'), { evidence: [ev('xx市人民医院建成胸痛中心', '901')] }), d),
      /unknown source "901"/,
    ],
    [
      'a quote too long',
      (d) => (Object.assign(entity(d, '测试县卫生健康局'), { evidence: [ev('测'.repeat(61))] }), d),
      /quote longer than 60 characters/,
    ],
    ['an empty quote', (d) => (Object.assign(entity(d, '测试县卫生健康局'), { evidence: [ev(' ')] }), d), /empty quote/],
    [
      'a quote not in the report',
      (d) => (Object.assign(entity(d, '测试县卫生健康局'), { evidence: [ev('测试县卫生健康局表彰')] }), d),
      /quote not found in report 900: "测试县卫生健康局表彰"/,
    ],
    ['a masked name not marked', (d) => (delete entity(d, 'xx市人民医院').masked, d), /the name is masked \(x\): set "masked": true/],
    [
      'a masked entity of a report without masks',
      (d) => (Object.assign(entity(d, '测试县卫生健康局'), { masked: true }), d),
      /masked, but report 900 masks nothing/,
    ],
    ['noRunner on an organization', (d) => (Object.assign(entity(d, '测试县卫生健康局'), { noRunner: 'x' }), d), /noRunner is a Program's reason/],
    ['a field of another type', (d) => (Object.assign(entity(d, '远程会诊项目'), { grade: '三级' }), d), /field "grade" does not apply to Program/],
    ['a field of the wrong type', (d) => (Object.assign(entity(d, '远程会诊项目'), { year: '2023' }), d), /year must be INT64/],
    ['an unknown kind', (d) => (Object.assign(entity(d, '远程会诊项目'), { kind: 'SCHEME' }), d), /kind must be one of INITIATIVE/],
    ['an unknown place level', (d) => (Object.assign(entity(d, '测试县'), { level: 'DISTRICT' }), d), /level must be one of COUNTRY/],
    ['an achievement without a statement', (d) => (delete entity(d, '群众满意医院').statement, d), /an achievement needs a statement/],
    ['a masked metric with a value', (d) => (Object.assign(entity(d, '全年门诊量'), { lost: true }), d), /a masked or lost metric has no value/],
    ['a metric without a value', (d) => (delete entity(d, '全年门诊量').value, d), /a metric needs a value \(or masked\/lost\)/],
    [
      'two files that disagree on a property',
      (d) => ({ ...d, entities: [...d.entities, { ...entity(d, '远程会诊项目'), kind: 'PLATFORM' }] }),
      /kind "PLATFORM" disagrees with "PROJECT" stated elsewhere for prog:远程会诊项目/,
    ],
    ['relations that are no array', (d) => ({ ...d, relations: 'x' }), /relations must be an array/],
    ['a relation that is no object', (d) => ({ ...d, relations: [...d.relations, 1] }), /relations\[6\]: must be an object/],
    ['an unknown relation type', (d) => (Object.assign(relation(d, 'RUNS'), { type: 'OWNS' }), d), /unknown relation type "OWNS"/],
    ['a relation without ends', (d) => (delete relation(d, 'RUNS').to, d), /needs from and to ids/],
    [
      'a draft candidate not reviewed',
      (d) => (Object.assign(entity(d, '测试县卫生健康局'), { draft: { confidence: 0.8, why: 'x' } }), d),
      /\(Organization 测试县卫生健康局\): a draft candidate not yet reviewed: check it, then remove "draft"/,
    ],
    [
      'an unknown relation field',
      (d) => (Object.assign(relation(d, 'RUNS'), { weight: 1 }), d),
      /-RUNS-> prog:远程会诊项目\): unknown field "weight"/,
    ],
    [
      'a relation to an entity of another file',
      (d) => (Object.assign(relation(d, 'RUNS'), { to: 'prog:其他项目' }), d),
      /prog:其他项目 is not declared in this file/,
    ],
    [
      'a relation joining the wrong labels',
      (d) => (Object.assign(relation(d, 'RUNS'), { to: 'place:测试县' }), d),
      /RUNS does not join Organization to Place/,
    ],
    ['a role that is no text', (d) => (Object.assign(relation(d, 'AWARDED_BY'), { role: 3 }), d), /role must be a string/],
    [
      'an alias that is another entity’s name',
      (d) => (Object.assign(entity(d, '测试县卫生健康局'), { aliases: ['测试县人民医院'] }), d),
      /org:测试县卫生健康局 has alias "测试县人民医院", the name of org:测试县人民医院: merge them/,
    ],
    [
      "a report's place that curation never declares",
      (d) => ({ ...d, entities: d.entities.filter((e) => e.name !== '测试县'), relations: d.relations.filter((r) => r.type !== 'LOCATED_IN') }),
      /reports\.json: the place of report 900, place:测试县, is no Place declared in curation/,
    ],
  ];
  it.each(cases)('says so for %s', (_, change, message) => {
    // Some changes have consequences too (a file that cannot be read declares no place): the message is among them.
    expect(problemsOf(change(validDoc()))).toContainEqual(expect.stringMatching(message));
  });

  it('says so for a relation whose end no file declares (seen once every file is read)', () => {
    const catalog = catalogOf(MANIFEST);
    const reader = new CurationReader(catalog.texts(), catalog);
    const doc = validDoc();
    doc.entities = doc.entities.filter((e) => e.name !== '健康讲座');
    const path = join(dir, 'dangling.json');
    writeFileSync(path, JSON.stringify(doc));
    reader.readFile(path);
    reader.finish();
    expect(reader.problems.filter((p) => !p.includes('not declared in this file'))).toEqual([
      'relation org:测试县卫生健康局 -RUNS-> prog:健康讲座 (902): no node prog:健康讲座',
    ]);
  });

  it('merges an entity declared twice, and says so for two nodes sharing a name (ids come from names, so only a broken id could)', () => {
    const doc = validDoc();
    doc.entities.push({
      type: 'Program',
      name: '远程会诊项目',
      nameEn: 'Remote consultation project',
      kind: 'PROJECT',
      evidence: [ev('开展远程会诊项目')],
    });
    expect(problemsOf(doc)).toEqual([]);
    const catalog = catalogOf(MANIFEST);
    const reader = new CurationReader(catalog.texts(), catalog);
    reader.graph.nodes.set('place:甲县', { id: 'place:甲县', label: 'Place', props: { name: '甲县' }, evidence: [] });
    reader.graph.nodes.set('place:甲', { id: 'place:甲', label: 'Place', props: { name: '甲县' }, evidence: [] });
    reader.finish();
    expect(reader.problems).toContain('place:甲 and place:甲县 share the name "甲县"');
  });

  it('restores spun words and keeps masks in the quote check, as the manifest says', () => {
    const doc = validDoc();
    Object.assign(entity(doc, '健康讲座'), { evidence: [ev('测试市卫生矫健委展开矫健讲座', '902')] });
    expect(problemsOf(doc)).toEqual([]);
    Object.assign(entity(doc, 'xx市人民医院'), { evidence: [ev('12市人民医院建成胸痛中心', '901-01')] });
    expect(problemsOf(doc)).toEqual([expect.stringMatching(/quote not found in report 901/)]);
  });
});

describe('the report manifest', () => {
  const cases: Array<[string, (m: any) => unknown, RegExp]> = [
    ['a manifest that is no object', () => [], /reports\.json: must hold an object with reports/],
    ['an unknown top-level field', (m) => ({ ...m, version: 2 }), /reports\.json \(top level\): unknown field "version"/],
    ['a reports folder that is no path', (m) => ({ ...m, reportsDir: 3 }), /reportsDir: must be a folder path/],
    ['reports that are no array', () => ({ reports: {} }), /reports: must be an array/],
    ['a report that is no object', (m) => ({ reports: [...m.reports, 'x'] }), /reports\[3\]: must be an object/],
    ['an unknown report field', (m) => (Object.assign(m.reports[0], { author: 'x' }), m), /reports\[0\]: unknown field "author"/],
    [
      'a report source with other characters',
      (m) => (Object.assign(m.reports[0], { source: '9/0' }), m),
      /reports\[0\]: source must be letters and digits/,
    ],
    ['a source listed twice', (m) => (Object.assign(m.reports[2], { source: '900' }), m), /reports\[2\]: source "900" is listed twice/],
    ['a report without a title', (m) => (delete m.reports[0].title, m), /reports\[0\] \(900\): needs a title/],
    ['a publisher that is no text', (m) => (Object.assign(m.reports[0], { publisher: 1 }), m), /publisher must be a non-empty string/],
    ['a date of another shape', (m) => (Object.assign(m.reports[0], { date: '2024/05/01' }), m), /date must be YYYY-MM-DD/],
    ['a place that is no Place id', (m) => (Object.assign(m.reports[0], { place: '测试县' }), m), /place must be a Place id/],
    ['a report without its file', (m) => (delete m.reports[0].file, m), /reports\[0\] \(900\): needs the file of its text/],
    ['articles that are no array', (m) => (Object.assign(m.reports[1], { articles: {} }), m), /articles must be an array/],
    ['an article that is no object', (m) => (m.reports[1].articles.push(1), m), /articles\[2\]: must be an object/],
    ['an unknown article field', (m) => (Object.assign(m.reports[1].articles[0], { lines: [2, 3] }), m), /articles\[0\]: unknown field "lines"/],
    [
      'an article source not of its report',
      (m) => (Object.assign(m.reports[1].articles[0], { source: '900-01' }), m),
      /articles\[0\]: source must be 901-<n>/,
    ],
    ['an article without a first line', (m) => (delete m.reports[1].articles[0].firstLine, m), /\(901-01\): firstLine must be a line number/],
    [
      'articles out of order',
      (m) => (Object.assign(m.reports[1].articles[1], { firstLine: 1 }), m),
      /\(901-02\): firstLine must come after the previous article's/,
    ],
    ['repairs that are no object', (m) => (Object.assign(m.reports[0], { repairs: true }), m), /repairs must be an object/],
    ['an unknown repair', (m) => (Object.assign(m.reports[0], { repairs: { ocr: true } }), m), /reports\[0\] \(900\) repairs: unknown field "ocr"/],
    [
      'a repair switch that is no boolean',
      (m) => (Object.assign(m.reports[0], { repairs: { traditional: 'yes' } }), m),
      /traditional must be true or false/,
    ],
    ['a lost marker of two characters', (m) => (Object.assign(m.reports[0], { repairs: { lost: '??' } }), m), /lost must be the one character/],
    [
      'an unknown spun-word table',
      (m) => (Object.assign(m.reports[0], { repairs: { spunWords: 'thesaurus' } }), m),
      /spunWords must name a table \(spinner\)/,
    ],
  ];
  it.each(cases)('says so for %s', (_, change, message) => {
    const { problems } = parseManifest(change(clone(MANIFEST)), 'reports.json');
    expect(problems).toEqual([expect.stringMatching(message)]);
  });

  it('accepts a spun-word table of its own, and restores its words', () => {
    const manifest = clone(MANIFEST) as any;
    manifest.reports[0].repairs = { spunWords: { 门诊: '急诊' } };
    const catalog = catalogOf(manifest);
    expect(catalog.texts().get('900')).toContain('全年急诊量12万人次');
  });

  it('refuses a manifest file that is not JSON, naming the file', () => {
    const path = join(dir, 'broken-manifest.json');
    writeFileSync(path, '{');
    expect(() => ReportCatalog.read(path)).toThrow(ManifestError);
    expect(compileCuration({ manifest: path, check: true }).problems).toEqual([expect.stringContaining('broken-manifest.json')]);
  });

  it('reads the folder of the texts from the manifest, beside the manifest, unless REPORTS_DIR or an option says otherwise', () => {
    const path = join(dir, 'with-folder.json');
    writeFileSync(path, JSON.stringify({ ...MANIFEST, reportsDir: '.' }));
    const saved = process.env.REPORTS_DIR;
    delete process.env.REPORTS_DIR;
    try {
      expect(ReportCatalog.read(path).dir).toBe(dir);
      expect(ReportCatalog.read(path, { reportsDir: '/elsewhere' }).dir).toBe('/elsewhere');
    } finally {
      if (saved !== undefined) process.env.REPORTS_DIR = saved;
    }
  });
});
