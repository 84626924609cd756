// Stage 2, parse: decoded text → title, publish date and paragraphs. Knows the three forms:
// the seed form (line 1 a file name, then an HTML fragment), whole web pages, and plain text.
// htmlparser2 (cheerio/slim) rather than parse5: several times faster on whole pages, and as
// forgiving of the broken markup mirrors serve.
import * as cheerio from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { InputError } from '../report.ts';

export type InputForm = 'seed' | 'page' | 'fragment' | 'text';

export interface ParsedInput {
  source: string;
  form: InputForm;
  title: string;
  /** YYYY-MM-DD printed on the page (发布日期), or null. */
  publishedAt: string | null;
  /** Years named by the file name or page outside the article, to date "3月15日" meetings. */
  contextYear: number | null;
  /** Text around the article (file name, site header and footer): names the publisher's province. */
  context: string;
  paragraphs: string[];
}

const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'section', 'article',
  'header', 'footer', 'blockquote', 'pre', 'td', 'th', 'dd', 'dt', 'main', 'center',
]);
/** Elements removed before anything is read (script, style, forms, navigation …). */
const DROP = new Set(['script', 'style', 'noscript', 'iframe', 'form', 'button', 'select', 'input', 'textarea', 'svg', 'nav', 'link', 'meta']);
const BOILERPLATE = /nav|menu|footer|foot|share|breadcrumb|crumb|sidebar|side|related|copyright|header|banner|toolbar|login|search|links|bdshare|jiathis/i;
/** A printed date: year, month, day (2021-03-16, 2021年3月16日, 2021/3/16). */
const DATE = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const DATE_LINE = new RegExp(`(?:发布日期|发布时间|發佈日期|發布日期|发文日期|日期|时间|時間)\\s*[:：]\\s*${DATE.source}`);
/** A short line that only gives the publish date, not article text that mentions one. */
const isDateLine = (p: string) => DATE_LINE.test(p) && cjkCount(p) <= 40;

/** Characters in U+3400–U+9FFF; counted in a loop, where a global match made a string of each. */
export function cjkCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) n++;
  }
  return n;
}

/** Text of a subtree with a newline at every block boundary. */
function blockText(root: AnyNode): string {
  const out: string[] = [];
  const walk = (node: AnyNode) => {
    if (node.type === 'text') out.push((node as unknown as { data: string }).data);
    else if (node.type === 'tag' || node.type === 'root') {
      const el = node as Element;
      const block = node.type === 'tag' && BLOCK.has(el.name);
      if (block) out.push('\n');
      for (const child of el.children) walk(child);
      if (block) out.push('\n');
    }
  };
  walk(root);
  return out.join('');
}

function splitParagraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.replace(/[\s\u3000\u00a0]+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

function dateOf(m: RegExpMatchArray | null): string | null {
  if (!m) return null;
  const [, y, mo, d] = m;
  return `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

// The page is read on the DOM (domhandler) directly: cheerio compiled each selector on every page
// and made strings of every .text(), together a fifth of extraction time on pages. Each helper
// says which cheerio call it stands for; they find the same nodes in the same (document) order.

/** An element as css-select sees one (script and style have types of their own). */
const isElement = (node: AnyNode): node is Element => node.type === 'tag' || node.type === 'script' || node.type === 'style';

const childrenOf = (node: AnyNode): AnyNode[] | undefined => (node as { children?: AnyNode[] }).children;

/** Calls visit on every element below root in document order; visit returns false to skip an element's subtree. */
function eachElement(root: AnyNode, visit: (el: Element) => boolean | void): void {
  const walk = (nodes: AnyNode[]) => {
    for (const node of nodes) if (isElement(node) && visit(node) !== false) walk(node.children);
  };
  walk(childrenOf(root) ?? []);
}

/** $(DROP).remove(): each such element leaves its parent's children and its siblings' links (domutils removeElement). */
function dropElements(root: AnyNode): void {
  const drop: Element[] = [];
  eachElement(root, (el) => {
    if (!DROP.has(el.name)) return true;
    drop.push(el);
    return false; // what is inside goes with it
  });
  for (const el of drop) {
    if (el.prev) el.prev.next = el.next;
    if (el.next) el.next.prev = el.prev;
    const siblings = el.parent ? childrenOf(el.parent) : undefined;
    const at = siblings ? siblings.lastIndexOf(el) : -1;
    if (at >= 0) siblings!.splice(at, 1);
    el.prev = el.next = el.parent = null;
  }
}

/** A node's text as cheerio's .text() reads it (domutils textContent: text and CDATA, not comments). */
function textOf(node: AnyNode): string {
  const children = childrenOf(node);
  if (children) {
    let out = '';
    for (const child of children) out += textOf(child);
    return out;
  }
  return node.type === 'text' ? (node as unknown as { data: string }).data : '';
}

/** cjkCount of a node's text as cheerio's .text() reads it (domutils textContent: text and CDATA, not comments). */
function cjkIn(node: AnyNode): number {
  const children = childrenOf(node);
  if (children) {
    let n = 0;
    for (const child of children) n += cjkIn(child);
    return n;
  }
  return node.type === 'text' ? cjkCount((node as unknown as { data: string }).data) : 0;
}

const SCORED = new Set(['p', 'span', 'div', 'td', 'section', 'article', 'font']);

/** The elements `$('p, span, div, td, section, article, font')` selects, in document order. */
function scoredElements(root: AnyNode): Element[] {
  const out: Element[] = [];
  eachElement(root, (el) => {
    if (SCORED.has(el.name)) out.push(el);
  });
  return out;
}

/**
 * Readability-style choice of the article body: paragraphs (p, span) score their parent and
 * grandparent, containers with text of their own score themselves; the score is then weighted by
 * how much of the container's text is such paragraphs, so that <body> with its menus and footer
 * loses to the article inside it.
 */
function articleBody($: cheerio.CheerioAPI): Element | null {
  const scores = new Map<Element, number>();
  const add = (node: AnyNode | null | undefined, v: number) => {
    if (node && node.type === 'tag') scores.set(node as Element, (scores.get(node as Element) ?? 0) + v);
  };
  for (const el of scoredElements($.root()[0]!)) {
    // Its own text: text and inline children but spans (.contents().filter(…).text()), less
    // twice its links (.children('a').text()).
    let own = 0;
    let links = 0;
    for (const c of el.children) {
      if (c.type === 'text' || (c.type === 'tag' && !BLOCK.has((c as Element).name) && (c as Element).name !== 'span')) own += cjkIn(c);
      if (isElement(c) && c.name === 'a') links += cjkIn(c);
    }
    const s = own - 2 * links;
    if (s < 10) continue;
    if (el.name === 'p' || el.name === 'span' || el.name === 'font') {
      add(el.parent, s);
      add(el.parent?.parent, s / 2);
    } else {
      add(el, s);
      add(el.parent, s / 2);
    }
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, s] of scores) {
    const attrs = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
    const density = Math.min(1, s / Math.max(1, cjkIn(el)));
    const adjusted = (BOILERPLATE.test(attrs) ? s / 4 : s) * density;
    if (adjusted > bestScore) {
      best = el;
      bestScore = adjusted;
    }
  }
  return best;
}

/** A class attribute naming one of .title, .article-title, .con_title, .tit (css-select's ~= word match). */
const TITLE_CLASS = /(?:^|\s)(?:title|article-title|con_title|tit)(?:$|\s)/;

/**
 * What the page says its title is, in one walk: the candidates pageTitle weighs, $('title').text(),
 * and the first <h2> or <h3> (a fragment's heading where it has no <h1>).
 */
function titleSources(root: AnyNode): { candidates: string[]; titleText: string; heading: string } {
  let h1: Element | undefined;
  let h23: Element | undefined;
  let titled: Element | undefined;
  let meta: Element | undefined;
  let titleText = '';
  eachElement(root, (el) => {
    if (!h1 && el.name === 'h1') h1 = el;
    if (!h23 && (el.name === 'h2' || el.name === 'h3')) h23 = el;
    if (!titled && (TITLE_CLASS.test(el.attribs.class ?? '') || el.attribs.id === 'title')) titled = el;
    if (!meta && el.name === 'meta' && el.attribs.name === 'ArticleTitle') meta = el;
    if (el.name === 'title') titleText += textOf(el);
  });
  const candidates = [
    h1 ? textOf(h1) : '', // $('h1').first().text()
    titled ? textOf(titled) : '', // $('.title, .article-title, .con_title, #title, .tit').first().text()
    meta?.attribs.content ?? '', // $('meta[name="ArticleTitle"]').attr('content') ?? ''
    titleText.split(/[-_|–]/)[0] ?? '',
  ];
  return { candidates, titleText, heading: h23 ? textOf(h23) : '' };
}

function pageTitle(candidates: string[]): string {
  return candidates.map((c) => c.replace(/\s+/g, ' ').trim()).find((c) => cjkCount(c) >= 4) ?? '';
}

export function parse(source: string, text: string): ParsedInput {
  const firstBreak = text.indexOf('\n');
  const firstLine = (firstBreak < 0 ? text : text.slice(0, firstBreak)).trim();
  const rest = firstBreak < 0 ? '' : text.slice(firstBreak + 1);
  const yearIn = (s: string) => {
    const m = s.match(/(19|20)\d{2}(?=年|[-/.]\d)/);
    return m ? Number(m[0]) : null;
  };

  // The seed form: "217标题.txt" then HTML.
  if (/\.(txt|html?)$/i.test(firstLine) && /^\s*</.test(rest)) {
    // The dataset number leads; a year may follow it directly (72018年全省… is number 7, year 2018).
    const title = firstLine.replace(/\.(txt|html?)$/i, '').replace(/^\d*?(?=(?:19|20)\d{2}年)|^\d+[_\s-]*/, '').trim();
    const $ = cheerio.load(rest);
    dropElements($.root()[0]!);
    const paragraphs = splitParagraphs(blockText($.root()[0]!));
    return { source, form: 'seed', title, publishedAt: null, contextYear: yearIn(title), context: title, paragraphs };
  }

  if (/^\s*(<!doctype|<html|<head|<body|<meta)/i.test(text) || /<body[\s>]/i.test(text)) {
    const $ = cheerio.load(text);
    dropElements($.root()[0]!);
    const wholeText = blockText($.root()[0]!);
    const publishedAt = dateOf(wholeText.match(DATE_LINE));
    const body = articleBody($);
    if (!body) throw new InputError(source, 'no article text found in the page');
    const { candidates, titleText } = titleSources($.root()[0]!);
    const title = pageTitle(candidates);
    let paragraphs = splitParagraphs(blockText(body)).filter((p) => !isDateLine(p));
    if (title) paragraphs = paragraphs.filter((p) => p !== title);
    return { source, form: 'page', title, publishedAt, contextYear: yearIn(wholeText), context: `${titleText} ${wholeText.slice(0, 2000)}`, paragraphs };
  }

  // A fragment: text that opens with an element and closes one (<h1>, <table>, <font> … as well as
  // <div> and <p>). Read as plain text, its tags stayed in the text, and a heading that repeats
  // the first sentence's 召开…会议 became a second meeting.
  if (/^\s*<[a-z][a-z0-9]*[\s>/]/i.test(text) && /<\/[a-z][a-z0-9]*\s*>/i.test(text)) {
    const $ = cheerio.load(text);
    dropElements($.root()[0]!);
    // A heading is the title: what a whole page would take (<h1>, .title …), else an <h2> or <h3>.
    const { candidates, heading } = titleSources($.root()[0]!);
    const title = pageTitle([...candidates, heading]);
    let paragraphs = splitParagraphs(blockText($.root()[0]!));
    if (title) paragraphs = paragraphs.filter((p) => p !== title);
    const publishedAt = dateOf(paragraphs.find(isDateLine)?.match(DATE_LINE) ?? null);
    paragraphs = paragraphs.filter((p) => !isDateLine(p));
    return { source, form: 'fragment', title, publishedAt, contextYear: yearIn(title), context: title, paragraphs };
  }

  const lines = splitParagraphs(text);
  let publishedAt = dateOf(text.match(DATE_LINE));
  // Plain text: a short first line without a sentence end is the title.
  const first = lines[0] ?? '';
  const hasTitle = lines.length > 1 && first.length <= 60 && !/[。；]$/.test(first);
  const paragraphs = (hasTitle ? lines.slice(1) : lines).filter((p) => !isDateLine(p));
  // A source line under the title (永宁县人民政府　2024-07-17) names the publisher.
  const sourceLine = paragraphs.slice(0, 2).find((p) => cjkCount(p) <= 30 && DATE.test(p)) ?? '';
  // Its date is the publish date where no 发布日期 line gives one.
  publishedAt ??= dateOf(sourceLine.match(DATE));
  return { source, form: 'text', title: hasTitle ? first : '', publishedAt, contextYear: yearIn(text), context: sourceLine, paragraphs };
}
