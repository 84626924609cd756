// The acceptance example: what ../shared/docs/genre.md says the seed must yield.
import { beforeAll, describe, expect, it } from 'vitest';
import { toContract } from '../src/ingest/contract.ts';
import { extractFile } from '../src/ingest/pipeline.ts';
import type { ExtractionResult } from '../src/ingest/types.ts';

const SEED = new URL('../seeds/000_0e1c59be9f5b0e63.txt', import.meta.url).pathname;
let r: ExtractionResult;

beforeAll(async () => {
  r = await extractFile(SEED);
});

const person = (name: string) => r.people.find((p) => p.name === name);
const posts = (name: string) => person(name)?.posts.map((p) => `${p.title}@${p.organization}`).sort();

describe('the seed bulletin', () => {
  it('reads the title from line 1 and keeps the text simplified', () => {
    expect(r.bulletin.title).toBe('工业和信息化部召开“不忘初心、牢记使命”主题教育动员部署会');
    expect(r.bulletin.key).toBe('000_0e1c59be9f5b0e63');
    expect(r.bulletin.text.startsWith('2019年6月6日，工业和信息化部召开')).toBe(true);
    expect(r.bulletin.text).not.toMatch(/&nbsp;|<span|\u3000/);
  });

  it('finds the meeting with its date, organizer, form and attendance', () => {
    expect(r.meetings).toHaveLength(1);
    const m = r.meetings[0]!;
    expect(m).toMatchObject({
      name: '“不忘初心、牢记使命”主题教育动员部署会',
      kind: '动员部署会',
      date: '2019-06-06',
      organizer: '工业和信息化部',
      form: '电视电话会议',
      attendance: { count: 800, approximate: true, mainVenue: true, branchVenues: true },
      campaign: '“不忘初心、牢记使命”主题教育',
    });
  });

  it('gives 范小建, 苗圩 and 习近平 their posts and roles', () => {
    expect(r.people.map((p) => p.name).sort()).toEqual(['习近平', '范小建', '苗圩'].sort());
    expect(posts('范小建')).toEqual(['组长@中央第22指导组']);
    expect(posts('苗圩')).toEqual(
      ['党组书记@工业和信息化部党组', '部长@工业和信息化部', '组长@工业和信息化部“不忘初心、牢记使命”主题教育工作领导小组'].sort(),
    );
    const key = r.meetings[0]!.key;
    expect(person('范小建')!.participation.map((p) => [p.meeting, p.as])).toEqual([[key, 'speaker']]);
    expect(person('苗圩')!.participation.map((p) => [p.meeting, p.as])).toEqual([[key, 'speaker']]);
    expect(person('习近平')).toMatchObject({ participation: [], mentioned: true });
    expect(posts('习近平')).toEqual(['总书记@党中央']);
  });

  it('finds the organizations, with 中央指导组 resolved to the numbered group', () => {
    const names = r.organizations.map((o) => o.name);
    for (const org of [
      '工业和信息化部',
      '工业和信息化部党组',
      '中央第22指导组',
      '工业和信息化部“不忘初心、牢记使命”主题教育工作领导小组',
      '中央纪委国家监委驻工业和信息化部纪检监察组',
      '北京市通信管理局',
      '党中央',
    ]) {
      expect(names).toContain(org);
    }
    expect(names).not.toContain('中央指导组');
    expect(r.organizations.find((o) => o.name === '中央第22指导组')!.aliases).toContain('中央指导组');
    expect(r.organizations.find((o) => o.name === '工业和信息化部党组')!.parent).toBe('工业和信息化部');
    // Collectives are not organizations.
    expect(names.some((n) => /部属高校|直属单位|司局/.test(n))).toBe(false);
  });

  it('splits the directives into their enumerated items and attributes 范小建\'s', () => {
    expect(r.directives.map((d) => [d.kind, d.speaker, d.ordinal])).toEqual([
      ['指出', null, 1],
      ['强调', null, 2],
      ['强调', null, 3],
      ['指出', '范小建', 4],
    ]);
    const heads = (k: number) => r.directives[k]!.items.map((i) => i.text.split('。')[0]);
    expect(heads(1)).toEqual(['一是要抓严学习', '二是要找准问题', '三是要做实整改']);
    expect(heads(2)).toEqual(['一是要抓住责任落实这个关键', '二是要力戒一切形式主义和官僚主义', '三是要用推动“两个强国”建设的成效检验主题教育的实效']);
    expect(r.directives[3]!.text.startsWith('在全党开展“不忘初心、牢记使命”主题教育')).toBe(true);
  });

  it('finds the campaign but not the slogans', () => {
    expect(r.campaigns.map((c) => c.name)).toEqual(['“不忘初心、牢记使命”主题教育']);
  });

  it('keeps the source sentence of every fact, at its offsets in the text', () => {
    const spans = [
      ...r.meetings.map((m) => m.evidence),
      ...r.people.flatMap((p) => [...p.posts.map((x) => x.evidence), ...p.participation.map((x) => x.evidence), ...p.mentions]),
      ...r.directives.map((d) => d.evidence),
      ...r.organizations.map((o) => o.evidence),
    ];
    expect(spans.length).toBeGreaterThan(15);
    for (const e of spans) expect(r.bulletin.text.slice(e.start, e.end)).toBe(e.sentence);
    const speech = person('苗圩')!.participation[0]!.evidence.sentence;
    expect(speech).toBe('工业和信息化部党组书记、部长、部“不忘初心、牢记使命”主题教育工作领导小组组长苗圩同志作动员讲话。');
  });

  it('gives every fact a confidence, surer for a title chain than for an inherited organization', () => {
    const all = [
      ...r.meetings,
      ...r.people,
      ...r.people.flatMap((p) => [...p.posts, ...p.participation]),
      ...r.organizations,
      ...r.directives,
    ];
    for (const fact of all) {
      expect(fact.confidence).toBeGreaterThan(0.5);
      expect(fact.confidence).toBeLessThanOrEqual(1);
    }
    const miao = person('苗圩')!;
    const minister = miao.posts.find((p) => p.title === '部长')!; // organization inherited from the chain
    const secretary = miao.posts.find((p) => p.title === '党组书记')!; // organization written out
    expect(secretary.confidence).toBeGreaterThan(minister.confidence);
  });

  it('prints the extract --json contract', () => {
    const c = toContract(r);
    expect(Object.keys(c)).toEqual(['file', 'bulletin', 'meetings', 'people', 'organizations', 'directives', 'campaigns']);
    expect(c.bulletin).toMatchObject({ title: r.bulletin.title, publishedAt: null });
    expect(Object.keys(c.meetings[0]!)).toEqual(['key', 'name', 'kind', 'date', 'dateEnd', 'organizer', 'form', 'attendance', 'campaign', 'confidence']);
    expect(c.people.find((p) => p.name === '苗圩')).toEqual({
      name: '苗圩',
      posts: expect.arrayContaining([{ title: '部长', organization: '工业和信息化部', confidence: expect.any(Number) }]),
      participation: [{ meeting: r.meetings[0]!.key, as: 'speaker', confidence: expect.any(Number) }],
      mentioned: false,
      confidence: expect.any(Number),
    });
    expect(c.directives[3]).toMatchObject({ speaker: '范小建', kind: '指出', ordinal: 4 });
    expect(c.campaigns).toEqual(['“不忘初心、牢记使命”主题教育']);
    expect(JSON.stringify(toContract(r, { evidence: true }))).toContain('"evidence"');
    expect(JSON.stringify(c)).not.toContain('"evidence"');
  });
});
