// Synthetic bulletins in the genre, from our own templates, for scale checks and benchmarks.
//
// A corpus is a pure function of its seed: a small world (ministries and provincial bodies with a
// pool of officials whose posts change month by month from 2014 to 2024: promotions inside a body,
// moves between bodies, retirements) is built from the seed, and file i is drawn from its own PRNG
// stream seeded by (seed, i), so any file can be regenerated alone and a corpus of N files is the
// first N files of every larger one. Each file carries the ground truth the generator knows: the
// meeting (date, organizer, kind), the people it names with the posts the text gives them and their
// role, the directives. writeCorpus streams files and manifest to disk; nothing grows with N but the
// output.
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';

// ---------------------------------------------------------------------------------------------
// PRNG: sfc32 seeded through a 128-bit string hash (cyrb128). Fast, and the same on every platform.

function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(seed);
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** k distinct items in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < k && copy.length > 0) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!);
    return out;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  }

  hex(n: number): string {
    let s = '';
    while (s.length < n) s += Math.floor(this.next() * 4294967296).toString(16).padStart(8, '0');
    return s.slice(0, n);
  }
}

/** A weighted choice, by binary search over cumulative weights. */
class Weighted<T> {
  readonly items: T[];
  private readonly cum: number[];

  constructor(pairs: readonly (readonly [T, number])[]) {
    this.items = pairs.map(([t]) => t);
    let total = 0;
    this.cum = pairs.map(([, w]) => (total += w));
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.cum[this.cum.length - 1]!;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

/** "王7 李7 张6.7" → weighted pairs; a bare item weighs `rest`. */
function weights(spec: string, rest = 0.1): [string, number][] {
  return spec
    .trim()
    .split(/\s+/)
    .map((tok) => {
      const m = tok.match(/^(\D+)([\d.]*)$/)!;
      return [m[1]!, m[2] ? Number(m[2]) : rest] as [string, number];
    });
}

// ---------------------------------------------------------------------------------------------
// Names. Surname weights follow the national frequency (per cent, rounded); officials of the
// cohort in these bulletins have mostly two-character given names.

const SURNAMES = new Weighted(
  weights(`
  王7.1 李7.0 张6.7 刘5.4 陈4.5 杨3.1 黄2.2 赵2.1 吴2.0 周1.9 徐1.3 孙1.2 马1.2 朱1.1 胡1.0 郭1.0
  何0.9 高0.9 林0.9 罗0.8 郑0.8 梁0.8 谢0.6 宋0.6 唐0.6 许0.5 韩0.5 冯0.5 邓0.5 曹0.5 彭0.5 曾0.5
  肖0.5 田0.4 董0.4 袁0.4 潘0.4 于0.4 蒋0.4 蔡0.4 余0.4 杜0.4 叶0.4 程0.4 苏0.3 魏0.3 吕0.3 丁0.3
  任0.3 沈0.3 姚0.3 卢0.3 姜0.3 崔0.3 钟0.3 谭0.3 陆0.3 汪0.3 范0.3 金0.3 石0.3 廖0.3 贾0.3 夏0.3
  韦0.2 付0.2 方0.2 白0.2 邹0.2 孟0.2 熊0.2 秦0.2 邱0.2 江0.2 尹0.2 薛0.2 闫0.2 段0.2 雷0.2 侯0.2
  龙0.2 史0.2 陶0.2 黎0.2 贺0.2 顾0.2 毛0.2 郝0.2 龚0.2 邵0.2 万0.2 钱0.2 严0.2
  覃 武 戴 莫 孔 向 汤 常 温 康 施 文 牛 樊 葛 邢 安 齐 易 乔 伍 庞 颜 倪 庄 聂 章 鲁 岳 翟 殷 詹 申
  欧 耿 关 兰 焦 俞 左 柳 甘 祝 包 宁 尚 符 舒 阮 柯 纪 梅 童 凌 毕 单 季 裴 霍 涂 成 苗 谷 盛 曲 翁
  冉 骆 蓝 路 游 辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕 屈 饶 解 牟 艾 尤 阳 时 穆 农 司 卓 古 吉 缪 简
  车 项 连 芦 麦 褚 娄 窦 戚 岑 景 党 宫 费 卜 冷 晏 席 卫 米 柏 宗 瞿 桂 佟 应 臧 闵 苟 邬 边 卞 姬
  师 仇 栾 隋 商 刁 沙 荣 巫 寇 桑 郎 甄 丛 仲 虞 敖 巩 佘 池 查 苑 迟 邝 官 封 谈 匡 鞠 惠 荆 乐 冀
  郁 胥 储 原 栗 燕 楚 鄢 劳 谌 奚 皮 粟 冼 蔺 楼 满 闻 位 厉
  欧阳0.05 司马0.02 上官0.02 诸葛0.01 司徒0.02 皇甫0.01 尉迟0.005 公孙0.005 令狐0.005 东方0.005
`, 0.08),
);

// Characters of given names, weighted roughly by how often they occur among officials born
// 1955–1980. Both positions draw from the same pool; the second has its own light skew.
const GIVEN_FIRST = new Weighted(
  weights(`
  建3 国3 志2.5 永2 文2 晓2 立2 新2 振1.5 德1.5 春1.5 金1.5 玉1.5 海1.5 红1.5 宏1.5 明1.5 卫1.2
  雪1 光1.2 学1.2 庆1.2 向1 爱1 小1 俊1 家1 兴1 成1 清1 秀1 丽1 世1 守1 忠1 宗1 维1 继1 连1 树1
  广1 泽1 瑞1 保1 福1 长0.8 中0.8 和0.5 万0.5 一0.5 为0.4 全0.3 有0.3 伟 华 军 平 东 林 云
  松 柏 永 思 亚 远 运 桂 凤 素 惠 敏 锦 鸿 晨 朝 景 耀 益 启 崇 怀 正 仁 义 昌 元 道 贵 仲 秋 冬
  京 津 沪 鲁 湘 鄂 川 黔 滇 陇 晋 冀 豫 苏 浙 闽 赣 粤 桂 琼
`, 0.5),
);
const GIVEN_SECOND = new Weighted(
  weights(`
  华3 明2.5 军2.5 平2.5 伟2.5 强2.5 林2 峰2 刚2 辉2 杰2 斌2 波2 勇2 涛2 东1.5 海1.5 民1.5
  生1.5 龙1.5 荣1.5 祥1.2 宁1.2 良1.2 新1.2 清1.2 亮1.2 鹏1.2 宇1 飞1 超1 健1 锋1 毅1 鸣1 彬1
  武1 虎1 胜1 利1 铁0.8 松 柏 青 和0.5 仁 义 昌 元 正 远 道 贵 维 继 广 泽 江 河 山 森 桂 秋 冬 雪
  雨 田 峻 岩 晖 朝 景 耀 鑫 磊 浩 彦 启 益 云 文 英 梅 萍 琳 兰 娟 秀 惠 凤 瑞 芳 燕 玲 霞 敏 静 丽
  红 玉 卫 国 洲 川 润 坤 乾 钧 铭 骏 璋 琦 珂 冰 晶 悦 颖 欣 淳 洁 凯 俊 旭 昕 阳 晨 成 达 凡 中0.5
  志0.6 全0.3 一0.2 万0.2
`, 0.4),
);

/** Fluent words of our own templates: a name that is one of them is not drawn. */
let templateText = '';

function drawName(rng: Rng, taken: Set<string>, reserved?: Set<string>): string {
  for (;;) {
    const surname = SURNAMES.pick(rng);
    const compound = surname.length === 2;
    const single = rng.chance(compound ? 0.45 : 0.22);
    const first = GIVEN_FIRST.pick(rng);
    const name = single ? surname + GIVEN_SECOND.pick(rng) : surname + first + GIVEN_SECOND.pick(rng);
    if (taken.has(name) || reserved?.has(name) || NATIONAL_LEADERS.has(name)) continue;
    if (name.length === 2 && templateText.includes(name)) continue;
    if (name[name.length - 1] === name[name.length - 2]) continue;
    taken.add(name);
    return name;
  }
}

// ---------------------------------------------------------------------------------------------
// Bodies and their fields.

type Abbr = '部' | '委' | '厅' | '局';

interface Field {
  /** 工业和信息化 in 全国工业和信息化工作会议. */
  work: string;
  /** Verb-object clauses of the field's own work. */
  tasks: string[];
  /** Short 一是要… heads of the field. */
  heads: string[];
  /** Topics for 推进会 / 座谈会 / 电视电话会议 names. */
  topics: string[];
  /** Quoted drives of the field: [name, suffix]. */
  drives: [string, string][];
  /** Units that attend as bodies (no person named). */
  units: string[];
}

const FIELDS: Record<string, Field> = {
  industry: {
    work: '工业和信息化',
    tasks: [
      '推动制造业高质量发展', '加快建设制造强国和网络强国', '实施产业基础再造工程', '提升产业链供应链韧性和安全水平',
      '促进中小企业专精特新发展', '推进工业互联网创新发展', '加快5G网络和千兆光网建设', '推动新一代信息技术与制造业深度融合',
      '保持制造业比重基本稳定', '加快传统产业改造升级', '培育壮大战略性新兴产业', '抓好工业稳增长各项政策落地',
      '推进工业领域碳达峰', '提升产业基础高级化和产业链现代化水平',
    ],
    heads: ['稳住工业经济大盘', '强化创新驱动', '优化产业结构', '提升中小企业服务水平', '筑牢网络安全屏障', '抓好重点项目建设'],
    topics: ['制造业高质量发展', '中小企业发展促进', '工业互联网', '工业稳增长', '产业链协同', '工业领域安全生产', '专精特新企业培育', '智能制造'],
    drives: [['两个强国', '建设'], ['专精特新', '中小企业培育行动'], ['增品种、提品质、创品牌', '专项行动']],
    units: ['部属高校', '在京直属单位', '机关各司局', '各省（区、市）工业和信息化主管部门'],
  },
  telecom: {
    work: '信息通信',
    tasks: [
      '加快信息通信基础设施建设', '深入推进电信普遍服务', '切实维护电信用户合法权益', '扎实做好网络和数据安全保障',
      '持续推进提速降费', '加强电信市场监管', '打击治理电信网络诈骗', '推进5G规模化应用', '做好重大活动通信保障',
      '提升应急通信保障能力',
    ],
    heads: ['提升行业监管效能', '守牢网络安全底线', '优化用户服务', '抓好通信保障'],
    topics: ['信息通信行业', '5G应用', '电信用户权益保护', '网络安全', '通信保障'],
    drives: [['双千兆', '网络协同发展行动'], ['断卡', '行动'], ['提速降费', '专项行动']],
    units: ['各基础电信企业', '铁塔公司', '机关各处室'],
  },
  transport: {
    work: '交通运输',
    tasks: [
      '加快建设交通强国', '构建现代化综合交通运输体系', '推进“四好农村路”高质量发展', '深化交通运输安全生产专项整治',
      '保障物流供应链畅通', '推动交通运输绿色低碳转型', '加快智慧交通发展', '推进运输结构调整', '做好春运和节假日运输服务保障',
    ],
    heads: ['抓牢安全生产', '畅通运输通道', '推进重大项目', '提升服务品质'],
    topics: ['交通强国建设', '农村公路建设', '交通运输安全生产', '综合运输服务', '水运高质量发展'],
    drives: [['四好农村路', '示范创建'], ['安全生产月', '活动'], ['我为群众办实事', '实践活动']],
    units: ['部属各单位', '各省（区、市）交通运输厅（局、委）', '机关各司局'],
  },
  environment: {
    work: '生态环境保护',
    tasks: [
      '深入打好污染防治攻坚战', '持续改善生态环境质量', '扎实推进中央生态环境保护督察整改', '积极稳妥推进碳达峰碳中和',
      '坚决打好蓝天、碧水、净土保卫战', '加强生态保护修复监管', '严守生态环境安全底线', '推进美丽中国建设', '强化生态环境执法监管',
    ],
    heads: ['打好污染防治攻坚战', '强化督察整改', '推进减污降碳', '守牢环境安全底线'],
    topics: ['大气污染防治', '生态环境保护督察整改', '长江生态环境保护修复', '黄河流域生态保护', '减污降碳协同增效'],
    drives: [['绿盾', '专项行动'], ['无废城市', '建设'], ['蓝天保卫战', '攻坚行动']],
    units: ['部机关各部门', '各派出机构', '直属单位'],
  },
  water: {
    work: '水利',
    tasks: [
      '全力做好水旱灾害防御', '全面强化河湖长制', '推进水资源集约节约利用', '加快国家水网建设', '加强水利工程建设管理',
      '推动新阶段水利高质量发展', '复苏河湖生态环境', '保障农村供水安全', '加快病险水库除险加固',
    ],
    heads: ['筑牢防汛抗旱防线', '加快水利工程建设', '强化河湖管理', '提升水资源管理水平'],
    topics: ['防汛抗旱', '河湖长制', '水利工程建设', '农村供水保障', '水土保持'],
    drives: [['清四乱', '专项行动'], ['节水中国', '行动'], ['河湖清障', '专项行动']],
    units: ['各流域管理机构', '部直属单位', '机关各司局'],
  },
  commerce: {
    work: '商务',
    tasks: [
      '全力稳外贸稳外资', '全面促进消费', '推进高水平对外开放', '高质量建设自由贸易试验区', '推动共建“一带一路”高质量发展',
      '加快发展跨境电子商务', '完善现代商贸流通体系', '优化外商投资环境', '做好重要民生商品保供稳价',
    ],
    heads: ['稳住外贸基本盘', '扩大国内消费', '推进高水平开放', '维护产业安全'],
    topics: ['稳外贸稳外资', '促进消费', '自由贸易试验区建设', '跨境电商发展', '县域商业体系建设'],
    drives: [['消费提振年', '活动'], ['数商兴农', '行动'], ['老字号', '创新发展行动']],
    units: ['部属各单位', '驻外经济商务机构', '机关各司局'],
  },
  resources: {
    work: '自然资源',
    tasks: [
      '严守耕地保护红线', '加快构建国土空间规划体系', '推进自然资源统一确权登记', '加强矿产资源勘查开发', '推进山水林田湖草沙一体化保护修复',
      '提升自然资源要素保障能力', '加强地质灾害防治', '严格自然资源执法督察', '推进海洋经济高质量发展',
    ],
    heads: ['守牢耕地红线', '强化要素保障', '推进生态修复', '加强执法督察'],
    topics: ['耕地保护', '国土空间规划', '地质灾害防治', '找矿突破战略行动', '不动产登记'],
    drives: [['大棚房', '问题专项清理整治'], ['找矿突破', '战略行动'], ['多规合一', '改革']],
    units: ['部直属单位', '派驻地方的国家自然资源督察局', '机关各司局'],
  },
  development: {
    work: '发展改革',
    tasks: [
      '加强宏观经济治理', '扎实推进重大项目建设', '扩大有效投资', '持续优化营商环境', '深化重点领域改革', '推动区域协调发展',
      '保障能源安全和粮食安全', '做好重要民生商品保供稳价', '加快建设全国统一大市场', '推进“十四五”规划实施',
    ],
    heads: ['稳住宏观经济大盘', '扩大有效投资', '深化改革攻坚', '强化经济监测预警'],
    topics: ['重大项目建设', '营商环境优化', '区域协调发展', '民营经济发展', '价格监测'],
    drives: [['放管服', '改革'], ['十四五', '规划实施'], ['双碳', '行动']],
    units: ['委属各单位', '机关各司局', '各省（区、市）发展改革委'],
  },
  science: {
    work: '科技',
    tasks: [
      '加快实现高水平科技自立自强', '强化国家战略科技力量', '深化科技体制改革', '打好关键核心技术攻坚战', '加强基础研究',
      '强化企业科技创新主体地位', '优化科技人才发展环境', '推动科技成果转化应用',
    ],
    heads: ['强化战略科技力量', '打好攻坚战', '深化体制改革', '激发人才活力'],
    topics: ['科技体制改革', '科技成果转化', '基础研究', '科技人才评价改革'],
    drives: [['揭榜挂帅', '改革'], ['科技强国', '建设'], ['破四唯', '专项行动']],
    units: ['部属各单位', '机关各司局'],
  },
  agriculture: {
    work: '农业农村',
    tasks: [
      '全力抓好粮食生产', '确保重要农产品稳定安全供给', '巩固拓展脱贫攻坚成果', '全面推进乡村振兴', '加强高标准农田建设',
      '推进农业科技自立自强', '扎实推进农村人居环境整治', '深化农村改革',
    ],
    heads: ['稳住粮食生产', '守住不发生规模性返贫底线', '推进乡村建设', '深化农村改革'],
    topics: ['春季农业生产', '高标准农田建设', '乡村振兴', '农村人居环境整治'],
    drives: [['藏粮于地、藏粮于技', '战略'], ['千村示范、万村整治', '工程'], ['菜篮子', '工程']],
    units: ['部属各单位', '机关各司局'],
  },
  emergency: {
    work: '应急管理',
    tasks: [
      '坚决防范遏制重特大事故', '全面提升防灾减灾救灾能力', '深化安全生产专项整治', '强化应急救援力量建设', '推进应急管理体系和能力现代化',
      '压实安全生产责任', '做好汛期和重要节点安全防范', '加强重大安全风险排查整治',
    ],
    heads: ['压实安全责任', '强化风险防控', '提升救援能力', '做好应急准备'],
    topics: ['安全生产', '防汛救灾', '森林草原防灭火', '应急救援能力建设'],
    drives: [['安全生产月', '活动'], ['安全生产', '专项整治三年行动'], ['打非治违', '专项行动']],
    units: ['部属各单位', '机关各司局', '国家消防救援局'],
  },
  health: {
    work: '卫生健康',
    tasks: [
      '深化医药卫生体制改革', '推进健康中国建设', '加强公共卫生体系建设', '推动公立医院高质量发展', '提升基层医疗卫生服务能力',
      '促进中医药传承创新发展', '做好重点人群健康服务', '持续深化医疗领域腐败问题集中整治',
    ],
    heads: ['深化医改', '守牢公共卫生防线', '提升医疗服务质量', '推进中医药发展'],
    topics: ['公立医院高质量发展', '基层卫生健康', '健康中国行动', '医疗质量安全'],
    drives: [['健康中国', '行动'], ['改善就医感受、提升患者体验', '主题活动'], ['优质服务基层行', '活动']],
    units: ['委直属和联系单位', '机关各司局'],
  },
  housing: {
    work: '住房城乡建设',
    tasks: [
      '稳妥推进房地产市场平稳健康发展', '实施城市更新行动', '加快保障性住房建设', '推进城镇老旧小区改造', '提升建筑业发展质量',
      '加强城市基础设施建设', '推进美丽宜居乡村建设', '强化建筑施工安全监管',
    ],
    heads: ['稳定房地产市场', '实施城市更新', '抓好住房保障', '守牢安全底线'],
    topics: ['城镇老旧小区改造', '保障性住房建设', '城市更新', '建筑施工安全'],
    drives: [['好房子', '建设'], ['城市体检', '工作'], ['美丽宜居乡村', '建设']],
    units: ['部属单位', '机关各司局'],
  },
  education: {
    work: '教育',
    tasks: [
      '加快建设教育强国', '落实立德树人根本任务', '推进义务教育优质均衡发展', '深化新时代教育评价改革', '加强高素质专业化教师队伍建设',
      '推动高等教育高质量发展', '做好高校毕业生就业工作', '持续巩固“双减”成果',
    ],
    heads: ['落实立德树人', '深化教育改革', '加强教师队伍建设', '服务高质量发展'],
    topics: ['高校毕业生就业', '“双减”工作', '教育评价改革', '职业教育改革'],
    drives: [['双减', '工作'], ['强基', '计划'], ['一校一策', '行动']],
    units: ['部属高校', '直属单位', '机关各司局'],
  },
};

export interface Org {
  name: string;
  abbr: Abbr;
  level: 'central' | 'provincial';
  chief: string;
  vice: string;
  field: string;
  /** National bureaus whose heads are vice-ministers here (国家国防科技工业局 …). */
  bureaus: string[];
  vices: number;
  /** Central ministries have a stationed discipline group and a chief engineer or economist. */
  extras: ('disc' | 'engineer')[];
  engineerTitle: string;
  province: string | null;
  site: string;
  weight: number;
  /** First month (index) the body exists under any name; bulletins are not dated before it. */
  since: number;
  /** The name it had until the 2018 reform (环境保护部 → 生态环境部), and the first month of the new one. */
  formerly: { name: string; until: number } | null;
}

/** March 2018: the State Council reform that renamed or created several ministries. */
const REFORM_2018 = (2018 - 2014) * 12 + 2;
/** Provincial bodies of the reform were set up at the end of 2018. */
const PROVINCIAL_REFORM = (2018 - 2014) * 12 + 10;

/** The body's name in a given month. */
export const nameAt = (org: Org, month: number) => (org.formerly && month < org.formerly.until ? org.formerly.name : org.name);

const CENTRAL: (Omit<Org, 'level' | 'province' | 'site' | 'vices' | 'extras' | 'since' | 'formerly'> & { since?: number; formerly?: Org['formerly'] })[] = [
  { name: '工业和信息化部', abbr: '部', chief: '部长', vice: '副部长', field: 'industry', bureaus: ['国家国防科技工业局', '国家烟草专卖局'], engineerTitle: '总工程师', weight: 4 },
  { name: '交通运输部', abbr: '部', chief: '部长', vice: '副部长', field: 'transport', bureaus: ['国家铁路局', '中国民用航空局', '国家邮政局'], engineerTitle: '总工程师', weight: 2 },
  { name: '生态环境部', abbr: '部', chief: '部长', vice: '副部长', field: 'environment', bureaus: [], engineerTitle: '总工程师', weight: 2, formerly: { name: '环境保护部', until: REFORM_2018 } },
  { name: '水利部', abbr: '部', chief: '部长', vice: '副部长', field: 'water', bureaus: [], engineerTitle: '总工程师', weight: 2 },
  { name: '商务部', abbr: '部', chief: '部长', vice: '副部长', field: 'commerce', bureaus: [], engineerTitle: '总经济师', weight: 2 },
  { name: '自然资源部', abbr: '部', chief: '部长', vice: '副部长', field: 'resources', bureaus: [], engineerTitle: '总规划师', weight: 2, formerly: { name: '国土资源部', until: REFORM_2018 } },
  { name: '国家发展和改革委员会', abbr: '委', chief: '主任', vice: '副主任', field: 'development', bureaus: ['国家能源局'], engineerTitle: '总经济师', weight: 2 },
  { name: '科学技术部', abbr: '部', chief: '部长', vice: '副部长', field: 'science', bureaus: [], engineerTitle: '总工程师', weight: 1 },
  { name: '农业农村部', abbr: '部', chief: '部长', vice: '副部长', field: 'agriculture', bureaus: [], engineerTitle: '总经济师', weight: 1, formerly: { name: '农业部', until: REFORM_2018 } },
  { name: '应急管理部', abbr: '部', chief: '部长', vice: '副部长', field: 'emergency', bureaus: [], engineerTitle: '总工程师', weight: 1, since: REFORM_2018 },
  { name: '国家卫生健康委员会', abbr: '委', chief: '主任', vice: '副主任', field: 'health', bureaus: ['国家中医药管理局'], engineerTitle: '总经济师', weight: 1, formerly: { name: '国家卫生和计划生育委员会', until: REFORM_2018 } },
  { name: '住房和城乡建设部', abbr: '部', chief: '部长', vice: '副部长', field: 'housing', bureaus: [], engineerTitle: '总工程师', weight: 1 },
  { name: '教育部', abbr: '部', chief: '部长', vice: '副部长', field: 'education', bureaus: [], engineerTitle: '总督学', weight: 1 },
];

const CAPITALS: Record<string, string> = {
  江苏省: '南京', 广东省: '广州', 浙江省: '杭州', 山东省: '济南', 四川省: '成都', 湖北省: '武汉', 湖南省: '长沙', 河南省: '郑州',
  河北省: '石家庄', 福建省: '福州', 安徽省: '合肥', 江西省: '南昌', 陕西省: '西安', 辽宁省: '沈阳', 云南省: '昆明', 贵州省: '贵阳',
  甘肃省: '兰州', 山西省: '太原', 吉林省: '长春', 黑龙江省: '哈尔滨', 海南省: '海口', 青海省: '西宁', 广西壮族自治区: '南宁',
  内蒙古自治区: '呼和浩特', 宁夏回族自治区: '银川', 新疆维吾尔自治区: '乌鲁木齐', 北京市: '京', 上海市: '沪', 天津市: '津', 重庆市: '渝',
};

const PROVINCES = [
  '江苏省', '广东省', '浙江省', '山东省', '四川省', '湖北省', '湖南省', '河南省', '河北省', '福建省', '安徽省', '江西省', '陕西省',
  '辽宁省', '云南省', '贵州省', '甘肃省', '山西省', '吉林省', '黑龙江省', '海南省', '青海省', '广西壮族自治区', '内蒙古自治区',
  '宁夏回族自治区', '新疆维吾尔自治区', '北京市', '上海市', '天津市', '重庆市',
];

/** Provincial body types: [name suffix, abbr, chief, vice, field]. Municipalities have their own. */
const PROVINCIAL_BODIES: [string, Abbr, string, string, string][] = [
  ['工业和信息化厅', '厅', '厅长', '副厅长', 'industry'],
  ['通信管理局', '局', '局长', '副局长', 'telecom'],
  ['交通运输厅', '厅', '厅长', '副厅长', 'transport'],
  ['生态环境厅', '厅', '厅长', '副厅长', 'environment'],
  ['水利厅', '厅', '厅长', '副厅长', 'water'],
  ['商务厅', '厅', '厅长', '副厅长', 'commerce'],
  ['自然资源厅', '厅', '厅长', '副厅长', 'resources'],
  ['发展和改革委员会', '委', '主任', '副主任', 'development'],
];
const MUNICIPAL_BODIES: [string, Abbr, string, string, string][] = [
  ['通信管理局', '局', '局长', '副局长', 'telecom'],
  ['发展和改革委员会', '委', '主任', '副主任', 'development'],
  ['生态环境局', '局', '局长', '副局长', 'environment'],
  ['经济和信息化局', '局', '局长', '副局长', 'industry'],
];

// ---------------------------------------------------------------------------------------------
// The world: bodies, and officials whose posts change month by month.

/** Months from 2014-01 (0) to 2024-12 (131). Bulletins are dated 2015–2024. */
const MONTHS = 132;
const FIRST_BULLETIN_MONTH = 12;
const monthLabel = (m: number) => `${2014 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

type SlotKind = 'chief' | 'vice' | 'disc' | 'engineer';

interface Slot {
  org: number;
  kind: SlotKind;
  /** Vice slot k < bureaus.length also heads bureaus[k]. */
  index: number;
}

interface Tenure {
  slot: Slot;
  from: number;
  /** Exclusive; MONTHS while still in post at the end. */
  to: number;
}

export interface Official {
  id: number;
  name: string;
  tenures: Tenure[];
}

export interface World {
  seed: string;
  orgs: Org[];
  officials: Official[];
  /** Per org, per slot: the tenures in order. */
  holders: Tenure[][][];
  slots: Slot[][];
  tenureOwner: Map<Tenure, Official>;
  /** Every official's name: guests drawn for one bulletin avoid them. */
  names: Set<string>;
  orgPick: Weighted<number>;
  /** Chief tenures that start inside the bulletin years: occasions for an appointment 干部大会. */
  appointments: Tenure[];
}

export function buildWorld(seed: string): World {
  ensureTemplateText();
  const rng = new Rng(`${seed}:world`);
  const orgs: Org[] = [];
  for (const c of CENTRAL) {
    orgs.push({
      ...c,
      since: c.since ?? 0,
      formerly: c.formerly ?? null,
      level: 'central',
      province: null,
      site: `中华人民共和国${c.name}`,
      vices: Math.max(c.bureaus.length, rng.int(3, 5)),
      extras: rng.chance(0.7) ? ['disc', 'engineer'] : ['disc'],
    });
  }
  for (const province of PROVINCES) {
    const municipal = province.endsWith('市');
    const bodies = rng.sample(municipal ? MUNICIPAL_BODIES : PROVINCIAL_BODIES, municipal ? 2 : rng.int(1, 3));
    // The project's own field is always there: every province has its 通信管理局 or 工信厅 half the time.
    for (const [suffix, abbr, chief, vice, field] of bodies) {
      orgs.push({
        name: province + suffix,
        abbr,
        level: 'provincial',
        chief,
        vice,
        field,
        bureaus: [],
        vices: rng.int(2, 4),
        extras: [],
        engineerTitle: '',
        province,
        site: province + suffix,
        since: suffix === '自然资源厅' || suffix === '生态环境厅' ? PROVINCIAL_REFORM : 0,
        formerly: null,
        weight: suffix === '通信管理局' || suffix === '工业和信息化厅' ? 1.2 : 0.6,
      });
    }
  }

  const officials: Official[] = [];
  const taken = new Set<string>();
  const tenureOwner = new Map<Tenure, Official>();
  const current = new Map<Official, Tenure>();
  const holders: Tenure[][][] = [];
  const slots: Slot[][] = [];
  orgs.forEach((org, o) => {
    const list: Slot[] = [{ org: o, kind: 'chief', index: 0 }];
    for (let k = 0; k < org.vices; k++) list.push({ org: o, kind: 'vice', index: k });
    for (const e of org.extras) list.push({ org: o, kind: e, index: 0 });
    slots.push(list);
    holders.push(list.map(() => []));
  });
  const slotIndex = (slot: Slot) => slots[slot.org]!.indexOf(slot);
  const holderOf = (slot: Slot): Official | null => {
    const list = holders[slot.org]![slotIndex(slot)]!;
    const last = list[list.length - 1];
    return last && last.to === MONTHS ? tenureOwner.get(last)! : null;
  };
  const start = (official: Official, slot: Slot, month: number) => {
    const t: Tenure = { slot, from: month, to: MONTHS };
    official.tenures.push(t);
    holders[slot.org]![slotIndex(slot)]!.push(t);
    tenureOwner.set(t, official);
    current.set(official, t);
  };
  const end = (official: Official, month: number): Slot => {
    const t = current.get(official)!;
    t.to = month;
    current.delete(official);
    return t.slot;
  };
  const newcomer = (): Official => {
    const o: Official = { id: officials.length + 1, name: drawName(rng, taken), tenures: [] };
    officials.push(o);
    return o;
  };
  for (const list of slots) for (const slot of list) start(newcomer(), slot, 0);

  const serving = (month: number, test: (slot: Slot) => boolean, minMonths: number): Official[] => {
    const out: Official[] = [];
    for (const [official, t] of current) if (test(t.slot) && month - t.from >= minMonths) out.push(official);
    return out;
  };
  const HAZARD: Record<SlotKind, number> = { chief: 1 / 54, vice: 1 / 60, disc: 1 / 60, engineer: 1 / 72 };

  for (let month = 1; month < MONTHS; month++) {
    const vacancies: Slot[] = [];
    for (const list of slots) {
      for (const slot of list) {
        const h = holderOf(slot);
        if (h && rng.chance(HAZARD[slot.kind])) {
          end(h, month);
          vacancies.push(slot);
        }
      }
    }
    while (vacancies.length > 0) {
      const slot = vacancies.shift()!;
      const org = orgs[slot.org]!;
      const r = rng.next();
      let mover: Official | null = null;
      if (slot.kind === 'chief') {
        const ownVices = serving(month, (s) => s.org === slot.org && s.kind === 'vice', 12);
        const otherVices = serving(month, (s) => s.org !== slot.org && s.kind === 'vice' && orgs[s.org]!.level === org.level, 24);
        const otherChiefs = serving(month, (s) => s.org !== slot.org && s.kind === 'chief' && orgs[s.org]!.level === org.level, 24);
        if (r < 0.45 && ownVices.length) mover = rng.pick(ownVices);
        else if (r < 0.7 && otherVices.length) mover = rng.pick(otherVices);
        else if (r < 0.82 && otherChiefs.length) mover = rng.pick(otherChiefs);
      } else if (slot.kind === 'vice') {
        if (org.level === 'central') {
          const provincialChiefs = serving(month, (s) => s.kind === 'chief' && orgs[s.org]!.level === 'provincial', 24);
          const otherVices = serving(month, (s) => s.org !== slot.org && s.kind === 'vice' && orgs[s.org]!.level === 'central', 24);
          if (r < 0.3 && provincialChiefs.length) mover = rng.pick(provincialChiefs);
          else if (r < 0.42 && otherVices.length) mover = rng.pick(otherVices);
        } else {
          const sameProvince = serving(month, (s) => s.org !== slot.org && s.kind === 'vice' && orgs[s.org]!.province === org.province, 24);
          if (r < 0.2 && sameProvince.length) mover = rng.pick(sameProvince);
        }
      } else if (r < 0.15) {
        const others = serving(month, (s) => s.kind === 'vice' && s.org !== slot.org && orgs[s.org]!.level === 'central', 24);
        if (others.length) mover = rng.pick(others);
      }
      if (mover) vacancies.push(end(mover, month));
      start(mover ?? newcomer(), slot, month);
    }
  }

  const appointments: Tenure[] = [];
  holders.forEach((perOrg) => {
    for (const t of perOrg[0]!) if (t.from >= Math.max(FIRST_BULLETIN_MONTH, orgs[t.slot.org]!.since)) appointments.push(t);
  });
  return {
    seed,
    orgs,
    officials,
    holders,
    slots,
    tenureOwner,
    names: new Set(officials.map((o) => o.name)),
    orgPick: new Weighted(orgs.map((o, i) => [i, o.weight] as [number, number])),
    appointments,
  };
}

interface Holder {
  official: Official;
  slot: Slot;
  tenure: Tenure;
}

function holdersAt(world: World, org: number, month: number): Holder[] {
  const out: Holder[] = [];
  world.holders[org]!.forEach((list, k) => {
    for (const t of list) {
      if (t.from <= month && month < t.to) out.push({ official: world.tenureOwner.get(t)!, slot: world.slots[org]![k]!, tenure: t });
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Ground truth.

export type TruthRole = 'chair' | 'speaker' | 'attendee' | 'mentioned';

export interface TruthPerson {
  name: string;
  /** [title, organization] as the text gives them (a bare name gives none). */
  posts: [string, string][];
  role: TruthRole;
  /** Official id in the manifest's officials, for the recurring ones. */
  official: number | null;
}

export interface TruthMeeting {
  name: string;
  /** One of the genre's kinds. */
  kind: string;
  date: string;
  dateEnd: string | null;
  /** True where the text prints the date without its year. */
  dateWithoutYear: boolean;
  organizer: string;
  form: string | null;
  attendance: { count: number | null; approximate: boolean; mainVenue: boolean; branchVenues: boolean };
  campaign: string | null;
}

export interface TruthDirective {
  speaker: string | null;
  verb: string;
  items: number;
}

export interface FileTruth {
  index: number;
  file: string;
  form: 'seed' | 'page' | 'text';
  script: 'simplified' | 'traditional';
  encoding: 'utf-8' | 'gbk' | 'big5';
  /** The bulletin's title (simplified, as generated). */
  title: string;
  publishedAt: string | null;
  /** Characters of the article text (paragraphs), before markup. */
  chars: number;
  meeting: TruthMeeting;
  people: TruthPerson[];
  directives: TruthDirective[];
}

export interface GeneratedFile {
  /** Path relative to the corpus folder. */
  path: string;
  bytes: Uint8Array;
  /** The file as text (before encoding), in its script. */
  text: string;
  truth: FileTruth;
}

// ---------------------------------------------------------------------------------------------
// Phrase banks (our own wording in the genre's register).

const NATIONAL_LEADERS = new Set(['习近平', '李克强', '李强', '赵乐际', '王沪宁', '蔡奇', '丁薛祥', '李希', '栗战书', '汪洋', '韩正']);

const ORDINALS = ['一', '二', '三', '四', '五', '六'];

/** Items in a per-file shuffled order; a new shuffle once all are drawn. */
class Deck<T> {
  private order: T[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly items: readonly T[],
  ) {}

  draw(): T {
    if (this.order.length === 0) this.order = this.rng.shuffle(this.items);
    return this.order.pop()!;
  }
}

const AS_WHAT = ['开展这项工作', '学习贯彻', '抓好整改落实', '加强作风建设', '防范化解重大风险', '推动高质量发展'];
const AS_WHICH = ['当前的重要政治任务', '推动工作的重要抓手', '检验工作成效的重要标准', '一项长期任务', '首要任务'];
const PRINCIPLES = ['系统观念', '问题导向和目标导向相统一', '稳中求进', '守正创新', '以人民为中心', '严的基调', '实事求是'];
const DOINGS = ['以上率下、真抓实干', '知行合一、学以致用', '守土有责、守土负责、守土尽责', '善作善成、久久为功', '敢于担当、善于作为'];

const GENERIC_TASKS = [
  '深入学习贯彻习近平新时代中国特色社会主义思想', '坚决贯彻落实党中央、国务院决策部署', '全面落实管党治党政治责任',
  '持续深化纠治“四风”', '严格执行中央八项规定及其实施细则精神', '扎实推进党风廉政建设和反腐败斗争', '着力锻造忠诚干净担当的高素质干部队伍',
  '切实把学习成果转化为推动工作的实际成效', '坚持以人民为中心的发展思想', '统筹发展和安全', '坚持稳中求进工作总基调',
  '推进全面从严治党向纵深发展', '加强机关党的建设', '压紧压实意识形态工作责任', '树立和践行正确政绩观', '持续加强基层党组织建设',
  '健全完善制度机制', '强化干部队伍教育管理监督', '营造风清气正的政治生态', '推动各项工作任务落地见效', '切实增强“四个意识”、坚定“四个自信”、做到“两个维护”',
  '认真落实意识形态工作责任制', '坚持严的主基调不动摇', '一体推进不敢腐、不能腐、不想腐', '坚持和加强党的全面领导',
  '深化政治机关建设', '加强年轻干部培养选拔', '持续整治形式主义、官僚主义', '切实为基层减负', '完善权力运行制约和监督机制',
  '加强重点领域风险防范化解', '抓好巡视反馈问题整改', '健全落实责任清单', '推进法治政府建设', '提升服务群众水平', '深化机关作风建设',
  '严肃党内政治生活', '锲而不舍纠治“四风”', '深入开展调查研究', '加强干部教育培训', '推动党建和业务深度融合',
];
const LATER_TASKS = ['完整、准确、全面贯彻新发展理念', '加快构建新发展格局', '深刻领悟“两个确立”的决定性意义', '不断提高政治判断力、政治领悟力、政治执行力', '大兴调查研究之风'];
const HEADS = [
  '提高政治站位', '压实工作责任', '狠抓工作落实', '强化底线思维', '加强统筹协调', '抓好学习教育', '聚焦主责主业', '从严管理干部', '严守纪律规矩',
  '坚持问题导向', '深化改革创新', '守牢安全底线', '加强作风建设', '强化督促检查', '注重建章立制', '抓住责任落实这个关键', '找准问题症结',
  '做实整改工作',
];
const ADVERBIALS = ['各级党组织要', '全系统要', '党员干部要', '各单位各部门要', '要', '要坚持问题导向，', '要进一步', '必须', '要始终', '要切实'];
const TAILS = [
  '为推动事业高质量发展提供坚强保障', '确保各项任务落到实处', '以实际行动践行初心使命', '不断开创工作新局面', '向党中央和人民群众交上一份满意答卷',
  '推动全面从严治党向纵深发展', '确保党中央决策部署在本系统落地生根', '为经济社会发展作出新的更大贡献',
  '把各项工作做深做实做细',
];
/** Tails that belong to one year. */
const YEAR_TAILS: Record<number, string> = {
  2017: '以优异成绩迎接党的十九大胜利召开',
  2019: '以优异成绩庆祝新中国成立70周年',
  2021: '以优异成绩庆祝建党100周年',
  2022: '以优异成绩迎接党的二十大胜利召开',
};
const OPENERS = [
  '会议认为，过去一段时间以来，{org}系统认真贯彻落实党中央决策部署，各项工作取得积极成效，但也要清醒看到存在的困难和问题。',
  '习近平总书记的重要讲话思想深邃、内涵丰富，具有很强的政治性、思想性、针对性和指导性。',
  '开展这项工作，是贯彻落实党中央决策部署的重要举措，是推动{field}事业高质量发展的内在要求。',
  '当前，{field}工作面临的形势依然复杂严峻，机遇和挑战并存，必须保持战略定力，增强忧患意识。',
  '做好今年的各项工作，意义重大，任务艰巨。',
];
const YEAR_NOTES: Record<number, string> = {
  2015: '“十二五”规划收官之年', 2016: '“十三五”开局之年', 2017: '党的十九大召开之年', 2018: '贯彻党的十九大精神的开局之年',
  2019: '新中国成立70周年', 2020: '全面建成小康社会和“十三五”规划收官之年', 2021: '中国共产党成立100周年，也是“十四五”开局之年',
  2022: '党的二十大召开之年', 2023: '全面贯彻党的二十大精神的开局之年', 2024: '新中国成立75周年',
};
/** National campaigns by year: [quoted part or null, suffix]. */
const NATIONAL_CAMPAIGNS: Record<number, [string | null, string]> = {
  2015: ['三严三实', '专题教育'],
  2016: ['两学一做', '学习教育'],
  2019: ['不忘初心、牢记使命', '主题教育'],
  2021: [null, '党史学习教育'],
  2023: [null, '学习贯彻习近平新时代中国特色社会主义思想主题教育'],
  2024: [null, '党纪学习教育'],
};
const STUDIED = [
  '习近平总书记重要讲话精神', '习近平总书记关于{field}工作的重要指示批示精神', '习近平总书记在中央政治局集体学习时的重要讲话精神',
  '习近平总书记在中央经济工作会议上的重要讲话精神', '习近平总书记重要回信精神',
];
const LECTURERS: [string, string, string][] = [
  // [chain before the name, title, organization]
  ['中央党校（国家行政学院）教授', '教授', '中央党校（国家行政学院）'],
  ['中国社会科学院研究员', '研究员', '中国社会科学院'],
  ['国务院发展研究中心研究员', '研究员', '国务院发展研究中心'],
  ['中国工程院院士', '院士', '中国工程院'],
];
const TOPIC_SPEECHES = ['坚定理想信念，勇担时代使命', '学思践悟新思想，砥砺奋进新征程', '以自我革命精神推进全面从严治党', '弘扬伟大建党精神', '牢记初心使命，争做忠诚干净担当的表率', '以党的政治建设为统领'];
const DEPARTMENTS = ['办公厅', '规划司', '政策法规司', '综合司', '人事教育司', '机关党委', '财务司', '科技司', '安全生产监督管理司'];
const PROV_DEPARTMENTS = ['办公室', '综合处', '政策法规处', '规划处', '机关党委', '人事处', '安全监督处'];

function ensureTemplateText(): void {
  if (templateText) return;
  const parts: string[] = [...GENERIC_TASKS, ...LATER_TASKS, ...HEADS, ...TAILS, ...OPENERS, ...TOPIC_SPEECHES, ...DEPARTMENTS, ...PROV_DEPARTMENTS];
  for (const f of Object.values(FIELDS)) parts.push(f.work, ...f.tasks, ...f.heads, ...f.topics, ...f.units);
  templateText = parts.join('|');
}

// ---------------------------------------------------------------------------------------------
// One bulletin.

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const iso = ({ y, m, d }: Ymd) => `${y}-${pad2(m)}-${pad2(d)}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const weekday = ({ y, m, d }: Ymd) => new Date(Date.UTC(y, m - 1, d)).getUTCDay();
function addDays(date: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const KINDS = new Weighted<string>([
  ['党组会议', 12], ['工作会议', 12], ['座谈会', 9], ['电视电话会议', 8], ['理论学习中心组学习会', 8], ['干部大会', 6], ['推进会', 6],
  ['党组扩大会', 5], ['动员部署会', 5], ['专题党课', 5], ['务虚会', 4], ['报告会', 4], ['升国旗仪式', 3],
]);

class Bulletin {
  readonly people = new Map<string, TruthPerson>();
  readonly directives: TruthDirective[] = [];
  readonly paragraphs: string[] = [];
  readonly taken: Set<string>;
  /** Named in the text so far with their chain: later mentions use the bare name. */
  readonly introduced = new Set<string>();
  readonly org: Org;
  readonly field: Field;
  readonly holders: Holder[];
  chair: Holder | null = null;
  speakers: Holder[] = [];
  enumeration: 'shi' | 'yao' = 'shi';

  constructor(
    readonly rng: Rng,
    readonly world: World,
    readonly orgIndex: number,
    readonly month: number,
    readonly date: Ymd,
  ) {
    this.org = world.orgs[orgIndex]!;
    this.field = FIELDS[this.org.field]!;
    this.holders = holdersAt(world, orgIndex, month);
    this.taken = new Set();
  }

  get year(): number {
    return this.date.y;
  }

  /** The body's name on the bulletin's date. */
  get name(): string {
    return nameAt(this.org, this.month);
  }

  get site(): string {
    return this.org.level === 'central' ? `中华人民共和国${this.name}` : this.org.site;
  }

  chief(): Holder {
    return this.holders.find((h) => h.slot.kind === 'chief')!;
  }

  others(exclude: Holder[]): Holder[] {
    return this.holders.filter((h) => !exclude.includes(h));
  }

  see(name: string, role: TruthRole, posts: [string, string][], official: number | null): void {
    const rank: Record<TruthRole, number> = { chair: 4, speaker: 3, attendee: 2, mentioned: 1 };
    const p = this.people.get(name);
    if (!p) {
      this.people.set(name, { name, posts: [...posts], role, official });
      return;
    }
    for (const post of posts) if (!p.posts.some((q) => q[0] === post[0] && q[1] === post[1])) p.posts.push(post);
    if (rank[role] > rank[p.role]) p.role = role;
  }

  /** The title chain and name of a holder of this body, in full, short (部党组书记、部长) or bare form. */
  ref(h: Holder, role: TruthRole, style: 'full' | 'short' | 'bare' | 'auto' = 'auto'): string {
    const name = h.official.name;
    const org = this.world.orgs[h.slot.org]!;
    const own = h.slot.org === this.orgIndex;
    if (style === 'auto') style = this.introduced.has(name) ? 'bare' : own && this.rng.chance(0.55) ? 'short' : 'full';
    if (!own && style === 'short') style = 'full';
    if (style === 'bare') {
      this.see(name, role, [], h.official.id);
      return name;
    }
    const at = style === 'full' ? nameAt(org, this.month) : org.abbr;
    const posts = slotPosts(org, h.slot, this.month);
    let chain: string;
    switch (h.slot.kind) {
      case 'chief':
        chain = `${at}党组书记、${org.chief}`;
        break;
      case 'vice': {
        const bureau = org.bureaus[h.slot.index];
        chain = org.level === 'central' || this.rng.chance(0.7) ? `${at}党组成员、${org.vice}` : `${at}${org.vice}`;
        if (!chain.includes('党组成员')) posts.splice(0, 1);
        if (bureau) chain += `、${bureau}局长`;
        break;
      }
      case 'disc':
        chain = `${at}党组成员、中央纪委国家监委驻${at}纪检监察组组长`;
        break;
      case 'engineer':
        chain = `${at}${org.engineerTitle}`;
        break;
    }
    this.introduced.add(name);
    this.see(name, role, posts, h.official.id);
    return chain + name;
  }

  /** A person outside the pool (a guest, a lecturer, a department head) with the chain given. */
  guest(chain: string, posts: [string, string][], role: TruthRole): string {
    const name = drawName(this.rng, this.taken, this.world.names);
    this.introduced.add(name);
    this.see(name, role, posts, null);
    return chain + name;
  }

  /** A speech studied at the meeting: mostly the General Secretary's, sometimes the Premier's. */
  studied(): string {
    if (this.rng.chance(0.12)) {
      const premier = this.year < 2023 || (this.year === 2023 && this.date.m < 3) ? '李克强' : '李强';
      this.see(premier, 'mentioned', [['总理', '国务院']], null);
      return `${premier}总理在国务院常务会议上的重要讲话精神`;
    }
    return this.fill(this.rng.pick(STUDIED)).replace('习近平总书记', this.leader('mentioned'));
  }

  /** A member of the leadership relays a document or speech (传达). */
  relay(): string {
    const vices = this.holders.filter((h) => h.slot.kind === 'vice' && !this.speakers.includes(h) && h !== this.chair);
    if (vices.length === 0) return '';
    const v = this.rng.pick(vices);
    this.speakers.push(v);
    return `${this.ref(v, 'speaker')}传达了${this.studied()}。`;
  }

  leader(role: 'mentioned'): string {
    this.see('习近平', role, [['总书记', '党中央']], null);
    return '习近平总书记';
  }

  // --- sentences -------------------------------------------------------------------------

  fill(s: string): string {
    return s.replaceAll('{org}', this.org.abbr).replaceAll('{field}', this.field.work);
  }

  private decks = new Map<string, Deck<string>>();

  /** Draws from a per-file shuffled deck, so that a bulletin repeats itself as little as the genre does. */
  draw(name: string, items: () => string[]): string {
    let deck = this.decks.get(name);
    if (!deck) this.decks.set(name, (deck = new Deck(this.rng, items())));
    return deck.draw();
  }

  task(): string {
    return this.draw('task', () => [
      ...this.field.tasks,
      ...this.field.tasks,
      ...GENERIC_TASKS,
      ...(this.year >= 2020 ? LATER_TASKS : []),
      ...(this.year >= 2020 && this.year <= 2022 ? ['统筹推进疫情防控和经济社会发展', '毫不放松抓好常态化疫情防控'] : []),
    ]);
  }

  topic(): string {
    return this.draw('topic', () => this.field.topics);
  }

  tail(): string {
    const own = YEAR_TAILS[this.year];
    return this.draw('tail', () => (own ? [...TAILS, own] : TAILS));
  }

  sentence(): string {
    const rng = this.rng;
    switch (rng.int(0, 9)) {
      case 0:
      case 1:
        return `${rng.pick(ADVERBIALS)}${this.task()}，${this.task()}，${this.tail()}。`;
      case 2:
        return `要${this.task()}，${this.task()}，${this.task()}。`;
      case 3:
        return `${rng.pick(ADVERBIALS)}${this.task()}，${this.tail()}。`;
      case 4:
        return `${rng.pick(['聚焦', '围绕', '紧扣'])}${this.topic()}，${this.task()}，推动${this.draw('head', () => this.field.heads)}取得新进展。`;
      case 5:
        return `要把${rng.pick(AS_WHAT)}作为${rng.pick(AS_WHICH)}，${this.task()}，${this.tail()}。`;
      case 6:
        return `要坚持${rng.pick(PRINCIPLES)}，${this.task()}，${this.task()}。`;
      case 7:
        return `在${this.topic()}方面，要${this.task()}，${this.task()}。`;
      case 8:
        return `${this.task()}，${rng.pick(['是一项长期任务', '是一项系统工程', '事关全局', '责任重大'])}，${rng.pick(['必须', '要'])}${this.task()}，${this.tail()}。`;
      default:
        return `${rng.pick(['领导干部要带头', '机关各单位要', '各级领导班子要'])}${this.task()}，${rng.pick(['做到', '切实做到'])}${rng.pick(DOINGS)}。`;
    }
  }

  /** 一是要…。…。二是要…。 (or 一要…，…；二要…), `n` items. */
  items(n: number): string {
    const heads = this.rng.sample([...HEADS, ...this.field.heads], n);
    return heads
      .map((head, k) => {
        const body = this.sentence() + (this.rng.chance(0.5) ? this.sentence() : '');
        return this.enumeration === 'shi' ? `${ORDINALS[k]}是要${head}。${body}` : `${ORDINALS[k]}要${head}，${body}`;
      })
      .join('');
  }

  /** A directive paragraph: 会议指出 / 会议强调 or the speaker's own. */
  directive(speaker: Holder | null, verb: string, items: number): void {
    const by = speaker
      ? this.rng.pick([
          `${this.ref(speaker, 'speaker', 'bare')}${verb}，`,
          `${this.ref(speaker, 'speaker', 'bare')}在讲话中${verb}，`,
          `${this.ref(speaker, 'speaker', 'bare')}同志${verb}，`,
        ])
      : `${this.rng.pick(['会议', '会议', '会议', '会上'])}${verb}，`;
    let text = by;
    if (items > 0) {
      text += `${this.sentence()}`;
      text += this.items(items);
    } else {
      text += this.fill(this.rng.pick(OPENERS)).replace(/^会议认为，/, '');
      text += this.sentence();
      if (this.rng.chance(0.6)) text += this.sentence();
    }
    this.directives.push({ speaker: speaker ? speaker.official.name : null, verb, items });
    this.paragraphs.push(text);
  }

  /** 会议听取了…汇报 / 会议审议通过了《…》: business of the meeting. */
  business(): void {
    const rng = this.rng;
    const dept = rng.pick(this.org.level === 'central' ? DEPARTMENTS : PROV_DEPARTMENTS);
    const docs = [
      `关于进一步加强${this.topic()}工作的实施意见`,
      `${this.year}年${this.field.work}工作要点`,
      `${this.org.abbr}党组工作规则`,
      `关于加强和改进${this.topic()}工作的若干措施`,
      `${this.org.abbr}党组${this.year}年落实全面从严治党主体责任清单`,
    ];
    const text = rng.chance(0.5)
      ? `会议听取了${dept}关于${this.topic()}工作情况的汇报，${rng.pick(['研究了下一步工作安排', '对有关工作作出部署', '原则同意有关工作安排'])}。${this.sentence()}`
      : `会议审议并原则通过了《${rng.pick(docs)}》，要求${rng.pick(['有关司局', '有关单位', '相关部门'])}根据会议意见修改完善后印发实施。${this.sentence()}`;
    this.paragraphs.push(text);
  }

  /** 会议认为…以来…取得明显成效: a look back. */
  review(): void {
    const rng = this.rng;
    const since = rng.pick([`${this.date.m <= 3 ? this.year - 1 : this.year}年以来`, '今年以来', '过去一年', '党的十八大以来']);
    this.directives.push({ speaker: null, verb: '认为', items: 0 });
    this.paragraphs.push(
      `会议认为，${since}，${this.org.abbr}系统${this.task()}，${this.task()}，${this.topic()}工作取得明显成效，${rng.pick(['各项主要目标任务顺利完成', '为经济社会发展作出了积极贡献', '党的建设质量不断提升'])}。${this.sentence()}`,
    );
  }

  bodyLength(): number {
    let n = 0;
    for (const p of this.paragraphs) n += p.length;
    return n;
  }
}

function slotPosts(org: Org, slot: Slot, month: number): [string, string][] {
  const name = nameAt(org, month);
  const party = `${name}党组`;
  switch (slot.kind) {
    case 'chief':
      return [['党组书记', party], [org.chief, name]];
    case 'vice': {
      const posts: [string, string][] = [['党组成员', party], [org.vice, name]];
      const bureau = org.bureaus[slot.index];
      if (bureau) posts.push(['局长', bureau]);
      return posts;
    }
    case 'disc':
      return [['党组成员', party], ['组长', `中央纪委国家监委驻${name}纪检监察组`]];
    case 'engineer':
      return [[org.engineerTitle, name]];
  }
}

/** Posts of a slot, for the manifest's careers, under the body's current name (the manifest's
 * organizations list gives the former one). */
function postsOfTenure(world: World, t: Tenure): [string, string][] {
  return slotPosts(world.orgs[t.slot.org]!, t.slot, MONTHS - 1);
}

interface Lead {
  name: string;
  kind: string;
  title: string;
  form: string | null;
  campaign: string | null;
  dateEnd: Ymd | null;
  /** The meeting name holds its year (2021年全国…工作会议) and it is the meeting's year. */
  yearInName: boolean;
  /** The body is the subject (某部召开部党组扩大会议): it convenes, even a meeting named for its party group. */
  bodyConvenes: boolean;
}

function pickDate(rng: Rng, month: number, kind: string): Ymd {
  const y = 2014 + Math.floor(month / 12);
  const m = (month % 12) + 1;
  if (kind === '升国旗仪式') {
    // The first working morning of a month, or 国庆 / 元旦.
    let d: Ymd = { y, m, d: 1 };
    while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, 1);
    return d;
  }
  for (;;) {
    const d: Ymd = { y, m, d: rng.int(1, daysIn(y, m)) };
    if (weekday(d) !== 0 && weekday(d) !== 6) return d;
  }
}

function monthFor(rng: Rng, kind: string): number {
  const year = rng.int(2015, 2024);
  const base = (year - 2014) * 12;
  switch (kind) {
    case '务虚会':
      return base + rng.pick([0, 6, 11, 11]);
    case '工作会议':
      return base + (rng.chance(0.5) ? rng.pick([0, 11]) : rng.int(0, 11));
    case '升国旗仪式':
      return base + rng.pick([0, 6, 9]);
    case '动员部署会': {
      const years = Object.keys(NATIONAL_CAMPAIGNS).map(Number);
      if (rng.chance(0.6)) return (rng.pick(years) - 2014) * 12 + rng.int(2, 6);
      return base + rng.int(0, 11);
    }
    default:
      return base + rng.int(0, 11);
  }
}

const dateText = ({ y, m, d }: Ymd, withYear: boolean) => `${withYear ? `${y}年` : ''}${m}月${d}日`;

/** The lead paragraph and the meeting's name for each kind. Sets chair and speakers. */
function lead(b: Bulletin, kind: string, when: string): Lead {
  const { rng, org, field } = b;
  const chief = b.chief();
  const party = `${org.abbr}党组`;
  const orgName = b.name;
  const out: string[] = [];
  let name = kind;
  let title = '';
  let form: string | null = null;
  let campaign: string | null = null;
  let dateEnd: Ymd | null = null;
  let yearInName = false;
  let bodyConvenes = false;
  const purpose = (): string => {
    switch (rng.int(0, 4)) {
      case 0:
        return `传达学习${b.leader('mentioned')}重要讲话精神，研究部署贯彻落实工作`;
      case 1:
        return `深入学习贯彻${b.studied()}，${b.task()}`;
      case 2:
        return b.date.m === 12 || b.date.m <= 2
          ? `总结${b.year - (b.date.m <= 2 ? 1 : 0)}年工作，分析当前形势，部署下一阶段重点任务`
          : `总结${b.date.m >= 7 ? '上半年' : '前一阶段'}工作，分析当前形势，部署下一阶段重点任务`;
      case 3:
        return `研究部署${rng.pick(field.topics)}工作`;
      default:
        return `听取${rng.pick(field.topics)}工作情况汇报，研究部署下一步工作`;
    }
  };

  switch (kind) {
    case '党组会议': {
      name = rng.chance(0.7) ? `${party}会议` : '党组会议';
      b.chair = chief;
      out.push(`${when}，${b.ref(chief, 'chair')}主持召开${name}，${purpose()}。`);
      if (rng.chance(0.3)) out.push(b.relay());
      title = `${chief.official.name}主持召开${party}会议`;
      if (rng.chance(0.5)) title = `${orgName}召开党组会议${rng.pick(['', `研究部署${rng.pick(field.topics)}工作`])}`;
      break;
    }
    case '党组扩大会': {
      name = rng.pick([`${party}扩大会议`, '党组扩大会', `${party}扩大会`]);
      b.chair = chief;
      bodyConvenes = rng.chance(0.5);
      if (bodyConvenes) out.push(`${when}，${orgName}召开${name}，${purpose()}。${b.ref(chief, 'chair')}主持会议并讲话。`);
      else out.push(`${when}，${b.ref(chief, 'chair')}主持召开${name}，${purpose()}。`);
      title = `${orgName}召开党组扩大会议`;
      break;
    }
    case '务虚会': {
      const y = b.date.m >= 11 ? b.year + 1 : b.year;
      name = rng.chance(0.5) ? `${party}务虚会` : `${y}年${org.abbr}务虚会`;
      yearInName = name.startsWith(`${b.year}年`);
      b.chair = chief;
      out.push(`${when}，${b.ref(chief, 'chair')}主持召开${name}，围绕${rng.pick(field.topics)}等重大问题深入研讨交流，谋划${y}年工作思路。`);
      title = `${orgName}召开${name.replace(party, '党组')}`;
      break;
    }
    case '座谈会': {
      const topic = rng.pick([rng.pick(field.topics), '青年干部', b.date.m <= 2 ? '离退休干部迎春' : '离退休干部', '民营企业', '专家学者', '基层代表']);
      name = `${topic}座谈会`;
      b.chair = chief;
      if (rng.chance(0.5)) {
        out.push(`${when}，${orgName}召开${name}，听取意见建议。${b.ref(chief, 'chair')}主持座谈会并讲话。`);
      } else {
        out.push(`${when}，${b.ref(chief, 'chair')}主持召开${name}，听取有关方面对${rng.pick(field.topics)}工作的意见建议。`);
      }
      out.push(`${rng.pick(field.units)}和${rng.int(6, 15)}家单位负责同志参加座谈并先后发言。`);
      title = `${orgName}召开${name}`;
      break;
    }
    case '电视电话会议': {
      const topic = rng.pick(field.topics);
      name = org.level === 'central' ? `全国${topic}工作电视电话会议` : `全省${topic}工作电视电话会议`;
      form = '电视电话会议';
      const speaker = rng.chance(0.6) ? chief : rng.pick(b.others([chief]));
      b.speakers.push(speaker);
      out.push(`${when}，${orgName}召开${name}，${purpose()}。${b.ref(speaker, 'speaker')}出席会议并讲话。`);
      const others = b.others([speaker]);
      if (others.length > 0 && rng.chance(0.6)) {
        const c = rng.pick(others);
        b.chair = c;
        out.push(`会议由${b.ref(c, 'chair')}主持。`);
      }
      title = `${orgName}召开${name}`;
      break;
    }
    case '理论学习中心组学习会': {
      name = rng.pick([`${party}理论学习中心组学习会`, '理论学习中心组学习会', `${party}理论学习中心组集体学习`]);
      b.chair = chief;
      const lecture = rng.chance(0.35);
      bodyConvenes = true;
      out.push(`${when}，${orgName}召开${name}，${purpose()}。${b.ref(chief, 'chair')}主持会议并讲话。`);
      if (!lecture && rng.chance(0.3)) out.push(b.relay());
      if (lecture) {
        const [chain, t, o] = rng.pick(LECTURERS);
        out.push(`会议邀请${b.guest(chain, [[t, o]], 'speaker')}作专题辅导报告。`);
      }
      title = `${orgName}党组召开理论学习中心组学习会`;
      break;
    }
    case '干部大会': {
      name = '干部大会';
      const appointment = b.chief().tenure.from === b.month;
      if (appointment && org.level === 'central') {
        const announcer = b.guest('中央组织部副部长', [['副部长', '中央组织部']], 'speaker');
        out.push(
          `${when}，${orgName}召开干部大会，宣布党中央关于${orgName}主要负责同志职务调整的决定。${announcer}出席会议并宣布中央决定：${b.ref(chief, 'speaker', 'bare')}同志任${orgName}党组书记，提名为${orgName}${org.chief}人选。`,
        );
        out.push(`${chief.official.name}作表态发言。`);
        b.speakers.push(chief);
        b.see(chief.official.name, 'speaker', [['党组书记', `${orgName}党组`]], chief.official.id);
        title = `${orgName}召开干部大会`;
      } else if (appointment) {
        const announcer = b.guest(`${org.province}委组织部副部长`, [['副部长', `中共${org.province}委组织部`]], 'speaker');
        out.push(`${when}，${orgName}召开干部大会，宣布${org.province}委关于${orgName}主要负责同志任职的决定。${announcer}宣布了任职决定。`);
        out.push(`${b.ref(chief, 'speaker', 'bare')}同志任${orgName}党组书记，提名为${org.chief}人选，并作表态发言。`);
        b.speakers.push(chief);
        b.see(chief.official.name, 'speaker', [['党组书记', `${orgName}党组`]], chief.official.id);
        title = `${orgName}召开干部大会`;
      } else {
        b.chair = chief;
        out.push(`${when}，${orgName}召开干部大会，${purpose()}。${b.ref(chief, 'chair')}主持会议并讲话。`);
        title = `${orgName}召开干部大会`;
      }
      break;
    }
    case '推进会': {
      const topic = rng.pick(field.topics);
      name = rng.pick([`${topic}工作推进会`, `${topic}现场推进会`, `${topic}推进会`]);
      const speaker = rng.chance(0.5) ? chief : rng.pick(b.others([chief]));
      b.speakers.push(speaker);
      if (rng.chance(0.5)) out.push(`${when}，${orgName}在${rng.pick(['京', '北京', '杭州', '成都', '武汉', '西安', '合肥'])}召开${name}。${b.ref(speaker, 'speaker')}出席会议并讲话。`);
      else out.push(`${when}，${orgName}召开${name}，${b.ref(speaker, 'speaker')}出席会议并讲话。`);
      title = `${orgName}召开${name}`;
      break;
    }
    case '动员部署会': {
      const c = NATIONAL_CAMPAIGNS[b.year];
      if (c && rng.chance(0.8)) {
        campaign = c[0] ? `“${c[0]}”${c[1]}` : c[1];
        name = `${campaign}动员部署会`;
      } else {
        const [q, s] = rng.pick(field.drives);
        campaign = `“${q}”${s}`;
        name = `${campaign}动员部署会`;
      }
      if (!campaign.includes('“')) campaign = null;
      b.speakers.push(chief);
      const [before, after] = rng.pick([['对开展', '进行动员部署'], ['全面部署', '各项工作'], ['对', '作出安排部署']] as const);
      out.push(`${when}，${orgName}召开${name}，${before}${name.replace(/动员部署会$/, '')}${after}。`);
      if (b.year === 2019 && name.includes('不忘初心') && org.level === 'central') {
        const n = rng.int(1, 40);
        out.push(`中央第${n}指导组组长${b.guest('', [['组长', `中央第${n}指导组`]], 'speaker')}同志出席会议并作重要讲话。`);
      }
      out.push(`${b.ref(chief, 'speaker')}作动员讲话。`);
      const others = b.others([chief]);
      if (others.length > 0 && rng.chance(0.6)) {
        const c2 = rng.pick(others);
        b.chair = c2;
        out.push(`${b.ref(c2, 'chair')}主持会议。`);
      }
      title = `${orgName}召开${name}`;
      break;
    }
    case '专题党课': {
      const topic = rng.pick(TOPIC_SPEECHES);
      b.speakers.push(chief);
      if (rng.chance(0.5)) {
        name = '专题党课报告会';
        out.push(`${when}，${orgName}召开${name}，${b.ref(chief, 'speaker')}以“${topic}”为题讲授专题党课。`);
      } else {
        name = '专题党课';
        out.push(`${when}，${b.ref(chief, 'speaker')}以“${topic}”为题，为${org.abbr}机关党员干部讲授专题党课。`);
      }
      title = `${chief.official.name}为${org.abbr}机关党员干部讲授专题党课`;
      if (rng.chance(0.5)) title = `${orgName}举办专题党课`;
      break;
    }
    case '报告会': {
      const topic = rng.pick(['先进事迹', '形势政策', b.year >= 2023 ? '党的二十大精神宣讲' : '形势政策', '国家安全教育']);
      name = `${topic}报告会`;
      const [chain, t, o] = rng.pick(LECTURERS);
      out.push(`${when}，${orgName}举办${name}，邀请${b.guest(chain, [[t, o]], 'speaker')}作专题报告。`);
      b.chair = rng.pick(b.holders);
      out.push(`${b.ref(b.chair, 'chair')}主持报告会。`);
      title = `${orgName}举办${name}`;
      break;
    }
    case '升国旗仪式': {
      name = '升国旗仪式';
      b.speakers.push(chief);
      out.push(
        `${when}，${orgName}在机关大院举行${name}，${rng.pick(['迎接新年', '庆祝中国共产党成立' + (b.year - 1921) + '周年', '庆祝中华人民共和国成立' + (b.year - 1949) + '周年'])}。${b.ref(chief, 'speaker')}出席仪式并讲话。`,
      );
      const others = b.others([chief]);
      if (others.length > 0) {
        const c = rng.pick(others);
        b.chair = c;
        out.push(`仪式由${b.ref(c, 'chair')}主持。`);
      }
      title = `${orgName}举行升国旗仪式`;
      break;
    }
    case '工作会议':
    default: {
      b.speakers.push(chief);
      const scope = org.level === 'central' ? '全国' : '全省';
      if ((b.date.m === 12 || b.date.m === 1) && rng.chance(0.7)) {
        const y = b.date.m === 12 ? b.year + 1 : b.year;
        name = `${y}年${scope}${field.work}工作会议`;
        yearInName = y === b.year;
        const end = addDays(b.date, 1);
        if (end.m === b.date.m && rng.chance(0.5)) dateEnd = end;
        // \u0001 is the date without 上午/下午: a range reads 12月21日至22日.
        const whenRange = dateEnd ? `\u0001至${dateEnd.d}日` : when;
        const place = org.province ? CAPITALS[org.province]! : '京';
        out.push(`${whenRange}，${name}在${place}召开。${b.ref(chief, 'speaker')}出席会议并作工作报告。`);
        title = `${name}在${place}召开`;
      } else {
        const topic = rng.pick(['全面从严治党', '党风廉政建设', '机关党建', '安全生产', `${field.work}`]);
        name = `${b.year}年${topic}工作会议`;
        yearInName = true;
        out.push(`${when}，${orgName}召开${name}，${purpose()}。${b.ref(chief, 'speaker')}出席会议并讲话。`);
        title = `${orgName}召开${name}`;
      }
      const others = b.others([chief]);
      if (others.length > 0 && rng.chance(0.7)) {
        const c = rng.pick(others);
        b.chair = c;
        out.push(`${b.ref(c, 'chair')}主持会议。`);
      }
      const disc = others.find((h) => h.slot.kind === 'disc');
      if (disc && disc !== b.chair && rng.chance(0.5)) {
        b.speakers.push(disc);
        out.push(`${b.ref(disc, 'speaker')}就${rng.pick(['全面从严治党', '正风肃纪', '党风廉政建设'])}工作讲话。`);
      }
      break;
    }
  }
  b.paragraphs.push(out.join(''));
  return { name, kind, title, form, campaign, dateEnd, yearInName, bodyConvenes };
}

const FORMS = new Weighted<'seed' | 'page' | 'text'>([
  ['seed', 45],
  ['page', 30],
  ['text', 25],
]);

/** File i of the corpus: a pure function of (world, i). */
export function generateBulletin(world: World, index: number): GeneratedFile {
  const rng = new Rng(`${world.seed}:${index}`);
  const kind = KINDS.pick(rng);
  let orgIndex = world.orgPick.pick(rng);
  let month = monthFor(rng, kind);
  while (month < world.orgs[orgIndex]!.since) orgIndex = world.orgPick.pick(rng);
  if (kind === '干部大会' && rng.chance(0.5) && world.appointments.length > 0) {
    const t = rng.pick(world.appointments);
    orgIndex = t.slot.org;
    month = t.from;
  }
  const date = pickDate(rng, month, kind);
  const b = new Bulletin(rng, world, orgIndex, month, date);
  const form = FORMS.pick(rng);
  const script: FileTruth['script'] = rng.chance(0.08) ? 'traditional' : 'simplified';
  let encoding: FileTruth['encoding'] = 'utf-8';
  if (script === 'simplified' && rng.chance(0.08)) encoding = 'gbk';
  if (script === 'traditional' && rng.chance(0.3)) encoding = 'big5';
  b.enumeration = rng.chance(0.1) ? 'yao' : 'shi';

  const published = addDays(date, rng.int(0, 2));
  const publishedAt = form === 'seed' ? null : form === 'text' && rng.chance(0.3) ? null : iso(published);
  const half = kind === '升国旗仪式' ? '上午' : rng.pick(['', '', '', '上午', '下午']);
  const target = Math.round(1000 + 1000 * (rng.next() + rng.next()));
  const planned = lead(b, kind, '\u0000');
  // Without its year only where the year can be read elsewhere: the publish date, or a seed-form
  // title that names the meeting's own year.
  let withYear = true;
  if (form !== 'seed' && publishedAt && rng.chance(0.4)) withYear = false;
  if (form === 'seed' && planned.yearInName && rng.chance(0.4)) withYear = false;
  b.paragraphs[0] = b.paragraphs[0]!.replace('\u0000', dateText(date, withYear) + half).replace('\u0001', dateText(date, withYear));

  // Studied speech.
  if (kind !== '升国旗仪式' && rng.chance(0.6)) {
    b.paragraphs.push(
      `会议${rng.pick(['传达学习了', '认真学习了', '深入学习了'])}${b.studied()}${rng.chance(0.5) ? `，${rng.pick(['研究了贯彻落实措施', '并结合实际研究部署贯彻落实工作'])}` : ''}。`,
    );
  }
  if (YEAR_NOTES[b.year] && rng.chance(0.3)) {
    b.paragraphs.push(`会议认为，${b.year}年是${YEAR_NOTES[b.year]}。${b.sentence()}`);
    b.directives.push({ speaker: null, verb: '认为', items: 0 });
  }
  if ((kind === '党组会议' || kind === '党组扩大会') && rng.chance(0.5)) b.business();

  // Directives: the meeting's, then the speakers'.
  const verbs = ['指出', '强调', '要求'];
  b.directive(null, '指出', 0);
  b.directive(null, '强调', rng.int(2, 4));
  for (const s of b.speakers.slice(0, 2)) {
    if (b.bodyLength() > target) break;
    b.directive(s, rng.pick(verbs), rng.chance(0.5) ? rng.int(2, 4) : 0);
  }
  if (b.chair && !b.speakers.includes(b.chair) && b.bodyLength() < target && rng.chance(0.6)) {
    b.directive(b.chair, rng.pick(['强调', '要求']), rng.chance(0.5) ? rng.int(2, 3) : 0);
  }
  const pads = new Deck(rng, ['directive', 'directive', 'business', 'review']);
  for (let guard = 0; b.bodyLength() < target - 150 && guard < 12; guard++) {
    const pad = pads.draw();
    if (pad === 'business') b.business();
    else if (pad === 'review') b.review();
    else b.directive(null, rng.pick(['强调', '要求', '强调']), rng.int(2, 3));
  }

  // Exchange speeches by department heads.
  if (rng.chance(0.35)) {
    const depts = rng.sample(b.org.level === 'central' ? DEPARTMENTS : PROV_DEPARTMENTS, rng.int(2, 3));
    const names = depts.map((d) => {
      const t = d === '机关党委' ? '书记' : d.endsWith('司') ? '司长' : d.endsWith('处') ? '处长' : '主任';
      const o = `${b.name}${d}`;
      return b.guest(`${d}${t === '书记' ? '常务副书记' : t}`, [[t === '书记' ? '常务副书记' : t, o]], 'speaker');
    });
    b.paragraphs.push(`会上，${names.join('，')}${rng.pick(['分别作交流发言', '先后作交流发言', '结合工作实际作了发言'])}。`);
  }

  // Attendance and form.
  const seated = new Set<Holder>([...(b.chair ? [b.chair] : []), ...b.speakers]);
  const rest = b.others([...seated]);
  const att: string[] = [];
  const listable = rest.filter((h) => h.slot.kind !== 'disc');
  if (listable.length > 0) {
    // "部领导A、B、C出席会议" (no posts given) or "部党组成员A、B出席会议" (one post each).
    const partyLabel = rng.chance(0.3);
    const shown = partyLabel ? listable.filter((h) => h.slot.kind === 'vice') : listable;
    const party = `${b.name}党组`;
    for (const h of shown) b.see(h.official.name, 'attendee', partyLabel ? [['党组成员', party]] : [], h.official.id);
    const label = `${b.org.abbr}${partyLabel ? '党组成员' : rng.pick(['领导', '领导', '领导班子成员'])}`;
    if (shown.length > 0) att.push(`${label}${shown.map((h) => h.official.name).join('、')}${rng.pick(['出席会议', '参加会议', '出席'])}。`);
  }
  const disc = rest.find((h) => h.slot.kind === 'disc');
  if (disc) att.push(`${b.ref(disc, 'attendee')}${rng.pick(['列席会议', '出席会议'])}。`);
  if (b.org.level === 'provincial' && rng.chance(0.25)) {
    const centralOrgs = world.orgs.map((o, i) => [o, i] as const).filter(([o]) => o.level === 'central' && o.field === b.org.field);
    if (centralOrgs.length > 0) {
      const [, ci] = rng.pick(centralOrgs);
      const vices = holdersAt(world, ci, month).filter((h) => h.slot.kind === 'vice');
      if (vices.length > 0) {
        const v = rng.pick(vices);
        att.push(`${b.ref(v, 'attendee', 'full')}到会指导。`);
      }
    }
  }
  let form2 = planned.form;
  if (!form2 && rng.chance(0.3)) form2 = rng.pick(['电视电话会议', '视频会议']);
  const count = rng.chance(0.6) ? rng.pick([50, 80, 100, 120, 150, 200, 260, 300, 400, 500, 600, 800, 1000]) : null;
  const approx = rng.pick(['余', '多', '约', '']);
  const mainVenue = !!form2 && rng.chance(0.8);
  const branchVenues = !!form2 && rng.chance(0.8);
  const units = b.field.units.slice(0, rng.int(1, b.field.units.length)).join('、');
  if (form2) att.push(`会议以${form2}${rng.pick(['形式', '的形式', '方式'])}召开。`);
  if (count !== null) {
    const who = `${units}${rng.pick(['主要负责同志', '负责同志', '党员干部', '领导班子成员'])}`;
    const n = approx === '约' ? `约${count}人` : approx ? `${count}${approx}人` : `${count}人`;
    att.push(`${who}${approx === '约' ? '' : '共'}${n}${mainVenue ? '在主会场' : ''}参加会议${branchVenues ? '' : '。'}`);
    if (branchVenues) att.push(`；${b.org.level === 'central' ? '各省（区、市）有关部门' : '各市有关部门'}负责同志在分会场参加会议。`);
  } else if (mainVenue || branchVenues) {
    att.push(`${units}负责同志${mainVenue ? '在主会场' : ''}参加会议${branchVenues ? '，各地设分会场' : ''}。`);
  }
  if (att.length > 0) b.paragraphs.push(att.join(''));

  // The national leader is named wherever the templates quote his thought or speeches.
  const body = b.paragraphs.join('');
  if (body.includes('习近平')) b.see('习近平', 'mentioned', body.includes('习近平总书记') ? [['总书记', '党中央']] : [], null);
  const meeting: TruthMeeting = {
    name: planned.name,
    kind,
    date: iso(date),
    dateEnd: planned.dateEnd ? iso(planned.dateEnd) : null,
    dateWithoutYear: !withYear,
    // A meeting of the party group (部党组会议, 党组扩大会议, 部党组务虚会) that a person convenes is
    // the party group's; where the body is the subject, the body's (eval/labeled/README.md).
    organizer: planned.name.includes('党组') && !planned.bodyConvenes ? `${b.name}党组` : b.name,
    form: form2,
    attendance: {
      count,
      approximate: count !== null && approx !== '',
      mainVenue,
      branchVenues,
    },
    campaign: planned.campaign,
  };

  const hash = rng.hex(16);
  const ext = form === 'page' ? 'html' : 'txt';
  const path = `${String(Math.floor(index / 1000)).padStart(3, '0')}/${String(index).padStart(6, '0')}_${hash}.${ext}`;
  const title = planned.title;
  // Traditional mirrors: OpenCC's standard forms; Big5 ones use the Taiwan forms Big5 can encode
  // (為, not 爲).
  const tr = script === 'simplified' ? null : converter(encoding === 'big5' ? 'tw' : 't');
  const text = render(rng, b, form, title, publishedAt, index, encoding, tr);
  let bytes: Uint8Array;
  if (encoding === 'gbk') bytes = iconv.encode(text, 'gbk');
  else if (encoding === 'big5') {
    bytes = iconv.encode(text, 'big5');
    // Big5 lacks some characters: such a mirror would not exist, the file stays UTF-8.
    if (iconv.decode(Buffer.from(bytes), 'big5') !== text) {
      encoding = 'utf-8';
      bytes = Buffer.from(text, 'utf8');
    }
  } else bytes = Buffer.from(text, 'utf8');

  const chars = b.paragraphs.reduce((n, p) => n + p.length, 0);
  return {
    path,
    bytes,
    text,
    truth: {
      index,
      file: path,
      form,
      script,
      encoding,
      title,
      publishedAt,
      chars,
      meeting,
      people: [...b.people.values()],
      directives: b.directives,
    },
  };
}

/** A simplified → traditional converter; short strings (names of bodies, labels) are memoized. */
interface Converter {
  (s: string): string;
}

const converters = new Map<string, Converter>();

function converter(to: 't' | 'tw'): Converter {
  let c = converters.get(to);
  if (!c) {
    const convert = OpenCC.Converter({ from: 'cn', to });
    const memo = new Map<string, string>();
    c = (s: string) => {
      if (s.length > 40) return convert(s);
      let out = memo.get(s);
      if (out === undefined) {
        if (memo.size > 5_000) memo.clear();
        memo.set(s, (out = convert(s)));
      }
      return out;
    };
    converters.set(to, c);
  }
  return c;
}

const STYLE = "font-size:16px;margin-top:15px;line-height:25px;text-indent:30px";
const NAV = ['首页', '机构职能', '新闻动态', '政务公开', '政策文件', '政务服务', '互动交流', '专题专栏'];

function render(
  rng: Rng,
  b: Bulletin,
  form: 'seed' | 'page' | 'text',
  simplifiedTitle: string,
  publishedAt: string | null,
  index: number,
  encoding: FileTruth['encoding'],
  tr: Converter | null,
): string {
  const t = tr ?? ((s: string) => s);
  const indent = '\u3000\u3000';
  const title = t(simplifiedTitle);
  // The article in one conversion: OpenCC's cost is per call as much as per character.
  const paragraphs = tr ? tr(b.paragraphs.join('\n')).split('\n') : b.paragraphs;
  const orgName = t(b.name);
  if (form === 'seed') {
    const head = `${(index % 997) + 1}${title}.txt`;
    const body = paragraphs.map((p) => `<div><span style='${STYLE}'> ${indent}${p}</span></div><div>&nbsp;</div>`).join('');
    return `${head}\n${body}`;
  }
  if (form === 'text') {
    const lines = [title, ''];
    if (publishedAt) lines.push(`${t('发布时间')}：${publishedAt}　${t('来源')}：${orgName}`, '');
    for (const p of paragraphs) lines.push(indent + p);
    return lines.join('\n') + '\n';
  }
  const charset = encoding === 'gbk' ? 'gb2312' : encoding === 'big5' ? 'big5' : 'utf-8';
  const site = t(b.site);
  const related = Array.from({ length: rng.int(3, 6) }, () =>
    t(`${b.name}${rng.pick(['召开', '举办'])}${rng.pick(b.field.topics)}${rng.pick(['座谈会', '推进会', '专题会议'])}`),
  );
  return [
    '<!DOCTYPE html>',
    `<html lang="zh-CN"><head><meta charset="${charset}"><title>${title}_${site}</title>`,
    '<link rel="stylesheet" href="/css/main.css"><script src="/js/jquery.min.js"></script></head>',
    '<body>',
    `<div class="header"><div class="logo"><a href="/">${site}</a></div>`,
    `<div class="search"><input type="text" placeholder="${t('请输入关键词')}"><button>${t('搜索')}</button></div></div>`,
    `<div class="nav"><ul>${NAV.map((n, k) => `<li><a href="/col/col${k + 1}/index.html">${t(n)}</a></li>`).join('')}</ul></div>`,
    t(`<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xwdt">新闻动态</a> &gt; <a href="/gzdt">工作动态</a></div>`),
    '<div class="main"><div class="article">',
    `<h1 class="title">${title}</h1>`,
    `<div class="info">${t('发布日期')}：${publishedAt ?? ''}　${t('来源')}：${t(`${b.name}网站`)}　<span class="font">${t('字号：<a>大</a> <a>中</a> <a>小</a>')}</span></div>`,
    `<div class="content" id="zoom">`,
    ...paragraphs.map((p) => `<p style="text-indent:2em">${indent}${p}</p>`),
    '</div>',
    t(`<div class="share">分享到：<a class="wx">微信</a><a class="wb">微博</a></div>`),
    '</div>',
    `<div class="related"><h3>${t('相关新闻')}</h3><ul>${related.map((r) => `<li><a href="#">${r}</a></li>`).join('')}</ul></div>`,
    '</div>',
    `<div class="footer"><p>${t('主办单位')}：${site}　${t('地址')}：${t('北京市西城区某某大街')}${rng.int(1, 200)}${t('号')}　${t('邮编')}：100${rng.int(100, 999)}</p>`,
    `<p>${t('网站标识码')}：bm${rng.int(10000000, 99999999)}　${t('京ICP备')}${rng.int(10000000, 99999999)}${t('号')}</p></div>`,
    '</body></html>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Writing a corpus.

export interface CorpusOptions {
  count: number;
  out: string;
  seed?: string;
  onProgress?: (done: number) => void;
}

export interface CorpusSummary {
  files: number;
  bytes: number;
  officials: number;
  organizations: number;
}

/** Writes `count` files under `out` (folders of 1,000) and `out/manifest.json`, streaming. */
export function writeCorpus({ count, out, seed = '1', onProgress }: CorpusOptions): CorpusSummary {
  const world = buildWorld(seed);
  mkdirSync(out, { recursive: true });
  const fd = openSync(join(out, 'manifest.json'), 'w');
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = () => {
    if (pending.length) writeSync(fd, pending.join(''));
    pending = [];
    pendingLength = 0;
  };
  const emit = (s: string) => {
    pending.push(s);
    pendingLength += s.length;
    if (pendingLength > 1 << 20) flush();
  };
  let bytes = 0;
  try {
    emit(`{"generator":"bulletin-graph gen","seed":${JSON.stringify(seed)},"count":${count},\n"organizations":${JSON.stringify(world.orgs.map((o) => ({ name: o.name, level: o.level, province: o.province, since: o.since ? monthLabel(o.since) : null, formerly: o.formerly && { name: o.formerly.name, until: monthLabel(o.formerly.until) } })))},\n"files":[\n`);
    let dir = '';
    for (let i = 0; i < count; i++) {
      const f = generateBulletin(world, i);
      const d = f.path.slice(0, f.path.indexOf('/'));
      if (d !== dir) {
        mkdirSync(join(out, d), { recursive: true });
        dir = d;
      }
      writeFileSync(join(out, f.path), f.bytes);
      bytes += f.bytes.length;
      emit((i ? ',\n' : '') + JSON.stringify(f.truth));
      if (onProgress && (i + 1) % 1000 === 0) onProgress(i + 1);
    }
    emit('\n],\n"officials":[\n');
    world.officials.forEach((o, k) => {
      const careers = o.tenures.map((t) => ({
        organization: world.orgs[t.slot.org]!.name,
        posts: postsOfTenure(world, t),
        from: t.from === 0 ? null : monthLabel(t.from),
        to: t.to === MONTHS ? null : monthLabel(t.to),
      }));
      emit((k ? ',\n' : '') + JSON.stringify({ id: o.id, name: o.name, tenures: careers }));
    });
    emit('\n]}\n');
    flush();
  } finally {
    closeSync(fd);
  }
  return { files: count, bytes, officials: world.officials.length, organizations: world.orgs.length };
}

/** The first `count` files in memory (for tests and the benchmark). */
export function* generateCorpus(count: number, seed = '1', from = 0): Generator<GeneratedFile> {
  const world = buildWorld(seed);
  for (let i = from; i < from + count; i++) yield generateBulletin(world, i);
}
