// The recognizer on sentences written here in the bulletin genre (names invented), and the
// scorer that scripts/eval-ner.ts uses on the public datasets.
import { describe, expect, it } from 'vitest';
import { recognize, type Entity } from '../src/ingest/stages/recognize.ts';
import { scoreSpans, type Span } from '../scripts/eval-ner.ts';

const of = (es: Entity[], type: Entity['type']) => es.filter((e) => e.type === type).map((e) => e.text);

describe('recognize', () => {
  it('reads a title chain with its organization and the person after it', () => {
    const text = '工业和信息化部党组书记、部长王志明主持会议。';
    const es = recognize(text);
    expect(of(es, 'PER')).toEqual(['王志明']);
    expect(of(es, 'TITLE')).toEqual(['党组书记', '部长']);
    expect(of(es, 'ORG')).toEqual(['工业和信息化部']);
  });

  it('gives offsets into the text, in order, end exclusive', () => {
    const text = '工业和信息化部党组书记、部长王志明主持会议。';
    const es = recognize(text);
    for (const e of es) expect(text.slice(e.start, e.end)).toBe(e.text);
    const starts = es.map((e) => e.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const per = es.find((e) => e.type === 'PER')!;
    expect([per.start, per.end]).toEqual([14, 17]);
  });

  it('finds several people, each after a post', () => {
    const es = recognize('会议由水利部副部长赵春燕主持，办公厅主任钱海峰、人事司司长孙立新参加。');
    expect(of(es, 'PER')).toEqual(['赵春燕', '钱海峰', '孙立新']);
    const titles = of(es, 'TITLE');
    expect(titles).toEqual(expect.arrayContaining(['副部长', '主任']));
    // 司长 may come with its department (人事司司长), as the news corpora mark posts
    expect(titles.some((t) => t.endsWith('司长'))).toBe(true);
  });

  it('keeps a provincial department whole', () => {
    const es = recognize('江苏省工业和信息化厅厅长郑国平表示，要加快推进制造业数字化转型。');
    expect(of(es, 'ORG')).toEqual(['江苏省工业和信息化厅']);
    expect(of(es, 'TITLE')).toEqual(['厅长']);
    expect(of(es, 'PER')).toEqual(['郑国平']);
  });

  it('finds nothing in a sentence without entities, and nothing in empty text', () => {
    expect(recognize('要坚持稳中求进工作总基调，统筹发展和安全。')).toEqual([]);
    expect(recognize('')).toEqual([]);
  });

  it('with a corpus profile yields only the types that corpus annotates', () => {
    const es = recognize('国务院副总理李建国出席会议并讲话。', { profile: 'pd' });
    expect(es.every((e) => e.type === 'PER' || e.type === 'ORG')).toBe(true);
    expect(of(es, 'PER')).toEqual(['李建国']);
  });

  it('is pure: the same text gives the same entities', () => {
    const text = '中央纪委国家监委驻工业和信息化部纪检监察组组长吴卫东出席。';
    expect(recognize(text)).toEqual(recognize(text));
  });
});

describe('scoreSpans (entity-level exact match)', () => {
  it('counts only same type, same start and end', () => {
    const gold: Span[][] = [
      [
        { type: 'PER', start: 0, end: 3 },
        { type: 'PER', start: 10, end: 12 },
        { type: 'ORG', start: 4, end: 8 },
      ],
      [{ type: 'PER', start: 2, end: 5 }],
    ];
    const predicted: Span[][] = [
      [
        { type: 'PER', start: 0, end: 3 }, // right
        { type: 'PER', start: 10, end: 13 }, // wrong end
        { type: 'PER', start: 4, end: 8 }, // right span, wrong type
      ],
      [
        { type: 'PER', start: 2, end: 5 }, // right
        { type: 'PER', start: 2, end: 5 }, // a repeat counts once
      ],
    ];
    const per = scoreSpans(gold, predicted, 'PER');
    expect(per).toMatchObject({ gold: 3, predicted: 4, correct: 2 });
    expect(per.precision).toBeCloseTo(0.5);
    expect(per.recall).toBeCloseTo(2 / 3);
    expect(per.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3));
    const org = scoreSpans(gold, predicted, 'ORG');
    expect(org).toMatchObject({ gold: 1, predicted: 0, correct: 0, precision: 0, recall: 0, f1: 0 });
  });
});
