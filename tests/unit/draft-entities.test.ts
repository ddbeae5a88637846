/**
 * The draft extractor's rules for places, organizations and people, each on short sentences of its own
 * (the whole extractor is tried on reports in draft.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { departments, enumerations, nationalShortNames } from '../../src/draft/organization-lists.js';
import { organizations, suffixNames } from '../../src/draft/organizations.js';
import { credits, people, personAfter, personBefore } from '../../src/draft/people.js';
import { findHome } from '../../src/draft/home.js';
import { placeEndingAt } from '../../src/draft/place-names.js';
import { places } from '../../src/draft/places.js';
import { candidate, contextOf, namesOf, relationsOf } from '../support/draft-context.js';

describe('places', () => {
  it('finds a county of the divisions with its parents up to 中国', () => {
    const { ctx, sentence } = contextOf('寿阳县召开卫生健康工作会议。');
    places(ctx, sentence);
    expect(candidate(ctx, 'Place', '寿阳县')?.props.level).toBe('COUNTY');
    expect(relationsOf(ctx)).toEqual(['PART_OF 寿阳县 → 晋中市', 'PART_OF 晋中市 → 山西省', 'PART_OF 山西省 → 中国']);
  });

  it('finds a division glued to the name after it, a short province, a macro-region and the country', () => {
    const { ctx, sentence } = contextOf('寿阳县医疗集团支援京津冀和山西的建设，我国医改深入推进。');
    places(ctx, sentence);
    expect(namesOf(ctx, 'Place')).toEqual(expect.arrayContaining(['寿阳县', '山西省', '京津冀', '中国']));
    expect(candidate(ctx, 'Place', '京津冀')?.props.level).toBe('REGION');
  });

  it('gives a masked place its level from its suffix', () => {
    const { ctx, sentence } = contextOf('xx市卫健委在xx县召开会议。', { masks: true });
    places(ctx, sentence);
    expect(['xx市', 'xx县'].map((name) => candidate(ctx, 'Place', name)?.props.level)).toEqual(['CITY', 'COUNTY']);
  });
});

describe('places the divisions do not list, read by their suffix', () => {
  /** The place whose suffix is the first `suffix` of the text, as its name. */
  const placeAt = (text: string, suffix: string) => {
    const place = placeEndingAt(text, text.indexOf(suffix));
    return place && text.slice(place.start, place.end);
  };

  it('reads a name from its suffix, the level from the suffix', () => {
    const { ctx, sentence } = contextOf('到青禾县开展义诊，赴石门乡和南枫新区，走访溪泉街道和杨柳社区。');
    places(ctx, sentence);
    expect(Object.fromEntries(ctx.candidatesOf('Place').map((c) => [c.name, c.props.level]))).toEqual({
      青禾县: 'COUNTY',
      石门乡: 'TOWN',
      南枫新区: 'COUNTY',
      溪泉街道: 'TOWN',
      杨柳社区: 'VILLAGE',
    });
  });

  it('leaves suffixes that are part of common words alone', () => {
    for (const [text, suffix] of [
      ['规范市场秩序', '市'],
      ['推进县域医共体建设', '县'],
      ['建设区域医疗中心', '区'],
      ['杨柳社区卫生服务中心', '社区'],
      ['24所乡镇卫生院', '乡'],
      ['主城区和郊区', '区'],
      ['镇级财政投入', '镇'],
      ['创建全国文明城市', '市'],
      ['326个行政村', '村'],
      ['全县卫生工作', '县'],
      ['城乡社区服务', '社区'],
    ])
      expect(placeAt(text!, suffix!), text).toBeUndefined();
  });

  it('nests a town in the county written right before it, a village in its town, named with them', () => {
    const { ctx, sentence } = contextOf('宁川县南河镇杨柳村卫生室。');
    places(ctx, sentence);
    expect(ctx.candidatesOf('Place').map((c) => [c.name, c.props.level, [...c.aliases]])).toEqual([
      ['宁川县', 'COUNTY', []],
      ['宁川县南河镇', 'TOWN', ['南河镇']],
      ['宁川县南河镇杨柳村', 'VILLAGE', ['杨柳村']],
    ]);
    expect(relationsOf(ctx)).toEqual(['PART_OF 宁川县南河镇 → 宁川县', 'PART_OF 宁川县南河镇杨柳村 → 宁川县南河镇']);
  });

  it('nests a county in a province the list knows, and gives items sharing a suffix the same parent', () => {
    const { ctx, sentence } = contextOf('内蒙古禾安县、石丰县分别捐赠物资，宁川县白马、溪泉镇卫生院。');
    places(ctx, sentence);
    expect(relationsOf(ctx)).toEqual(
      expect.arrayContaining(['PART_OF 禾安县 → 内蒙古自治区', 'PART_OF 宁川县溪泉镇 → 宁川县', 'PART_OF 宁川县白马镇 → 宁川县']),
    );
    expect(candidate(ctx, 'Place', '石丰县')?.props.level).toBe('COUNTY');
  });

  it('names a town written alone as the home county’s, and reads towns listed before their health centers', () => {
    const { ctx, sentences } = contextOf('寿阳县召开会议。\n平头镇中心卫生院达标，尹灵芝、西洛等六所乡镇卫生院达到标准。', { place: 'place:寿阳县' });
    for (const s of sentences) places(ctx, s);
    expect(namesOf(ctx, 'Place')).toEqual(expect.arrayContaining(['寿阳县平头镇', '寿阳县尹灵芝', '寿阳县西洛']));
    expect(relationsOf(ctx)).toContain('PART_OF 寿阳县平头镇 → 寿阳县');
  });

  it('takes a home county the list does not know from the manifest, in the city the report names', () => {
    const { ctx } = contextOf('宁川县卫生健康局召开会议。\n岚川市卫健委到会指导。', { place: 'place:宁川县' });
    const home = findHome(ctx);
    expect([home.county?.name, home.city?.name]).toEqual(['宁川县', '岚川市']);
  });
});

describe('organizations', () => {
  it('reads a name back from its suffix, the kind from the suffix', () => {
    const { ctx, sentence } = contextOf('寿阳县人民医院、寿阳县疾病预防控制中心和寿阳县医疗集团参加。');
    suffixNames(ctx, sentence);
    const kinds = Object.fromEntries(ctx.candidatesOf('Organization').map((c) => [c.name, c.props.kind]));
    expect(kinds).toEqual({ 寿阳县人民医院: 'HOSPITAL', 寿阳县疾病预防控制中心: 'PUBLIC_HEALTH', 寿阳县医疗集团: 'MEDICAL_GROUP' });
  });

  it('names a relative name by the home place, abbreviations expanded', () => {
    const { ctx, sentence } = contextOf('市卫健委召开会议。', { place: 'place:寿阳县' });
    suffixNames(ctx, sentence);
    const commission = candidate(ctx, 'Organization', '晋中市卫生健康委员会');
    expect(commission?.props.kind).toBe('GOVERNMENT_AGENCY');
    expect([...commission!.aliases]).toEqual(expect.arrayContaining(['市卫健委', '晋中市卫健委']));
  });

  it('leaves out names made only of generic words (县级医院, 三级甲等综合医院)', () => {
    const { ctx, sentence } = contextOf('支持县级医院和三级甲等综合医院发展。');
    suffixNames(ctx, sentence);
    expect(namesOf(ctx, 'Organization')).toEqual([]);
  });

  it('names the items of a list before their category (景尚、七里河等5个养老院)', () => {
    const { ctx, sentence } = contextOf('景尚、七里河等5个养老院实现医养结合。');
    enumerations(ctx, sentence);
    expect(namesOf(ctx, 'Organization')).toEqual(['景尚养老院', '七里河养老院']);
    expect([...candidate(ctx, 'Organization', '景尚养老院')!.aliases]).toEqual(['景尚']);
  });

  it('reads departments an organization set up as its parts', () => {
    const { ctx, sentence } = contextOf('集团人民医院先后建立了妇产中心、胸痛中心等重点专科。');
    suffixNames(ctx, sentence);
    departments(ctx, sentence);
    expect(namesOf(ctx, 'Organization')).toEqual(['集团人民医院', '集团人民医院妇产中心', '集团人民医院胸痛中心']);
    expect(relationsOf(ctx)).toContain('PART_OF 集团人民医院胸痛中心 → 集团人民医院');
  });

  it('gives national bodies written short their official names', () => {
    const { ctx, sentence } = contextOf('国务院和国家卫健委部署工作。');
    nationalShortNames(ctx, sentence);
    expect(namesOf(ctx, 'Organization')).toEqual(['中华人民共和国国务院', '国家卫生健康委员会']);
  });
});

describe('people', () => {
  it('reads a name after a post, and before 总书记', () => {
    expect(personAfter('副局长赵宏指出', 3)).toBe('赵宏');
    expect(personAfter('院长孙立新参加会议', 2)).toBe('孙立新');
    expect(personBefore('习近平总书记强调', 3)).toBe('习近平');
  });

  it('reads credits', () => {
    const { ctx, sentence } = contextOf('责任编辑:潘旺旺');
    credits(ctx, sentence);
    expect(candidate(ctx, 'Person', '潘旺旺')?.why).toBe('credited as 责任编辑');
  });

  it('relates a person to the organization written before each post', () => {
    const { ctx, sentence } = contextOf('市卫健委党组书记、主任孙立新出席会议。', { place: 'place:寿阳县' });
    organizations(ctx, sentence);
    people(ctx, sentence);
    expect(ctx.relations.filter((r) => r.type === 'HOLDS_ROLE').map((r) => [r.to.name, r.role])).toEqual([
      ['晋中市卫生健康委员会', '主任'],
      ['晋中市卫健委党组', '党组书记'],
    ]);
  });
});
