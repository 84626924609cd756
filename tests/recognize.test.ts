// The recognizer on sentences written here in the bulletin genre (names invented), and the
// scorer that scripts/eval-ner.ts uses on the public datasets.
import { describe, expect, it } from 'vitest';
import {
  allowed,
  allowedEnd,
  buildLexicon,
  decodeLexiconKeys,
  encode,
  encodeLexiconKeys,
  features,
  lexiconKeys,
  LEX_NAME,
  LEX_ORG,
  LEX_TITLE,
  loadModel,
  NF,
  normCode,
  NT,
  recognize,
  setModel,
  spansOf,
  tagB,
  tagE,
  tagM,
  tagS,
  trimPdPerson,
  viterbi,
  type Entity,
} from '../src/ingest/stages/recognize.ts';
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

  it("narrows a person to People's Daily's bounds under that profile: no 小/老 before, no form of address after", () => {
    const trim = (w: string) => {
      const s = { type: 'PER' as const, start: 0, end: w.length };
      trimPdPerson(w, s);
      return w.slice(s.start, s.end);
    };
    expect(['赵主席', '李老师', '王某', '孙老', '小刘', '老周', '小钱海峰', '吴先生'].map(trim)).toEqual(['赵', '李', '王', '孙', '刘', '周', '钱海峰', '吴']);
    // names that merely begin with 小/老 or end in such a character stay whole
    expect(['钱海峰', '老舍', '郑国平', '赵春燕', '孙立新'].map(trim)).toEqual(['钱海峰', '老舍', '郑国平', '赵春燕', '孙立新']);
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

describe('decoding', () => {
  // tags: 0 O; PER B/M/E/S = 1-4, TITLE 5-8, ORG 9-12, LOC 13-16
  const zeros = () => ({ trans: new Float64Array(NT * NT), start: new Float64Array(NT), end: new Float64Array(NT) });

  it('allows only well-formed BMES sequences', () => {
    expect(allowed(-1, tagB(0))).toBe(true);
    expect(allowed(-1, tagM(0))).toBe(false);
    expect(allowed(-1, tagE(0))).toBe(false);
    expect(allowed(tagB(0), tagE(0))).toBe(true);
    expect(allowed(tagB(0), tagE(1))).toBe(false); // a PER span cannot end as a TITLE
    expect(allowed(tagB(0), 0)).toBe(false);
    expect(allowed(tagM(2), tagM(2))).toBe(true);
    expect(allowed(tagE(0), tagB(2))).toBe(true);
    expect(allowed(tagS(1), tagM(1))).toBe(false);
    expect(allowedEnd(tagB(0))).toBe(false);
    expect(allowedEnd(tagE(0))).toBe(true);
    expect(allowedEnd(0)).toBe(true);
  });

  it('viterbi never returns an ill-formed sequence, even when emissions favour one', () => {
    const n = 4;
    const em = new Float64Array(n * NT);
    // each position alone prefers M-PER, which may neither start nor end a sequence
    for (let i = 0; i < n; i++) em[i * NT + tagM(0)] = 10;
    em[tagB(0)] = 5;
    em[(n - 1) * NT + tagE(0)] = 5;
    const { trans, start, end } = zeros();
    const tags = new Uint8Array(n);
    viterbi(em, n, trans, start, end, tags);
    expect([...tags]).toEqual([tagB(0), tagM(0), tagM(0), tagE(0)]);
    expect(spansOf(tags, n)).toEqual([{ type: 'PER', start: 0, end: 4 }]);
  });

  it('viterbi follows transition scores and a mask of allowed tags', () => {
    const n = 2;
    const em = new Float64Array(n * NT);
    em[tagS(0)] = 1; // S-PER at 0
    em[NT + tagS(2)] = 1; // S-ORG at 1
    const { trans, start, end } = zeros();
    const tags = new Uint8Array(n);
    viterbi(em, n, trans, start, end, tags);
    expect([...tags]).toEqual([tagS(0), tagS(2)]);
    trans[tagS(0) * NT + tagS(2)] = -5; // S-PER then S-ORG is now costly
    viterbi(em, n, trans, start, end, tags);
    expect([...tags]).not.toEqual([tagS(0), tagS(2)]);
    const mask = new Uint32Array([1 << tagB(1), 1 << tagE(1)]);
    viterbi(em, n, trans, start, end, tags, mask);
    expect([...tags]).toEqual([tagB(1), tagE(1)]);
    expect(spansOf(tags, n)).toEqual([{ type: 'TITLE', start: 0, end: 2 }]);
  });
});

describe('features', () => {
  const featuresOf = (text: string) => {
    const out = new Int32Array(text.length * NF);
    features(encode(text), text.length, 0, (1 << 20) - 1, out);
    return out;
  };

  it('gives NF bucket indices per character, within the table, the same for the same text', () => {
    const text = '市长张三出席会议';
    const a = featuresOf(text);
    expect(a).toEqual(featuresOf(text));
    for (const v of a) {
      expect(v % NT).toBe(0);
      expect(v / NT).toBeLessThan(1 << 20);
    }
  });

  it('depends on the neighbours: a character gets other features in another context', () => {
    const a = featuresOf('王五说');
    const b = featuresOf('王五局长说');
    // the first character's own-character feature is the same, its right-context features are not
    expect(b[0]).toBe(a[0]);
    expect([...b.slice(0, NF)]).not.toEqual([...a.slice(0, NF)]);
  });

  it('sees full-width and ASCII digits and letters as the same', () => {
    expect(normCode('５'.charCodeAt(0))).toBe(normCode('7'.charCodeAt(0)));
    expect(normCode('Ａ'.charCodeAt(0))).toBe('a'.charCodeAt(0));
  });

  it('marks vocabulary matches: a title and a learned name, each where it starts and ends', () => {
    const lex = buildLexicon([['总经理', LEX_TITLE]], lexiconKeys([['钱七', LEX_NAME]]));
    const e = encode('总经理钱七到', undefined, lex);
    const PAD = 2;
    expect(e.lex[PAD]! & 7).toBe(3); // a three-character title starts at 0
    expect((e.lex[PAD + 2]! >> 3) & 7).toBe(3); // and ends at 2
    expect((e.lex[PAD + 3]! >>> 23) & 7).toBe(2); // a two-character name starts at 3
    expect((e.lex[PAD + 4]! >>> 26) & 7).toBe(2); // and ends at 4
    expect(e.lex[PAD + 5]).toBe(0);
  });

  it('keeps hashed vocabularies through their byte form', () => {
    const k = lexiconKeys([
      ['钱七', LEX_NAME],
      ['某某委员会', LEX_ORG],
    ]);
    const back = decodeLexiconKeys(encodeLexiconKeys(k));
    expect([...back.keys]).toEqual([...k.keys]);
    expect([...back.kinds]).toEqual([...k.kinds]);
  });
});

describe('model', () => {
  it('recognizes with a model set in code: weights on one character tag it', () => {
    const m = loadModel();
    const bits = 10;
    const weights = new Float32Array((1 << bits) * NT);
    const meta = { ...m.meta, hashBits: bits, scale: 1, transitions: m.meta.transitions.map((t) => t.map(() => 0)), bias: undefined, sharedOnly: undefined };
    const text = '甲乙丙';
    const f = new Int32Array(text.length * NF);
    features(encode(text), text.length, 0, (1 << bits) - 1, f);
    // the own-character feature of 乙 votes S-ORG; everything else is 0 (O wins ties)
    weights[f[NF]! + tagS(2)] = 1;
    setModel({ meta, mask: (1 << bits) - 1, weights });
    try {
      expect(recognize(text)).toEqual([{ type: 'ORG', start: 1, end: 2, text: '乙' }]);
    } finally {
      setModel(undefined);
    }
  });

  it('loads the committed model, matching the feature set', () => {
    const m = loadModel();
    expect(m.meta.nf).toBe(NF);
    expect(m.meta.tags).toBe(NT);
    expect(m.weights.length).toBe((1 << m.meta.hashBits) * NT);
  });
});
