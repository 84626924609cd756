// Renders the labeled evaluation set in eval/labeled/ from the hand-written sources in
// eval/labeled/src/*.src (UTF-8, simplified Chinese, one paragraph a line, plus a compact gold
// section). For every source it writes the bulletin file in its form (seed / page / text), script
// (simplified / traditional / garbled pinyin mirror) and encoding (utf-8 / gbk / big5), and the
// pretty-printed gold JSON beside it. Encoded files also get their UTF-8 rendering in src/ (*.utf8.*).
// It also writes the "bad" files (empty, random bytes) and checks every gold file against its text.
//
// Run: npx tsx eval/make-variants.ts        (add --stats to print the set's counts)
import { readFileSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, 'labeled');
const SRC = join(OUT, 'src');

const s2t = OpenCC.Converter({ from: 'cn', to: 'tw' });
const t2s = OpenCC.Converter({ from: 'tw', to: 'cn' });

// Characters (traditional forms) after which a garbled mirror inserts pinyin with tones.
const PINYIN: Record<string, string> = {
  業: 'yè', 務: 'wù', 黨: 'dǎng', 組: 'zǔ', 導: 'dǎo', 幹: 'gàn', 廳: 'tīng', 議: 'yì', 習: 'xí',
  書: 'shū', 講: 'jiǎng', 傳: 'chuán', 達: 'dá', 領: 'lǐng', 參: 'cān', 環: 'huán', 實: 'shí',
  張: 'zhāng', 劉: 'liú', 陳: 'chén', 趙: 'zhào', 黃: 'huáng', 楊: 'yáng', 吳: 'wú', 孫: 'sūn',
  馬: 'mǎ', 羅: 'luó', 歐: 'ōu', 諸: 'zhū', 鄭: 'zhèng', 謝: 'xiè', 韓: 'hán', 鄧: 'dèng',
  貫: 'guàn', 徹: 'chè', 樹: 'shù', 龍: 'lóng', 濤: 'tāo', 輝: 'huī', 偉: 'wěi', 華: 'huá',
  會: 'huì', 長: 'zhǎng', 運: 'yùn', 輸: 'shū', 屬: 'shǔ', 風: 'fēng', 紀: 'jì', 監: 'jiān',
};
// Insert pinyin after every second occurrence of a mapped character (mirrors are uneven).
function garble(text: string): string {
  const seen: Record<string, number> = {};
  let out = '';
  for (const ch of text) {
    out += ch;
    const py = PINYIN[ch];
    if (py) {
      seen[ch] = (seen[ch] ?? 0) + 1;
      if (seen[ch] % 2 === 1) out += `(${py})`;
    }
  }
  return out;
}
const stripPinyin = (s: string) => s.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, '');

interface Site { site: string; source: string; code: string; icp: string; short: string }
const SITES: Record<string, Site> = {
  工业和信息化部: { site: '中华人民共和国工业和信息化部', source: '工业和信息化部网站', code: 'bm07000001', icp: '京ICP备04000001号', short: '工信部' },
  交通运输部: { site: '中华人民共和国交通运输部', source: '交通运输部网站', code: 'bm17000002', icp: '京ICP备05000002号', short: '交通运输部' },
  生态环境部: { site: '中华人民共和国生态环境部', source: '生态环境部网站', code: 'bm17000003', icp: '京ICP备05000003号', short: '生态环境部' },
  水利部: { site: '中华人民共和国水利部', source: '水利部网站', code: 'bm33000004', icp: '京ICP备05000004号', short: '水利部' },
  国家发展和改革委员会: { site: '中华人民共和国国家发展和改革委员会', source: '国家发展改革委网站', code: 'bm04000005', icp: '京ICP备05000005号', short: '国家发展改革委' },
  商务部: { site: '中华人民共和国商务部', source: '商务部网站', code: 'bm22000006', icp: '京ICP备05000006号', short: '商务部' },
  自然资源部: { site: '中华人民共和国自然资源部', source: '自然资源部网站', code: 'bm15000007', icp: '京ICP备05000007号', short: '自然资源部' },
  应急管理部: { site: '中华人民共和国应急管理部', source: '应急管理部网站', code: 'bm89000008', icp: '京ICP备05000008号', short: '应急管理部' },
  江苏省工业和信息化厅: { site: '江苏省工业和信息化厅', source: '江苏省工业和信息化厅', code: '3200000011', icp: '苏ICP备10000011号', short: '省工信厅' },
  广东省通信管理局: { site: '广东省通信管理局', source: '广东省通信管理局', code: 'bm07440012', icp: '粤ICP备10000012号', short: '广东通信管理局' },
  浙江省交通运输厅: { site: '浙江省交通运输厅', source: '浙江省交通运输厅', code: '3300000013', icp: '浙ICP备10000013号', short: '省交通运输厅' },
  四川省生态环境厅: { site: '四川省生态环境厅', source: '四川省生态环境厅', code: '5100000014', icp: '蜀ICP备10000014号', short: '省生态环境厅' },
  湖北省水利厅: { site: '湖北省水利厅', source: '湖北省水利厅', code: '4200000015', icp: '鄂ICP备10000015号', short: '省水利厅' },
  山东省商务厅: { site: '山东省商务厅', source: '山东省商务厅', code: '3700000016', icp: '鲁ICP备10000016号', short: '省商务厅' },
  河南省自然资源厅: { site: '河南省自然资源厅', source: '河南省自然资源厅', code: '4100000017', icp: '豫ICP备10000017号', short: '省自然资源厅' },
  福建省发展和改革委员会: { site: '福建省发展和改革委员会', source: '福建省发展和改革委员会', code: '3500000018', icp: '闽ICP备10000018号', short: '省发改委' },
  教育部: { site: '中华人民共和国教育部', source: '教育部网站', code: 'bm05000019', icp: '京ICP备05000019号', short: '教育部' },
  农业农村部: { site: '中华人民共和国农业农村部', source: '农业农村部网站', code: 'bm21000020', icp: '京ICP备05000020号', short: '农业农村部' },
  住房和城乡建设部: { site: '中华人民共和国住房和城乡建设部', source: '住房城乡建设部网站', code: 'bm18000021', icp: '京ICP备05000021号', short: '住房城乡建设部' },
  海关总署: { site: '中华人民共和国海关总署', source: '海关总署网站', code: 'bm28000022', icp: '京ICP备05000022号', short: '海关总署' },
  国家卫生健康委员会: { site: '中华人民共和国国家卫生健康委员会', source: '国家卫生健康委网站', code: 'bm24000023', icp: '京ICP备05000023号', short: '国家卫生健康委' },
  湖南省农业农村厅: { site: '湖南省农业农村厅', source: '湖南省农业农村厅', code: '4300000024', icp: '湘ICP备10000024号', short: '省农业农村厅' },
  广西壮族自治区交通运输厅: { site: '广西壮族自治区交通运输厅', source: '广西壮族自治区交通运输厅', code: '4500000025', icp: '桂ICP备10000025号', short: '自治区交通运输厅' },
  青岛市人力资源和社会保障局: { site: '青岛市人力资源和社会保障局', source: '青岛市人力资源和社会保障局', code: '3702000026', icp: '鲁ICP备10000026号', short: '市人社局' },
  吉林省文化和旅游厅: { site: '吉林省文化和旅游厅', source: '吉林省文化和旅游厅', code: '2200000027', icp: '吉ICP备10000027号', short: '省文化和旅游厅' },
  海南省生态环境厅: { site: '海南省生态环境厅', source: '海南省生态环境厅', code: '4600000028', icp: '琼ICP备10000028号', short: '省生态环境厅' },
  国家林业和草原局: { site: '国家林业和草原局', source: '国家林业和草原局网站', code: 'bm40000029', icp: '京ICP备05000029号', short: '国家林草局' },
  国家医疗保障局: { site: '国家医疗保障局', source: '国家医疗保障局网站', code: 'bm94000030', icp: '京ICP备05000030号', short: '国家医保局' },
  山西省应急管理厅: { site: '山西省应急管理厅', source: '山西省应急管理厅', code: '1400000031', icp: '晋ICP备10000031号', short: '省应急管理厅' },
  西藏自治区卫生健康委员会: { site: '西藏自治区卫生健康委员会', source: '西藏自治区卫生健康委员会', code: '5400000032', icp: '藏ICP备10000032号', short: '自治区卫生健康委' },
  重庆市经济和信息化委员会: { site: '重庆市经济和信息化委员会', source: '重庆市经济和信息化委员会', code: '5000000033', icp: '渝ICP备10000033号', short: '市经济信息委' },
};

interface Header {
  file: string; form: string; encoding: string; script: string; publisher: string; title: string; published: string;
  seedname?: string; textmeta?: string; indent?: string; crlf?: string; charset?: string; source?: string; template?: string;
}
interface Src {
  srcFile: string;
  h: Header;
  body: string[];
  gold: string[];
}

function parseSrc(file: string): Src {
  const text = readFileSync(join(SRC, file), 'utf8').replace(/\r\n/g, '\n');
  const h: Record<string, string> = {};
  const body: string[] = [];
  const gold: string[] = [];
  let sec = 'head';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line === '--- body') { sec = 'body'; continue; }
    if (line === '--- gold') { sec = 'gold'; continue; }
    if (!line.trim()) continue;
    if (sec === 'head') {
      const m = /^@(\w+)\s+(.*)$/.exec(line);
      if (!m) throw new Error(`${file}: bad header line ${line}`);
      h[m[1]!] = m[2]!.trim();
    } else if (sec === 'body') body.push(line.trim());
    else gold.push(line.trim());
  }
  for (const k of ['file', 'form', 'encoding', 'script', 'publisher', 'title', 'published'])
    if (!(k in h)) throw new Error(`${file}: missing @${k}`);
  return { srcFile: file, h: h as unknown as Header, body, gold };
}

const nul = (s: string | undefined) => (s === undefined || s === '-' || s === 'null' || s === '' ? null : s);

const KINDS = new Set(['干部大会', '党组会议', '党组扩大会', '务虚会', '座谈会', '专题党课', '报告会', '电视电话会议',
  '理论学习中心组学习会', '动员部署会', '升国旗仪式', '工作会议', '推进会',
  // Kinds first met in the blind files (052 on), written without looking at the extractor's list.
  '集体学习', '调度会', '专题会议', '现场会', '警示教育大会', '培训班开班式', '常务会议', '表彰大会',
  // And in the second batch (073 on), written after the fixes to the first.
  '民主生活会', '办公会议', '宣誓仪式',
  // And in the third batch (079 on), written before reading the extractor.
  '部务会议', '会商会', '动员大会', '厅务会', '述职述廉会']);
const ROLES = ['chair', 'speaker', 'attendee'];
const DKINDS = new Set(['指出', '强调', '要求', '认为', '号召']);

function buildGold(s: Src) {
  const meetings: any[] = [];
  const people: any[] = [];
  let organizations: string[] = [];
  const directives: any[] = [];
  const campaigns: string[] = [];
  for (const line of s.gold) {
    const tag = line[0];
    const rest = line.slice(1).trim();
    const f = rest.split('|').map((x) => x.trim());
    const at = (i: number) => f[i] ?? '';
    if (tag === 'M') {
      meetings.push({ id: at(0), name: at(1), kind: at(2), date: nul(at(3)), dateEnd: nul(at(4)), organizer: nul(at(5)), form: nul(at(6)) });
    } else if (tag === 'P') {
      const name = at(0), posts = at(1), parts = at(2);
      const p: any = { name, posts: [], participation: [], mentioned: false };
      if (nul(posts)) for (const post of posts.split(';').map((x) => x.trim()).filter(Boolean)) {
        const [title, org] = post.split('@').map((x) => x.trim());
        p.posts.push({ title: title ?? '', organization: nul(org) });
      }
      if (parts === 'mentioned') p.mentioned = true;
      else for (const pt of parts.split(',').map((x) => x.trim()).filter(Boolean)) {
        const [meeting, as] = pt.split(':');
        p.participation.push({ meeting, as });
      }
      people.push(p);
    } else if (tag === 'O') {
      organizations.push(...rest.split(';').map((x) => x.trim()).filter(Boolean));
    } else if (tag === 'D') {
      directives.push({ meeting: at(0), speaker: nul(at(1)), kind: at(2), items: Number(at(3)) });
    } else if (tag === 'C') {
      campaigns.push(rest);
    } else throw new Error(`${s.srcFile}: bad gold line ${line}`);
  }
  organizations = [...new Set(organizations)];
  const enc = s.h.encoding;
  return {
    file: s.h.file,
    form: s.h.form,
    encoding: enc,
    script: s.h.script,
    bulletin: { title: s.h.title, publishedAt: nul(s.h.published) },
    meetings,
    people,
    organizations,
    directives,
    campaigns,
  };
}

function check(s: Src, g: ReturnType<typeof buildGold>, rendered: string) {
  const errs: string[] = [];
  const bodyText = s.body.join('\n');
  const all = s.h.title + '\n' + (s.h.seedname ?? '') + '\n' + bodyText;
  const mids = new Set(g.meetings.map((m) => m.id));
  const orgs = new Set(g.organizations);
  if (!['seed', 'page', 'text'].includes(g.form)) errs.push(`form ${g.form}`);
  if (!['utf-8', 'gbk', 'big5'].includes(g.encoding)) errs.push(`encoding ${g.encoding}`);
  if (!['simplified', 'traditional', 'garbled'].includes(g.script)) errs.push(`script ${g.script}`);
  if (g.encoding === 'big5' && g.script === 'simplified') errs.push('big5 must be traditional');
  const ext = g.file.replace(/^\d{3}-[a-z0-9-]+/, '');
  const wantExt = (g.encoding === 'utf-8' ? '' : g.encoding === 'gbk' ? '.gbk' : '.big5') + (g.form === 'page' ? '.html' : '.txt');
  if (ext !== wantExt) errs.push(`file extension ${ext} != ${wantExt}`);
  if (g.bulletin.publishedAt && !/^\d{4}-\d\d-\d\d$/.test(g.bulletin.publishedAt)) errs.push('publishedAt');
  if (g.form === 'page' && !g.bulletin.publishedAt) errs.push('page without publishedAt');
  for (const m of g.meetings) {
    if (!KINDS.has(m.kind)) errs.push(`meeting kind ${m.kind}`);
    for (const d of [m.date, m.dateEnd]) if (d && !/^\d{4}-\d\d-\d\d$/.test(d)) errs.push(`date ${d}`);
    if (m.organizer && !orgs.has(m.organizer)) errs.push(`organizer ${m.organizer} not in organizations`);
    if (m.form && !['电视电话会议', '视频会议'].includes(m.form)) errs.push(`meeting form ${m.form}`);
    if (m.name.includes('“') || m.name.includes('”')) errs.push(`quotes in meeting name ${m.name}`);
    if (!all.replace(/[“”]/g, '').includes(m.name)) errs.push(`meeting name not in text: ${m.name}`);
  }
  const names = new Set<string>();
  for (const p of g.people) {
    if (names.has(p.name)) errs.push(`duplicate person ${p.name}`);
    names.add(p.name);
    if (!all.includes(p.name)) errs.push(`person not in text: ${p.name}`);
    for (const post of p.posts) {
      if (post.organization && !orgs.has(post.organization)) errs.push(`post org ${post.organization} not in organizations`);
    }
    const seenM = new Set<string>();
    for (const pt of p.participation) {
      if (!mids.has(pt.meeting)) errs.push(`${p.name}: unknown meeting ${pt.meeting}`);
      if (!ROLES.includes(pt.as)) errs.push(`${p.name}: role ${pt.as}`);
      if (seenM.has(pt.meeting)) errs.push(`${p.name}: two roles in ${pt.meeting}`);
      seenM.add(pt.meeting);
    }
    if (p.mentioned && p.participation.length) errs.push(`${p.name}: mentioned with participation`);
    if (!p.mentioned && !p.participation.length) errs.push(`${p.name}: neither mentioned nor participating`);
  }
  for (const c of g.campaigns) if (!all.replace(/[“”]/g, '').includes(c)) errs.push(`campaign not in text: ${c}`);
  for (const d of g.directives) {
    if (!mids.has(d.meeting)) errs.push(`directive meeting ${d.meeting}`);
    if (!DKINDS.has(d.kind)) errs.push(`directive kind ${d.kind}`);
    if (d.speaker && !names.has(d.speaker)) errs.push(`directive speaker ${d.speaker} not a person`);
    if (!Number.isInteger(d.items)) errs.push('directive items');
  }
  const collective = (bodyText.match(/会议(指出|强调|要求|认为|号召)/g) ?? []).length;
  const goldCollective = g.directives.filter((d) => !d.speaker).length;
  if (collective !== goldCollective) errs.push(`会议X directives: text ${collective} gold ${goldCollective}`);
  const enumer = (bodyText.match(/[一二三四五六七八九十]是|第[一二三四五六七八九十][，、]/g) ?? []).length;
  const goldItems = g.directives.reduce((a, d) => a + d.items, 0);
  if (enumer !== goldItems) errs.push(`enumerated items: text ${enumer} gold ${goldItems}`);
  // The rendered file, read back as simplified text, must still contain every name.
  const back = t2s(stripPinyin(rendered));
  for (const p of g.people) if (!back.includes(p.name)) errs.push(`rendered file loses name ${p.name}`);
  for (const o of g.organizations) if (all.includes(o) && !back.includes(o)) errs.push(`rendered file loses organization ${o}`);
  if (errs.length) throw new Error(`${s.srcFile}:\n  ${errs.join('\n  ')}`);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function renderSeed(s: Src): string {
  const span = "<div><span style='font-size:16px;margin-top:15px;line-height:25px;text-indent:30px'> ";
  const paras = s.body.map((p) => `${span}　　${esc(p)}</span></div><div>&nbsp;</div>`).join('');
  return `${s.h.seedname}\n${paras}\n`;
}

function renderText(s: Src): string {
  const lines: string[] = [s.h.title];
  const meta = s.h.textmeta;
  if (meta) lines.push(meta);
  const indent = s.h.indent === 'yes' ? '　　' : '';
  for (const p of s.body) lines.push(indent + p);
  const nl = s.h.crlf === 'yes' ? '\r\n' : '\n';
  return lines.join(nl) + nl;
}

function related(pub: string): string[] {
  const sh = SITES[pub]?.short ?? pub;
  return [
    `${sh}召开安全生产工作专题会议`,
    `${sh}举办新入职干部培训班`,
    `关于公开征求《有关管理办法（征求意见稿）》意见的通知`,
    `${sh}与有关单位签署战略合作协议`,
    `一图读懂年度重点工作安排`,
  ];
}

function renderPage(s: Src, charset: string): string {
  const pub = s.h.publisher;
  const site = SITES[pub];
  if (!site) throw new Error(`${s.srcFile}: no site for ${pub}`);
  const date = s.h.published;
  const source = s.h.source ?? site.source;
  const t = s.h.template ?? 'a';
  const paras = s.body.map((p) => `<p style="text-indent:2em;">${esc(p)}</p>`).join('\n');
  const rel = related(pub);
  if (t === 'a') {
    return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="${charset}">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="SiteName" content="${site.site}">
<meta name="ArticleTitle" content="${esc(s.h.title)}">
<meta name="PubDate" content="${date} 09:30">
<title>${esc(s.h.title)}_${site.site}</title>
<link rel="stylesheet" href="/css/common.css">
<script src="/js/jquery.min.js"></script>
</head>
<body>
<div class="top-bar"><div class="w1200"><span>今天是</span><span id="today"></span><a href="/wza/">无障碍</a> | <a href="/english/">English</a> | <a href="/m/">移动版</a></div></div>
<div class="header"><div class="w1200"><a class="logo" href="/"><img src="/images/logo.png" alt="${site.site}"></a>
<form class="search" action="/search/"><input type="text" name="q" placeholder="请输入关键词"><button type="submit">搜索</button></form></div></div>
<div class="nav"><ul class="w1200">
<li><a href="/">首页</a></li><li><a href="/jgsj/">机构职能</a></li><li class="on"><a href="/xwdt/">新闻动态</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zcfb/">政策发布</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/ztzl/">专题专栏</a></li>
</ul></div>
<div class="w1200 main">
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/xwdt/">新闻动态</a> &gt; <a href="/xwdt/gzdt/">工作动态</a></div>
<div class="left-col">
<div class="side-box"><h3>新闻动态</h3><ul><li><a href="/xwdt/szyw/">时政要闻</a></li><li class="cur"><a href="/xwdt/gzdt/">工作动态</a></li><li><a href="/xwdt/dfdt/">地方动态</a></li><li><a href="/xwdt/mtbd/">媒体报道</a></li></ul></div>
</div>
<div class="right-col">
<div class="article">
<h1 class="article-title">${esc(s.h.title)}</h1>
<div class="article-info">发布日期：${date}　来源：${source}　<span class="fontsize">【字号：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a>】</span> <a href="javascript:window.print();">【打印】</a></div>
<div class="article-content" id="con_con">
${paras}
</div>
<div class="share">分享到：<a class="wx" title="微信" href="javascript:;">微信</a><a class="wb" title="微博" href="javascript:;">微博</a><a class="qq" title="QQ空间" href="javascript:;">QQ空间</a></div>
<div class="article-tools"><a href="javascript:window.close();">【关闭窗口】</a></div>
</div>
<div class="related"><h4>相关链接</h4><ul>
${rel.map((r, i) => `<li><a href="/xwdt/gzdt/art/${date.slice(0, 4)}/art_${1000 + i}.html">${r}</a><span>${date}</span></li>`).join('\n')}
</ul></div>
</div>
</div>
<div class="footer"><div class="w1200">
<p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/smsm/">使用帮助</a></p>
<p>版权所有：${site.site}　主办单位：${site.site}</p>
<p>网站标识码：${site.code}　<a href="https://beian.miit.gov.cn/">${site.icp}</a></p>
</div></div>
</body>
</html>
`;
  }
  if (t === 'b') {
    // An older table layout, the kind often served as GB2312/GBK.
    return `<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>${esc(s.h.title)}</title>
<style type="text/css">td{font-size:14px}.title{font-size:22px;font-weight:bold;color:#c00}</style>
</head>
<body topmargin="0" leftmargin="0">
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td height="110" background="/images/banner.jpg"><img src="/images/logo.gif" alt="${site.site}"></td></tr>
<tr><td class="menu"><a href="/">首页</a>　|　<a href="/col/col1/">${site.short}概况</a>　|　<a href="/col/col2/">工作动态</a>　|　<a href="/col/col3/">通知公告</a>　|　<a href="/col/col4/">政策法规</a>　|　<a href="/col/col5/">信息公开</a>　|　<a href="/col/col6/">党建工作</a>　|　<a href="/col/col7/">公众参与</a></td></tr>
<tr><td height="30">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/col/col2/">工作动态</a> &gt;&gt; 正文</td></tr>
</table>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
<tr>
<td width="220" valign="top">
<table width="100%"><tr><td class="lm">热点专题</td></tr>
<tr><td><a href="/col/col90/">学习贯彻党的二十大精神</a></td></tr>
<tr><td><a href="/col/col91/">优化营商环境</a></td></tr>
<tr><td><a href="/col/col92/">政府信息公开年报</a></td></tr></table>
</td>
<td width="760" valign="top">
<table width="100%" border="0" cellpadding="0" cellspacing="0">
<tr><td align="center" class="title">${esc(s.h.title)}</td></tr>
<tr><td align="center" height="36">发布日期：${date}　来源：${source}　浏览次数：<span id="hits">1</span></td></tr>
<tr><td><hr size="1" color="#cccccc"></td></tr>
<tr><td class="bt_content" id="zoom">
<!--ZJEG_RSS.content.begin-->
${paras}
<!--ZJEG_RSS.content.end-->
</td></tr>
<tr><td align="right"><a href="javascript:window.print()">[打印本页]</a>　<a href="javascript:window.close()">[关闭窗口]</a></td></tr>
</table>
<table width="100%"><tr><td class="lm">相关信息</td></tr>
${rel.slice(0, 3).map((r) => `<tr><td>·<a href="/art/${date.slice(0, 4)}/">${r}</a></td></tr>`).join('\n')}
</table>
</td></tr></table>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0" class="foot">
<tr><td align="center">主办：${site.site}　地址：（略）　邮编：（略）</td></tr>
<tr><td align="center">版权所有　${site.site}　${site.icp}　网站标识码：${site.code}</td></tr>
</table>
</body>
</html>
`;
  }
  // 'c': a provincial portal with a hot-news side column and a TRS editor container.
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="${charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(s.h.title)} - ${site.site}</title>
</head>
<body>
<header class="site-head"><div class="container"><div class="logo">${site.site}</div>
<nav><a href="/index.html">首页</a><a href="/zwgk/">政务公开</a><a href="/xwzx/" class="active">新闻中心</a><a href="/zcwj/">政策文件</a><a href="/zmhd/">政民互动</a><a href="/djgz/">党建工作</a></nav></div></header>
<div class="container">
<div class="position">您所在的位置：<a href="/index.html">首页</a> &gt; <a href="/xwzx/">新闻中心</a> &gt; <a href="/xwzx/tpxw/">图片新闻</a></div>
<div class="row">
<aside class="col-side">
<div class="box"><div class="box-hd">热点新闻</div><ul>
${rel.map((r) => `<li><a href="/xwzx/">${r}</a></li>`).join('\n')}
</ul></div>
<div class="box"><div class="box-hd">专题专栏</div><ul><li><a href="/ztzl/1/">党史学习教育</a></li><li><a href="/ztzl/2/">“放管服”改革</a></li></ul></div>
</aside>
<main class="col-main">
<div class="detail">
<h2 class="detail-title">${esc(s.h.title)}</h2>
<div class="detail-meta"><span>发布日期：${date}　来源：${source}</span><span class="views">阅读次数：<em>--</em></span></div>
<div class="detail-body"><div class="TRS_Editor">
${paras}
</div></div>
<div class="detail-share"><span>分享：</span><a href="javascript:;" class="icon-wechat">微信</a><a href="javascript:;" class="icon-weibo">微博</a></div>
<div class="prev-next"><p>上一篇：<a href="/xwzx/">${rel[0] ?? ''}</a></p><p>下一篇：<a href="/xwzx/">${rel[3] ?? ''}</a></p></div>
</div>
</main>
</div>
</div>
<footer class="site-foot"><div class="container">
<p>${site.site}版权所有　${site.icp}</p>
<p>网站标识码：${site.code}　建议使用1366×768分辨率浏览</p>
</div></footer>
</body>
</html>
`;
}

function main() {
  const files = readdirSync(SRC).filter((f) => f.endsWith('.src')).sort();
  const stats = {
    files: 0, people: 0, posts: 0, participations: 0, mentioned: 0, meetings: 0, directives: 0,
    byForm: {} as Record<string, number>, byScript: {} as Record<string, number>, byEncoding: {} as Record<string, number>,
    byKind: {} as Record<string, number>, byRole: {} as Record<string, number>, publishers: {} as Record<string, number>,
    lengths: [] as number[], organizations: 0, campaigns: 0,
  };
  const seenFiles = new Set<string>();
  for (const f of files) {
    const s = parseSrc(f);
    const g = buildGold(s);
    if (seenFiles.has(g.file)) throw new Error(`duplicate ${g.file}`);
    seenFiles.add(g.file);
    const charset = g.encoding === 'utf-8' ? 'utf-8' : g.encoding === 'gbk' ? (s.h.charset ?? 'gbk') : 'big5';
    let out = g.form === 'seed' ? renderSeed(s) : g.form === 'page' ? renderPage(s, charset) : renderText(s);
    if (g.script !== 'simplified') out = s2t(out);
    if (g.script === 'garbled') out = garble(out);
    check(s, g, out);
    let bytes: Buffer;
    if (g.encoding === 'utf-8') bytes = Buffer.from(out, 'utf8');
    else {
      bytes = iconv.encode(out, g.encoding);
      const back = iconv.decode(bytes, g.encoding);
      if (back !== out) {
        const bad = [...out].filter((ch) => iconv.decode(iconv.encode(ch, g.encoding), g.encoding) !== ch);
        throw new Error(`${f}: not encodable in ${g.encoding}: ${[...new Set(bad)].join('')}`);
      }
      writeFileSync(join(SRC, g.file.replace(`.${g.encoding}.`, '.utf8.')), out);
    }
    writeFileSync(join(OUT, g.file), bytes);
    writeFileSync(join(OUT, g.file.replace(/(\.(gbk|big5))?\.(txt|html)$/, '.gold.json')), JSON.stringify(g, null, 2) + '\n');
    stats.files++;
    stats.byForm[g.form] = (stats.byForm[g.form] ?? 0) + 1;
    stats.byScript[g.script] = (stats.byScript[g.script] ?? 0) + 1;
    stats.byEncoding[g.encoding] = (stats.byEncoding[g.encoding] ?? 0) + 1;
    stats.publishers[s.h.publisher] = (stats.publishers[s.h.publisher] ?? 0) + 1;
    stats.people += g.people.length;
    stats.mentioned += g.people.filter((p) => p.mentioned).length;
    stats.posts += g.people.reduce((a, p) => a + p.posts.length, 0);
    stats.participations += g.people.reduce((a, p) => a + p.participation.length, 0);
    for (const p of g.people) for (const pt of p.participation) stats.byRole[pt.as] = (stats.byRole[pt.as] ?? 0) + 1;
    stats.meetings += g.meetings.length;
    for (const m of g.meetings) stats.byKind[m.kind] = (stats.byKind[m.kind] ?? 0) + 1;
    stats.directives += g.directives.length;
    stats.organizations += g.organizations.length;
    stats.campaigns += g.campaigns.length;
    stats.lengths.push(s.body.join('').length);
  }
  // The bad files: an empty file and random bytes (the English release and the recipe are hand-written).
  mkdirSync(join(OUT, 'bad'), { recursive: true });
  writeFileSync(join(OUT, 'bad', 'empty.txt'), '');
  const rnd = Buffer.alloc(4096);
  let x = 0x2545f491;
  for (let i = 0; i < rnd.length; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; rnd[i] = x & 0xff; }
  writeFileSync(join(OUT, 'bad', 'random.bin'), rnd);
  if (process.argv.includes('--stats')) {
    const L = [...stats.lengths].sort((a, b) => a - b);
    console.log(JSON.stringify({ ...stats, lengths: { min: L[0], max: L[L.length - 1], median: L[L.length >> 1] } }, null, 2));
  } else console.log(`rendered ${stats.files} bulletins`);
}

main();
