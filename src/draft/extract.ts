/**
 * The draft extractor's reading of a prepared report: mentions of organizations, places, people,
 * programs, policies, events and achievements, and the relationships the reports' phrasing states.
 * Rules only: suffixes, markers, verbs and punctuation, with jieba's segmentation for word boundaries.
 */
import { tag } from 'jieba-wasm';
import type { EntityLabel, RelationType } from '../model/graph.js';
import type { OrganizationKind } from '../generated/graphql.js';
import type { ArticleEntry } from '../model/manifest.js';
import {
  EXPANSIONS,
  NATIONAL_NAMES,
  NATIONAL_DOCUMENTS,
  OBJECT_VERBS,
  ORG_SUFFIXES,
  POLICY_VERBS,
  POLICY_MARKERS,
  PROGRAM_MARKERS,
  ROLES,
  RUN_VERBS,
  STANDALONE_ORGS,
  VERB_ADVERBS,
} from './lexicon.js';
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
function nameStart(text: string, suffixStart: number, team = false, maxLength = 20): number {
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
    // A team is named by its task, a verb after a noun (危重症救治专家组, 核酸检测专班).
    const verbAtSuffix =
      /^(v|vd|vi|vg)$/.test(token.tag) &&
      ((list[index + 1]?.start === suffixWordStart && !team) ||
        !previous ||
        PUNCT.test(previous.word) ||
        !/^(n|ns|nt|nz|j|x|b|vn|m|eng)$/.test(previous.tag));
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
/** Verbs of taking part in another body's program (参与, 入选, 申报, 争创). */
const JOINS = /参与|参加|加入|入选|申报|争取|争创|获批|融入|服务于/;
/** Verbs of setting up a team or body, right before it (组建了, 成立). */
const TEAM_VERB = /(组建|成立|设立|组织|建立|组成|启动|开设)了?“?$/;
/** Verbs of issuing a document (出台, 制定, 建立…制度) and of carrying one out (落实, 按照, 达到…标准). */
const ISSUES = /出台|印发|制定|发布|颁布|起草|编制|建立|健全|修订/;
const IMPLEMENTS = /落实|执行|按照|贯彻|实施|对照|遵守|遵循|达到|履行/;
/** Verbs of outcome a report tells an initiative's results by (开通, 落地, 成效显著, 扎实推进). */
const OUTCOMES =
  /^(开通|启用|落地|见效|开工|封顶|竣工|惠及|成效|取得|实现|突破|全面突破|全面铺开|扎实推进|稳步推进|有序推进|顺利推进|持续推进|全面推进|加快推进|深入推进|覆盖(?![率面])|稳居|位居|走在|领跑)/;
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

/**
 * Shorter forms of a program's name, where phrases have uncertain edges: without a trailing 建设, 工作 or
 * 实施 (分级诊疗制度实施 → 分级诊疗制度), and without a leading verb, adverb or adjective (畅通双向转诊机制 →
 * 双向转诊机制). Aliases only: the reviewer keeps the right one.
 */
function programShortForms(name: string): string[] {
  const forms = [name.replace(/(试点建设|建设|工作|实施|创建|步伐|能力|项目)$/, '')];
  const first = tokens(name)[0];
  const verbal = (w: string) => STOP_WORDS.test(w) || VERB_ADVERBS.test(w) || OBJECT_VERBS.has(w);
  if (first && first.word.length >= 2 && (/^(a|ad|d|v|vd|l|i)$/.test(first.tag) || verbal(first.word))) forms.push(name.slice(first.word.length));
  return forms.filter((f) => f !== name && [...f].length >= 3);
}

/** Whether a text is only names (the mentions given, from `at`) joined by 、, 和 or 及 (航天中心医院、航天七三一医院、). */
function listOfNames(text: string, mentions: Array<{ start: number; end: number }>, at: number): boolean {
  const chars = [...text].map((c, i) => /[、和及]/.test(c) || mentions.some((m) => m.start <= at + i && at + i < m.end));
  return chars.every(Boolean);
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
  /** The report's sentences as one text, to count how it names things. */
  private readonly fullText: string;

  constructor(
    private readonly report: PreparedReport,
    private readonly options: { homePlace?: string; publisher?: string; articles?: ArticleEntry[] } = {},
  ) {
    this.masks = report.repairs.masks === true;
    this.fullText = report.sentences.map((s) => s.text).join('\n');
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
    for (const sentence of this.report.sentences) this.objectPhrases(sentence);
    for (const sentence of this.report.sentences) this.gluedQuotes(sentence);
    for (const sentence of this.report.sentences) this.subjectPhrases(sentence);
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
    const aliases = type === 'Program' ? [...(init.aliases ?? []), ...programShortForms(name)] : (init.aliases ?? []);
    for (const alias of aliases) if (alias !== candidate.name) candidate.aliases.add(alias);
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

  /** Whether a span holds a person's name (院长赵广明作工作报告): no program's or policy's. */
  private namesPerson(sentence: Sentence, start: number, end: number): boolean {
    return this.mentionsIn(sentence, 'Person').some((p) => p.start < end && start < p.end);
  }

  // ── places ──────────────────────────────────────────────────────────────────────────────────

  private findHome(): Home {
    const divisions = chinaDivisions();
    const text = this.fullText;
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
    const all = this.fullText;
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
      let start = quoted ? openQuote + 1 : nameStart(text, suffixStart, kind === 'OTHER');
      start -= this.constantLead(text, start, end).length;
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
      // A designation (国家中医医学中心, 国家区域医疗中心) names one center even with a generic head; “the group's”
      // party committee (集团党委, 集团纪委) is the report's group's.
      const standalone =
        STANDALONE_ORGS.has(name) ||
        name in NATIONAL_NAMES ||
        (/医学中心|区域医疗中心/.test(suffix) && name.startsWith('国家')) ||
        (head === '集团' && kind === 'PARTY_OR_MASS_ORG');
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

  /**
   * A verb or adjective written before a name every time the report names it (通用技术集团, at least three
   * times): part of the name, not context, though jieba reads it as a verb.
   */
  private constantLead(text: string, start: number, end: number): string {
    const lead = tokens(text)
      .filter((t) => t.end === start)
      .find((t) => /^(v|vd|a|ad)$/.test(t.tag) && t.word.length >= 2 && !STOP_WORDS.test(t.word) && !LEADING.test(t.word))?.word;
    if (!lead) return '';
    const name = text.slice(start, end);
    const all = this.fullText;
    const times = all.split(name).length - 1;
    return times >= 3 && all.split(`${lead}${name}`).length - 1 === times ? lead : '';
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
          if (role !== '总书记' && role !== '同志') {
            // Each post listed before the name (集团党委书记、院长赵广明) with the organization written right before it
            // (省卫健委医政医管局副局长赵宏); a party post names its committee (寿阳县医疗集团党委委员 → …党委).
            for (let post = role, postAt = at; post;) {
              const orgs = this.mentionsIn(sentence, 'Organization');
              const org =
                orgs.find((o) => /^党[委组]/.test(post) && o.end === postAt + 2) ??
                orgs.filter((o) => o.end <= postAt && postAt - o.end <= 8 && !/[，,。；;]/.test(text.slice(o.end, postAt))).at(-1);
              if (org) this.relate('HOLDS_ROLE', candidate, org.candidate, mention, 0.7, 'post and organization written together', post);
              const previous = ROLES.find((r) => text.slice(0, postAt).endsWith(`${r}、`));
              postAt -= (previous?.length ?? 0) + 1;
              post = previous ?? '';
            }
          }
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
  }

  /**
   * Noun phrases ending with a program word (党风廉政建设, 十大文化体系建设, 15分钟救治圈), walked left from
   * it like organization names, numerals and measure words allowed; and quoted names no other rule took.
   */
  private programPhrases(sentence: Sentence): void {
    const text = sentence.text;
    const list = tokens(text);
    const taken = (start: number, end: number) =>
      this.mentionsIn(sentence, 'Organization', 'Policy', 'Program', 'Event', 'Place').some((o) => o.start <= start && end <= o.end) ||
      this.namesPerson(sentence, start, end);
    for (let i = 0; i < list.length; i++) {
      const token = list[i]!;
      // Markers may span words (健康服务圈: 服务 + 圈): read them on the text ending with this word.
      const window = text.slice(Math.max(0, token.end - 6), token.end);
      const policyMarker = POLICY_PHRASE.exec(window)?.[0];
      const marker = policyMarker ?? PHRASE_MARKERS.exec(window)?.[0];
      if (!marker) continue;
      // The word goes on (服务管理, 工作报告): not the end of a name.
      if (list[i + 1] && /^(建设|改革|工程|项目|体系|机制|平台|服务|管理|报告|会议)/.test(list[i + 1]!.word)) continue;
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
    // Items listed before 等项目 / 等x个专项行动 / 等重大改革 are programs themselves (智慧急救、智慧疾控等项目建设),
    // named with the category's word too (财政补助、医疗服务价格…等重大改革 → 财政补助改革); before 等x个工作方案, policies.
    const category =
      /((?:[^、，,。；;：:]{2,16}、)+[^、，,。；;：:]{2,16})等(?:[x0-9一二三四五六七八九十百两]+[个项])?([\p{Script=Han}]{0,4}?)(项目|专项行动|行动|工作方案|方案|工作|活动|工程|试点|改革|措施|服务)/gu;
    for (const m of text.matchAll(category)) {
      const parts = m[1]!.split(/、|和|及/);
      parts[0] = parts[0]!.replace(/^.*?(推进|实施|开展|推动|加快|加强|启动|打造|建设|制定)/, '');
      const word = m[3]!;
      const policy = /方案$/.test(word);
      for (const raw of parts) {
        const item = raw
          .replace(/^[“”]+|[“”]+$/g, '')
          .replace(LEADING, '')
          .replace(/^[为在对向将把从](?=\p{Script=Han}{3})/u, '');
        if ([...item].length < 2 || /[的了是在]/.test(item)) continue;
        const at = text.indexOf(raw, m.index);
        const mention = { sentence, start: at, end: at + raw.length };
        const why = `an item listed before 等…${word}`;
        if (policy) this.add('Policy', `${item}${word}`, mention, { aliases: [item], confidence: 0.35, why });
        else
          this.add('Program', item, mention, {
            aliases: item.endsWith(word) ? [] : [`${item}${word}`],
            props: { kind: 'PROJECT' },
            confidence: 0.35,
            why,
          });
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

  /**
   * Quoted words and the words glued to them (适龄妇女“两癌”检查, 建设“普惠康养”名城, “星级”“四强”党组织建设):
   * one name, a program, or a policy when it ends with a policy word (“双培养”制度, “十四五”区域医疗规划).
   * Words on the left stop at a verb; on the right a verb ends the name only when nothing follows it.
   */
  private gluedQuotes(sentence: Sentence): void {
    const text = sentence.text;
    const list = tokens(text);
    const stop = (t: Token) => PUNCT.test(t.word) || STOP_TAGS.test(t.tag) || STOP_WORDS.test(t.word) || /^(等|的|了)$/.test(t.word);
    for (const m of text.matchAll(/(?:“[^“”]{1,20}”)+/gu)) {
      const open = m.index;
      const close = open + m[0].length;
      let start = open;
      for (let k = list.findIndex((t) => t.end === open); k >= 0; k--) {
        const t = list[k]!;
        // A verb, a numeral or a lone character (做强“…”) is no part of the name.
        if (stop(t) || /^(v|vd|vi|vg|m|l)$/.test(t.tag) || (t.word.length === 1 && /^(a|n|v)$/.test(t.tag)) || open - t.start > 10) break;
        start = t.start;
      }
      let end = close;
      for (let k = list.findIndex((t) => t.start === close); k >= 0 && k < list.length; k++) {
        const t = list[k]!;
        const next = list[k + 1];
        const last = !next || stop(next) || /^(x+|[0-9.]+)$/i.test(next.word);
        const glued = /^[获为在与和及由向对从到把被将]/.test(t.word) && t.tag === 'x';
        const verb = /^(v|vd|vi|vg)$/.test(t.tag) || STOP_WORDS.test(t.word);
        if ((stop(t) && !(verb && last)) || glued || /^(x+|[0-9.]+)$/i.test(t.word) || (verb && !last) || t.end - close > 8) break;
        end = t.end;
      }
      const after = text.slice(close, end);
      if ((start === open && end === close) || /^(称号|荣誉|奖|精神|理念|要求|目标|方针|作用|意识|自信)/.test(after)) continue;
      if (this.mentionsIn(sentence, 'Organization', 'Achievement').some((o) => o.start < end && start < o.end)) continue;
      const name = text.slice(start, end);
      const mention = { sentence, start, end };
      const why = 'a quoted name with the words glued to it';
      // Shorter forms: without the words on the left, or (a policy) with only what is quoted (“乡聘村用”政策 → 乡聘村用).
      const aliases = start < open && end > close ? [text.slice(open, end)] : [];
      if (POLICY_PHRASE.test(name.replace(/”$/, '')) || /原则$/.test(name)) {
        this.add('Policy', name, mention, { aliases: [...aliases, text.slice(start, close)], confidence: 0.4, why });
        continue;
      }
      const kind = PROGRAM_MARKERS.find(([w]) => name.endsWith(w))?.[1] ?? 'INITIATIVE';
      this.add('Program', name, mention, { aliases, props: { kind }, confidence: 0.4, why });
    }
  }

  /**
   * The objects of verbs of doing (推进分级诊疗制度实施, 开展公立医院综合巡查、民营医院专项巡查): the curation
   * counts nearly every initiative a sentence names as a program, often in words no marker sets apart.
   * Each item of the object is a candidate, verbs inside it allowed (托育机构示范创建工程); a list whose
   * items are too short to stand alone (自查、互查、督查制度; 市、县、乡三级…网络) is one name. Curators
   * write such names without a trailing 建设 or 工作, or with the verb made a noun (建设中医药专科集群 →
   * 中医药专科集群建设): those forms are aliases. An object ending with a policy word is a policy.
   */
  private objectPhrases(sentence: Sentence): void {
    const text = sentence.text;
    const list = tokens(text);
    for (let i = 0; i < list.length; i++) {
      const word = list[i]!.word;
      const verb = OBJECT_VERBS.has(word) || POLICY_VERBS.has(word) ? word : word.replace(VERB_ADVERBS, '');
      const policyOnly = POLICY_VERBS.has(verb);
      if (!OBJECT_VERBS.has(verb) && !policyOnly) continue;
      // A verb inside a noun phrase (党风廉政建设报告) has no object.
      const before = list[i - 1];
      if (list[i]!.tag === 'vn' && before && /^(n|vn|nz|j)$/.test(before.tag) && !VERB_ADVERBS.test(before.word)) continue;
      let j = /^(了|起|出)$/.test(list[i + 1]?.word ?? '') ? i + 2 : i + 1;
      // A count before the object (设立xx个名医工作室) is no part of it.
      if (/^(x+|[0-9]+)$/i.test(list[j]?.word ?? '') && /^[个家所项批支]$/.test(list[j + 1]?.word ?? '')) j += 2;
      const first = j;
      // Items between 、 and conjunctions, up to the clause's end, a particle, a pronoun, an adverb or a count.
      const items: Array<[number, number]> = [];
      let start = list[j]?.start ?? text.length;
      let end = start;
      let joined = false;
      for (; j < list.length && list[j]!.end - (list[first]?.start ?? 0) <= 24; j++) {
        const t = list[j]!;
        if (t.word === '、' || /^(和|与|及|以及)$/.test(t.word)) {
          if (end > start) items.push([start, end]);
          joined ||= t.word !== '、';
          start = end = t.end;
          continue;
        }
        const count = /^(x+|[0-9.]+)$/i.test(t.word) && /^[个人家所名次例项批支万亿元张余多.%]/.test(text.slice(t.end));
        if (
          (PUNCT.test(t.word) && !/^[“”]+$/.test(t.word)) ||
          /^(p|c|u|uj|ul|uz|ud|ug|uv|r|d|y|e|o)$/.test(t.tag) ||
          (t.tag === 't' && /年|月|日|目前|当前|近期|期间|以来|今后|此前|此后|同时/.test(t.word) && !/^[老青少中成]年$/.test(t.word)) ||
          /^(等|的|了|中|上|下|时|后|前|为|是|在)$/.test(t.word) ||
          (j === first && !policyOnly && OBJECT_VERBS.has(t.word.replace(VERB_ADVERBS, ''))) ||
          count
        )
          break;
        end = t.end;
      }
      // What stops at 的 qualifies what follows it (群众满意的医疗健康体系, 有条件的区) unless it is a noun phrase.
      const modifier = list[j]?.word === '的' && (!/^n/.test(list[j - 1]!.tag) || /^(v|l)$/.test(list[first]!.tag));
      if (end > start && !modifier) items.push([start, end]);
      if (!items.length) continue;
      const whole: [number, number] = [items[0]![0], items.at(-1)![1]];
      const short = items.slice(1).some(([a, b]) => [...text.slice(a, b)].length < 3);
      const spans = short ? [whole] : joined && items.length > 1 ? [...items, whole] : items;
      // Items sharing the last one's word or the category after 等 (控烟和全民健身行动, …及专科联盟等建设): named with it too.
      const shared = PHRASE_MARKERS.exec(text.slice(...items.at(-1)!))?.[0] ?? /^等(建设|服务|项目|工作|工程|行动)/.exec(text.slice(end))?.[1];
      for (const [a, b] of spans) this.objectPhrase(sentence, a, b, { why: `the object of “${verb}”`, verb, policyOnly, shared });
    }
  }

  /**
   * A clause's subject that a verb of outcome reports on (社会心理服务热线开通, …专项治理成效显著, …示范项目落地):
   * reports name an initiative first when they tell what came of it.
   */
  private subjectPhrases(sentence: Sentence): void {
    const text = sentence.text;
    const list = tokens(text);
    for (let i = 0; i < list.length; i++) {
      if (i > 0 && !/^[，,；;：:]$/.test(list[i - 1]!.word)) continue;
      const first = /^(全市|全省|全县|全区|我市|我省|我县|该市|目前|同时|此外|其中)$/.test(list[i]!.word) ? i + 1 : i;
      const head = list[first];
      // A subject starts with a noun, not a verb, preposition or adverb (积极参与…, 按照…, 已经…).
      if (!head || PUNCT.test(head.word) || /^(v|vd|vi|p|d|ad|c|r|l|a)$/.test(head.tag) || STOP_WORDS.test(head.word)) continue;
      const start = head.start;
      for (let k = first + 1; k < list.length && list[k]!.start - start <= 20; k++) {
        const t = list[k]!;
        if (PUNCT.test(t.word) || STOP_TAGS.test(t.tag) || /^(等|的|了|是|在|为)$/.test(t.word)) break;
        const outcome = OUTCOMES.exec(text.slice(t.start))?.[0];
        if (!outcome) continue;
        this.objectPhrase(sentence, start, t.start, { why: `the subject of “${outcome}”` });
        break;
      }
    }
  }

  /** An object of a verb of doing or a subject of outcome, as a program (or a policy), if it reads as a name. */
  private objectPhrase(
    sentence: Sentence,
    start: number,
    end: number,
    how: { why: string; verb?: string; policyOnly?: boolean; shared?: string },
  ): void {
    const phrase = sentence.text.slice(start, end);
    const words = tokens(phrase);
    const length = [...phrase].length;
    if (length < 3 || length > 22 || /[的了是在]/.test(phrase) || !HAN.test(phrase) || GENERIC_PROGRAM.test(phrase)) return;
    if ((phrase.match(/“/g)?.length ?? 0) !== (phrase.match(/”/g)?.length ?? 0) || /^”|“$/.test(phrase)) return;
    if (/^(a|ad|d|f|t|u|uj|p|c|r|m|q)$/.test(words.at(-1)!.tag) && !/[圈”]$/.test(phrase)) return;
    if (this.mentionsIn(sentence, 'Organization', 'Place', 'Policy', 'Event').some((o) => o.start <= start && end <= o.end)) return;
    if (this.namesPerson(sentence, start, end)) return;
    const mention = { sentence, start, end };
    const policy = POLICY_PHRASE.exec(phrase)?.[0];
    if (policy) {
      if (length - policy.length >= 2) this.add('Policy', phrase, mention, { confidence: 0.35, why: `${how.why}, ending with “${policy}”` });
      return;
    }
    if (how.policyOnly) return;
    const verb = how.verb ?? '';
    const aliases = /^(建设|创建)$/.test(verb) ? [`${phrase}${verb}`, `${verb}${phrase}`] : [];
    if (how.shared && !phrase.endsWith(how.shared)) aliases.push(`${phrase}${how.shared}`);
    const marker = PROGRAM_MARKERS.find(([w]) => phrase.endsWith(w));
    this.add('Program', phrase, mention, { aliases, props: { kind: marker?.[1] ?? 'INITIATIVE' }, confidence: marker ? 0.5 : 0.3, why: how.why });
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
    // Documents written short (党章, 宪法).
    for (const [short, full] of Object.entries(NATIONAL_DOCUMENTS)) {
      for (let at = text.indexOf(short); at >= 0; at = text.indexOf(short, at + short.length)) {
        this.add(
          'Policy',
          full,
          { sentence, start: at, end: at + short.length },
          { aliases: [short], confidence: 0.6, why: 'a document written short' },
        );
      }
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
    // Named meetings: with a year or a session (2023年工作会议, 十二届二次全会, 二十届中央纪委一次全会), one joined
    // to another by 暨 being one meeting (2023年工作会议暨党风廉政建设会议), and the Olympics.
    for (const m of text.matchAll(
      /((?:19|20)\d{2}年)?([\p{Script=Han}]{0,12}?)([一二三四五六七八九十]+届[\p{Script=Han}]{0,4}?[一二三四五六七八九十]+次全会|工作会议(?:暨[\p{Script=Han}]{2,10}?会议)?|大会|冬奥会|冬残奥会|论坛|博览会)/gu,
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
    this.byActor('HAS_ACHIEVEMENT', achievement, { sentence, start: at, end: at }, 0.35);
  }

  /** Relationships whose subject the sentence leaves to its source's main actor (decided once all is read). */
  private readonly pendingActor: Array<{ type: RelationType; other: Candidate; mention: Mention; confidence: number }> = [];

  /** The main actor `type` the other (RUNS it, ISSUED it …); for PART_OF, the other is part of the main actor. */
  private byActor(type: RelationType, other: Candidate, mention: Mention, confidence = 0.3): void {
    this.pendingActor.push({ type, other, mention, confidence });
  }

  // ── relationships ───────────────────────────────────────────────────────────────────────────

  private relate(type: RelationType, from: Candidate, to: Candidate, mention: Mention, confidence: number, why: string, role?: string): void {
    if (from === to) return;
    const key = `${type}|${from.key}|${to.key}|${mention.sentence.source}`;
    if (this.relationKeys.has(key)) return;
    this.relationKeys.add(key);
    this.relations.push({ type, from, to, mention, confidence, why, ...(role ? { role } : {}) });
  }

  /**
   * Who a source is about, for what its sentences tell with no subject named: its publisher (the article's,
   * else the report's) when it names it; else whoever its clauses start with most often, an organization (市卫生
   * 健康委…) or a place that acts itself (xx市启动…), counting mentions elsewhere a little, organizations that
   * usually act (agencies, groups, hospitals) a little more.
   */
  private mainActor(source: string): Candidate | undefined {
    if (this.actors.has(source)) return this.actors.get(source);
    const inSource = [...this.byKey.values()].filter(
      (c) =>
        (c.type === 'Organization' || (c.type === 'Place' && c.props.level !== 'COUNTRY')) && c.mentions.some((m) => m.sentence.source === source),
    );
    const publisher = this.options.articles?.find((a) => a.source === source)?.publisher ?? this.options.publisher;
    let actor = publisher ? inSource.find((c) => c.type === 'Organization' && (c.name === publisher || c.aliases.has(publisher))) : undefined;
    if (!actor) {
      const score = (c: Candidate) => {
        const own = c.mentions.filter((m) => m.sentence.source === source && [c.name, ...c.aliases].includes(m.sentence.text.slice(m.start, m.end)));
        const subject = own.filter((m) => m.start === 0 || /[，,。；;：:]/.test(m.sentence.text[m.start - 1]!)).length;
        const acts =
          c.props.kind === 'GOVERNMENT_AGENCY' ? 2 : ['MEDICAL_GROUP', 'ENTERPRISE_GROUP', 'HOSPITAL'].includes(String(c.props.kind)) ? 1.5 : 1;
        return c.type === 'Place' ? subject / 2 : (subject + 0.25 * own.length + 0.01) * acts;
      };
      actor = inSource.sort((a, b) => score(b) - score(a) || (a.type === 'Organization' ? -1 : 1))[0];
    }
    this.actors.set(source, actor);
    return actor;
  }

  private readonly actors = new Map<string, Candidate | undefined>();

  /** The meeting a source reports: the dated meeting it mentions first (2023年工作会议…). */
  private meetingOf(source: string): Candidate | undefined {
    const at = (c: Candidate) => c.mentions.find((m) => m.sentence.source === source)?.sentence.index ?? Infinity;
    return [...this.byKey.values()]
      .filter((c) => c.type === 'Event' && c.props.year !== undefined && /会议|大会|全会|论坛/.test(c.name) && at(c) < Infinity)
      .sort((a, b) => at(a) - at(b))[0];
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

    // What a sentence says of a program, a policy or an event it names: read between the organization before it
    // and it, or with none (集团…, 全市…, a clause of its own), in its clause, the main actor's doing.
    const clauseBefore = (at: number) => text.slice(Math.max(0, ...[...'，,；;：:'].map((c) => text.lastIndexOf(c, at - 1) + 1)), at);
    for (const program of programs) {
      const org = lastBefore(orgs, program.start);
      const near = org && between(org, program).length <= 30 && !/[。；;]/.test(between(org, program));
      const gap = org ? between(org, program) : clauseBefore(program.start);
      const [type, why]: [RelationType, string] = /牵头/.test(gap)
        ? ['LEADS', '牵头']
        : /共建|共同建设|联合/.test(gap)
          ? ['CO_BUILDS', '共建']
          : JOINS.test(near || !org ? gap : clauseBefore(program.start))
            ? ['PARTICIPATES_IN', '参与, 入选, 申报']
            : ['RUNS', 'runs it (开展, 实施, 推进)'];
      if (org && (near || type !== 'RUNS'))
        this.relate(type, org.candidate, program.candidate, span(org, program), RUN_VERBS.some((v) => gap.includes(v)) ? 0.6 : 0.45, why);
      else this.byActor(type, program.candidate, span(program, program));
    }
    for (const policy of policies) {
      const org = lastBefore(orgs, policy.start);
      // With no organization before it, the verb of its clause tells what the main actor did with it.
      const gap = org ? between(org, policy) : clauseBefore(policy.start);
      const verb = ISSUES.exec(gap)?.[0] ?? IMPLEMENTS.exec(gap)?.[0];
      if (!verb) continue;
      const type = ISSUES.test(verb) ? 'ISSUED' : 'IMPLEMENTS';
      if (org) this.relate(type, org.candidate, policy.candidate, span(org, policy), type === 'ISSUED' ? 0.6 : 0.5, `${type} (${verb})`);
      else this.byActor(type, policy.candidate, span(policy, policy));
    }
    for (const event of events) {
      const org = lastBefore(orgs, event.start);
      // Around the event, in its clause or from the organization before it: holding it, or taking part (抗击疫情, 学习贯彻党的二十大精神).
      const around = (org ? between(org, event) : clauseBefore(event.start)) + text.slice(event.end, event.end + 6);
      const type = /召开|举办|主办|组织/.test(around)
        ? 'RUNS'
        : /参加|参与|投入|抗击|驰援|防控|应对|抗疫|学习|贯彻/.test(around)
          ? 'PARTICIPATES_IN'
          : undefined;
      if (type && org)
        this.relate(type, org.candidate, event.candidate, span(org, event), 0.45, type === 'RUNS' ? 'holds (召开, 举办)' : 'takes part');
      else if (type) this.byActor(type, event.candidate, span(event, event));
    }
    // People who attend, chair or speak (出席, 主持, 讲话) take part in the meeting the source reports.
    const meeting = /出席|参加|主持|讲话|发言|宣读|致辞|报告/.test(text) ? this.meetingOf(sentence.source) : undefined;
    for (const person of meeting ? this.mentionsIn(sentence, 'Person') : [])
      this.relate('PARTICIPATES_IN', person.candidate, meeting!, span(person, person), 0.4, 'attends the meeting the report is about');
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
        else if (gap === '由' && after.startsWith('牵头')) this.relate('LEADS', b.candidate, a.candidate, span(a, b), 0.55, 'B由A牵头');
        else if (TEAM_VERB.test(gap) && b.candidate.props.kind === 'OTHER') {
          this.relate('RUNS', a.candidate, b.candidate, span(a, b), 0.5, 'sets up (组建, 成立)');
          this.relate('PART_OF', b.candidate, a.candidate, span(a, b), 0.45, 'a team it set up');
        } else if (/帮扶|派驻|支援|驰援|援助|对口|援建|托管/.test(gap))
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
      // A team set up with no organization before it in the sentence (组建委班子宣讲团): the main actor's.
      if (TEAM_VERB.test(text.slice(0, org.start)) && !lastBefore(orgs, org.start) && org.candidate.props.kind === 'OTHER') {
        this.byActor('RUNS', org.candidate, span(org, org));
        this.byActor('PART_OF', org.candidate, span(org, org));
      }
      // Units listed after 所属, 下属 or 旗下 (集团所属航天中心医院、航天七三一医院): part of the organization written
      // right before it, else of the main actor.
      const owned = /(所属|下属|旗下)([^，,。；;]*)$/.exec(clauseBefore(org.start));
      if (owned && listOfNames(owned[2]!, orgs, org.start - owned[2]!.length)) {
        const owner = orgs.find((o) => o.end <= org.start - owned[0].length && org.start - owned[0].length - o.end <= 2);
        if (owner) this.relate('PART_OF', org.candidate, owner.candidate, span(owner, org), 0.55, 'A所属B、C');
        else this.byActor('PART_OF', org.candidate, span(org, org), 0.45);
      }
    }
    // A place helped (驰援湖北, 向…武川县、商都县捐赠, 支持香港抗疫): by the organization before it, else the main actor.
    for (const place of places) {
      const org = lastBefore(orgs, place.start);
      const near = org && between(org, place).length <= 20 && !/[。；;]/.test(between(org, place));
      const gap = near ? between(org, place) : clauseBefore(place.start);
      if (!/^赴|帮扶|支援|驰援|援助|援建|支持|捐赠|捐助|派驻/.test(gap) || place.candidate.props.level === 'COUNTRY') continue;
      if (near) this.relate('SUPPORTS', org.candidate, place.candidate, span(org, place), 0.5, '帮扶, 援 a place');
      else this.byActor('SUPPORTS', place.candidate, span(place, place));
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
      // A unit named after “the group” (集团人民医院, 集团党委) is part of the group the report is about.
      const group = /^集团./.test(org.name) ? this.mainActor(mention.sentence.source) : undefined;
      if (group && group !== org && /集团|医共体/.test(group.name))
        this.relate('PART_OF', org, group, mention, 0.5, 'a unit of the group the report is about');
    }
    // The place a name starts with (寿阳县人民医院 → 寿阳县; 省纪委十二届二次全会 → the report's province; in a
    // masked article, 市人民医院 → its xx市), or a program's name holds (健康寿阳建设 → 寿阳县).
    const placeNamed = (c: Candidate, match: (form: string, place: string) => boolean) =>
      places
        .filter(
          (p) =>
            p.masked === c.masked &&
            scope(p) === scope(c) &&
            !/^(中国|我国)$/.test(p.name) &&
            [p.name, ...p.aliases].some((f) => f.length >= 2 && [c.name, ...c.aliases].some((x) => match(x, f))),
        )
        .sort((a, b) => b.name.length - a.name.length)[0];
    for (const c of this.byKey.values()) {
      const place =
        c.type === 'Organization' || c.type === 'Event'
          ? (placeNamed(c, (x, f) => x.startsWith(f)) ?? this.relativePlace(c, places))
          : c.type === 'Program'
            ? (placeNamed(c, (x, f) => x.includes(f) || (f.length >= 3 && x.includes(f.replace(/[省市县]$/, '')))) ?? this.relativePlace(c, places))
            : undefined;
      if (place) this.relate('LOCATED_IN', c, place, this.mentionWithBoth(c, place) ?? c.mentions[0]!, 0.6, 'named with its place');
      // A program or event named with its organization (市中心医院门急诊楼项目, 省纪委十二届二次全会): it runs it.
      const runner =
        (c.type === 'Program' || c.type === 'Event') &&
        orgs.find((o) => o.mentions.some((m) => c.mentions.some((n) => n.sentence === m.sentence && n.start <= m.start && m.end < n.end)));
      if (runner) this.relate('RUNS', runner, c, c.mentions[0]!, 0.5, 'named with the organization');
    }
    // A document titled with its issuers (中共中央国务院关于…的意见): each issued it.
    for (const policy of this.byKey.values()) {
      const issuers = policy.type === 'Policy' ? /^(.+?)关于/.exec(policy.name)?.[1] : undefined;
      for (const org of issuers ? orgs : []) {
        if ([org.name, ...org.aliases].some((f) => f.length >= 2 && issuers!.includes(f)))
          this.relate('ISSUED', org, policy, this.mentionWithBoth(policy, org) ?? policy.mentions[0]!, 0.6, 'named in its title');
      }
    }
    this.maskedPlaceParents(places);
    // What a sentence tells with no organization as its subject (开展…, 制定…, 组建…): the source's main actor did it.
    for (const { type, other, mention, confidence } of this.pendingActor) {
      const actor = this.mainActor(mention.sentence.source);
      if (!actor || actor === other) continue;
      const why = 'the organization or place the article is about';
      if (type === 'PART_OF') this.relate(type, other, actor, mention, confidence, why);
      else this.relate(type, actor, other, mention, confidence, why);
      // What a place runs itself is located there.
      if (actor.type === 'Place' && type === 'RUNS')
        this.relate('LOCATED_IN', other, actor, mention, confidence, 'run by the place the article is about');
    }
  }

  /**
   * The place a relative name stands for (市人民医院, 省纪委十二届二次全会): the report's home place of that level;
   * in a masked report, its article's masked place of that level, else the one place of that level it names.
   */
  private relativePlace(c: Candidate, places: Candidate[]): Candidate | undefined {
    const prefix = /^(省|市|州|县|区|旗)(?![级内外直属辖])/.exec(c.name)?.[1];
    if (!prefix) return undefined;
    const level = prefix === '省' ? 'PROVINCE' : /[市州]/.test(prefix) ? 'CITY' : 'COUNTY';
    if (!this.masks) {
      const home = { PROVINCE: this.home.province, CITY: this.home.city, COUNTY: this.home.county }[level];
      return home && places.find((p) => p.name === home.name);
    }
    const source = c.mentions[0]!.sentence.source;
    const named = places.filter((p) => p.props.level === level && p.mentions.some((m) => m.sentence.source === source));
    return named.find((p) => p.masked) ?? (named.length === 1 ? named[0] : undefined);
  }

  /** A masked place's parent: the masked place of the next level up its article names (xx县 → xx市), else 中国. */
  private maskedPlaceParents(places: Candidate[]): void {
    const rank = (p: Candidate) => ['PROVINCE', 'CITY', 'COUNTY', 'TOWN', 'VILLAGE'].indexOf(String(p.props.level));
    for (const place of places.filter((p) => p.masked && rank(p) >= 0)) {
      const source = place.mentions[0]!.sentence.source;
      const parent = places
        .filter((p) => p.masked && rank(p) >= 0 && rank(p) < rank(place) && p.mentions[0]!.sentence.source === source)
        .sort((a, b) => rank(b) - rank(a))[0];
      const mention = (parent && this.mentionWithBoth(place, parent)) ?? place.mentions[0]!;
      const to =
        parent ??
        this.add('Place', '中国', mention, {
          aliases: ['中华人民共和国', '我国'],
          props: { level: 'COUNTRY' },
          confidence: 0.6,
          why: 'every place is part of 中国',
        });
      this.relate('PART_OF', place, to, mention, 0.5, 'a masked place of its article');
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
