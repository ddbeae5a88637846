/**
 * The draft extractor's reading of a prepared report: mentions of organizations, places, people,
 * programs, policies, events and achievements, and the relationships the reports' phrasing states.
 * Rules only: suffixes, markers, verbs and punctuation, with jieba's segmentation for word boundaries.
 */
import { tag } from 'jieba-wasm';
import type { EntityLabel, RelationType } from '../model/graph.js';
import type { OrganizationKind } from '../generated/graphql.js';
import { EXPANSIONS, NATIONAL_NAMES, ORG_SUFFIXES, POLICY_MARKERS, PROGRAM_MARKERS, ROLES, RUN_VERBS, STANDALONE_ORGS } from './lexicon.js';
import { quantities, yearIn, type Quantity } from './numbers.js';
import { REGIONS, chinaDivisions, levelOfSuffix, type Division } from './places.js';
import type { PreparedReport, Sentence } from './text.js';

/** Where a candidate is stated: a span of a sentence. */
export interface Mention {
  sentence: Sentence;
  start: number;
  end: number;
}

/** A proposed entity, merged over its mentions. */
export interface Candidate {
  type: EntityLabel;
  /** Merge key: type and canonical name (and article, for masked or achievement entities). */
  key: string;
  name: string;
  aliases: Set<string>;
  props: Record<string, string | number | boolean>;
  masked?: boolean;
  mentions: Mention[];
  confidence: number;
  why: string;
}

export interface RelationCandidate {
  type: RelationType;
  from: Candidate;
  to: Candidate;
  mention: Mention;
  role?: string;
  confidence: number;
  why: string;
}

export interface Extraction {
  candidates: Candidate[];
  relations: RelationCandidate[];
}

interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

const HAN = /\p{Script=Han}/u;
const PUNCT = /^[\s，,、。；;：:！!？?（）()“”"‘’《》【】\[\]<>·…—\-|/%‰]+$/u;
const RELATIVE = /^(省|市|县|区|州|旗|镇|我省|我市|我县|我区|我州|全省|全市|全县|本市)/;
const MASK = /xx|(?<![A-Za-z])x(?![A-Za-z])/i;
/** Modifiers that leave an organization name generic (县级医院, 乡镇卫生院): no organization. */
const GENERIC_HEADS = new Set([
  '',
  '医院',
  '央企',
  '产业',
  '健康产业',
  '大健康产业',
  '世界一流健康产业',
  '跨区域医院',
  '区域医院',
  '乡镇',
  '县级',
  '公立',
  '定点',
  '各级',
  '基层',
  '民营',
  '综合',
  '专科',
  '二级',
  '三级',
  '本',
  '该',
  '各',
  '大型',
  '社会办',
  '互联网',
  '医疗',
  '两',
  '县乡',
  '城市',
  '农村',
  '村',
  '社区',
  '乡村',
  '中',
  '省级',
  '市级',
  '国家级',
  '成员',
  '签约',
  '协作',
  '合作',
  '帮扶',
  '对口',
  '省内',
  '国内',
  '全国',
  '下属',
  '所属',
  '旗下',
  '部分',
  '重点',
  '优质',
  '上级',
  '牵头',
  '医共体',
  '紧密型',
  '县域',
  '区域',
  '全县',
  '全市',
  '全省',
  '中医',
  '西医',
  '医养结合',
  '养老',
  '全部',
  '所有',
  '多家',
  '一批',
  '其他',
  '相关',
  '有关',
  '各类',
  '这些',
  '中央',
  '地方',
  '国有',
  '企业',
  '非公',
  '人民',
  '集团',
  '我',
  '我们',
  '贵',
  '老',
  '新',
  '首批',
  '第一批',
  '第二批',
  '试点',
  '示范',
  '临床',
  '专业',
  '管理',
  '运营',
  '托管',
  '合作共建',
]);

/** A head made only of generic qualifiers (三级甲等综合, 省外优质, 市属三甲综合): a kind of organization, not one. */
const GENERIC_HEAD =
  /^(省|市|县|区|旗|国家|全国|省级|市级|县级|区级|省市级|首府|省外|市属|区属|县属|省属|当地|两家|多家|各类|部分|其他)*(三级|二级|一级|甲等|乙等|三甲|二甲|公立|综合|专科|定点|亚定点|优质|高水平|知名|龙头|标准化|大型|中医|西医|中西医结合|民营|非公|基层|乡镇|村|社区|示范|重点|特色|优秀|先进|区域|城市|农村|市县|县乡|医养结合|互联网|智慧|数字化|紧密型|松散型|专科联盟|以上|二级以上|各旗市区|旗市区|县域|苏木|政府办|个体|当地|在建|优势|标杆|新建)+$/;

/** After a place, heads that make the name a kind of organizations there (市中区公立医院): none in particular. */
const PLURAL_HEAD = /^(公立|基层|民营|非公|各级|各类|所有|定点|社会办|市属|区属|县属|在建|新建|优势|专科|综合|二级以上|三级|二级)/;

let cache = new Map<string, Token[]>();
/** jieba's words of a sentence, with their parts of speech and character offsets. */
function tokens(text: string): Token[] {
  const known = cache.get(text);
  if (known) return known;
  let at = 0;
  const list = tag(text, true).map(({ word, tag: t }) => {
    const token = { word, tag: t, start: at, end: at + word.length };
    at += word.length;
    return token;
  });
  if (cache.size > 5000) cache = new Map();
  cache.set(text, list);
  return list;
}

/** Common surnames: a person's name starts with one. */
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝习弓'.split(
    '',
  ),
);
/** What follows a name and is no part of it (赵宏, / 孙立新参加 / 何志强在): punctuation, verbs, particles. */
const AFTER_NAME =
  /^([、，,。；;：:（(）)“”\s]|强调|主持|参加|介绍|宣读|指出|表示|讲话|作了|作为|代表|出席|带领|率领|一行|等|在|对|说|讲|为|和|与|及|是|就|也|到|来|去|看|了|的|同志|分别|任|向|致|要|从|于|被|把|将|指|提|主)/u;

/** A person's name written right after a post: a surname and one or two more characters. */
function personAfter(text: string, at: number): string | undefined {
  if (text[at] === ' ') at += 1;
  const chars = [...text.slice(at, at + 3)];
  if (!chars[0] || !SURNAMES.has(chars[0]) || !chars[1] || !/\p{Script=Han}/u.test(chars[1]) || AFTER_NAME.test(text.slice(at + 1))) return undefined;
  const third = chars[2];
  return third && /\p{Script=Han}/u.test(third) && !AFTER_NAME.test(text.slice(at + 2)) ? chars.join('') : chars.slice(0, 2).join('');
}

/** Posts written after the name (习近平总书记, 毛伟明省长). */
const NAME_BEFORE_ROLES = new Set(['总书记', '同志', '省长', '市长', '县长', '区长', '院士']);

/** A person's name written right before 总书记 or 同志 (习近平总书记). */
function personBefore(text: string, at: number): string | undefined {
  for (const length of [3, 2]) {
    const name = text.slice(Math.max(0, at - length), at);
    if (name.length === length && SURNAMES.has(name[0]!) && /^\p{Script=Han}+$/u.test(name)) return name;
  }
  return undefined;
}

/** Tags of words that can be part of a name. */
const NAME_TAGS = /^(n|ns|nt|nz|nr|nrt|nrfg|x|j|eng|b|s|f|an|ng|vn|m|v|vd|vi|vg|a|t|zg)$/;
/** Parts of speech a name does not start with (a verb, adjective or time word before it is context). */
const NOT_FIRST_TAGS = /^(v|vd|vi|vg|t)$/;

/** Where the name ending at `suffixStart` begins, walking left over name-like words. */
function nameStart(text: string, suffixStart: number, maxLength = 20): number {
  const list = tokens(text);
  let index = list.findIndex((t) => t.start <= suffixStart && suffixStart < t.end);
  if (index < 0) return suffixStart;
  let start = list[index]!.start;
  const suffixWordStart = start;
  for (index -= 1; index >= 0; index--) {
    const token = list[index]!;
    if (token.word === '”' || token.word === '"') {
      // A quoted part of a name: “白大褂”青年健康宣讲团.
      const open = text.lastIndexOf('“', token.start);
      if (open < 0 || token.start - open > 12) break;
      start = open;
      index = list.findIndex((t) => t.start <= open && open < t.end);
      continue;
    }
    const gluedStop = token.word.length > 1 && /^[为在与和及由向对从到把被将以使照抓了]/.test(token.word) && /^(x|zg)$/.test(token.tag);
    // A verb right before the suffix word is an action on the organization, not part of its name (进入集团, 抓集团).
    // A verb inside a name sits between its words (中央赴湖北指导组), never first nor right before the suffix.
    const previous = list[index - 1];
    const verbAtSuffix =
      /^(v|vd|vi|vg)$/.test(token.tag) &&
      (list[index + 1]?.start === suffixWordStart || !previous || PUNCT.test(previous.word) || !/^(n|ns|nt|nz|j|x|b|vn|m|eng)$/.test(previous.tag));
    if (
      PUNCT.test(token.word) ||
      STOP_TAGS.test(token.tag) ||
      STOP_WORDS.test(token.word) ||
      !NAME_TAGS.test(token.tag) ||
      gluedStop ||
      verbAtSuffix
    ) {
      // A word glued to a stop (为市, 在xx市): keep what follows the stop character.
      const glued = /^[为在与和及由向对从到把被将以使照抓]([\p{Script=Han}x]+)$/u.exec(token.word);
      if (glued && !PUNCT.test(token.word)) start = token.end - glued[1]!.length;
      break;
    }
    // A numeral with a measure word (24所) ends a name; an ordinal (第一) or a place mis-read as a numeral (三里) does not.
    if (token.tag === 'm' && /^[0-9一二三四五六七八九十百千万两几]+[个所家名位批支项次年届]$/.test(token.word)) break;
    // A masked or written number before a measure word (xx支, 24所) ends a name too.
    if (/^([0-9]+|x+)$/i.test(token.word) && /^(多|余)?[个所家名位批支项次]/.test(text.slice(token.end))) break;
    if (/%$/.test(token.word)) break;
    if (token.tag === 'm' && /^[0-9x]+$/i.test(token.word) && list[index + 1] && /^(所|家|个|名|支|项|批|大)/.test(list[index + 1]!.word)) break;
    if (suffixStart - token.start > maxLength) break;
    // A designation before a hospital's name (国家区域医疗中心xx六院xx医院) is another name.
    if (/(区域医疗中心|医学中心)$/.test(text.slice(0, token.end)) && token.end < suffixStart) break;
    start = token.start;
  }
  // A name starts with no verb, adjective or time word (号召寿阳县医疗集团, 健康寿阳县医疗集团).
  for (const token of list) {
    if (token.start < start) continue;
    const adjectiveBeforePlace = token.tag === 'a' && startsWithPlace(text.slice(token.end));
    if (token.start >= suffixStart || (!NOT_FIRST_TAGS.test(token.tag) && !adjectiveBeforePlace) || /^[型性级]/.test(text.slice(token.end))) break;
    start = token.end;
  }
  // Leading words that are no part of a name.
  while (start < suffixStart) {
    const glued =
      /^[由以在为与和及对向从把被将使照抓了获]/.test(text.slice(start, suffixStart)) ||
      (/^[支个所家名位批]/.test(text.slice(start)) && /[0-9一二三四五六七八九十两x]$/.test(text.slice(0, start)));
    if (glued && suffixStart - start > 0) {
      start += 1;
      continue;
    }
    const lead = LEADING.exec(text.slice(start, suffixStart));
    if (!lead) break;
    start += lead[0].length;
  }
  return start;
}

/** A list of names before the category they are (A、B等N所乡镇卫生院). */
const ENUMERATION =
  /((?:[\p{Script=Han}A-Za-z0-9]{2,10}[、,，]){1,8}[\p{Script=Han}A-Za-z0-9]{2,10}?)(?:等|共)?(?:[0-9一二三四五六七八九十两]+(?:个|所|家))(乡镇卫生院|中心卫生院|卫生院|养老院|医院|医疗机构|医疗管理平台|企业|公司|社区卫生服务中心)/gu;

/** Words a program phrase ends with. */
const PHRASE_MARKERS =
  /(建设|改革|工程|行动|活动|项目|试点|平台|体系|机制|网络|模式|战略|救治圈|服务圈|斗争|计划|品牌|门诊|治疗|服务|管理|工作|医改|行|系统|APP|热线|名城|示范区|创新区|高地|接种|执业)$/;
/** Words a policy phrase ends with (named rules, plans, standards and codes). */
const POLICY_PHRASE =
  /(实施方案|工作方案|建设方案|治疗方案|方案|规范|标准|议事规则|规则|办法|规划|意见|通知|条例|清单|工作流程|流程|制度|政策|章程|宪法|党章|日报制)$/;
/** Heads that leave a program phrase generic (能力建设, 各项工作). */
const GENERIC_PROGRAM =
  /^(能力|各项|相关|有关|重点|日常|基础|全面|整体|系统|规范化|标准化|信息化|常态化|制度|体系|机制|队伍|人才|党|学科|专科|科室|医疗|卫生|健康|医院|医务|工作|服务|管理|作风|思想|组织|政治|纪律|廉洁|文化|基层|项目|改革|发展|建设|这项|此项|该项|本次|此次|两项|多项|一系列|系列|各类|所有)$/;

/** Parts of speech that end a name walking left: prepositions, conjunctions, particles, adverbs, pronouns, measures. */
const STOP_TAGS = /^(p|c|u|uj|ul|uz|ud|ug|uv|d|ad|r|q|y|e|o|w)$/;

/** Whether a text starts with a division's name (健康寿阳县…: the adjective before it is context). */
function startsWithPlace(text: string): boolean {
  const names = chinaDivisions().byName;
  for (let length = 2; length <= 5; length++) if (names.has(text.slice(0, length))) return true;
  return false;
}
/** Words that end a name walking left: verbs of doing and judging that come before organizations. */
const STOP_WORDS =
  /^(力争|新建|在建|作为|定为|担起|走进|推行|合并|改造|升级|创|评为|确定|列为|纳入|接受|承担|担任|负责|帮扶|支援|驰援|派驻|下沉|转回|来到|咨询|走向|成立|组建|组成|建设|建成|建立|启动|深化|推进|推动|依托|通过|荣获|获得|获批|获评|评为|规范|培训|设置|设立|打造|成为|创建|分别|完成|圆满完成|学习|深入|开展|实施|加强|支持|协调|组织|参加|参与|召开|举办|联合|整合|带领|率领|派出|抽调|选派|对接|签署|签约|签订|合作|共建|入选|达到|加快|全面|持续|积极|进一步|不断|大力|扎实|有序|稳妥|按照|依据|根据|落实|贯彻|贯彻落实|充分发挥|发挥|锚定|今后|引进|引领|带动|辐射|覆盖|投入|投资|注册|承接|托管|接收|包括|其中|同时|以及|还有|先后|共同|全力|主动|及时|迅速|目前|现有|已有|拥有|共有|所辖|辖区|依靠|服务|保障|提升|提高|实现|形成|构建|完善|健全|优化|改善|强化|做强|做好|做实|培育|创新|探索|推广|争创|申报|获|被|是|有|将|把|为|在|与|和|及|等|由|向|对|从|到|至|达|共|各|全市|全省|全县|全区|全国|我国|国内|省内|市内|县内|区内|旗下|所属|下属)$/;
/** Words stripped from the start of a name found by walking left. */
const LEADING =
  /^(充分发挥|贯彻落实|锚定|今后|积极|全面|深入|持续|推动|推进|加快|依托|通过|联合|组织|指导|支持|协调|带领|率领|整合|建立|建成|设立|成立|组建|组成|新建|改建|挂牌|获批|获评|成为|作为|包括|其中|同时|以及|还有|先后|分别|共同|全力|大力|不断|主动|及时|迅速|目前|现有|已有|拥有|共有|所辖|辖区|对接|依靠|我国|国内|省内|市内|县内|区内|旗下|所属|下属|集团所属|集团旗下)/;

/** The words of a name that make it specific (all but the suffix and generic modifiers). */
function headOf(name: string, suffix: string): string {
  return name.slice(0, name.length - suffix.length);
}

/** A report's home places (its county, city, province), from the manifest's place or the places it names most. */
export interface Home {
  province?: Division;
  city?: Division;
  county?: Division;
}

/** Reads the mentions and relationships of a report. */
export class Extractor {
  private readonly byKey = new Map<string, Candidate>();
  private readonly relations: RelationCandidate[] = [];
  private readonly relationKeys = new Set<string>();
  /** Mentions per sentence index: [start, end, candidate]. */
  private readonly spans = new Map<number, Array<{ start: number; end: number; candidate: Candidate }>>();
  private readonly masks: boolean;
  private home: Home = {};

  constructor(
    private readonly report: PreparedReport,
    private readonly options: { homePlace?: string; publisher?: string } = {},
  ) {
    this.masks = report.repairs.masks === true;
  }

  run(): Extraction {
    this.home = this.findHome();
    for (const sentence of this.report.sentences) this.places(sentence);
    for (const sentence of this.report.sentences) this.organizations(sentence);
    for (const sentence of this.report.sentences) this.people(sentence);
    for (const sentence of this.report.sentences) this.policies(sentence);
    for (const sentence of this.report.sentences) this.programs(sentence);
    for (const sentence of this.report.sentences) this.events(sentence);
    for (const sentence of this.report.sentences) this.achievements(sentence);
    for (const sentence of this.report.sentences) this.programPhrases(sentence);
    for (const sentence of this.report.sentences) this.sentenceRelations(sentence);
    this.nameRelations();
    return { candidates: [...this.byKey.values()], relations: this.relations };
  }

  // ── candidates ──────────────────────────────────────────────────────────────────────────────

  private add(
    type: EntityLabel,
    name: string,
    mention: Mention,
    init: { aliases?: string[]; props?: Candidate['props']; confidence: number; why: string; scoped?: boolean; key?: string },
  ): Candidate {
    const masked = type !== 'Achievement' && (MASK.test(name) || (this.masks && init.scoped === true));
    const scope = masked || type === 'Achievement' ? `|${mention.sentence.source}` : '';
    const key = init.key ?? `${type}|${name}${scope}`;
    let candidate = this.byKey.get(key);
    if (!candidate) {
      candidate = { type, key, name, aliases: new Set(), props: { ...init.props }, mentions: [], confidence: init.confidence, why: init.why };
      if (masked) candidate.masked = true;
      this.byKey.set(key, candidate);
    } else {
      candidate.confidence = Math.max(candidate.confidence, init.confidence);
      for (const [k, v] of Object.entries(init.props ?? {})) candidate.props[k] ??= v;
    }
    for (const alias of init.aliases ?? []) if (alias !== candidate.name) candidate.aliases.add(alias);
    if (!candidate.mentions.some((m) => m.sentence.index === mention.sentence.index && m.start === mention.start)) candidate.mentions.push(mention);
    const list = this.spans.get(mention.sentence.index) ?? [];
    if (!list.some((s) => s.start === mention.start && s.end === mention.end && s.candidate === candidate)) {
      list.push({ start: mention.start, end: mention.end, candidate });
    }
    this.spans.set(mention.sentence.index, list);
    return candidate;
  }

  /** Forgets a bare mention (胸痛中心) that turned out to be part of a longer name; a candidate left with no mention goes. */
  private dropMention(sentence: Sentence, start: number, name: string): void {
    const list = this.spans.get(sentence.index) ?? [];
    for (const span of list.filter((s) => s.start === start && s.candidate.name === name)) {
      const candidate = span.candidate;
      candidate.mentions = candidate.mentions.filter((m) => !(m.sentence.index === sentence.index && m.start === start));
      list.splice(list.indexOf(span), 1);
      if (!candidate.mentions.length) this.byKey.delete(candidate.key);
    }
  }

  /** Candidates of a label mentioned in a sentence, in text order. */
  private mentionsIn(sentence: Sentence, ...types: EntityLabel[]): Array<{ start: number; end: number; candidate: Candidate }> {
    return (this.spans.get(sentence.index) ?? []).filter((s) => types.includes(s.candidate.type)).sort((a, b) => a.start - b.start || b.end - a.end);
  }

  // ── places ──────────────────────────────────────────────────────────────────────────────────

  private findHome(): Home {
    const divisions = chinaDivisions();
    const text = this.report.sentences.map((s) => s.text).join('\n');
    const mentioned = (name: string) => text.includes(name);
    let home: Division | undefined;
    const placeName = this.options.homePlace?.replace(/^place:/, '');
    if (placeName && !MASK.test(placeName)) home = divisions.resolve(placeName, mentioned) ?? divisions.byName.get(placeName)?.[0];
    if (!home) {
      // The county or city named most often.
      const counts = new Map<Division, number>();
      for (const [name, options] of divisions.byName) {
        if (name.length < 2 || options.length !== 1 || options[0]!.level === 'PROVINCE') continue;
        const n = text.split(name).length - 1;
        if (n) counts.set(options[0]!, (counts.get(options[0]!) ?? 0) + n);
      }
      home = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    }
    if (!home) return {};
    const chain = [home, ...divisions.ancestors(home)];
    return {
      county: chain.find((d) => d.level === 'COUNTY'),
      city: chain.find((d) => d.level === 'CITY'),
      province: chain.find((d) => d.level === 'PROVINCE'),
    };
  }

  private addDivision(division: Division, mention: Mention, confidence: number, why: string): Candidate {
    const place = this.add('Place', division.name, mention, { aliases: division.aliases, props: { level: division.level }, confidence, why });
    let child = place;
    for (const parent of chinaDivisions().ancestors(division)) {
      const p = this.add('Place', parent.name, mention, {
        aliases: parent.aliases,
        props: { level: parent.level },
        confidence: confidence - 0.1,
        why: 'the parent of a place named (administrative divisions)',
      });
      this.relate('PART_OF', child, p, mention, 0.8, 'administrative divisions');
      child = p;
    }
    const china = this.add('Place', '中国', mention, {
      aliases: ['中华人民共和国', '我国'],
      props: { level: 'COUNTRY' },
      confidence: 0.6,
      why: 'every place is part of 中国',
    });
    if (child !== china) this.relate('PART_OF', child, china, mention, 0.8, 'administrative divisions');
    return place;
  }

  private places(sentence: Sentence): void {
    const text = sentence.text;
    const divisions = chinaDivisions();
    const all = this.report.sentences.map((s) => s.text).join('\n');
    const mentioned = (name: string) => all.includes(name);
    const taken: Array<[number, number]> = [];
    const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && a < e);
    // Full names, longest first; short forms only of provinces and cities.
    for (const token of tokens(text)) {
      if (!HAN.test(token.word) || token.word.length < 2) continue;
      for (const length of [token.word.length]) {
        const name = text.slice(token.start, token.start + length);
        const options = divisions.byName.get(name);
        if (!options) continue;
        const division = divisions.resolve(name, mentioned) ?? (this.home.county?.aliases.includes(name) ? this.home.county : undefined);
        if (!division) continue;
        if (name !== division.name && division.level === 'COUNTY' && !division.aliases.includes(name)) continue;
        if (!free(token.start, token.end)) continue;
        taken.push([token.start, token.end]);
        this.addDivision(
          division,
          { sentence, start: token.start, end: token.end },
          name === division.name ? 0.9 : 0.75,
          'an administrative division',
        );
      }
    }
    // Names jieba keeps whole with what follows (寿阳县医疗集团): look for full names directly.
    for (const [name, options] of divisions.byName) {
      if (name.length < 3 || options.length !== 1) continue;
      let at = text.indexOf(name);
      while (at >= 0) {
        if (free(at, at + name.length)) {
          taken.push([at, at + name.length]);
          this.addDivision(options[0]!, { sentence, start: at, end: at + name.length }, 0.85, 'an administrative division');
        }
        at = text.indexOf(name, at + name.length);
      }
    }
    for (const region of REGIONS) {
      const at = text.indexOf(region);
      if (at >= 0 && free(at, at + region.length) && !/[部方]/.test(text[at + region.length] ?? '')) {
        const place = this.add(
          'Place',
          region,
          { sentence, start: at, end: at + region.length },
          { props: { level: 'REGION' }, confidence: 0.6, why: 'a macro-region' },
        );
        const china = this.add(
          'Place',
          '中国',
          { sentence, start: at, end: at + region.length },
          { aliases: ['中华人民共和国', '我国'], props: { level: 'COUNTRY' }, confidence: 0.6, why: 'every place is part of 中国' },
        );
        this.relate('PART_OF', place, china, { sentence, start: at, end: at + region.length }, 0.7, 'a macro-region of 中国');
      }
    }
    for (const m of text.matchAll(/中国(?!特色|共产党|人民解放军|梦|式)|我国|中华人民共和国/g)) {
      this.add(
        'Place',
        '中国',
        { sentence, start: m.index, end: m.index + m[0].length },
        { aliases: ['中华人民共和国', '我国'], props: { level: 'COUNTRY' }, confidence: 0.8, why: 'the country' },
      );
    }
    // Masked places (xx市, xx县) and towns (平头镇) the divisions do not list.
    for (const m of text.matchAll(/(x{2,}|X{2,})(自治区|省|市|新区|区|县|旗|镇|社区)/g)) {
      const level = levelOfSuffix(m[0]) ?? 'CITY';
      this.add(
        'Place',
        m[0],
        { sentence, start: m.index, end: m.index + m[0].length },
        { props: { level: level === 'VILLAGE' ? 'VILLAGE' : level }, confidence: 0.7, why: 'a masked place' },
      );
    }
    for (const token of tokens(text)) {
      if (!/^[\p{Script=Han}]{2,4}(镇|乡|街道)$/u.test(token.word) || /^[县市省区各全本该重名小城村集]/.test(token.word)) continue;
      if (!free(token.start, token.end)) continue;
      this.town(token.word, { sentence, start: token.start, end: token.end }, 0.7);
    }
  }

  /** A town, named with its county when the report's home county is known (寿阳县平头镇). */
  private town(short: string, mention: Mention, confidence: number): Candidate {
    const county = this.home.county;
    if (county && !this.masks) {
      const town = this.add('Place', `${county.name}${short}`, mention, {
        aliases: [short],
        props: { level: 'TOWN' },
        confidence,
        why: 'a town of the report’s county',
      });
      const parent = this.addDivision(county, mention, confidence - 0.1, 'the report’s county');
      this.relate('PART_OF', town, parent, mention, 0.7, 'a town of the report’s county');
      return town;
    }
    return this.add('Place', short, mention, { props: { level: 'TOWN' }, confidence, why: 'a town', scoped: true });
  }

  // ── organizations ───────────────────────────────────────────────────────────────────────────

  private organizations(sentence: Sentence): void {
    const text = sentence.text;
    const ends = new Map<number, readonly [string, OrganizationKind]>();
    for (const entry of ORG_SUFFIXES) {
      let at = text.indexOf(entry[0]);
      while (at >= 0) {
        const end = at + entry[0].length;
        if (!ends.has(end)) ends.set(end, entry);
        at = text.indexOf(entry[0], at + 1);
      }
    }
    for (const [end, [suffix, kind]] of ends) {
      const suffixStart = end - suffix.length;
      // A suffix inside a longer word (医院管理, 党委书记 are fine; 医院的 too): only the word's own end counts.
      const next = text.slice(end, end + 2);
      if (/^(院|局|委|办|厅|部|所|站|室|组|队|中心|集团)/.test(next) && ends.has(end + 1)) continue;
      const openTitle = text.lastIndexOf('《', suffixStart);
      if (openTitle >= 0 && text.indexOf('》', openTitle) >= end) continue;
      const openQuote = text.lastIndexOf('“', suffixStart);
      const quoted = openQuote >= 0 && text.indexOf('”', openQuote) === end && end - openQuote <= 24;
      if (quoted && /^”(称号|荣誉|奖|等荣誉)/.test(text.slice(end, end + 4))) continue;
      let start = quoted ? openQuote + 1 : nameStart(text, suffixStart);
      let name = text.slice(start, end);
      // A quoted part that opens the name stays (“白大褂”青年健康宣讲团); stray quotes go.
      if (!/^“[^“”]+”/.test(name)) name = name.replace(/^[“”"]+/, '');
      start = end - name.length;
      if (name.startsWith('”')) continue;
      if ((name.match(/“/g)?.length ?? 0) !== (name.match(/”/g)?.length ?? 0)) {
        name = name.replace(/^[^”]*”/, '');
        start = end - name.length;
      }
      // The group's own unit named with its place (集团安徽省合肥市西园街道社区卫生服务中心).
      if (/^集团(?=[\p{Script=Han}]{2,}(省|市|县|区))/u.test(name)) {
        name = name.slice(2);
        start += 2;
      }
      if (suffix === '党组' && text[end] === '织') continue;
      // A hospital named as a kind of work (医院管理制度, 清廉医院行动) or a batch (第二批公立医院, 首家互联网医院) is none.
      if (kind === 'HOSPITAL' && /^(管理|建设|行动|改革|创建|高质量|等级|评审)/.test(text.slice(end))) continue;
      if (/^(全国)?(第[一二三四五六七八九十]+批|首批|首家|一批|一些|多家)/.test(name)) continue;
      const head = headOf(name, suffix);
      // A designation (国家中医医学中心, 国家区域医疗中心) names one center even with a generic head.
      const standalone = STANDALONE_ORGS.has(name) || name in NATIONAL_NAMES || (/医学中心|区域医疗中心/.test(suffix) && name.startsWith('国家'));
      if (
        !standalone &&
        (GENERIC_HEADS.has(head) ||
          GENERIC_HEADS.has(head.replace(/^(各|该|本|全)/, '')) ||
          GENERIC_HEAD.test(head) ||
          PLURAL_HEAD.test(head.replace(/^[\p{Script=Han}]{1,6}?(省|市|县|区)(?=[\p{Script=Han}])/u, '')) ||
          [...head].length < 1)
      )
        continue;
      if (!standalone && suffix.length >= name.length) continue;
      if (/^[0-9]+$/.test(head)) continue;
      this.organization(name, suffix, kind, { sentence, start, end });
    }
    // Enumerations before a category: 景尚、七里河等5个养老院; 环球医疗、通用医疗…5家医疗管理平台.
    for (const m of text.matchAll(ENUMERATION)) {
      const category = m[2]!;
      // The list is the last clause when it has several names (…原则,通过环球医疗、通用医疗…), else every clause when all
      // are short names (景尚,七里河); its first item loses what comes before it (圆满完成了景尚 → 景尚).
      const tail = (item: string) => {
        let end = 0;
        for (const t of tokens(item)) if (/^(v|vd|p|u|uj|ul|d|c|l|i|r)$/.test(t.tag) || PUNCT.test(t.word)) end = t.end;
        return item.slice(end);
      };
      const clauses = m[1]!.split(/[,，]/);
      const last = clauses.at(-1)!;
      const list = last.includes('、') || clauses.slice(0, -1).some((c) => [...tail(c)].length > 6 || tail(c) !== c) ? last : clauses.join('、');
      const parts = list.split('、');
      parts[0] = tail(parts[0]!);
      const items = parts.map((item) => item.replace(LEADING, '').trim());
      const verbal = (item: string) => STOP_WORDS.test(tokens(item)[0]?.word ?? '') || tokens(item).some((t) => /^(d|p|c|u|uj|ul|r|q)$/.test(t.tag));
      if (items.length < 2 || items.some((item) => [...item].length < 2 || [...item].length > 10 || /[的了是在]/.test(item) || verbal(item)))
        continue;
      const start = m.index;
      const specific = /卫生院|养老院|医院|社区卫生服务中心|中心/.exec(category);
      for (const item of items) {
        const at = text.indexOf(item, start);
        const own = ORG_SUFFIXES.find(([suffix]) => item.endsWith(suffix));
        const name = own ? item : specific ? `${item}${category.replace(/^(乡镇|县级|市级|省级|知名|优质)/, '')}` : item;
        const kind: OrganizationKind =
          own?.[1] ??
          (specific
            ? (ORG_SUFFIXES.find(([suffix]) => name.endsWith(suffix))?.[1] ?? 'OTHER')
            : /医疗|医药|健康/.test(category)
              ? 'MEDICAL_GROUP'
              : 'COMPANY');
        const candidate = this.organization(name, own?.[0] ?? '', kind, { sentence, start: at, end: at + item.length });
        if (name !== item && !own) candidate.aliases.add(item);
      }
    }
    // Departments an organization set up: 集团人民医院先后建立了妇产中心、胸痛中心…等重点专科; 集团中医院“肺病科”“骨伤科”.
    for (const anchor of text.matchAll(/等(?:重点专科|特色专科|科室|专科)|”(?:先后)?成为/g)) {
      const owner = this.mentionsIn(sentence, 'Organization')
        .filter((o) => o.end <= anchor.index && anchor.index - o.end <= 40 && o.candidate.props.kind !== 'OTHER')
        .at(-1);
      if (!owner) continue;
      const between = text.slice(owner.end, anchor.index + (anchor[0].startsWith('”') ? 1 : 0));
      if (/[，,。；;]/.test(between)) continue;
      const verb = /(?:先后)?(?:建立了?|建成了?|设立了?|成立了?|开设了?)/.exec(between);
      const list = verb ? between.slice(verb.index + verb[0].length) : between;
      const listStart = owner.end + (verb ? verb.index + verb[0].length : 0);
      const written = text.slice(owner.start, owner.end);
      for (const item of list.split(/[、”“]+/).filter(Boolean)) {
        if (!/(中心|科|室)$/.test(item) || [...item].length > 12 || [...item].length < 3) continue;
        const at = text.indexOf(item, listStart);
        const department = this.add(
          'Organization',
          `${owner.candidate.name}${item}`,
          { sentence, start: owner.start, end: at + item.length },
          {
            aliases: [`${written}${item}`].filter((a) => a !== `${owner.candidate.name}${item}`),
            props: { kind: 'OTHER' },
            confidence: 0.6,
            why: 'a department its organization set up',
            scoped: owner.candidate.masked,
          },
        );
        this.relate(
          'PART_OF',
          department,
          owner.candidate,
          { sentence, start: owner.start, end: at + item.length },
          0.6,
          'a department of its organization',
        );
        this.dropMention(sentence, at, item);
      }
    }
    // Short national names written alone (国务院, 党中央, 国家卫健委).
    for (const short of Object.keys(NATIONAL_NAMES)) {
      let at = text.indexOf(short);
      while (at >= 0) {
        this.organization(short, short, ORG_SUFFIXES.find(([s]) => short.endsWith(s))?.[1] ?? 'GOVERNMENT_AGENCY', {
          sentence,
          start: at,
          end: at + short.length,
        });
        at = text.indexOf(short, at + short.length);
      }
    }
  }

  /** Adds an organization with its full name, its forms as aliases, its kind, and where it is. */
  private organization(written: string, suffix: string, suffixKind: OrganizationKind, mention: Mention): Candidate {
    const forms = new Set<string>([written]);
    let full = written;
    // A relative name (市卫健委) is the home place's (济南市卫健委), unless the report masks its places.
    const relative = /^(省|市|县|区)(?![\u4e00-\u9fa5]{0,1}(级|内|外|直))/.exec(written);
    if (relative && !this.masks) {
      const place = relative[1] === '省' ? this.home.province : relative[1] === '市' ? this.home.city : this.home.county;
      if (place) {
        full = `${place.name}${written.slice(1)}`;
        forms.add(full);
        if (place.aliases[0] && place.level !== 'COUNTY') forms.add(`${place.aliases[0]}${written.slice(1)}`);
      }
    }
    // A unit named with its province and city is usually written with its city alone (安徽省合肥市… → 合肥市…).
    const withProvince = /^[\p{Script=Han}]{2,8}?(?:省|自治区)([\p{Script=Han}]{2,8}?市[\p{Script=Han}].*)$/u.exec(full);
    if (withProvince) forms.add(withProvince[1]!);
    for (const [short, long] of EXPANSIONS) {
      if (full.endsWith(short) && !full.endsWith(long)) {
        const expanded = `${full.slice(0, full.length - short.length)}${long}`;
        forms.add(expanded);
        full = expanded;
      }
    }
    if (NATIONAL_NAMES[written]) full = NATIONAL_NAMES[written]!;
    forms.add(full);
    let kind: OrganizationKind = suffixKind;
    if (suffix === '集团' && /医疗|健康|医药|医院/.test(full)) kind = 'MEDICAL_GROUP';
    if (/国家.*医学中心$/.test(full)) kind = 'NATIONAL_MEDICAL_CENTER';
    if (/区域医疗中心$/.test(full)) kind = 'REGIONAL_MEDICAL_CENTER';
    if (/总医院$/.test(full) && /医共体|集团/.test(mention.sentence.text)) kind = 'MEDICAL_GROUP';
    const specific = [...headOf(written, suffix)].length;
    const confidence = kind === 'OTHER' ? 0.55 : specific >= 2 || STANDALONE_ORGS.has(written) ? 0.85 : 0.65;
    const scoped = this.masks && (MASK.test(written) || RELATIVE.test(written));
    return this.add('Organization', full, mention, {
      aliases: [...forms].filter((f) => f !== full),
      props: { kind },
      confidence,
      why: `named with “${suffix}”`,
      scoped,
    });
  }

  // ── people ──────────────────────────────────────────────────────────────────────────────────

  private people(sentence: Sentence): void {
    const text = sentence.text;
    // Credits: 责任编辑:潘旺旺, 编 辑:钱兴梅.
    for (const m of text.matchAll(/(责任编辑|编 ?辑|记 ?者|作 ?者)[:：] ?/g)) {
      const at = m.index + m[0].length;
      const name = personAfter(text, at);
      if (name)
        this.add(
          'Person',
          name,
          { sentence, start: m.index, end: at + name.length },
          { confidence: 0.6, why: `credited as ${m[1]!.replace(' ', '')}` },
        );
    }
    for (const role of ROLES) {
      let at = text.indexOf(role);
      while (at >= 0) {
        const end = at + role.length;
        // 职务 + 姓名: 副局长赵宏; 姓名 + 总书记/同志: 习近平总书记.
        let person: { name: string; start: number; end: number } | undefined;
        const after = personAfter(text, end);
        const gap = text[end] === ' ' ? 1 : 0;
        if (!NAME_BEFORE_ROLES.has(role) && after) person = { name: after, start: end + gap, end: end + gap + after.length };
        else if (role !== '同志' && this.masks && /^xx(?![\p{Script=Han}]{0,2}(市|县|区|省))/iu.test(text.slice(end)))
          person = { name: 'xx', start: end, end: end + 2 };
        else if (NAME_BEFORE_ROLES.has(role)) {
          const before = personBefore(text, at);
          if (before) person = { name: before, start: at - before.length, end: at };
        }
        if (person) {
          const mention = { sentence, start: Math.min(at, person.start), end: Math.max(end, person.end) };
          const candidate = this.add('Person', person.name, mention, {
            confidence: 0.75,
            why: `named with the post ${role}`,
            scoped: MASK.test(person.name),
          });
          // The organization written right before the post (省卫健委医政医管局副局长赵宏).
          const orgs = this.mentionsIn(sentence, 'Organization').filter(
            (o) => o.end <= at && at - o.end <= 8 && !/[，,。；;]/.test(text.slice(o.end, at)),
          );
          const org = orgs.at(-1);
          if (org && role !== '总书记' && role !== '同志')
            this.relate('HOLDS_ROLE', candidate, org.candidate, mention, 0.7, 'post and organization written together', role);
        }
        at = text.indexOf(role, end);
      }
    }
  }

  // ── programs, policies, events ──────────────────────────────────────────────────────────────

  private programs(sentence: Sentence): void {
    const text = sentence.text;
    // Quoted names: “千县工程”, “双下沉、两提升”战略, “云巡诊车”.
    for (const m of text.matchAll(/“([^“”]{2,30})”([\p{Script=Han}]{0,4})/gu)) {
      const inner = m[1]!;
      const after = m[2]!;
      const marker = PROGRAM_MARKERS.find(([w]) => after.startsWith(w)) ?? PROGRAM_MARKERS.find(([w]) => inner.endsWith(w));
      const verbBefore =
        RUN_VERBS.some((v) => text.slice(0, m.index).endsWith(v)) || /(以|依托|通过|实施了|开展了|启动|推出|打造|创建)$/.test(text.slice(0, m.index));
      if (!marker && !verbBefore) continue;
      if (/^[一二三四五六七八九十两0-9]+个/.test(inner) && !marker) continue;
      const start = m.index;
      const withMarker = marker && after.startsWith(marker[0]) ? `${inner}${marker[0]}` : undefined;
      this.add(
        'Program',
        inner.replace(/[,，]/g, '、'),
        { sentence, start, end: start + m[0].length },
        {
          aliases: withMarker ? [`“${inner}”${marker![0]}`, withMarker] : [],
          props: { kind: marker?.[1] ?? 'INITIATIVE' },
          confidence: marker ? 0.75 : 0.55,
          why: marker ? `a quoted name with “${marker[0]}”` : 'a quoted name after a verb of doing',
        },
      );
    }
    // Unquoted: the object of a verb of doing that ends with a program marker (开展党员争先创优系列活动).
    const list = tokens(text);
    for (let i = 0; i < list.length; i++) {
      const verb = list[i]!;
      if (
        !RUN_VERBS.includes(verb.word) &&
        !/^(加强|实施|开展|推进|打造|建设|启动|推出|创建|深化|建立|构建|试行|抓住|参与|加入|完善|健全)$/.test(verb.word)
      )
        continue;
      let end = verb.end;
      let j = i + 1;
      while (j < list.length && j - i <= 10) {
        const t = list[j]!;
        if (PUNCT.test(t.word) || /^(和|与|及|以及|等|为|的|了|中|上|下|时|后|前|工作中)$/.test(t.word) || /^(v|p|c|u|ul|uj|uz|d|r)$/.test(t.tag)) {
          if (t.word === '了' && j === i + 1) {
            j++;
            continue;
          }
          break;
        }
        end = t.end;
        j++;
      }
      const start = list[i + 1]?.word === '了' ? (list[i + 2]?.start ?? end) : (list[i + 1]?.start ?? end);
      let phrase = text.slice(start, end);
      if ([...phrase].length < 3) continue;
      const marker = PROGRAM_MARKERS.find(([w]) => phrase.endsWith(w));
      if (!marker) continue;
      if (phrase.length > 24) phrase = phrase.slice(phrase.length - 24);
      if (/^(工作|建设|服务|改革|发展|体系|机制|模式|能力|水平|力度|管理)/.test(phrase) && phrase.length <= 4) continue;
      if (this.mentionsIn(sentence, 'Organization', 'Policy').some((o) => o.start <= start && end <= o.end)) continue;
      this.add(
        'Program',
        phrase,
        { sentence, start, end },
        { props: { kind: marker[1] }, confidence: 0.5, why: `the object of “${verb.word}”, ending with “${marker[0]}”` },
      );
    }
  }

  /**
   * Noun phrases ending with a program word (党风廉政建设, 十大文化体系建设, 15分钟救治圈), walked left from
   * it like organization names, numerals and measure words allowed; and quoted names no other rule took.
   */
  private programPhrases(sentence: Sentence): void {
    const text = sentence.text;
    const list = tokens(text);
    const taken = (start: number, end: number) =>
      this.mentionsIn(sentence, 'Organization', 'Policy', 'Program', 'Event', 'Place').some((o) => o.start <= start && end <= o.end);
    for (let i = 0; i < list.length; i++) {
      const token = list[i]!;
      // Markers may span words (健康服务圈: 服务 + 圈): read them on the text ending with this word.
      const window = text.slice(Math.max(0, token.end - 6), token.end);
      const policyMarker = POLICY_PHRASE.exec(window)?.[0];
      const marker = policyMarker ?? PHRASE_MARKERS.exec(window)?.[0];
      if (!marker) continue;
      if (list[i + 1] && /^(建设|改革|工程|项目|体系|机制|平台|服务|管理)/.test(list[i + 1]!.word)) continue;
      let start = token.start;
      for (let j = i - 1; j >= 0; j--) {
        const t = list[j]!;
        if (PUNCT.test(t.word) || /^(p|c|u|uj|ul|uz|ud|ug|uv|d|ad|r|y|e|o|w)$/.test(t.tag) || STOP_WORDS.test(t.word)) break;
        if (/^(v|vd|vi|vg)$/.test(t.tag) && (j === 0 || PUNCT.test(list[j - 1]!.word) || /^(v|p|c|d|r|u|uj|ul)$/.test(list[j - 1]!.tag))) break;
        if (token.end - t.start > 18) break;
        start = t.start;
      }
      for (const t of list) {
        if (t.start < start) continue;
        if (t.start >= token.start || !/^(v|vd|vi|vg|ad|d|t)$/.test(t.tag) || /^[型性级化]/.test(text.slice(t.end))) break;
        start = t.end;
      }
      const phrase = text.slice(start, token.end);
      const head = phrase.slice(0, phrase.length - marker.length);
      if ([...head].length < 2 || ([...head].length < 3 && /^(管理|服务|工作|建设)$/.test(marker))) continue;
      if (/[的了是在和与及]|^[0-9]+$/.test(phrase) || GENERIC_PROGRAM.test(head) || taken(start, token.end)) continue;
      if (policyMarker) {
        if (/^(国家|省级|市级|行业|相关|有关|各项|工作|管理|服务|监督管理|考核|评价|工作)$/.test(head)) continue;
        this.add('Policy', phrase, { sentence, start, end: token.end }, { confidence: 0.4, why: `a phrase ending with “${marker}”` });
        continue;
      }
      const kind = PROGRAM_MARKERS.find(([w]) => phrase.endsWith(w))?.[1] ?? 'INITIATIVE';
      this.add('Program', phrase, { sentence, start, end: token.end }, { props: { kind }, confidence: 0.4, why: `a phrase ending with “${marker}”` });
      // Items sharing the word (财政补助、医疗服务价格、…绩效考核改革): each with it.
      let before = start;
      while (text[before - 1] === '、') {
        let itemStart = before - 1;
        while (itemStart > 0 && !/[、，,。；;：:“”（）()]/.test(text[itemStart - 1]!) && before - 1 - itemStart < 12) itemStart--;
        const item = text.slice(itemStart, before - 1).replace(LEADING, '');
        if ([...item].length < 2 || STOP_WORDS.test(tokens(item)[0]?.word ?? '') || /[的了是在]/.test(item)) break;
        this.add(
          'Program',
          `${item}${marker}`,
          { sentence, start: itemStart, end: token.end },
          { props: { kind }, confidence: 0.35, why: `an item sharing “${marker}”` },
        );
        before = itemStart;
      }
    }
    // Items listed before 等项目 / 等专项行动 / 等工作 are programs themselves (智慧急救、智慧疾控等项目建设).
    for (const m of text.matchAll(/((?:[^、，,。；;：:]{2,16}、)+[^、，,。；;：:]{2,16})等(?:项目|专项行动|行动|工作|活动|工程|试点)/gu)) {
      const parts = m[1]!.split('、');
      parts[0] = parts[0]!.replace(/^.*?(推进|实施|开展|推动|加快|加强|启动|打造|建设)/, '');
      for (const raw of parts) {
        const item = raw.replace(/^[“”]+|[“”]+$/g, '').replace(LEADING, '');
        if ([...item].length < 2 || /[的了是在]/.test(item)) continue;
        const at = text.indexOf(raw, m.index);
        this.add(
          'Program',
          item,
          { sentence, start: at, end: at + raw.length },
          { props: { kind: 'PROJECT' }, confidence: 0.35, why: 'an item listed before 等项目' },
        );
      }
    }
    // Quoted names (“一院一品牌、一院一特色、一院一亮点”) that are no organization, honour, policy or slogan of numbers.
    for (const m of text.matchAll(/“([^“”]{3,25})”/gu)) {
      const inner = m[1]!;
      const start = m.index;
      if (taken(start + 1, start + 1 + inner.length) || /[的了是在]|^[一二三四五六七八九十两0-9]+个|难$/.test(inner)) continue;
      // An idiom or a modifier (“敢啃硬骨头”的韧劲) is no name.
      const words = tokens(inner);
      if ((words.length === 1 && /^(i|l)$/.test(words[0]!.tag)) || /^[的之]/.test(text.slice(start + m[0].length))) continue;
      if (/^(称号|荣誉|奖|精神|理念|要求|原则|目标|方针|作用|意识|自信)/.test(text.slice(start + m[0].length, start + m[0].length + 2))) continue;
      if (this.mentionsIn(sentence, 'Achievement').some((a) => a.start <= start && start < a.end)) continue;
      this.add(
        'Program',
        inner.replace(/[,，]/g, '、'),
        { sentence, start, end: start + m[0].length },
        { props: { kind: 'INITIATIVE' }, confidence: 0.35, why: 'a quoted name' },
      );
    }
  }

  private policies(sentence: Sentence): void {
    const text = sentence.text;
    for (const m of text.matchAll(/《([^《》]{2,60})》/g)) {
      const name = m[1]!.trim();
      const year = /((?:19|20)\d{2})/.exec(name)?.[1];
      this.add(
        'Policy',
        name,
        { sentence, start: m.index, end: m.index + m[0].length },
        {
          props: year ? { year: Number(year) } : {},
          confidence: 0.9,
          why: 'a title in 《》',
        },
      );
    }
    const list = tokens(text);
    for (let i = 0; i < list.length; i++) {
      const verb = list[i]!;
      if (!/^(按照|落实|执行|出台|制定|印发|对照|贯彻|贯彻落实|严格落实|遵守|修订|完善|健全|建立|签订|达到)$/.test(verb.word)) continue;
      if (list[i + 1]?.word === '《') continue;
      let end = verb.end;
      for (let j = i + 1; j < list.length && j - i <= 8; j++) {
        const t = list[j]!;
        if (PUNCT.test(t.word) || /^(和|与|及|的|了|等)$/.test(t.word) || /^(v|p|c|u|ul|uj|d|r)$/.test(t.tag)) break;
        end = t.end;
      }
      const start = list[i + 1]?.start ?? end;
      let phrase = text.slice(start, end);
      const marker = POLICY_MARKERS.find((w) => phrase.includes(w) && w.length >= 2);
      if (!marker) continue;
      phrase = phrase.slice(0, phrase.lastIndexOf(marker) + marker.length);
      if ([...phrase].length < 4 || /^(制度|标准|规范|方案|意见|办法)$/.test(phrase)) continue;
      this.add('Policy', phrase, { sentence, start, end: start + phrase.length }, { confidence: 0.5, why: `a named rule after “${verb.word}”` });
    }
  }

  private events(sentence: Sentence): void {
    const text = sentence.text;
    for (const m of text.matchAll(/新冠(?:肺炎)?疫情|新型冠状病毒(?:肺炎|感染)?疫情/g)) {
      this.add(
        'Event',
        '新冠肺炎疫情',
        { sentence, start: m.index, end: m.index + m[0].length },
        { aliases: [m[0]], confidence: 0.7, why: 'the COVID-19 epidemic' },
      );
    }
    for (const m of text.matchAll(/党的(二十|十九|十八)大/g)) {
      const n = m[1]!;
      this.add(
        'Event',
        `中国共产党第${n}次全国代表大会`,
        { sentence, start: m.index, end: m.index + m[0].length },
        { aliases: [m[0], `${n}大`], confidence: 0.7, why: 'a party congress' },
      );
    }
    // Named meetings: with a year or a session (2023年工作会议, 十二届二次全会), and the Olympics.
    for (const m of text.matchAll(
      /((?:19|20)\d{2}年)?([\p{Script=Han}]{0,12}?)([一二三四五六七八九十]+届[一二三四五六七八九十]+次全会|工作会议|大会|冬奥会|冬残奥会|论坛|博览会)/gu,
    )) {
      const lead = /^(.*?)(召开|参加|出席|举办|举行|贯彻落实|贯彻|落实|学习|暨|及|和|与|、)/.exec(m[2]!);
      const cut = lead ? lead[0].length : 0;
      const name = `${cut ? '' : (m[1] ?? '')}${m[2]!.slice(cut)}${m[3]}`;
      if (!m[1] && !/届/.test(m[3]!) && !/奥会/.test(m[3]!)) continue;
      if ([...name].length < 5 || /[的了在是]/.test(name)) continue;
      const end = m.index + m[0].length;
      this.add(
        'Event',
        name,
        { sentence, start: end - name.length, end },
        {
          props: m[1] ? { year: Number(m[1].slice(0, 4)) } : {},
          confidence: 0.45,
          why: 'a named meeting or event',
        },
      );
    }
  }

  // ── achievements ────────────────────────────────────────────────────────────────────────────

  private achievements(sentence: Sentence): void {
    const text = sentence.text;
    const names = new Set<string>();
    const uniqueName = (name: string) => {
      let n = name;
      for (let i = 2; names.has(n) || this.byKey.has(`Achievement|${n}|${sentence.source}`); i++) n = `${name}（${i}）`;
      names.add(n);
      return n;
    };
    for (const q of quantities(text)) {
      if (this.inSlogan(text, q.start)) continue;
      if (q.unit === '' && !q.masked && q.value === undefined) continue;
      const name = uniqueName(this.metricLabel(text, q));
      const props: Candidate['props'] = { kind: 'METRIC', statement: this.statement(text), original: q.original };
      if (q.unit) props.unit = q.unit;
      if (q.value !== undefined) props.value = q.value;
      if (q.qualifier) props.qualifier = q.qualifier;
      if (q.masked) props.masked = true;
      if (q.lost) props.lost = true;
      const year = yearIn(text, q.start);
      if (year) props.year = year;
      const achievement = this.add(
        'Achievement',
        name,
        { sentence, start: q.start, end: q.end },
        {
          props,
          confidence: q.chinese ? 0.55 : 0.75,
          why: `a quantity (${q.original})`,
        },
      );
      this.holder(achievement, sentence, q.start);
    }
    // Awards: 授予“模范单位”, 荣获“全国文明单位”称号, 被评为…
    for (const m of text.matchAll(/(授予|荣获|获评|获得|评为|被评为|荣膺|被授予|命名为|被命名为)(了)?“([^“”]{2,30})”/gu)) {
      const name = m[3]!;
      const start = m.index;
      const achievement = this.add(
        'Achievement',
        uniqueName(name),
        { sentence, start, end: start + m[0].length },
        {
          props: { kind: /命名/.test(m[1]!) ? 'DESIGNATION' : 'AWARD', statement: this.statement(text) },
          confidence: 0.7,
          why: `an honour after “${m[1]}”`,
        },
      );
      // 甲被乙授予: 甲 holds it, 乙 grants it; 乙授予甲: the same; 甲荣获: 甲 holds it.
      const passive = text.lastIndexOf('被', start);
      const isPassive = passive >= 0 && start - passive <= 20;
      const orgs = this.mentionsIn(sentence, 'Organization');
      const grantors = /授予|命名/.test(m[1]!) ? orgs.filter((o) => o.end <= start && (isPassive ? o.start > passive : start - o.end <= 12)) : [];
      this.holder(achievement, sentence, isPassive ? passive : (grantors[0]?.start ?? start));
      for (const org of grantors) {
        this.relate(
          'AWARDED_BY',
          achievement,
          org.candidate,
          { sentence, start: org.start, end: start + m[0].length },
          0.6,
          'the body that grants it (授予)',
        );
      }
    }
    // Designations and milestones: 入选…, 成为…, 挂牌, 建成…
    for (const m of text.matchAll(
      /(入选|被确定为|确定为|被列为|列为|成为|获批|认定为|进入|达到了?|通过)([^，,。；;]{3,30}?)(名单|单位|基地|中心|试点|医院|标准|五百强|百强|评审|验收|称号|专科)/gu,
    )) {
      const start = m.index;
      const achievement = this.add(
        'Achievement',
        uniqueName(this.clause(text, start)),
        { sentence, start, end: start + m[0].length },
        {
          props: { kind: 'DESIGNATION', statement: this.statement(text) },
          confidence: 0.55,
          why: `a designation after “${m[1]}”`,
        },
      );
      this.holder(achievement, sentence, start);
    }
    for (const m of text.matchAll(/(正式挂牌|挂牌|揭牌|成立|建成|开业|启用|投入使用|正式运行|封顶|开工|落成)/g)) {
      const start = m.index;
      if (/(已|了|正式|成功|顺利|先后)$/.test(text.slice(0, start)) === false && !/挂牌|揭牌|封顶|开业|启用|投入使用|落成/.test(m[1]!)) continue;
      const achievement = this.add(
        'Achievement',
        uniqueName(this.clause(text, start)),
        { sentence, start, end: start + m[0].length },
        {
          props: { kind: 'MILESTONE', statement: this.statement(text) },
          confidence: 0.45,
          why: `a milestone (“${m[1]}”)`,
        },
      );
      this.holder(achievement, sentence, start);
    }
  }

  /** Whether a position is inside a quoted slogan (“四个意识”). */
  private inSlogan(text: string, at: number): boolean {
    const open = text.lastIndexOf('“', at);
    const close = text.lastIndexOf('”', at);
    return open > close && text.indexOf('”', at) - open < 12;
  }

  /** The clause holding a position, at most 30 characters: the label of an achievement. */
  private clause(text: string, at: number): string {
    let start = at;
    while (start > 0 && !/[，,。；;：:！!？?]/.test(text[start - 1]!)) start--;
    let end = at;
    while (end < text.length && !/[，,。；;：:！!？?]/.test(text[end]!)) end++;
    const clause = text.slice(start, end).trim();
    return [...clause].length > 30
      ? [...clause]
          .slice(Math.max(0, [...text.slice(start, at)].length - 12))
          .slice(0, 30)
          .join('')
      : clause;
  }

  private metricLabel(text: string, q: Quantity): string {
    return this.clause(text, q.start);
  }

  /** One clean sentence: the sentence itself, trimmed. */
  private statement(text: string): string {
    const s = text.replace(/^[\s“”"]+/, '').trim();
    return /[。！？]$/.test(s) ? s : `${s}。`;
  }

  /** The holder of an achievement: the organization named last before it in the sentence, else the source's main actor. */
  private holder(achievement: Candidate, sentence: Sentence, at: number): void {
    const before = this.mentionsIn(sentence, 'Organization').filter((o) => o.end <= at);
    // A sentence about “the group” (集团…, 我委…) speaks of the source's main actor.
    const generic = /^(集团|医院|我委|我市|全市|该院|本院|委党组|中心|我局|全县|我县|全区|我区)/.test(sentence.text);
    const org = generic ? undefined : before[0];
    if (org)
      return void this.relate(
        'HAS_ACHIEVEMENT',
        org.candidate,
        achievement,
        { sentence, start: org.start, end: Math.max(at, org.end) },
        0.55,
        'the organization before it in the sentence',
      );
    this.pendingHolders.push({ achievement, sentence, at });
  }

  private readonly pendingHolders: Array<{ achievement: Candidate; sentence: Sentence; at: number }> = [];

  // ── relationships ───────────────────────────────────────────────────────────────────────────

  private relate(type: RelationType, from: Candidate, to: Candidate, mention: Mention, confidence: number, why: string, role?: string): void {
    if (from === to) return;
    const key = `${type}|${from.key}|${to.key}|${mention.sentence.source}`;
    if (this.relationKeys.has(key)) return;
    this.relationKeys.add(key);
    this.relations.push({ type, from, to, mention, confidence, why, ...(role ? { role } : {}) });
  }

  /** The organization a source is about: the publisher's, else the one it names most. */
  private mainActor(source: string): Candidate | undefined {
    const orgs = [...this.byKey.values()].filter((c) => c.type === 'Organization');
    const publisher = this.options.publisher;
    if (publisher) {
      const match = orgs.find((o) => o.name === publisher || o.aliases.has(publisher));
      if (match && match.mentions.some((m) => m.sentence.source === source)) return match;
    }
    const count = (c: Candidate) => c.mentions.filter((m) => m.sentence.source === source).length;
    const preferred = (c: Candidate) =>
      ['GOVERNMENT_AGENCY', 'MEDICAL_GROUP', 'ENTERPRISE_GROUP', 'HOSPITAL'].includes(String(c.props.kind)) ? 1.5 : 1;
    return orgs.filter((o) => count(o) > 0).sort((a, b) => count(b) * preferred(b) - count(a) * preferred(a))[0];
  }

  private sentenceRelations(sentence: Sentence): void {
    const text = sentence.text;
    const orgs = this.mentionsIn(sentence, 'Organization');
    const places = this.mentionsIn(sentence, 'Place');
    const programs = this.mentionsIn(sentence, 'Program');
    const policies = this.mentionsIn(sentence, 'Policy');
    const events = this.mentionsIn(sentence, 'Event');
    const span = (a: { start: number; end: number }, b: { start: number; end: number }): Mention => ({
      sentence,
      start: Math.min(a.start, b.start),
      end: Math.max(a.end, b.end),
    });
    const lastBefore = <T extends { end: number }>(list: T[], at: number) => list.filter((x) => x.end <= at).at(-1);
    const firstAfter = <T extends { start: number }>(list: T[], at: number) => list.find((x) => x.start >= at);
    // Verbs between two mentions.
    const between = (a: { end: number }, b: { start: number }) => text.slice(a.end, b.start);

    for (const program of programs) {
      const org = lastBefore(orgs, program.start);
      const gap = org ? between(org, program) : '';
      if (org && /牵头/.test(gap)) this.relate('LEADS', org.candidate, program.candidate, span(org, program), 0.6, '牵头');
      else if (org && /共建|共同建设|联合/.test(gap)) this.relate('CO_BUILDS', org.candidate, program.candidate, span(org, program), 0.55, '共建');
      else if (org && /参与|参加|加入/.test(gap)) this.relate('PARTICIPATES_IN', org.candidate, program.candidate, span(org, program), 0.5, '参与');
      else if (org && gap.length <= 30 && !/[。；;]/.test(gap))
        this.relate(
          'RUNS',
          org.candidate,
          program.candidate,
          span(org, program),
          RUN_VERBS.some((v) => gap.includes(v)) ? 0.6 : 0.45,
          'the organization before it in the sentence',
        );
    }
    for (const policy of policies) {
      const org = lastBefore(orgs, policy.start);
      if (!org) continue;
      const gap = between(org, policy);
      if (/出台|印发|制定|发布|造订|颁布|起草/.test(gap))
        this.relate('ISSUED', org.candidate, policy.candidate, span(org, policy), 0.6, 'issued (出台, 印发, 制定)');
      else if (/落实|执行|按照|贯彻|实施|对照|遵守/.test(gap))
        this.relate('IMPLEMENTS', org.candidate, policy.candidate, span(org, policy), 0.5, 'implements (落实, 执行, 按照)');
    }
    for (const event of events) {
      const org = lastBefore(orgs, event.start);
      if (org && /召开|举办|主办|组织/.test(between(org, event)))
        this.relate('RUNS', org.candidate, event.candidate, span(org, event), 0.5, 'holds (召开, 举办)');
      else if (org && /参加|参与|投入|抗击|驰援/.test(between(org, event) + text.slice(event.end, event.end + 6)))
        this.relate('PARTICIPATES_IN', org.candidate, event.candidate, span(org, event), 0.45, 'takes part');
    }
    for (let i = 0; i < orgs.length; i++) {
      const a = orgs[i]!;
      for (const b of orgs.slice(i + 1)) {
        if (b.start < a.end) continue;
        const gap = between(a, b);
        if (gap.length > 25 || /[。；;]/.test(gap)) continue;
        const after = text.slice(b.end, b.end + 14);
        if (/^(所属|下属|旗下|的下属|所辖)$/.test(gap) || /^(所属|下属|旗下)/.test(gap))
          this.relate('PART_OF', b.candidate, a.candidate, span(a, b), 0.6, 'A所属B');
        else if (/成员单位/.test(after) && /^(和|与|、)?$/.test(gap) === false && /为|是|成为|加入/.test(gap))
          this.relate('MEMBER_OF', a.candidate, b.candidate, span(a, b), 0.5, '成员单位');
        else if (/牵头/.test(gap)) this.relate('LEADS', a.candidate, b.candidate, span(a, b), 0.55, '牵头');
        else if (/帮扶|派驻|支援|驰援|援助|对口|援建|托管/.test(gap))
          this.relate('SUPPORTS', a.candidate, b.candidate, span(a, b), 0.55, '帮扶, 派驻, 援');
        else if (/^(与|和|同)$/.test(gap) && /签约|签署|合作|协作|战略|共建|联合/.test(after)) {
          if (/共建/.test(after)) {
            const target = firstAfter([...orgs, ...programs], b.end);
            if (target) {
              this.relate('CO_BUILDS', a.candidate, target.candidate, span(a, target), 0.5, '共建');
              this.relate('CO_BUILDS', b.candidate, target.candidate, span(b, target), 0.5, '共建');
            }
          } else this.relate('PARTNERS_WITH', a.candidate, b.candidate, span(a, b), 0.55, '签约, 合作');
        } else if (/与/.test(gap) && /签约|签署|合作协议|战略合作|协作关系|合作关系/.test(gap + after))
          this.relate('PARTNERS_WITH', a.candidate, b.candidate, span(a, b), 0.5, '签约, 合作');
      }
    }
    for (const org of orgs) {
      for (const place of places) {
        const gap = place.start >= org.end ? between(org, place) : '';
        if (place.start >= org.end && /^(帮扶|支援|驰援|援助|援建|对口支援|对口帮扶|赴)/.test(gap))
          this.relate('SUPPORTS', org.candidate, place.candidate, span(org, place), 0.5, '帮扶, 援 a place');
      }
    }
  }

  /** Relationships the names themselves state: a department within its hospital, an organization in its place. */
  private nameRelations(): void {
    const orgs = [...this.byKey.values()].filter((c) => c.type === 'Organization');
    const places = [...this.byKey.values()].filter((c) => c.type === 'Place');
    // A masked entity belongs to its article: it relates only to entities of the same article.
    const scope = (c: Candidate) => (c.masked ? c.mentions[0]!.sentence.source : '');
    for (const org of orgs) {
      const mention = org.mentions[0]!;
      const forms = [org.name, ...org.aliases];
      // Part of the organization whose name it starts with (国家卫生健康委员会医政医管局 → 国家卫生健康委员会).
      const parent = orgs
        .filter(
          (p) =>
            p !== org &&
            p.masked === org.masked &&
            scope(p) === scope(org) &&
            ![p.name, ...p.aliases].some((f) => forms.includes(f)) &&
            [p.name, ...p.aliases].some((f) => f.length >= 3 && forms.some((x) => x.startsWith(f) && x.length > f.length)),
        )
        .sort((a, b) => b.name.length - a.name.length)[0];
      if (parent) this.relate('PART_OF', org, parent, this.mentionWithBoth(org, parent) ?? mention, 0.6, 'its name starts with the other’s');
      // Located in the place its name starts with (寿阳县人民医院 → 寿阳县; 济南市卫生健康委员会 → 济南市).
      const place = places
        .filter(
          (p) =>
            p.masked === org.masked &&
            scope(p) === scope(org) &&
            !/^(中国|我国)$/.test(p.name) &&
            [p.name, ...p.aliases].some((f) => f.length >= 2 && forms.some((x) => x.startsWith(f))),
        )
        .sort((a, b) => b.name.length - a.name.length)[0];
      if (place) this.relate('LOCATED_IN', org, place, mention, 0.7, 'named with its place');
    }
    // Achievements no organization was found for: the source's main actor.
    for (const { achievement, sentence, at } of this.pendingHolders) {
      const actor = this.mainActor(sentence.source);
      if (actor) this.relate('HAS_ACHIEVEMENT', actor, achievement, { sentence, start: at, end: at }, 0.35, 'the organization the article is about');
    }
    // Programs without a runner: the source's main actor runs them.
    const run = new Set(this.relations.filter((r) => ['RUNS', 'LEADS', 'CO_BUILDS'].includes(r.type)).map((r) => r.to.key));
    for (const program of [...this.byKey.values()].filter((c) => c.type === 'Program' && !run.has(c.key))) {
      const mention = program.mentions[0]!;
      const actor = this.mainActor(mention.sentence.source);
      if (actor) this.relate('RUNS', actor, program, mention, 0.3, 'the organization the article is about');
    }
  }

  /** A mention of `a` in a sentence that also mentions `b`. */
  private mentionWithBoth(a: Candidate, b: Candidate): Mention | undefined {
    for (const m of a.mentions) {
      const other = b.mentions.find((x) => x.sentence.index === m.sentence.index);
      if (other) return { sentence: m.sentence, start: Math.min(m.start, other.start), end: Math.max(m.end, other.end) };
    }
    return undefined;
  }
}
