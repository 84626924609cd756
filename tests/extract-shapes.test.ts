// Shapes of the genre the extractor must read, each in a bulletin we wrote (names invented).
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/ingest/pipeline.ts';
import type { ExtractionResult } from '../src/ingest/types.ts';

const roles = (r: ExtractionResult) => Object.fromEntries(r.people.map((p) => [p.name, p.participation.map((x) => x.as).join(',') || 'mentioned']));
const posts = (r: ExtractionResult, name: string) => r.people.find((p) => p.name === name)?.posts.map((p) => `${p.title}@${p.organization}`);

describe('people, posts and roles', () => {
  it('reads lists separated by commas that share the last verb, and compound surnames', () => {
    const r = extractText(
      'a.txt',
      '水利部召开党组会议\n2021年5月6日，水利部召开党组会议。部党组书记、部长陈立新主持会议。部党组成员、副部长欧阳明、王一帆，部党组成员、总工程师顾建中，中央纪委国家监委驻水利部纪检监察组组长司马秋出席会议。',
    );
    expect(roles(r)).toEqual({ 陈立新: 'chair', 欧阳明: 'attendee', 王一帆: 'attendee', 顾建中: 'attendee', 司马秋: 'attendee' });
    expect(posts(r, '王一帆')).toEqual(['党组成员@水利部党组', '副部长@水利部']);
    expect(posts(r, '司马秋')).toEqual(['组长@中央纪委国家监委驻水利部纪检监察组']);
    expect(r.meetings[0]).toMatchObject({ organizer: '水利部党组', kind: '党组会议' });
  });

  it('reads a title after the name, and 他强调 as the last speaker\'s directive', () => {
    const r = extractText(
      'b.txt',
      '交通运输部召开干部大会\n2021年3月15日，交通运输部召开干部大会，会议由李明远副部长主持。王建平部长出席会议并讲话。他强调，要提高站位。一是要加强学习。二是要狠抓落实。',
    );
    expect(roles(r)).toEqual({ 李明远: 'chair', 王建平: 'speaker' });
    expect(posts(r, '王建平')).toEqual(['部长@交通运输部']);
    expect(r.directives).toHaveLength(1);
    expect(r.directives[0]).toMatchObject({ speaker: '王建平', kind: '强调' });
    expect(r.directives[0]!.items.map((i) => i.ordinal)).toEqual([1, 2]);
  });

  it('does not take the words of a title for a name', () => {
    const r = extractText(
      'c.txt',
      '生态环境部召开工作会议\n2021年1月20日，生态环境部召开工作会议。部党组书记、部长吴启航出席会议并讲话。部总工程师、部核安全总工程师，中国工程院院士列席会议。干部大会由部党组成员、副部长孙岚同志主持。',
    );
    expect(r.people.map((p) => p.name).sort()).toEqual(['吴启航', '孙岚'].sort());
  });

  it('reads the posts an appointment read out at a 干部大会 gives', () => {
    const r = extractText(
      'g.txt',
      '湖北省水利厅召开干部大会\n2021年8月3日，湖北省水利厅召开干部大会。省委组织部副部长温立军出席会议并宣布：周汉江同志任湖北省水利厅党组书记、厅长。',
    );
    expect(posts(r, '周汉江')).toEqual(['党组书记@湖北省水利厅党组', '厅长@湖北省水利厅']);
    expect(roles(r)['温立军']).toBe('speaker');
  });

  it('keeps a person studied or honoured apart from those present', () => {
    const r = extractText(
      'd.txt',
      '自然资源部举行先进事迹报告会\n2021年9月10日，自然资源部举行罗铁生同志先进事迹报告会。部党组成员、副部长唐雨婷出席报告会。会议号召广大党员干部学习贯彻习近平生态文明思想。',
    );
    expect(roles(r)).toEqual({ 罗铁生: 'mentioned', 唐雨婷: 'attendee', 习近平: 'mentioned' });
  });
});

describe('meetings', () => {
  it('resolves 省 to the publisher\'s province and dates a second meeting by 当日', () => {
    const r = extractText(
      'e.txt',
      '江苏省工业和信息化厅召开党组会议\n发布日期：2021-04-13\n4月12日上午，省工业和信息化厅召开党组会议，厅党组书记、厅长顾建中主持会议。当日下午，厅党组理论学习中心组学习会在厅机关召开。省纪委监委驻省工业和信息化厅纪检监察组组长向东林出席会议。',
    );
    expect(r.meetings.map((m) => [m.kind, m.date, m.organizer])).toEqual([
      ['党组会议', '2021-04-12', '江苏省工业和信息化厅党组'],
      ['理论学习中心组学习会', '2021-04-12', '江苏省工业和信息化厅党组'],
    ]);
    expect(posts(r, '顾建中')).toEqual(['党组书记@江苏省工业和信息化厅党组', '厅长@江苏省工业和信息化厅']);
    expect(posts(r, '向东林')).toEqual(['组长@江苏省纪委监委驻江苏省工业和信息化厅纪检监察组']);
  });

  it('does not take a description of a meeting for another meeting', () => {
    const r = extractText(
      'f.txt',
      '商务部召开全国商务工作电视电话会议\n2022年1月5日，商务部召开2022年全国商务工作电视电话会议。会议认为，这是在关键时刻召开的一次重要会议。部党组书记、部长杜文澜出席会议并讲话。',
    );
    expect(r.meetings.map((m) => m.name)).toEqual(['2022年全国商务工作电视电话会议']);
    expect(r.meetings[0]!.form).toBe('电视电话会议');
  });
});
