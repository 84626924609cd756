// People, their posts and how they took part, read from one sentence at a time.
// A name is a surname from the dictionary and one or two more characters, closed on the right by
// 同志, a list comma or a participation verb. It is taken for a person only with evidence on the
// left (a title chain, a list label such as 部领导, a list it belongs to) or a strong sign on the
// right (同志, a known leader's title); the title chain before it gives the posts.
import { dictionaries } from '../dict/index.ts';
import type { Role } from '../types.ts';
import { expandProvince, findOrganizations, resolveOrganization, type OrgContext } from './extract-organizations.ts';
import { tagWords } from './segment.ts';

export interface PostMention {
  title: string;
  organization: string;
  /** Lower where the organization was inherited or defaulted to the publisher. */
  confidence: number;
}

export interface PersonMention {
  name: string;
  /** Offsets within the sentence. */
  start: number;
  end: number;
  posts: PostMention[];
  role: Role | null;
  /** How sure the name is a person's: by the evidence that let it in. */
  confidence: number;
  /** How sure the role is: lower where a list shares its last member's verb. */
  roleConfidence: number;
  /** Where the person's predicate starts: after the name and a title that follows it (王甲副部长). */
  after: number;
  /** Named as the author of a speech or thought being studied, not as someone present. */
  mentionOnly: boolean;
}

const RIGHT_MARKER =
  /^(?:同志|、|，|。|；|：|（|\(|受|出席|参加|列席|主持|讲话|作|做|指出|强调|要求|表示|传达|宣读|宣布|通报|介绍|汇报|发言|到会|到场|在|对|就|代表|带领|率|一行|等|和|与|及|总书记|主席|总理|委员长|首先|结合|围绕|分别|先后|深入|领学|领读|部署|解读|讲授|致辞|主讲|提出|希望|充分|肯定|听取|重要|专题|以|为|从|向|主讲|点评|总结|逐一|书面|也|还|带头|同|讲述|回顾|应邀|深情|畅谈|谈|作为|率先|介绍|汇报|监誓|$)/;
// Characters that end a name rather than continue it (particles, verbs, title parts). Kept short:
// 一, 中, 志, 长, 书 and the like are common in given names (宋一鸣, 顾建中, 钱志刚, 魏长荣, 耿书平).
const NOT_IN_GIVEN = new Set('的了是在与及等对就从以并也还又而或之其这那无不各该此每某们个名日时第负责总会议部厅局委党组副主任处司省市县区记作做'.split(''));
// Words that open with a surname and a possible given name but never name anyone (领导班子出席,
// 母公司): the surnames 班 and 母 are rare, the words common.
const NOT_A_NAME = /^(?:班子|班组|班级|母亲|母公司|母校)/;
const LIST_LABEL = /(?:领导|负责同志|负责人|班子成员|主要负责同志|女儿|儿子|妻子|丈夫|父亲|母亲|家属|代表)$/;
const JUNK_PREFIX = /^(?:(?:出席|参加|列席)(?:会议)?的(?:领导|同志|人员)?(?:还)?有[：:]?|(?:参会|与会)人员(?:还)?包括[：:]?|[^、，]{0,12}?由|已故的|原|会议|会上|会前|由|在|请|邀请|受|经|其中|随后|最后|首先|同时|并|以及|和|与|及|同|向|对|为|是|上午|下午|晚上|近日|日前|当天|传达(?:学习)?了?|学习(?:贯彻)?了?)+/;
const STUDIED_OBJECT = /^[^“”]*(?:精神|讲话|指示|批示|论述|部署|要求)(?:和|及|与|以及)/;
const STUDIED_BEFORE = /(?:学习|贯彻|传达学习|学习贯彻|领会|落实|遵循|按照|深入学习|认真学习|传达了|学习了)$/;
const STUDIED_AFTER = /^(?:同志)?(?:的)?(?:先进事迹|事迹|重要讲话|讲话精神|重要指示|重要批示|重要论述|重要思想|新时代|关于|在[^，。]{2,30}上的(?:重要)?讲话|为核心|来信|回信|贺信|(?:对[^，。]{1,40}?)?[作做]出的(?:重要)?(?:批示|指示))/;
// "参加会议的有：A，B" names the attendees after the verb, not before it.
// So do "参会人员包括…" and "出席会议的人员包括…", with or without a colon.
const ATTENDEE_LIST = /(?:出席|参加|列席)(?:会议|[^，。：]{0,8}?会)?的(?:领导|同志|人员)?(?:还)?有(?:[：:]|(?![关些的]))|(?:参会|与会|(?:出席|参加|列席)(?:会议)?的?)人员(?:还)?包括[：:]?/;
/** Titles that follow the name of a national leader (习近平总书记), with the body they belong to. */
const TITLE_AFTER_NAME: Record<string, string> = {
  总书记: '党中央',
  国家主席: '国家',
  主席: '国家',
  总理: '国务院',
  委员长: '全国人大常委会',
};
const ORG_OF_NATIONAL_TITLE: Record<string, string> = { 总书记: '党中央', 总理: '国务院', 副总理: '国务院', 国务委员: '国务院', 国家主席: '国家' };
const PARTY_TITLE = /^(党组|党委|党工委)/;
const party0 = (title: string) => title.match(PARTY_TITLE)?.[1];
const MEETING_NAME_WORDS = /(?<!作)(?:报告会|宣讲会|座谈会|交流会|汇报会|发布会|通报会)/g;

const ROLE_PATTERNS: [Role, RegExp][] = [
  ['chair', /主持/],
  ['speaker', /讲话|致辞|讲授|党课|报告|发言|讲述|回顾|畅谈|传达|宣读|宣布|通报|解读|部署|辅导|宣讲|指出|强调|要求|总结|点评|领学|交流|介绍|主讲|汇报|提出|表示|述职/],
  ['attendee', /出席|参加|列席|到会|到场|参会|陪同|出列/],
];

/** Positions inside “…” quotes, where no name or chain separator is read. */
function quoteMask(s: string): boolean[] {
  const mask = new Array<boolean>(s.length).fill(false);
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    // By UTF-16 unit: s[i] would make a string of each character.
    const c = s.charCodeAt(i);
    if (c === 0x201c || c === 0x300a) depth++; // “ 《
    mask[i] = depth > 0;
    if ((c === 0x201d || c === 0x300b) && depth > 0) depth--; // ” 》
  }
  return mask;
}

function splitOutsideQuotes(s: string, sep: string): string[] {
  const mask = quoteMask(s);
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === sep && !mask[i]) {
      parts.push(s.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(s.slice(from));
  return parts;
}

const NONE: string[] = [];
const NO_NAMES: ReadonlySet<string> = new Set();

function longestTitle(element: string): string | null {
  for (const t of dictionaries().titlesEndingWith.get(element.at(-1) ?? '') ?? NONE) if (element.endsWith(t)) return t;
  return null;
}

// Per UTF-16 unit (findPeople asks at every position of every sentence, and s[i] would make a
// string of each): 1 a single surname, 2 the first unit of a compound one, 4 not in a given name.
const SURNAME = 1;
const COMPOUND_START = 2;
const NOT_GIVEN = 4;
let unitKinds: Uint8Array | undefined;

function kinds(): Uint8Array {
  if (unitKinds) return unitKinds;
  const d = dictionaries();
  const k = new Uint8Array(0x10000);
  for (const name of d.surnames) if (name.length === 1) k[name.charCodeAt(0)]! |= SURNAME;
  for (const name of d.compoundSurnames) k[name.charCodeAt(0)]! |= COMPOUND_START;
  for (const c of NOT_IN_GIVEN) k[c.charCodeAt(0)]! |= NOT_GIVEN;
  return (unitKinds = k);
}

/** The unit at i can be part of a given name: a CJK ideograph (U+4E00–U+9FFF) not in NOT_IN_GIVEN. */
function isGiven(s: string, i: number): boolean {
  const c = s.charCodeAt(i); // NaN past the end
  return c >= 0x4e00 && c <= 0x9fff && !(kinds()[c]! & NOT_GIVEN);
}

/** Possible names starting at i, longest first. */
function nameCandidates(s: string, i: number): string[] {
  const k = kinds()[s.charCodeAt(i)]!;
  if (!(k & (SURNAME | COMPOUND_START))) return NONE;
  const out: string[] = [];
  const single = (k & SURNAME) !== 0;
  const compound = (k & COMPOUND_START) !== 0 && dictionaries().compoundSurnames.has(s.slice(i, i + 2));
  if (!single && !compound) return out;
  if (compound) {
    if (isGiven(s, i + 2) && isGiven(s, i + 3)) out.push(s.slice(i, i + 4));
    if (isGiven(s, i + 2)) out.push(s.slice(i, i + 3));
  }
  if (single) {
    if (isGiven(s, i + 1) && isGiven(s, i + 2)) out.push(s.slice(i, i + 3));
    if (isGiven(s, i + 1)) out.push(s.slice(i, i + 2));
  }
  return out;
}

const DOT = /[·•‧・]/;

// Characters of Mongolian, Tibetan and Uyghur names written without a dot or a Han surname
// (哈斯朝鲁, 其木格, 次仁多吉). Such a name is read only right after a title and only where every
// character is one of these, so common words are not taken for names.
// By UTF-16 unit, as the other per-position tests: asked at every position of every sentence.
const TRANSLITERATION = new Uint8Array(0x10000);
// Tibetan names are strings of a few dozen syllables (次仁旺堆, 格桑央宗, 普布扎西, 白玛拉姆).
for (const c of '巴特尔哈斯朝鲁其木格乌兰图雅娜仁钦苏和日额敦毕力德吉布那达孟根宝音呼都楞扎拉萨塔娃阿古丽买提依艾克吾守努热合曼逊米沙帕旦次多顿珠玛央卓嘎索朗措赤洛曲泽边尼加才让丹增琼嘉桑杰' + '旺堆宗普西白姆贡觉群培晋美穷庆登益喜坚赞尊拥岗确毛') {
  TRANSLITERATION[c.charCodeAt(0)] = 1;
}

/** A transliterated name of three to six such characters at i, longest first. */
function transliteratedCandidates(s: string, i: number): string[] {
  let n = 0;
  while (n < 6 && i + n < s.length && TRANSLITERATION[s.charCodeAt(i + n)]) n++;
  const out: string[] = [];
  for (let k = n; k >= 3; k--) out.push(s.slice(i, i + k));
  return out;
}
const isHan = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 0x4e00 && c <= 0x9fff;
};

/**
 * Names of Uyghur, Kazakh, Mongolian … officials are transliterated with a middle dot between their
 * parts (古丽娜尔·艾买提) and start with no surname of the dictionary: parts of two to six
 * characters, longest first (the closing marker decides: 买买提出席 is 买买提 then 出席).
 */
function dottedCandidates(s: string, i: number): string[] {
  let left = 0;
  while (left < 7 && isHan(s, i + left)) left++;
  if (left < 2 || left > 6 || !DOT.test(s[i + left] ?? '')) return NONE;
  const out: string[] = [];
  const from = i + left + 1;
  let right = 0;
  while (right < 6 && isHan(s, from + right)) right++;
  for (let n = right; n >= 2; n--) out.push(s.slice(i, from + n));
  return out;
}

interface ChainElement {
  title: string;
  raw: string;
}

/** The title chain that ends right before `end` (the name's start), read right to left. */
function chainBefore(s: string, clauseStart: number, end: number): { elements: ChainElement[]; label: boolean } {
  const elements: ChainElement[] = [];
  const parts = splitOutsideQuotes(s.slice(clauseStart, end), '、');
  let label = false;
  for (let k = parts.length - 1; k >= 0; k--) {
    // A rank in parentheses after a title (副厅长（正厅级）) is not part of it.
    const part = parts[k]!.replace(/[（(][^（）()]{1,8}[）)]$/, '');
    // 班子成员 labels a list; it is no post 成员 of a body named 班子.
    if (k === parts.length - 1 && /班子成员$/.test(part)) {
      label = true;
      break;
    }
    const title = longestTitle(part);
    if (!title) {
      if (k === parts.length - 1 && LIST_LABEL.test(part)) label = true;
      break;
    }
    // 已故 or 原 between the body and the title (某局已故高级工程师) is not part of the body.
    let raw = part.slice(0, part.length - title.length).replace(/(?:已故的?|原)$/, '');
    // 成员 is a post only after the body it belongs to (中心组成员, 宣讲团成员), not in 各成员单位.
    if (title === '成员' && !/(?:组|团|委|会)$/.test(raw)) break;
    // No organization's name holds 了: text up to it is the clause's verb (回顾了已故的原电子工业部…).
    // Nor does one hold what is being studied: 传达学习市委常委会会议精神和市委书记X is 市委's 书记.
    if (k === 0 || !longestTitle(parts[k - 1]!)) raw = raw.replace(/^[^“”]*了/, '').replace(STUDIED_OBJECT, '').replace(JUNK_PREFIX, '');
    elements.unshift({ title, raw });
  }
  return { elements, label };
}

// A government's head is the head of a place, never of a department or a party committee:
// 副省长 alone is the province's, 丽水市副市长 the city's, 市委副书记、市长 the city's, not the 市委's.
const GOVERNMENT_HEAD = /^(?:常务)?副?(省长|市长|县长|区长|州长)$/;
const INNER_UNIT = /^(?!国家|中国|中央|全国)(?:[^省市县区州]{1,4}(?:部|厅|局|办)|[^省市县区州]{1,9}(?:(?<!公)司|处|室)|机关党委|机关纪委)$/;
// Units every ministry or department has: named bare, they are the publisher's own.
const PUBLISHER_UNIT = /(?:[司处室]|办公厅|机关党委|机关纪委)$/;

/** The place a government head's title belongs to, from the raw text before it or the chain's body. */
function placeOfHead(title: string, raw: string, current: string | null, ctx: OrgContext): string | null {
  const unit = title.match(GOVERNMENT_HEAD)?.[1]?.[0];
  if (!unit) return null;
  const place = expandProvince(raw, ctx.province);
  if (place.length >= 2 && place.endsWith(unit) && !/[，。、]/.test(place)) return place;
  if (!raw && current && current.endsWith(`${unit}委`)) return current.slice(0, -1);
  if (!raw && !current && unit === '省' && ctx.province?.endsWith('省')) return ctx.province;
  if (!raw && !current && unit === '市' && ctx.city) return ctx.city;
  if (!raw && !current && (unit === '县' || unit === '区') && ctx.county?.endsWith(unit)) return ctx.county;
  return null;
}

function postsOf(elements: ChainElement[], ctx: OrgContext): PostMention[] {
  const posts: PostMention[] = [];
  let current: string | null = null;
  for (const { title, raw } of elements) {
    // Text that is not an organization (a place, a stray word) resolves to null: the title then
    // takes the chain's body or the publisher.
    const head = placeOfHead(title, raw, current, ctx);
    if (head) {
      posts.push({ title, organization: head, confidence: raw ? 0.9 : 0.8 });
      continue;
    }
    let org = resolveOrganization(raw, ctx);
    // 成员 alone is a post only of a body written out (部党组理论学习中心组成员, 省委宣讲团成员).
    if (title === '成员' && !org) continue;
    // A department named bare is a unit of a body the text has named: of the chain's body inside a
    // chain (署党委委员、政治部主任; 省委常委、宣传部部长), else, for a division (综合处, 法规司,
    // 办公室), of the publisher. Only short unit names the dictionary does not know, with no place.
    if (org && org === raw && INNER_UNIT.test(raw) && findOrganizations(raw).length === 0) {
      const host: string | null = current ?? (PUBLISHER_UNIT.test(raw) ? ctx.publisher : null);
      if (host) org = host.replace(/(机关党委|党组|党委|党工委)$/, '') + raw;
    }
    // A stationed discipline group has no party group: its head's 党组成员 is the host's.
    const inherited: string | null = current && party0(title) && /纪检监察组$/.test(current) && !org ? ctx.publisher : current;
    const base: string | null = org ?? inherited ?? ORG_OF_NATIONAL_TITLE[title] ?? ctx.publisher;
    if (!base) continue;
    const party = party0(title);
    const bare = base.replace(/(机关党委|党组|党委|党工委)$/, '');
    const organization = party ? bare + party : org ?? bare;
    posts.push({ title, organization, confidence: org ? 0.95 : current ? 0.9 : 0.8 });
    current = org ?? current ?? base;
  }
  return posts;
}

const CLAUSE_END = new Set([...'，。；：！？,;:（('].map((c) => c.charCodeAt(0)));

function clauseStartBefore(s: string, i: number, mask: boolean[]): number {
  for (let k = i - 1; k >= 0; k--) {
    if (mask[k]) continue;
    // A closed parenthesis belongs to the chain (副厅长（正厅级）, 中央党校（国家行政学院）副校长):
    // step over it; only an open one starts a clause.
    const c = s.charCodeAt(k);
    if (c === 0xff09 || c === 0x29) {
      const open = Math.max(s.lastIndexOf('（', k), s.lastIndexOf('(', k));
      if (open >= 0 && k - open <= 14 && !/[，。；]/.test(s.slice(open, k))) {
        k = open;
        continue;
      }
    }
    if (CLAUSE_END.has(c)) return k + 1;
  }
  return 0;
}

/** The strongest role the first clause with a participation verb gives. */
function roleOf(predicate: string): Role | null {
  // A meeting's name is not a verb: 出席报告会 is attending, not reporting.
  const plain = predicate.replace(MEETING_NAME_WORDS, '会议');
  for (const clause of splitOutsideQuotes(plain.replace(/[；;,]/g, '，'), '，')) {
    let best: Role | null = null;
    for (const [role, re] of ROLE_PATTERNS) {
      if (re.test(clause)) {
        best = role;
        break;
      }
    }
    if (best) return best;
  }
  return null;
}

/** Every person the sentence names, with the posts its title chains give them and their role. */
export function findPeople(s: string, ctx: OrgContext, known: { has(name: string): boolean } = NO_NAMES): PersonMention[] {
  const d = dictionaries();
  const mask = quoteMask(s);
  const found: (PersonMention & { listed: boolean })[] = [];
  const hasDot = DOT.test(s);
  let i = 0;
  while (i < s.length) {
    if (mask[i]) {
      i++;
      continue;
    }
    let accepted: (PersonMention & { listed: boolean }) | null = null;
    // A surname that is the last character of a title (部长孙…, 主任宋…) belongs to the title.
    const surnamed = nameCandidates(s, i);
    const endsTitle =
      surnamed.length > 0 && (d.titlesEndingWith.get(s[i]!) ?? NONE).some((t) => t.length > 1 && t.length <= i + 1 && s.startsWith(t, i + 1 - t.length));
    let candidates = endsTitle ? NONE : surnamed;
    // A dotted name starts right after a separator or a title, never inside a word.
    const dotted = hasDot && isHan(s, i) ? dottedCandidates(s, i) : NONE;
    if (dotted.length && (i === 0 || !isHan(s, i - 1) || /[和与及由]/.test(s[i - 1]!) || longestTitle(s.slice(Math.max(0, i - 8), i)) !== null)) {
      candidates = [...dotted, ...candidates];
    }
    // Tried before a surname's reading: 巴音孟和主持 is 巴音孟和, not 巴音孟 and 和.
    const afterTitle =
      TRANSLITERATION[s.charCodeAt(i)] === 1 && i > 0 && d.titlesEndingWith.has(s[i - 1]!) && longestTitle(s.slice(Math.max(0, i - 8), i)) !== null;
    if (afterTitle) candidates = [...transliteratedCandidates(s, i), ...candidates];
    for (const name of candidates) {
      if (NOT_A_NAME.test(s.slice(i, i + 3))) break;
      const end = i + name.length;
      const right = s.slice(end);
      // A title after the name (王甲副部长主持) is evidence too, when a marker closes it.
      // Only where the name opens its phrase: 部核安全总工程师 is one title, not 安全 the person.
      const opensPhrase = i === 0 || /[，、；：。（(“由和与及请]/.test(s[i - 1]!);
      const titleAfter = opensPhrase
        ? (d.titlesStartingWith.get(right[0] ?? '') ?? NONE).find((t) => right.startsWith(t) && RIGHT_MARKER.test(right.slice(t.length)) && !TITLE_AFTER_NAME[t])
        : undefined;
      // A leader's name stands before anything (习近平生态文明思想); others need a closing marker.
      if (!RIGHT_MARKER.test(right) && !d.leaders.has(name) && !titleAfter) continue;
      // Posts in parentheses after the name: X同志（市纪委监委驻市某局纪检监察组组长）列席会议.
      const paren = titleAfter ? null : right.match(/^(?:同志)?[（(]([^（）()，。；]{2,40})[）)]/);
      const parenChain = paren ? chainBefore(paren[1]!, 0, paren[1]!.length).elements : [];
      const prev = found[found.length - 1];
      const listed = !!prev && prev.after === i - 1 && /[、和及与]/.test(s[i - 1]!);
      const clauseStart = clauseStartBefore(s, i, mask);
      const { elements, label } = listed ? { elements: [], label: false } : chainBefore(s, clauseStart, i);
      const leader = d.leaders.has(name);
      const comrade = right.startsWith('同志');
      const leftText = s.slice(clauseStart, i);
      // A name the bulletin has already shown to be a person's is a person's wherever it stands
      // (鲁振华在点评时指出 after 督导组组长鲁振华到会指导).
      let evidence = elements.length > 0 || label || listed || leader || comrade || !!titleAfter || parenChain.length > 0 || known.has(name);
      if (!evidence && leftText.replace(JUNK_PREFIX, '') === '' && /^(主持|出席|参加|讲话|指出|强调|传达|作)/.test(right)) {
        // A bare name opening a clause: ask the segmenter whether it reads as a person name.
        evidence = tagWords(s.slice(i, Math.min(s.length, end + 4))).some((w) => w.start === 0 && w.word === name && w.tag === 'nr');
      }
      if (!evidence) continue;
      const posts = listed && !titleAfter ? [...prev!.posts] : postsOf(elements, ctx);
      // A bare deputy's title after its principal in the same sentence (指导组组长A出席会议并讲话，副组长B
      // 出席会议) is of the principal's body, not the publisher's.
      const bare = !listed && elements.length === 1 && elements[0]!.raw === '' ? elements[0]!.title : null;
      if (bare?.startsWith('副') && posts.length === 1 && posts[0]!.organization === ctx.publisher) {
        const principal = bare.slice(1);
        const source = [...found].reverse().flatMap((f) => f.posts).find((p) => p.title === principal);
        if (source && source.organization !== ctx.publisher) posts[0] = { ...posts[0]!, organization: source.organization, confidence: 0.85 };
      }
      if (titleAfter) posts.push(...postsOf([{ title: titleAfter, raw: '' }], ctx));
      if (parenChain.length) posts.push(...postsOf(parenChain, ctx));
      // An appointment read out at the meeting: 周某同志任某厅党组书记、厅长 (not 不再担任).
      const appointed = right.match(/^(?:同志)?(?:任|担任|兼任|生前系|生前是|生前任)([^；。，：]+)/)?.[1];
      if (appointed) {
        const chain = chainBefore(appointed, 0, appointed.length);
        if (chain.elements.length) posts.push(...postsOf(chain.elements, ctx));
      }
      const after = right.match(/^(总书记|国家主席|主席|总理|委员长)/)?.[1];
      if (after && leader) posts.push({ title: after, organization: TITLE_AFTER_NAME[after]!, confidence: 0.95 });
      // The words before a chain can say its holder is quoted, not present (会议传达了委党组书记、主任X…).
      const first = elements[0];
      const beforeChain = first ? leftText.slice(0, Math.max(0, leftText.lastIndexOf(first.raw + first.title))) : leftText;
      // 生前 marks someone who has died: remembered, never present (罗某同志生前系…，主持发现…).
      const deceased = /^(?:同志)?生前/.test(right);
      const mentionOnly = deceased || STUDIED_BEFORE.test(leftText) || STUDIED_BEFORE.test(beforeChain) || STUDIED_AFTER.test(right) || (!!after && leader);
      const confidence = leader ? 0.99 : elements.length > 0 ? 0.97 : comrade || listed || titleAfter ? 0.93 : label ? 0.9 : 0.8;
      const after2 = end + (titleAfter?.length ?? 0) + (parenChain.length ? paren![0].length : 0);
      accepted = { name, start: i, end, posts, role: null, confidence, roleConfidence: 0, mentionOnly, listed, after: after2 };
      break;
    }
    if (accepted) {
      found.push(accepted);
      i = accepted.after;
    } else i++;
  }
  // Read each person's predicate right to left, so that a list ("A、B，C出席会议") can share the
  // verb of its last member.
  for (let k = found.length - 1; k >= 0; k--) {
    const p = found[k]!;
    const next = found[k + 1];
    if (p.mentionOnly) continue;
    const rest = s.slice(p.after, next ? next.start : s.length).replace(/^(?:等)?同志/, '').replace(/^等/, '');
    p.role = roleOf(rest);
    p.roleConfidence = 0.95;
    // Nothing but separators and the next person's titles before the next name: a shared verb.
    if (!p.role && next && !next.mentionOnly && !/[。；的]/.test(rest)) {
      p.role = next.role;
      p.roleConfidence = 0.9;
    }
  }
  const intro = s.match(ATTENDEE_LIST);
  if (intro) {
    const from = intro.index! + intro[0].length;
    for (const p of found) {
      if (p.start >= from && !p.role && !p.mentionOnly) {
        p.role = 'attendee';
        p.roleConfidence = 0.9;
      }
    }
  }
  return found.map(({ listed: _listed, ...rest }) => rest);
}
