/**
 * The draft extractor's rules for programs, policies, events and achievements, each on short sentences
 * of its own.
 */
import { describe, expect, it } from 'vitest';
import { congresses, epidemic, meetings } from '../../src/draft/events.js';
import { achievements } from '../../src/draft/figures.js';
import { organizations } from '../../src/draft/organizations.js';
import { documentsAfterVerbs, rulesAfterVerbs, shortDocuments, titles } from '../../src/draft/policies.js';
import { objectPhrases, subjectPhrases } from '../../src/draft/program-objects.js';
import { listedItems, programPhrases } from '../../src/draft/program-phrases.js';
import { gluedQuotes, programShortForms, quotedPrograms } from '../../src/draft/programs.js';
import { candidate, contextOf, namesOf, relationsOf } from '../support/draft-context.js';

describe('programs', () => {
  it('reads a quoted name with a program word, its kind from the word', () => {
    const { ctx, sentence } = contextOf('集团启动“千县工程”，打造“健康小屋”品牌。');
    quotedPrograms(ctx, sentence);
    expect(ctx.candidatesOf('Program').map((c) => [c.name, c.props.kind])).toEqual([
      ['千县工程', 'PROJECT'],
      ['健康小屋', 'BRAND'],
    ]);
  });

  it('reads a phrase ending with a program word, walked left to its start', () => {
    const { ctx, sentence } = contextOf('全面加强党风廉政建设。');
    programPhrases(ctx, sentence);
    expect(namesOf(ctx, 'Program')).toEqual(['党风廉政建设']);
  });

  it('reads the object of a verb of doing as a program', () => {
    const { ctx, sentence } = contextOf('开展公立医院综合巡查。');
    objectPhrases(ctx, sentence);
    expect(candidate(ctx, 'Program', '公立医院综合巡查')?.why).toBe('the object of “开展”');
  });

  it('reads the subject of a verb of outcome as a program', () => {
    const { ctx, sentence } = contextOf('社会心理服务热线开通。');
    subjectPhrases(ctx, sentence);
    expect(candidate(ctx, 'Program', '社会心理服务热线')?.props.kind).toBe('SERVICE');
  });

  it('reads the items listed before a category, named with its word too', () => {
    const { ctx, sentence } = contextOf('推进智慧急救、智慧疾控等项目建设。');
    listedItems(ctx, sentence);
    expect(ctx.candidatesOf('Program').map((c) => [c.name, [...c.aliases]])).toEqual([
      ['智慧急救', ['智慧急救项目']],
      ['智慧疾控', ['智慧疾控项目']],
    ]);
  });

  it('reads quoted words with the words glued to them: a program, or a policy ending with a policy word', () => {
    const { ctx, sentence } = contextOf('开展适龄妇女“两癌”检查，推行“乡聘村用”政策。');
    gluedQuotes(ctx, sentence);
    expect(namesOf(ctx, 'Program')).toEqual(['适龄妇女“两癌”检查']);
    expect(namesOf(ctx, 'Policy')).toEqual(['“乡聘村用”政策']);
  });

  it('gives shorter forms of a program name as aliases', () => {
    expect(programShortForms('分级诊疗制度实施')).toEqual(['分级诊疗制度']);
    expect(programShortForms('畅通双向转诊机制')).toContain('双向转诊机制');
  });
});

describe('policies', () => {
  it('reads a title in 《》 with its year', () => {
    const { ctx, sentence } = contextOf('印发《寿阳县2023年医疗集团工作要点》。');
    titles(ctx, sentence);
    expect(candidate(ctx, 'Policy', '寿阳县2023年医疗集团工作要点')?.props.year).toBe(2023);
  });

  it('names documents written short by their official names', () => {
    const { ctx, sentence } = contextOf('学习党章和宪法。');
    shortDocuments(ctx, sentence);
    expect(namesOf(ctx, 'Policy')).toEqual(['中国共产党章程', '中华人民共和国宪法']);
  });

  it('reads a named rule after a verb that handles documents, cut after its policy word', () => {
    const { ctx, sentence } = contextOf('各医院执行医疗质量安全核心制度。');
    rulesAfterVerbs(ctx, sentence);
    expect(namesOf(ctx, 'Policy')).toEqual(['医疗质量安全核心制度']);
  });
});

describe('documents named without title marks', () => {
  it('reads a document from the verb that governs it to its document word', () => {
    const { ctx, sentence } = contextOf('县卫健局印发宁川县基层医疗卫生服务能力提升实施方案，出台支持中医药发展若干措施。');
    documentsAfterVerbs(ctx, sentence);
    expect(namesOf(ctx, 'Policy')).toEqual(['宁川县基层医疗卫生服务能力提升实施方案', '支持中医药发展若干措施']);
  });

  it('starts the name at the nearest such verb, never before it in the clause', () => {
    const { ctx, sentence } = contextOf('全面深化改革，认真贯彻落实健康中国行动计划和疾病防控管理办法。');
    documentsAfterVerbs(ctx, sentence);
    expect(namesOf(ctx, 'Policy')).toEqual(['健康中国行动计划和疾病防控管理办法', '健康中国行动计划']);
  });

  it('gives shorter forms, and leaves generic words and practices alone', () => {
    const { ctx, sentence } = contextOf('制定全市宣传引导和健康教育工作方案，执行相关标准，推进标准化建设，落实分级诊疗制度。');
    documentsAfterVerbs(ctx, sentence);
    expect(ctx.candidatesOf('Policy').map((c) => [c.name, [...c.aliases]])).toEqual([
      ['全市宣传引导和健康教育工作方案', ['宣传引导和健康教育工作方案', '健康教育工作方案']],
    ]);
  });
});

describe('events', () => {
  it('reads the epidemic, a party congress and a dated meeting', () => {
    const { ctx, sentence } = contextOf('抗击新冠疫情，学习党的二十大精神，召开2023年工作会议。');
    epidemic(ctx, sentence);
    congresses(ctx, sentence);
    meetings(ctx, sentence);
    expect(namesOf(ctx, 'Event')).toEqual(['新冠肺炎疫情', '中国共产党第二十次全国代表大会', '2023年工作会议']);
    expect(candidate(ctx, 'Event', '2023年工作会议')?.props.year).toBe(2023);
  });
});

describe('achievements', () => {
  it('reads figures with value, unit and qualifier, held by the organization before them', () => {
    const { ctx, sentence } = contextOf('寿阳县人民医院全年门诊量超35万人次，床位1200张。');
    organizations(ctx, sentence);
    achievements(ctx, sentence);
    const metrics = ctx.candidatesOf('Achievement').map(({ props: { value, unit, qualifier } }) => ({ value, unit, qualifier }));
    expect(metrics).toEqual([
      { value: 350_000, unit: '人次', qualifier: '超' },
      { value: 1200, unit: '张', qualifier: undefined },
    ]);
    expect(relationsOf(ctx)).toContain('HAS_ACHIEVEMENT 寿阳县人民医院 → 床位1200张');
  });

  it('reads an honour with the body that grants it', () => {
    const { ctx, sentence } = contextOf('寿阳县人民医院被山西省卫生健康委员会授予“群众满意医院”称号。');
    organizations(ctx, sentence);
    achievements(ctx, sentence);
    expect(relationsOf(ctx)).toEqual(['HAS_ACHIEVEMENT 寿阳县人民医院 → 群众满意医院', 'AWARDED_BY 群众满意医院 → 山西省卫生健康委员会']);
  });

  it('reads designations and milestones', () => {
    const { ctx, sentences } = contextOf('寿阳县人民医院入选国家公立医院改革试点。\n寿阳县中医院正式挂牌。');
    for (const s of sentences) achievements(ctx, s);
    expect(ctx.candidatesOf('Achievement').map((c) => c.props.kind)).toEqual(['DESIGNATION', 'MILESTONE']);
  });
});
