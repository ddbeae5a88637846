/** How people are named: the posts written with a name, and what a name is made of and followed by. */
import { anyOf } from './pattern.js';

/** Posts a person is named with (longest first; among posts of one length, in this order). */
export const ROLES = [
  ['党委书记', '党组书记', '纪检书记', '纪委书记', '党委副书记', '党组副书记', '党委委员', '党组成员', '总书记', '副书记', '书记'],
  ['副局长', '局长', '副院长', '院长', '副主任', '主任', '副部长', '部长', '副厅长', '厅长', '副市长', '市长', '副县长', '县长'],
  ['副区长', '区长', '董事长', '总经理', '副总经理', '主席', '副主席', '处长', '科长', '所长', '站长', '护士长', '院士', '教授'],
  ['主任医师', '委员', '记者', '编辑', '国医大师', '专家', '医生', '同志', '获得者', '省长'],
]
  .flat()
  .sort((a, b) => b.length - a.length);

/** Posts written after the name (习近平总书记, 毛伟明省长). */
export const NAME_BEFORE_ROLES: ReadonlySet<string> = new Set(['总书记', '同志', '省长', '市长', '县长', '区长', '院士']);

/** Common surnames: a person's name starts with one. */
export const SURNAMES: ReadonlySet<string> = new Set(
  [
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹',
    '彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石',
    '廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱',
    '严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟',
    '殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成',
    '苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆',
    '农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂',
    '全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘',
    '池查麻苑迟邝习弓',
  ]
    .join('')
    .split(''),
);

/** Words that follow a name and are no part of it (孙立新参加, 何志强在): verbs, particles. */
const AFTER_NAME_WORDS = [
  ['强调', '主持', '参加', '介绍', '宣读', '指出', '表示', '讲话', '作了', '作为', '代表', '出席', '带领', '率领', '一行'],
  ['等', '在', '对', '说', '讲', '为', '和', '与', '及', '是', '就', '也', '到', '来', '去', '看', '了', '的', '同志', '分别'],
  ['任', '向', '致', '要', '从', '于', '被', '把', '将', '指', '提', '主'],
].flat();
/** What follows a name and is no part of it (赵宏, / 孙立新参加 / 何志强在): punctuation, verbs, particles. */
export const AFTER_NAME = new RegExp(`^([、，,。；;：:（(）)“”\\s]|${anyOf(AFTER_NAME_WORDS)})`, 'u');
