/**
 * What leaves a name ending with an organization suffix generic (县级医院, 三级甲等综合医院, 市中区公立医院):
 * a kind of organization, not one. And the categories a list of names is written before.
 */
import { anyOf } from './pattern.js';

/** Modifiers that leave an organization name generic (县级医院, 乡镇卫生院): no organization. */
export const GENERIC_HEADS: ReadonlySet<string> = new Set(
  [
    // The empty head (a bare suffix) and heads that are themselves kinds of bodies or sectors.
    ['', '医院', '央企', '产业', '健康产业', '大健康产业', '世界一流健康产业', '跨区域医院', '区域医院', '医疗', '医共体', '集团', '企业'],
    // Levels, ownership and kinds.
    ['乡镇', '县级', '公立', '定点', '各级', '基层', '民营', '综合', '专科', '二级', '三级', '大型', '社会办', '互联网', '省级', '市级'],
    ['国家级', '紧密型', '县域', '区域', '中医', '西医', '医养结合', '养老', '中央', '地方', '国有', '非公', '人民', '临床', '专业'],
    ['县乡', '城市', '农村', '村', '社区', '乡村', '中', '全县', '全市', '全省', '省内', '国内', '全国'],
    // Determiners and quantifiers.
    ['本', '该', '各', '两', '部分', '全部', '所有', '多家', '一批', '其他', '相关', '有关', '各类', '这些', '我', '我们', '贵', '老', '新'],
    ['首批', '第一批', '第二批', '试点', '示范', '重点', '优质', '上级'],
    // Relations to another body.
    ['成员', '签约', '协作', '合作', '帮扶', '对口', '下属', '所属', '旗下', '牵头', '管理', '运营', '托管', '合作共建'],
  ].flat(),
);

/** Places and quantifiers a generic head may start with (省, 市属, 两家). */
const GENERIC_HEAD_PLACES = [
  ['省', '市', '县', '区', '旗', '国家', '全国', '省级', '市级', '县级', '区级', '省市级', '首府', '省外', '市属', '区属', '县属', '省属'],
  ['当地', '两家', '多家', '各类', '部分', '其他'],
].flat();
/** Grades, kinds and qualities a generic head is made of (三级甲等综合, 省外优质). */
const GENERIC_HEAD_QUALITIES = [
  ['三级', '二级', '一级', '甲等', '乙等', '三甲', '二甲', '公立', '综合', '专科', '定点', '亚定点', '优质', '高水平', '知名', '龙头'],
  ['标准化', '大型', '中医', '西医', '中西医结合', '民营', '非公', '基层', '乡镇', '村', '社区', '示范', '重点', '特色', '优秀', '先进'],
  ['区域', '城市', '农村', '市县', '县乡', '医养结合', '互联网', '智慧', '数字化', '紧密型', '松散型', '专科联盟', '以上', '二级以上'],
  ['各旗市区', '旗市区', '县域', '苏木', '政府办', '个体', '当地', '在建', '优势', '标杆', '新建'],
].flat();
/** A head made only of generic qualifiers (三级甲等综合, 省外优质, 市属三甲综合): a kind of organization, not one. */
export const GENERIC_HEAD = new RegExp(`^(${anyOf(GENERIC_HEAD_PLACES)})*(${anyOf(GENERIC_HEAD_QUALITIES)})+$`);

/** After a place, heads that make the name a kind of organizations there (市中区公立医院): none in particular. */
const PLURAL_HEADS = [
  ['公立', '基层', '民营', '非公', '各级', '各类', '所有', '定点', '社会办', '市属', '区属', '县属', '在建', '新建', '优势', '专科', '综合'],
  ['二级以上', '三级', '二级'],
].flat();
export const PLURAL_HEAD = new RegExp(`^(${anyOf(PLURAL_HEADS)})`);

/** Categories a list of names is written before (A、B等N所乡镇卫生院), longer first. */
const ENUMERATION_CATEGORIES = [
  '乡镇卫生院',
  '中心卫生院',
  '卫生院',
  '养老院',
  '医院',
  '医疗机构',
  '医疗管理平台',
  '企业',
  '公司',
  '社区卫生服务中心',
];
/** A list of names before the category they are (A、B等N所乡镇卫生院). */
export const ENUMERATION = new RegExp(
  `((?:[\\p{Script=Han}A-Za-z0-9]{2,10}[、,，]){1,8}[\\p{Script=Han}A-Za-z0-9]{2,10}?)(?:等|共)?(?:[0-9一二三四五六七八九十两]+(?:个|所|家))(${anyOf(ENUMERATION_CATEGORIES)})`,
  'gu',
);
