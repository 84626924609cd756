// Shapes the blind bulletins (eval/labeled 052-072) showed the extractor missing: places that
// resolve like 省, heads of government, bare units, parentheses, dotted names, attendee lists,
// relayed instructions and meeting names with notes. Each bulletin here is our own (names invented).
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/ingest/pipeline.ts';
import type { ExtractionResult } from '../src/ingest/types.ts';

const roles = (r: ExtractionResult) => Object.fromEntries(r.people.map((p) => [p.name, p.participation.map((x) => x.as).join(',') || 'mentioned']));
const posts = (r: ExtractionResult, name: string) => r.people.find((p) => p.name === name)?.posts.map((p) => `${p.title}@${p.organization}`);
const meetings = (r: ExtractionResult) => r.meetings.map((m) => [m.name, m.kind, m.date, m.organizer]);

describe('places that resolve like 省', () => {
  it('expands 自治区 to the region and reads names with a middle dot', () => {
    const r = extractText(
      'xj.txt',
      '自治区水利厅召开党组会议\n新疆维吾尔自治区水利厅　2022-05-11\n5月10日，自治区水利厅党组书记、厅长马振疆主持召开厅党组会议。厅党组副书记、副厅长艾克拜尔·吾守尔，厅党组成员、副厅长努尔兰·哈力克、钱立华，自治区纪委监委驻自治区水利厅纪检监察组组长、厅党组成员阿依古丽·买买提出席会议。',
    );
    expect(roles(r)).toEqual({ 马振疆: 'chair', '艾克拜尔·吾守尔': 'attendee', '努尔兰·哈力克': 'attendee', 钱立华: 'attendee', '阿依古丽·买买提': 'attendee' });
    expect(posts(r, '艾克拜尔·吾守尔')).toEqual(['党组副书记@新疆维吾尔自治区水利厅党组', '副厅长@新疆维吾尔自治区水利厅']);
    expect(posts(r, '阿依古丽·买买提')).toEqual([
      '组长@新疆维吾尔自治区纪委监委驻新疆维吾尔自治区水利厅纪检监察组',
      '党组成员@新疆维吾尔自治区水利厅党组',
    ]);
    expect(r.meetings[0]!.organizer).toBe('新疆维吾尔自治区水利厅党组');
  });

  it('gives 市 the city of a city body, and its short form is the publisher', () => {
    const r = extractText(
      'city.txt',
      '全市交通运输安全工作推进会召开\n洛阳市交通运输局　2022-09-02\n9月1日，洛阳市交通运输局召开全市交通运输安全工作推进会。市政府副秘书长范立群出席会议并讲话，局党组书记、局长贺一舟主持会议。偃师区委副书记、区长欧阳朗作表态发言。市纪委监委驻市交通局纪检监察组组长、局党组成员谷长河出席会议。',
    );
    expect(posts(r, '范立群')).toEqual(['副秘书长@洛阳市政府']);
    expect(posts(r, '贺一舟')).toEqual(['党组书记@洛阳市交通运输局党组', '局长@洛阳市交通运输局']);
    expect(posts(r, '欧阳朗')).toEqual(['副书记@偃师区委', '区长@偃师区']);
    expect(posts(r, '谷长河')).toEqual(['组长@洛阳市纪委监委驻洛阳市交通运输局纪检监察组', '党组成员@洛阳市交通运输局党组']);
  });

  it('reads 省发改委 in a title as the province\'s commission, written out in the body', () => {
    const r = extractText(
      'fgw.txt',
      '省发改委召开党风廉政建设工作会议\n2022年3月4日，浙江省发展和改革委员会召开党风廉政建设工作会议。委党组书记、主任叶明远出席会议并讲话。',
    );
    expect(r.meetings[0]!.organizer).toBe('浙江省发展和改革委员会');
    expect(posts(r, '叶明远')).toEqual(['党组书记@浙江省发展和改革委员会党组', '主任@浙江省发展和改革委员会']);
  });

  it('puts a 副省长 at the province and a 县长 at the county written before the title', () => {
    const r = extractText(
      'gov.html',
      '<html><head><title>全省农村公路建设现场会在衡阳召开</title></head><body><h1>全省农村公路建设现场会在衡阳召开</h1><div>发布日期：2022-10-20　来源：湖南省交通运输厅</div><div class="content"><p>10月19日，湖南省交通运输厅在衡阳召开全省农村公路建设现场会。副省长龚海平出席会议并讲话。衡阳市祁东县县长邓晓川作交流发言。</p></div></body></html>',
    );
    expect(posts(r, '龚海平')).toEqual(['副省长@湖南省']);
    expect(posts(r, '邓晓川')).toEqual(['县长@衡阳市祁东县']);
  });
});

describe('chains', () => {
  it('steps over parentheses and reads a bare unit as part of the body before it or of the publisher', () => {
    const r = extractText(
      'chain.txt',
      '海关总署召开干部大会\n2022年3月2日，海关总署召开干部大会。署党委委员、政治部主任祁建军，署党委副书记、副署长（正部长级）林晓峰，中央党校（国家行政学院）教授曹一平出席会议。综合业务司司长卢明川作说明。天津海关关长邹平出席会议。',
    );
    expect(posts(r, '祁建军')).toEqual(['党委委员@海关总署党委', '主任@海关总署政治部']);
    expect(r.people.map((p) => p.name)).toContain('林晓峰');
    expect(posts(r, '曹一平')).toEqual(['教授@中央党校（国家行政学院）']);
    expect(posts(r, '卢明川')).toEqual(['司长@海关总署综合业务司']);
    expect(posts(r, '邹平')).toEqual(['关长@天津海关']);
  });

  it('does not take the verb before a chain for part of its organization', () => {
    const r = extractText(
      'late.txt',
      '水利部举行报告会\n2022年6月28日，水利部举行先进事迹报告会。长江水利委员会高级工程师柯文涛深情回顾了已故的原水利电力部总工程师程伯钧同志的感人事迹。',
    );
    expect(posts(r, '程伯钧')).toEqual(['总工程师@水利电力部']);
    expect(roles(r)['程伯钧']).toBe('mentioned');
  });

  it('names the stationed group after its host canonically, and puts its head\'s 党组成员 at the host', () => {
    const r = extractText(
      'sg.txt',
      '市场监管总局召开党组会议\n2022年6月8日，市场监管总局召开党组会议。中央纪委国家监委驻市场监管总局纪检监察组组长、总局党组成员邱海涛出席会议。',
    );
    expect(posts(r, '邱海涛')).toEqual([
      '组长@中央纪委国家监委驻国家市场监督管理总局纪检监察组',
      '党组成员@国家市场监督管理总局党组',
    ]);
  });
});

describe('roles', () => {
  it('reads 参加会议的有 as attendees and a leader whose instructions are relayed as absent', () => {
    const r = extractText(
      'roles.txt',
      '教育部召开专题会议\n2022年11月3日，教育部召开专题会议。部党组成员、副部长魏思成主持会议。会议传达了部党组书记、部长严启明对做好冬季校园安全工作作出的批示要求。参加会议的有：部党组成员、副部长唐雪，部党组成员、副部长耿立民，部机关有关司局负责同志。',
    );
    expect(roles(r)).toEqual({ 魏思成: 'chair', 严启明: 'mentioned', 唐雪: 'attendee', 耿立民: 'attendee' });
    expect(posts(r, '严启明')).toEqual(['党组书记@教育部党组', '部长@教育部']);
  });
});

describe('names', () => {
  it('reads a name the bulletin has shown to be a person\'s where it opens a sentence, and attributes its 在…时指出', () => {
    const r = extractText(
      'known.txt',
      '民政部召开民主生活会\n2022年12月20日，民政部党组召开民主生活会。中央第九督导组组长陶明远到会指导。部党组书记、部长邢远舟主持会议。\n陶明远在点评时指出，这次民主生活会质量较高。',
    );
    expect(roles(r)).toEqual({ 陶明远: 'speaker', 邢远舟: 'chair' });
    expect(r.directives.map((d) => [d.speaker, d.kind])).toEqual([['陶明远', '指出']]);
  });

  it('reads Mongolian and Tibetan names without a Han surname right after a title', () => {
    const r = extractText(
      'mn.txt',
      '自治区民政厅召开座谈会\n2022年7月5日，内蒙古自治区民政厅召开座谈会。厅党组书记、厅长巴音孟和主持会议。厅党组成员、副厅长其其格、孙晓光，厅一级巡视员次仁多吉出席会议。',
    );
    expect(roles(r)).toEqual({ 巴音孟和: 'chair', 其其格: 'attendee', 孙晓光: 'attendee', 次仁多吉: 'attendee' });
    expect(posts(r, '其其格')).toEqual(['党组成员@内蒙古自治区民政厅党组', '副厅长@内蒙古自治区民政厅']);
  });
});

describe('meetings', () => {
  it('ends a range over the new year in the next year', () => {
    const r = extractText('ny.txt', '交通运输部召开务虚会\n2021年12月30日至1月1日，交通运输部召开务虚会，总结今年工作，研究明年思路举措。');
    expect(r.meetings.map((m) => [m.date, m.dateEnd])).toEqual([['2021-12-30', '2022-01-01']]);
  });

  it('reads a 宪法宣誓仪式 and the official who 监誓并讲话', () => {
    const r = extractText('oath.txt', '科技部举行宪法宣誓仪式\n2022年12月2日，科学技术部举行宪法宣誓仪式。部党组书记、部长白启航监誓并讲话。');
    expect(meetings(r)).toEqual([['宪法宣誓仪式', '宣誓仪式', '2022-12-02', '科学技术部']]);
    expect(roles(r)).toEqual({ 白启航: 'speaker' });
  });

  it('reads kinds with a note in parentheses and keeps the note in the name', () => {
    const a = extractText('a.txt', '商务厅召开党组（扩大）会议\n2022年2月9日，江西省商务厅党组书记、厅长邹海主持召开厅党组（扩大）会议。');
    expect(meetings(a)).toEqual([['厅党组（扩大）会议', '党组扩大会议', '2022-02-09', '江西省商务厅党组']]);
    const b = extractText('b.txt', '财政厅召开学习会\n2022年2月9日，江西省财政厅召开党组理论学习中心组（扩大）学习会。');
    expect(meetings(b)).toEqual([['党组理论学习中心组（扩大）学习会', '理论学习中心组学习会', '2022-02-09', '江西省财政厅']]);
  });

  it('takes the body that is the subject as organizer, the 党组 only where a person convenes or for a 党组会议', () => {
    const subject = extractText('s.txt', '水利部召开学习会\n2022年4月6日，水利部召开部党组理论学习中心组学习会。');
    expect(subject.meetings[0]!.organizer).toBe('水利部');
    const group = extractText('g.txt', '水利部党组理论学习中心组举行集体学习\n2022年4月6日，水利部党组理论学习中心组举行集体学习。');
    expect(meetings(group)).toEqual([['集体学习', '集体学习', '2022-04-06', '水利部党组理论学习中心组']]);
    const person = extractText('p.txt', '水利部召开学习会\n2022年4月6日，水利部党组书记、部长高远主持召开部党组理论学习中心组学习会。');
    expect(person.meetings[0]!.organizer).toBe('水利部党组');
    const government = extractText('gov.txt', '省政府召开常务会议\n湖北省人民政府　2022-03-02\n3月1日，省长程立新主持召开省政府第八次常务会议。副省长孙晓、闵立出席会议。');
    expect(meetings(government)).toEqual([['省政府第八次常务会议', '常务会议', '2022-03-01', '湖北省政府']]);
    expect(posts(government, '程立新')).toEqual(['省长@湖北省']);
  });

  it('takes the body before 举办的 as the convener of a meeting named before 在…举行', () => {
    const r = extractText(
      'k.txt',
      '培训班开班\n国家林业和草原局　2022-08-16\n8月15日，国家林草局举办的全国林草系统干部专题培训班开班式在北京林业大学举行。',
    );
    expect(meetings(r)).toEqual([['全国林草系统干部专题培训班开班式', '培训班开班式', '2022-08-15', '国家林业和草原局']]);
  });
});
