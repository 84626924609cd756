// Organizations: names the dictionary knows, local bodies after a province (北京市通信管理局),
// central working groups (中央第22指导组), stationed discipline groups (驻某部纪检监察组), and the
// organization part of a title chain (部党组 → the publishing ministry's 党组).
import { dictionaries } from '../dict/index.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let patterns: { known: RegExp; local: RegExp } | undefined;

function compiled() {
  if (patterns) return patterns;
  const d = dictionaries();
  const known = d.orgNames.map(escape).join('|');
  const local = `(?:${d.provinces.map(escape).join('|')})(?:[\\u4e00-\\u9fff]{1,4}?[市州县区盟])?(?:${d.localBodies.map(escape).join('|')})`;
  patterns = {
    // Longest alternatives first, so that the regex takes the whole name.
    known: new RegExp(
      [
        '中央纪委国家监委驻(?:[\\u4e00-\\u9fff]{2,20}?)纪检监察组',
        '中央第[0-9一二三四五六七八九十]+(?:指导组|巡视组|督导组|生态环境保护督察组)',
        local,
        `(?:${known})(?:党组|党委|机关党委|办公厅)?`,
      ].join('|'),
      'g',
    ),
    local: new RegExp(`^${local}$`),
  };
  return patterns;
}

export interface OrgMention {
  name: string;
  start: number;
  end: number;
}

/** Canonical form of a name the dictionary knows (工信部 → 工业和信息化部, 工信部党组 → …党组). */
export function canonicalKnown(raw: string): string {
  const d = dictionaries();
  const exact = d.orgAliases.get(raw);
  if (exact) return exact;
  for (const suffix of ['党组', '党委', '机关党委', '办公厅']) {
    if (raw.endsWith(suffix)) {
      const base = d.orgAliases.get(raw.slice(0, -suffix.length));
      if (base) return base + suffix;
    }
  }
  return raw;
}

/**
 * A stationed discipline group names its host body in whatever short form the text uses
 * (驻国家卫生健康委纪检监察组); one group is one organization, so the host is made canonical.
 */
export function canonicalStationed(name: string): string {
  return name.replace(/驻(.{2,20}?)纪检监察组$/, (_, host: string) => `驻${canonicalKnown(host)}纪检监察组`);
}

let scan: { sticky: RegExp; first: Uint8Array } | undefined;

/** Organizations named in free text, left to right, without overlaps. */
export function findOrganizations(text: string): OrgMention[] {
  // Tried only where a name can start (its first character is known): a scan of the big
  // alternation at every position was a fifth of extraction time.
  if (!scan) {
    const d = dictionaries();
    scan = {
      sticky: new RegExp(compiled().known.source, 'y'),
      // By UTF-16 unit (names start with one): looking up text[i] in a Set made a string per position.
      first: new Uint8Array(0x10000),
    };
    for (const name of ['中', ...d.provinces, ...d.orgNames]) scan.first[name.charCodeAt(0)] = 1;
  }
  const { sticky, first } = scan;
  const out: OrgMention[] = [];
  for (let i = 0; i < text.length; ) {
    if (!first[text.charCodeAt(i)]) {
      i++;
      continue;
    }
    sticky.lastIndex = i;
    const m = sticky.exec(text);
    if (m) {
      out.push({ name: canonicalStationed(canonicalKnown(m[0])), start: i, end: i + m[0].length });
      i += m[0].length;
    } else i++;
  }
  return out;
}

const ABBREVIATION = /^(总局|部|厅|局|委|办|署|院|会)(?=$|党组|党委|机关|“|[\u4e00-\u9fff])/;

/** What resolves the short forms a bulletin uses for its own publisher and province. */
export interface OrgContext {
  /** The publishing body, full name (部 → 工业和信息化部). */
  publisher: string | null;
  /** The publisher's province (省 → 江苏省), or null for central bodies. */
  province: string | null;
  /** The publisher's city (市 → 郑州市) where the publisher is a city's body. */
  city?: string | null;
  /** The publisher's county (县 → 永宁县) where the publisher is a county's body. */
  county?: string | null;
}

/**
 * 省工业和信息化厅 → 江苏省工业和信息化厅; 驻省生态环境厅 → 驻四川省生态环境厅. An autonomous region
 * calls itself 自治区 the way a province says 省 (自治区商务厅, 自治区党委).
 */
export function expandProvince(name: string, province: string | null): string {
  if (!province) return name;
  let s = name.replace(/^省(?!委员会$)/, province).replace(/(驻|和)省(?=[\u4e00-\u9fff])/g, `$1${province}`);
  if (province.endsWith('自治区')) s = s.replace(/^自治区/, province).replace(/(驻|和)自治区(?=[\u4e00-\u9fff])/g, `$1${province}`);
  return s;
}

// 市 opening a body's name stands for the publisher's city (市政府, 市纪委监委驻市人社局), but not in
// 市场监管总局, 市民, 市区, 市级, 市直, 市属, 市县. Likewise 县 (or 区) for the publisher's county or
// district (县委, 县政府, 区生态环境局), but not 县级, 县域, 县城, 县乡, 区域.
const PLACE_WORD = { 市: '市(?![场民区级直属县内外])', 县: '县(?![级域城乡直属内外区市])', 区: '区(?![级域内外直属县市])' };
/** The reference opening a name (市生态环境局), and one after 驻 inside it (…驻市人社局纪检监察组). */
const reference = (unit: keyof typeof PLACE_WORD) => ({
  opening: new RegExp(`^${PLACE_WORD[unit]}`),
  stationed: new RegExp(`驻${PLACE_WORD[unit]}(?=[\\u4e00-\\u9fff])`, 'g'),
});
const REFERENCE = { 市: reference('市'), 县: reference('县'), 区: reference('区') };

/**
 * 市生态环境局 → 郑州市生态环境局 where the publisher is a body of 郑州市; 县委 → 永宁县委 where it
 * is a body of 永宁县.
 */
export function expandCity(name: string, city: string | null | undefined, county?: string | null): string {
  let s = name;
  if (city) s = s.replace(REFERENCE.市.opening, city).replace(REFERENCE.市.stationed, `驻${city}`);
  const unit = county?.at(-1);
  if (county && (unit === '县' || unit === '区')) s = s.replace(REFERENCE[unit].opening, county).replace(REFERENCE[unit].stationed, `驻${county}`);
  return s;
}

/**
 * The county or district a county body belongs to, as the publisher writes it (永宁县人民政府 →
 * 永宁县, 重庆市渝北区生态环境局 → 重庆市渝北区), or null. An autonomous region is no district.
 */
export function countyOf(publisher: string | null): string | null {
  if (!publisher) return null;
  const m = publisher.match(/^(?:[\u4e00-\u9fff]{2,7}?(?:省|自治区))?(?:[\u4e00-\u9fff]{2,4}?市)?([\u4e00-\u9fff]{2,4}?(?:县|(?<!自治)区))/);
  return m ? m[0] : null;
}

/** The city a local publisher belongs to (郑州市生态环境局 → 郑州市), or null. */
export function cityOf(publisher: string | null): string | null {
  if (!publisher) return null;
  const m = publisher.match(/^(?:[\u4e00-\u9fff]{2,7}?(?:省|自治区))?([\u4e00-\u9fff]{2,4}?市)(?!场)/);
  return m ? m[1]! : null;
}

/**
 * Whether `short` is a short form of `full` (江苏省工信厅 of 江苏省工业和信息化厅, 青岛市人社局 of
 * 青岛市人力资源和社会保障局): same place, same first and last character, the rest in order.
 */
export function abbreviates(short: string, whole: string): boolean {
  // 委 is short for 委员会 (省发改委, 省卫健委).
  const full = short.endsWith('委') && whole.endsWith('委员会') ? whole.slice(0, -2) : whole;
  // 西藏自治区卫生健康委 of 西藏自治区卫生健康委员会: the whole name less 员会.
  if (short.length >= 4 && short === full && full !== whole) return true;
  if (short.length < 3 || short.length >= full.length || short.at(-1) !== full.at(-1)) return false;
  let k = 0;
  while (k < short.length && short[k] === full[k]) k++;
  // Past the shared place name, the short form's own part must start like the full one's.
  const place = short.slice(0, k).match(/^.*(?:省|市|自治区|县|区)/)?.[0].length ?? 0;
  if (place === 0 || short.length - place < 2) return false;
  let j = place;
  for (const c of short.slice(place)) {
    j = full.indexOf(c, j);
    if (j < 0) return false;
    j++;
  }
  return short[place] === full[place];
}

/** The province a bulletin's publisher belongs to: the first one its title or context names. */
export function provinceOf(...texts: string[]): string | null {
  const d = dictionaries();
  for (const text of texts) {
    for (const p of d.provinces) {
      const at = text.indexOf(p);
      if (at >= 0) return d.provinceFull.get(p) ?? p;
    }
  }
  return null;
}

/**
 * Resolves the organization part of a title-chain element. `部`, `部党组`, `部“…”领导小组` refer to
 * the publishing body; names the dictionary knows are made canonical; anything else that ends like
 * an organization is kept as written. Returns null where the text is not an organization.
 */
export function resolveOrganization(raw: string, ctx: OrgContext): string | null {
  const d = dictionaries();
  const { publisher } = ctx;
  let s = expandCity(expandProvince(raw.replace(/^(?:中共|原|已故的原|已故的)/, '').trim(), ctx.province), ctx.city, ctx.county);
  if (!s) return null;
  if (publisher) {
    s = s.replace(/驻(部|厅|局|委)纪检监察组/, `驻${publisher}纪检监察组`);
    // 驻市人社局纪检监察组 / 省工信厅: the publisher's short form is the publisher.
    s = s.replace(/驻(.{3,20}?)纪检监察组$/, (all, host: string) => (abbreviates(host, publisher) ? `驻${publisher}纪检监察组` : all));
    if (abbreviates(s, publisher)) return publisher;
    // The short form's party group is the publisher's (自治区卫生健康委党组, 省工信厅党组).
    const party = s.match(/^(.{3,}?)(机关党委|党组|党委)$/);
    if (party && abbreviates(party[1]!, publisher)) return publisher + party[2]!;
    const m = s.match(ABBREVIATION);
    // 部 stands for a ministry, 委 for a commission (…委员会), 厅 and 局 for themselves.
    if (m && (publisher.endsWith(m[1]!) || (m[1] === '委' && publisher.endsWith('委员会')))) {
      const rest = s.slice(m[1]!.length);
      if (rest === '' || /^(党组|党委|机关党委|机关|办公厅|“)/.test(rest) || /(领导小组|工作组|小组|委员会|党组|党委)$/.test(rest)) {
        return publisher + rest;
      }
    }
  }
  s = canonicalStationed(s);
  const known = canonicalKnown(s);
  if (known !== s || d.orgAliases.has(s)) return known;
  const { local } = compiled();
  if (local.test(s)) return s;
  // A name may end in a parenthesis of its own (中央党校（国家行政学院）): its ending is before it.
  const core = s.replace(/（[^（）]{2,12}）$/, '');
  if (d.orgSuffixes.some((suffix) => core.endsWith(suffix)) && core.length >= 3) return s;
  return null;
}

/** The organization a 党组/党委 belongs to, or a ministry's own leading group's ministry. */
export function parentOrganization(name: string, known: Set<string>): string | null {
  for (const suffix of ['机关党委', '党组', '党委']) {
    if (name.endsWith(suffix) && known.has(name.slice(0, -suffix.length))) return name.slice(0, -suffix.length);
  }
  for (const other of known) {
    if (other !== name && name.startsWith(other) && /领导小组|工作组|办公室/.test(name.slice(other.length))) return other;
  }
  return null;
}
