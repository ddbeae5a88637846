/**
 * How programs are named and introduced: the words their names end with, the verbs that start or carry
 * them, and the words that leave a phrase too generic to name one.
 */
import type { ProgramKind } from '../../generated/graphql.js';
import { anyOf } from './pattern.js';

/** Program name endings and the kind each suggests. */
export const PROGRAM_MARKERS: ReadonlyArray<readonly [string, ProgramKind]> = (
  [
    ['工程', 'PROJECT'],
    ['项目', 'PROJECT'],
    ['行动', 'CAMPAIGN'],
    ['活动', 'CAMPAIGN'],
    ['专项行动', 'CAMPAIGN'],
    ['攻坚战', 'CAMPAIGN'],
    ['运动', 'CAMPAIGN'],
    ['试点', 'PILOT'],
    ['示范', 'PILOT'],
    ['平台', 'PLATFORM'],
    ['系统', 'PLATFORM'],
    ['云平台', 'PLATFORM'],
    ['信息平台', 'PLATFORM'],
    ['品牌', 'BRAND'],
    ['服务', 'SERVICE'],
    ['门诊', 'SERVICE'],
    ['热线', 'SERVICE'],
    ['计划', 'INITIATIVE'],
    ['战略', 'INITIATIVE'],
    ['改革', 'INITIATIVE'],
    ['医改', 'INITIATIVE'],
    ['建设', 'INITIATIVE'],
    ['体系', 'INITIATIVE'],
    ['机制', 'INITIATIVE'],
    ['模式', 'INITIATIVE'],
    ['工作', 'INITIATIVE'],
    ['一体化', 'INITIATIVE'],
    ['救治圈', 'INITIATIVE'],
    ['服务圈', 'INITIATIVE'],
    ['共同体', 'INITIATIVE'],
    ['制度', 'INITIATIVE'],
    ['实事', 'INITIATIVE'],
  ] as Array<[string, ProgramKind]>
).sort((a, b) => b[0].length - a[0].length);

/** Verbs that start or carry a program: the organization before them RUNS what follows. */
export const RUN_VERBS = [
  ['开展', '实施', '启动', '推进', '打造', '推出', '建设', '创建', '深化', '推行', '组织', '落实', '建立', '构建', '试行'],
  ['深入推进', '持续推进', '全面推进', '加快推进', '大力推进', '扎实推进', '做好', '抓好', '推广'],
].flat();

/**
 * Verbs whose object names an initiative (推进分级诊疗制度, 开展公立医院综合巡查, 建设中医药专科集群): the
 * verbs of doing, and those of improving, joining and setting up. The object is a candidate program.
 */
export const OBJECT_VERBS: ReadonlySet<string> = new Set([
  ...RUN_VERBS,
  ...['推动', '加强', '发展', '完善', '健全', '强化', '抓实', '融入', '参加', '参与', '开设', '设立', '营造', '开辟', '发起', '筹建'],
  ...['配建', '举办', '培育', '征集', '优化', '做精做强', '深入实施', '创新实施', '认真实施', '全面实施', '建成', '形成', '加快'],
  ...['申报', '助力', '构筑'],
]);

/** Adverbs jieba sometimes glues to the verb after them (积极开展, 大力发展). */
const VERB_ADVERB_WORDS = ['积极', '大力', '深入', '持续', '全面', '加快', '扎实', '认真', '着力', '务实', '全力', '不断', '稳步', '率先'];
export const VERB_ADVERBS = new RegExp(`^(${anyOf(VERB_ADVERB_WORDS)})`);

/** Words a program phrase ends with (党风廉政建设, 15分钟救治圈). */
const PHRASE_MARKER_WORDS = [
  ['建设', '改革', '工程', '行动', '活动', '项目', '试点', '平台', '体系', '机制', '网络', '模式', '战略', '救治圈', '服务圈', '斗争'],
  ['计划', '品牌', '门诊', '治疗', '服务', '管理', '工作', '医改', '行', '系统', 'APP', '热线', '名城', '示范区', '创新区', '高地'],
  ['接种', '执业'],
].flat();
export const PHRASE_MARKERS = new RegExp(`(${anyOf(PHRASE_MARKER_WORDS)})$`);

/** Verbs of taking part in another body's program (参与, 入选, 申报, 争创). */
export const JOINS = new RegExp(anyOf(['参与', '参加', '加入', '入选', '申报', '争取', '争创', '获批', '融入', '服务于']));
/** Verbs of setting up a team or body, right before it (组建了, 成立). */
export const TEAM_VERB = new RegExp(`(${anyOf(['组建', '成立', '设立', '组织', '建立', '组成', '启动', '开设'])})了?“?$`);

/** Verbs of outcome a report tells an initiative's results by (开通, 落地, 成效显著, 扎实推进). */
const OUTCOME_WORDS = [
  ['开通', '启用', '落地', '见效', '开工', '封顶', '竣工', '惠及', '成效', '取得', '实现', '突破', '全面突破', '全面铺开'],
  ['扎实推进', '稳步推进', '有序推进', '顺利推进', '持续推进', '全面推进', '加快推进', '深入推进', '稳居', '位居', '走在', '领跑'],
].flat();
/** 覆盖 tells an outcome, 覆盖率 and 覆盖面 a figure. */
export const OUTCOMES = new RegExp(`^(${anyOf(OUTCOME_WORDS)}|覆盖(?![率面]))`);

/** Heads that leave a program phrase generic (能力建设, 各项工作). */
const GENERIC_PROGRAM_WORDS = [
  ['能力', '各项', '相关', '有关', '重点', '日常', '基础', '全面', '整体', '系统', '规范化', '标准化', '信息化', '常态化'],
  ['制度', '体系', '机制', '队伍', '人才', '党', '学科', '专科', '科室', '医疗', '卫生', '健康', '医院', '医务', '工作', '服务'],
  ['管理', '作风', '思想', '组织', '政治', '纪律', '廉洁', '文化', '基层', '项目', '改革', '发展', '建设'],
  ['这项', '此项', '该项', '本次', '此次', '两项', '多项', '一系列', '系列', '各类', '所有'],
].flat();
export const GENERIC_PROGRAM = new RegExp(`^(${anyOf(GENERIC_PROGRAM_WORDS)})$`);
