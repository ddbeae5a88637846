/** How documents are named and handled: the words policy names end with and the verbs that issue or carry them out. */
import { anyOf } from './pattern.js';

/** Verbs whose object, when it ends with a policy word, names a policy (制定…方案, 达到…标准); never a program. */
export const POLICY_VERBS: ReadonlySet<string> = new Set([
  '制定',
  '出台',
  '印发',
  '发布',
  '公布',
  '编制',
  '修订',
  '达到',
  '按照',
  '对照',
  '执行',
  '遵守',
  '贯彻',
]);

/** Documents usually written short, with their official names. */
export const NATIONAL_DOCUMENTS: Readonly<Record<string, string>> = {
  党章: '中国共产党章程',
  宪法: '中华人民共和国宪法',
};

/** Policy name endings (named rules, standards, plans, opinions, codes), in the order a phrase is searched for them. */
export const POLICY_MARKERS = [
  ['实施方案', '实施意见', '指导意见', '管理办法', '若干措施', '行动计划', '规范', '标准', '规则', '方案', '制度', '意见', '办法'],
  ['规划', '条例', '通知', '规定', '决定', '纲要', '指南', '责任书', '措施', '细则', '章程', '宪法', '法'],
].flat();

/** Words a policy phrase ends with (named rules, plans, standards and codes). */
const POLICY_PHRASE_WORDS = [
  ['实施方案', '工作方案', '建设方案', '治疗方案', '方案', '规范', '标准', '议事规则', '规则', '办法', '规划', '意见', '通知', '条例'],
  ['清单', '工作流程', '流程', '制度', '政策', '章程', '宪法', '党章', '日报制'],
].flat();
export const POLICY_PHRASE = new RegExp(`(${anyOf(POLICY_PHRASE_WORDS)})$`);

/** Verbs of issuing a document (出台, 制定, 建立…制度). */
export const ISSUES = new RegExp(anyOf(['出台', '印发', '制定', '发布', '颁布', '起草', '编制', '建立', '健全', '修订']));
/** Verbs of carrying a document out (落实, 按照, 达到…标准). */
export const IMPLEMENTS = new RegExp(anyOf(['落实', '执行', '按照', '贯彻', '实施', '对照', '遵守', '遵循', '达到', '履行']));

/** Verbs a named rule is written after without its title marks (按照…规范, 建立…制度). */
const RULE_VERB_WORDS = [
  ['按照', '落实', '执行', '出台', '制定', '印发', '对照', '贯彻', '贯彻落实', '严格落实', '遵守', '修订', '完善', '健全', '建立'],
  ['签订', '达到'],
].flat();
export const RULE_VERBS = new RegExp(`^(${anyOf(RULE_VERB_WORDS)})$`);

/**
 * Endings of documents named without title marks (…实施方案, …若干措施, …管理办法), longer first where one
 * ends another. 制度 and 意见 alone are left out: written bare, they name a practice (分级诊疗制度) more often
 * than a document.
 */
export const DOCUMENT_SUFFIXES = [
  ['实施方案', '工作方案', '行动方案', '建设方案', '若干措施', '管理办法', '实施办法', '暂行办法', '考核办法', '指导意见', '实施意见'],
  ['行动计划', '工作计划', '发展规划', '专项规划', '规划', '实施细则', '管理规定', '工作要点', '议事规则', '评价办法', '标准', '规范'],
].flat();

/** Verbs that govern a document: issuing it or carrying it out (印发, 出台, 制定, 发布, 落实, 贯彻, 执行). */
export const DOCUMENT_VERBS = [
  ['印发', '出台', '制定', '发布', '颁布', '修订', '编制', '起草', '落实', '贯彻', '执行', '实施', '对照', '遵照', '依据', '按照'],
].flat();

/** What follows a document word when it is no document (标准化, 规范化, 规划建设 …). */
export const NOT_DOCUMENT_AFTER = /^(化|性|型|件|体|内|外|中|上|下|建设|布局|引领|管理|服务|要求|的要求|执业|诊疗|操作|使用|化建设)/;
