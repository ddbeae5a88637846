/**
 * How places are written when the divisions' list does not know them (a town, a village, a county of a
 * new report): the suffixes that end their names and the level each gives, and what makes a suffix
 * part of a common word instead (县域, 区域, 市场, 乡镇, 社区卫生服务中心, 城区).
 */
import type { PlaceLevel } from '../../generated/graphql.js';
import { anyOf } from './pattern.js';

/** Macro-regions (西部, 京津冀 …): level REGION, part of 中国. */
export const REGIONS = ['京津冀', '长三角', '珠三角', '粤港澳大湾区', '成渝地区', '西部', '东北', '中部', '东部', '藏区', '黄河流域', '长江经济带'];

/**
 * Place name endings below a province, longest first, with the level each gives. Provinces are all in
 * the divisions' list: their suffixes are left out, so 节省 or 反省 never reads as one.
 */
export const PLACE_SUFFIXES: ReadonlyArray<readonly [string, PlaceLevel]> = [
  ['自治州', 'CITY'],
  ['自治县', 'COUNTY'],
  ['新区', 'COUNTY'],
  ['街道', 'TOWN'],
  ['社区', 'VILLAGE'],
  ['市', 'CITY'],
  ['州', 'CITY'],
  ['县', 'COUNTY'],
  ['区', 'COUNTY'],
  ['旗', 'COUNTY'],
  ['镇', 'TOWN'],
  ['乡', 'TOWN'],
  ['村', 'VILLAGE'],
];

/** What follows a suffix when it is the start of another word (县域, 区域, 市场, 乡镇, 村民, 社区卫生服务中心). */
export const WORD_AFTER_SUFFIX: Readonly<Record<string, RegExp>> = {
  县: /^(域|级|乡|城|直|属|情)/,
  区: /^(域|级|划|间|块|位|县)/,
  市: /^(场|级|民|属|直|政|容|值|面|况|井|县)/,
  州: /^(级|属)/,
  旗: /^(帜|舰|号|下|县)/,
  乡: /^(镇|村|级|土|亲|下|间|愁|贤|里|音|野)/,
  镇: /^(级|村|街)/,
  村: /^(级|民|医|干|务|庄|落|寨)/,
  // A community health center or hospital is an organization (杨柳社区卫生服务中心), not the community.
  社区: /^(卫生|医|服务|居|治|工作|网格|康|养|矫|戒|党)/,
  街道: /^(两旁|上|口)/,
};

/** Words before a suffix that make a kind of place, not a name (城乡社区, 行政村, 示范社区, 所辖乡镇). */
const GENERIC_STEM_WORDS = [
  ['城乡', '城市', '农村', '城镇', '乡镇', '基层', '行政', '示范', '试点', '重点', '和谐', '美丽', '文明', '健康', '卫生', '幸福'],
  ['智慧', '数字', '绿色', '生态', '老旧', '居民', '周边', '当地', '所在', '偏远', '边远', '贫困', '特色', '中心', '社会', '服务'],
  ['全国', '各地', '新建', '城区', '所辖', '辖区', '下辖', '管辖', '本地', '外地', '多个', '部分', '其他', '相关', '县级', '市级'],
  ['省级', '区级', '地级', '县域', '边境', '民族', '自治', '开发', '高新', '经济', '工业', '产业', '农业', '医疗', '养老', '安置'],
  ['易地', '搬迁', '脱贫', '帮扶', '定点', '对口', '结对', '先进', '模范', '标准', '星级', '无疫', '清廉', '平安', '全域'],
].flat();
export const GENERIC_STEM = new RegExp(`^(${anyOf(GENERIC_STEM_WORDS)})$`);

/** A place's name does not start with a quantifier, a word for “this” or “all”, a negation or another level (全县, 该镇, 各乡, 不离村, 省市县). */
export const NOT_STEM_START = /^[全本该各我每其此两一二三四五六七八九十几多某这那贵不所省市县区乡镇村]/;
/** Nor end with a numeral (环城四区, 远郊五区: a count of districts). */
export const NOT_STEM_END = /[一二三四五六七八九十百千两]$/;

/** Words ending with a suffix that are kinds of places, whatever comes before them (试点城市, 偏远地区, 新城区, 中医药强市). */
const GENERIC_PLACE_WORDS = [
  ['城市', '都市', '地区', '城区', '市区', '郊区', '山区', '牧区', '小区', '景区', '园区', '片区', '辖区', '街区', '院区', '校区'],
  ['病区', '分区', '专区', '省市', '县市', '城镇', '集镇', '村镇', '乡镇', '农村', '乡村', '山村', '渔村', '城乡', '强市', '强县'],
  ['强区', '强省', '大市', '大县', '名市', '名县'],
].flat();
export const GENERIC_PLACE_WORD: ReadonlySet<string> = new Set(GENERIC_PLACE_WORDS);

/** What an organization of a place starts with, right after the place's name (平头镇中心卫生院, 杨柳村卫生室, 宁川县人民政府). */
export const ORG_AFTER_PLACE = /^(中心卫生院|卫生院|人民医院|中医院|医院|卫生室|卫生所|人民政府|政府|党委|卫生服务中心|卫生健康|卫健)/;
