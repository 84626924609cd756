// Shapes met in the third blind batch (eval/labeled/079–094), each in a sentence of our own
// (names invented): county bodies, Tibetan names, posts in parentheses after a name, 厅务会 and
// 述职述廉会, a body's short form in the title.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/ingest/pipeline.ts';
import type { ExtractionResult } from '../src/ingest/types.ts';

const roles = (r: ExtractionResult) => Object.fromEntries(r.people.map((p) => [p.name, p.participation.map((x) => x.as).join(',') || 'mentioned']));
const posts = (r: ExtractionResult, name: string) => r.people.find((p) => p.name === name)?.posts.map((p) => `${p.title}@${p.organization}`);

describe('county bodies', () => {
  it('reads 县 as the county the source line names, for posts and for the government that meets', () => {
    const r = extractText(
      'county.txt',
      '县政府召开第7次常务会议\n安平县人民政府　2024-03-02\n3月1日，县委副书记、县长贾文清主持召开县政府第7次常务会议，研究春耕备耕工作。县委常委、常务副县长邓启明，副县长班立强、母晓燕出席会议。',
    );
    expect(r.meetings[0]).toMatchObject({ organizer: '安平县政府', kind: '常务会议', date: '2024-03-01' });
    expect(posts(r, '贾文清')).toEqual(['副书记@安平县委', '县长@安平县']);
    expect(posts(r, '邓启明')).toEqual(['常委@安平县委', '常务副县长@安平县']);
    expect(posts(r, '班立强')).toEqual(['副县长@安平县']);
    expect(roles(r)).toEqual({ 贾文清: 'chair', 邓启明: 'attendee', 班立强: 'attendee', 母晓燕: 'attendee' });
  });

  it('reads 区 as the publisher\'s district, and the publisher\'s short form as the publisher', () => {
    const r = extractText(
      'district.txt',
      '天津市河西区商务局召开党组会议\n2024年5月6日，区商务局党组书记、局长庞立军主持召开局党组会议。区委常委、副区长葛一平出席会议。',
    );
    expect(r.meetings[0]!.organizer).toBe('天津市河西区商务局党组');
    expect(posts(r, '葛一平')).toEqual(['常委@天津市河西区委', '副区长@天津市河西区']);
    const q = extractText(
      'short.txt',
      '青海省发展和改革委员会召开联席会议\n2024年3月20日，省发展改革委、省工业和信息化厅联合召开全省物流降本联席会议。委党组书记、主任甘立平主持会议。',
    );
    expect(q.meetings[0]!.organizer).toBe('青海省发展和改革委员会');
  });

  it('does not read 领导班子 as a person named 班子', () => {
    const r = extractText(
      'banzi.txt',
      '某某局召开干部大会\n2024年3月1日，国家统计局召开干部大会。局党组书记、局长柯立新出席会议并讲话。局领导班子出席会议。',
    );
    expect(r.people.map((p) => p.name)).toEqual(['柯立新']);
  });
});

describe('names and posts', () => {
  it('reads Tibetan names after a title', () => {
    const r = extractText(
      'xz.txt',
      '西藏自治区商务厅召开座谈会\n2024年5月6日，西藏自治区商务厅召开座谈会。厅党组副书记、厅长旺堆次仁主持会议，副厅长白玛央宗、普琼出席会议。',
    );
    expect(roles(r)).toMatchObject({ 旺堆次仁: 'chair', 白玛央宗: 'attendee' });
    expect(posts(r, '旺堆次仁')).toEqual(['党组副书记@西藏自治区商务厅党组', '厅长@西藏自治区商务厅']);
  });

  it('reads posts written in parentheses after the name', () => {
    const r = extractText(
      'paren.txt',
      '郑州市生态环境局召开党组会议\n2024年1月9日，郑州市生态环境局召开党组会议。局党组书记、局长蒋一帆主持会议。卢青松同志（市纪委监委驻市生态环境局纪检监察组组长）列席会议。',
    );
    expect(posts(r, '卢青松')).toEqual(['组长@郑州市纪委监委驻郑州市生态环境局纪检监察组']);
    expect(roles(r)['卢青松']).toBe('attendee');
  });

  it('does not take what is studied for part of the body whose head is named', () => {
    const r = extractText(
      'study.txt',
      '郑州市生态环境局召开党组会议\n2024年6月3日，郑州市生态环境局召开党组会议，传达学习市委全会精神和市委书记龙启航同志的讲话精神。局党组书记、局长蒋一帆主持会议。',
    );
    expect(posts(r, '龙启航')).toEqual(['书记@郑州市委']);
    expect(roles(r)['龙启航']).toBe('mentioned');
  });

  it('knows 总统计师, 首席预报员 and 支队长', () => {
    const r = extractText(
      'titles.txt',
      '中国气象局召开会商会\n2024年7月2日，中国气象局召开汛期天气会商会。局总统计师闻一鸣，国家气象中心首席预报员柏雪晴，北京市消防救援总队特勤支队支队长黎冬参加会商。',
    );
    expect(r.meetings[0]).toMatchObject({ kind: '会商会' });
    expect(posts(r, '闻一鸣')).toEqual(['总统计师@中国气象局']);
    expect(posts(r, '柏雪晴')).toEqual(['首席预报员@国家气象中心']);
    expect(posts(r, '黎冬')).toEqual(['支队长@北京市消防救援总队特勤支队']);
  });

  it('resolves a 委 short form in the title to the full name the text writes', () => {
    const r = extractText(
      'wei.txt',
      '自治区卫生健康委召开调度会\n2024年5月21日，宁夏回族自治区卫生健康委员会召开调度会。委党组成员、副主任马晓东主持会议。',
    );
    expect(posts(r, '马晓东')).toEqual(['党组成员@宁夏回族自治区卫生健康委员会党组', '副主任@宁夏回族自治区卫生健康委员会']);
  });
});

describe('meeting kinds', () => {
  it('reads 厅务会 and the speakers of a 述职述廉会 listed with 等', () => {
    const a = extractText('tw.txt', '省民政厅召开厅务会\n2024年5月14日，江西省民政厅召开厅务会。厅党组书记、厅长熊启明主持会议。');
    expect(a.meetings[0]).toMatchObject({ kind: '厅务会', organizer: '江西省民政厅', date: '2024-05-14' });
    const b = extractText(
      'sz.txt',
      '某厅召开述职述廉会\n2024年1月25日，贵州省交通运输厅召开述职述廉会。省公路局局长庞德明、省航务管理局局长向晓东等10名直属单位主要负责人依次述职述廉。',
    );
    expect(b.meetings[0]).toMatchObject({ kind: '述职述廉会' });
    expect(roles(b)).toEqual({ 庞德明: 'speaker', 向晓东: 'speaker' });
  });

  it('reads a local body\'s party group as the subject that convened', () => {
    const r = extractText(
      'dz.txt',
      '吉林省卫生健康委员会党组召开民主生活会\n2024年1月24日，省卫生健康委党组召开2023年度民主生活会。委党组书记、主任邵立平主持会议。',
    );
    expect(r.meetings[0]!.organizer).toBe('吉林省卫生健康委员会党组');
  });

  it('takes the publisher from a title whose body the dictionary lacks, and 参会人员包括 as attendees', () => {
    const r = extractText(
      'wwh.txt',
      '天津市水务委员会召开委务会\n2024年3月4日，市水务委召开委务会。委党组书记、主任詹立新主持会议。参会人员包括委领导欧阳明、于小红，委机关各处室负责同志。',
    );
    expect(r.meetings[0]).toMatchObject({ kind: '委务会', organizer: '天津市水务委员会' });
    expect(posts(r, '詹立新')).toEqual(['党组书记@天津市水务委员会党组', '主任@天津市水务委员会']);
    expect(roles(r)).toEqual({ 詹立新: 'chair', 欧阳明: 'attendee', 于小红: 'attendee' });
  });

  it('reads the kind that overlaps another\'s end (工作会商会) and keeps 工作会议 and 座谈会议 as they were', () => {
    const kind = (name: string) =>
      extractText('k.txt', `西宁市应急管理局召开会议\n2024年7月1日，西宁市应急管理局召开${name}。局党组书记、局长才让多杰主持会议。`).meetings[0]?.kind;
    expect(kind('防汛工作会商会')).toBe('会商会');
    expect(kind('全市应急管理工作会议')).toBe('工作会议');
    expect(kind('企业座谈会议')).toBe('座谈会');
  });

  it('takes a meeting\'s form from how it was held, not from how some joined or from a meeting relayed', () => {
    const form = (body: string) => extractText('f.txt', `国家能源局召开会议\n2024年6月20日，国家能源局召开迎峰度夏工作推进会。局长万一鸣主持会议。${body}`).meetings[0]?.form;
    expect(form('国家电网有限公司、中国华能集团有限公司负责同志以视频方式连线参加会议。')).toBeNull();
    expect(form('会议传达了全国安全生产电视电话会议精神。')).toBeNull();
    expect(form('会议采取视频形式召开。')).toBe('视频会议');
    expect(form('会议以“主会场+视频分会场”方式召开。')).toBe('视频会议');
    const named = (name: string) => extractText('n.txt', `国家能源局召开会议\n2024年6月20日，国家能源局召开${name}。局长万一鸣主持会议。`).meetings[0]?.form;
    expect(named('迎峰度夏工作视频调度会')).toBe('视频会议');
    expect(named('短视频行业座谈会')).toBeNull();
  });

  it('keeps the deceased apart, with their former posts, and reads 已故, 以及 and 中心组成员 around a chain', () => {
    const r = extractText(
      'd.txt',
      '国家林业和草原局举行先进事迹报告会\n2024年3月12日，国家林业和草原局举行蓝守山同志先进事迹报告会。蓝守山同志生前系原林业部副总工程师，主持完成多项重大科研项目。东北林业大学已故教授柯远舟的学生、以及中国绿色时报记者鲁晓雯作报告。局党组理论学习中心组成员关立新、邵文彬参加报告会。',
    );
    expect(roles(r)['蓝守山']).toBe('mentioned');
    expect(posts(r, '蓝守山')).toEqual(['副总工程师@林业部']);
    expect(posts(r, '鲁晓雯')).toEqual(['记者@中国绿色时报']);
    expect(posts(r, '邵文彬')).toEqual(['成员@国家林业和草原局党组理论学习中心组']);
  });

  it('reads 已故 between a body and a title, and does not read 各成员单位 as a person', () => {
    const r = extractText(
      'y.txt',
      '水利部召开专题党课\n2024年6月25日，水利部召开专题党课，学习黄河水利委员会水文局已故高级工程师卫长河同志的先进事迹。部党组书记、部长陈一川讲授专题党课。各成员单位要形成合力。',
    );
    expect(posts(r, '卫长河')).toEqual(['高级工程师@黄河水利委员会水文局']);
    expect(r.people.map((p) => p.name).sort()).toEqual(['卫长河', '陈一川'].sort());
  });

  it('gives a bare deputy title the body of its principal named earlier in the sentence', () => {
    const r = extractText(
      'dep.txt',
      '国家统计局召开民主生活会\n2024年1月20日，国家统计局党组召开民主生活会。中央第九督导组组长鲁建国到会指导，副组长姚一平出席会议。副局长邢立言发言。',
    );
    expect(posts(r, '姚一平')).toEqual(['副组长@中央第九督导组']);
    expect(posts(r, '邢立言')).toEqual(['副局长@国家统计局']);
  });

  it('reads 受…委托主持, 出席会议的还有 without a colon, and a source line\'s date as the publish date', () => {
    const r = extractText(
      'wt.txt',
      '省农业农村厅召开秋收工作现场会\n黑龙江省农业农村厅　2024-01-05\n12月28日，全省秋收工作现场会在绥化市召开。省农业农村厅党组书记、厅长丁启明受省政府委托主持会议。出席会议的还有省政府副秘书长钟一川，省农业农村厅副厅长宁远平。',
    );
    expect(r.bulletin.publishedAt).toBe('2024-01-05');
    expect(r.meetings[0]!.date).toBe('2023-12-28');
    expect(roles(r)).toEqual({ 丁启明: 'chair', 钟一川: 'attendee', 宁远平: 'attendee' });
    expect(posts(r, '钟一川')).toEqual(['副秘书长@黑龙江省政府']);
  });
});
