// Reading and normalizing: encodings, scripts, garbled mirrors and what is not a bulletin.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractBytes, extractText } from '../src/ingest/pipeline.ts';
import { InputError } from '../src/ingest/report.ts';
import { decode } from '../src/ingest/stages/read.ts';
import * as OpenCC from 'opencc-js';
import { clean, normalize, simplify } from '../src/ingest/stages/normalize.ts';
import { parse } from '../src/ingest/stages/parse.ts';

// Written for these tests, in the genre; the names are invented.
const SIMPLIFIED = '2021年3月15日，交通运输部召开干部大会。部党组书记、部长王建平主持会议并讲话。部领导李明、赵红出席会议。';
const TRADITIONAL = '2021年3月15日，交通運輸部召開幹部大會。部黨組書記、部長王建平主持會議並講話。部領導李明、趙紅出席會議。';

describe('decode', () => {
  it('reads UTF-8, GBK and Big5 to the same text', () => {
    expect(decode('a.txt', Buffer.from(SIMPLIFIED)).encoding).toBe('utf-8');
    const gbk = decode('a.txt', iconv.encode(SIMPLIFIED, 'gbk'));
    expect(gbk).toMatchObject({ encoding: 'gb18030', text: SIMPLIFIED });
    const big5 = decode('b.txt', iconv.encode(TRADITIONAL, 'big5'));
    expect(big5).toMatchObject({ encoding: 'big5', text: TRADITIONAL });
  });

  it('refuses empty and binary files with the file name and the reason', () => {
    expect(() => decode('empty.txt', new Uint8Array())).toThrow(new InputError('empty.txt', 'empty file'));
    const binary = Uint8Array.from({ length: 2000 }, (_, i) => (i * 37) % 256);
    expect(() => decode('blob.bin', binary)).toThrow(/blob\.bin: binary content/);
  });
});

describe('normalize', () => {
  it('converts traditional to simplified and keeps the original', () => {
    const n = normalize('交通運輸部召開幹部大會', [TRADITIONAL]);
    expect(n.text).toBe(SIMPLIFIED);
    expect(n.original).toBe(TRADITIONAL);
    expect(n.title).toBe('交通运输部召开干部大会');
  });

  it('simplifies as the converter does, also where it skips text no rule changes', () => {
    const converter = OpenCC.Converter({ from: 't', to: 'cn' });
    // Simplified text, traditional text, and simplified text with characters some rule rewrites
    // (沈 in a name, 乾 in a phrase) or a compatibility ideograph (U+F900).
    for (const text of [SIMPLIFIED, TRADITIONAL, '副部长沈阳主持会议，乾隆年间', '\uf900', '', 'abc']) {
      expect(simplify(text)).toBe(converter(text));
    }
    expect(simplify(SIMPLIFIED)).toBe(SIMPLIFIED);
  });

  it('strips the pinyin garbled mirrors insert, and layout spaces', () => {
    expect(clean('工業(yè)和信息化部召開務(wù)虛會')).toBe('工業和信息化部召開務虛會');
    expect(clean('会议　以 电视电话会议（huì）形式召开')).toBe('会议以电视电话会议形式召开');
    expect(clean('２０２１年３月１５日,会议召开')).toBe('2021年3月15日，会议召开');
  });
});

describe('parse', () => {
  it('finds the article body and the publish date of a whole page', () => {
    const page = `<!doctype html><html><head><title>交通运输部召开干部大会_新闻_交通运输部网站</title></head><body>
      <div class="nav"><a href="/">首页</a><a href="/news">新闻中心</a><a href="/gk">政务公开</a><a href="/fw">政务服务</a></div>
      <div class="crumb">当前位置：首页 &gt; 新闻中心</div>
      <h1>交通运输部召开干部大会</h1>
      <div class="info">发布日期：2021-03-16　来源：交通运输部网站</div>
      <div class="article"><p>　　${SIMPLIFIED}</p><p>　　会议强调，要狠抓落实。一是要提高站位。二是要压实责任。</p></div>
      <div class="share">分享到：微信 微博</div>
      <div class="footer">版权所有：交通运输部　网站标识码：bm00000000　地址：北京市东城区某某大街</div>
    </body></html>`;
    const p = parse('page.html', page);
    expect(p).toMatchObject({ form: 'page', title: '交通运输部召开干部大会', publishedAt: '2021-03-16' });
    expect(p.paragraphs.join('')).toContain('王建平主持会议');
    expect(p.paragraphs.join('')).not.toMatch(/版权所有|首页|分享到/);
  });

  // The page is read on the DOM without cheerio's selectors: these pin what the selectors meant.
  it('drops scripts, forms and navigation, and takes the title as the selectors did', () => {
    const body = `<div class="article"><p>${SIMPLIFIED}</p><script>var x = '脚本里的中文不算正文内容';</script><form><p>表单里的中文也不算正文内容</p></form></div>`;
    const page = (head: string) => `<html><head><title>会议标题一_网站</title><title>标题二</title></head><body><nav><p>导航里的中文不算正文内容啊</p></nav>${head}${body}</body></html>`;
    const p = parse('page.html', page('<h1>短</h1><div class="x title y">会议的标题在这里</div>'));
    expect(p.paragraphs.join('')).toContain('王建平主持会议');
    expect(p.paragraphs.join('')).not.toMatch(/脚本|表单|导航/);
    // An h1 under four Chinese characters loses to an element of class title (a word of its class).
    expect(p.title).toBe('会议的标题在这里');
    expect(p.context.startsWith('会议标题一_网站标题二 ')).toBe(true);
    // titlex is not the class title, and #Title not #title: the <title> text before its separator.
    expect(parse('page.html', page('<div class="titlex">不是标题不是标题</div><div id="Title">不是标题不是</div>')).title).toBe('会议标题一');
    expect(parse('page.html', page('<div id="title">编号标题标题</div>')).title).toBe('编号标题标题');
  });
});

describe('parse: fragments', () => {
  it('reads a fragment that opens with a heading as HTML: the heading is the title, no tag stays in the text', () => {
    const p = parse('f.html', `<h1>交通运输部召开干部大会</h1>\n<p class="date">发布时间：2021年3月16日</p><p>${SIMPLIFIED}</p>`);
    expect(p).toMatchObject({ form: 'fragment', title: '交通运输部召开干部大会', publishedAt: '2021-03-16', paragraphs: [SIMPLIFIED] });
    // As before, for a fragment that opens with a paragraph, and one in a table.
    expect(parse('f.html', `<p>${SIMPLIFIED}</p>`)).toMatchObject({ form: 'fragment', title: '', paragraphs: [SIMPLIFIED] });
    expect(parse('f.html', `<table><tr><td>${SIMPLIFIED}</td></tr></table>`).paragraphs.join('')).toBe(SIMPLIFIED);
  });

  it('finds one meeting, not a second one in the heading, in such a fragment', () => {
    const r = extractText('f.html', `<h2>交通运输部召开干部大会</h2><p>${SIMPLIFIED}</p>`);
    expect(r.bulletin.title).toBe('交通运输部召开干部大会');
    expect(r.meetings.map((m) => [m.kind, m.date])).toEqual([['干部大会', '2021-03-15']]);
    expect(r.bulletin.text).not.toMatch(/[<>]/);
  });

  it('keeps plain text that merely starts with an angle bracket as text', () => {
    expect(parse('t.txt', `<<交通运输部召开干部大会>>\n${SIMPLIFIED}`).form).toBe('text');
  });
});

describe('extract', () => {
  it('reads a traditional GBK-less Big5 bulletin into simplified facts', () => {
    const r = extractBytes('trad.big5.txt', iconv.encode(`交通運輸部召開幹部大會\n${TRADITIONAL}`, 'big5'));
    expect(r.meetings[0]).toMatchObject({ kind: '干部大会', date: '2021-03-15', organizer: '交通运输部' });
    const roles = Object.fromEntries(r.people.map((p) => [p.name, p.participation[0]?.as]));
    expect(roles).toEqual({ 王建平: 'chair', 李明: 'attendee', 赵红: 'attendee' });
    expect(r.people.find((p) => p.name === '王建平')!.posts.map((p) => `${p.title}@${p.organization}`)).toEqual([
      '党组书记@交通运输部党组',
      '部长@交通运输部',
    ]);
    expect(r.bulletin.originalText).toContain('部黨組書記');
  });

  it('takes a missing year from the publish date', () => {
    const r = extractText('t.txt', '水利部召开务虚会\n发布日期：2020-12-30\n12月28日下午，水利部召开务虚会。部党组书记、部长陈立新主持会议。');
    expect(r.meetings[0]).toMatchObject({ date: '2020-12-28', kind: '务虚会' });
    const early = extractText('t.txt', '水利部召开务虚会\n发布日期：2021-01-04\n12月28日下午，水利部召开务虚会。部党组书记、部长陈立新主持会议。');
    expect(early.meetings[0]!.date).toBe('2020-12-28');
  });

  it('reports what is not a bulletin', () => {
    expect(() => extractText('en.txt', 'The ministry held a meeting on Monday to discuss the plan for next year.')).toThrow(/en\.txt: not Chinese text/);
    expect(() => extractText('recipe.txt', '番茄炒蛋的做法很简单。先把鸡蛋打散，放少许盐搅匀。锅里倒油烧热，倒入蛋液炒到凝固后盛出。')).toThrow(
      /recipe\.txt: not a bulletin/,
    );
  });
});
