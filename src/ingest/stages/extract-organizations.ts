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

/** Organizations named in free text, left to right, without overlaps. */
export function findOrganizations(text: string): OrgMention[] {
  const { known } = compiled();
  const out: OrgMention[] = [];
  known.lastIndex = 0;
  for (const m of text.matchAll(known)) {
    out.push({ name: canonicalKnown(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const ABBREVIATION = /^(部|厅|局|委|办|署|院|会)(?=$|党组|党委|机关|“|[\u4e00-\u9fff])/;

/**
 * Resolves the organization part of a title-chain element. `部`, `部党组`, `部“…”领导小组` refer to
 * the publishing body; names the dictionary knows are made canonical; anything else that ends like
 * an organization is kept as written. Returns null where the text is not an organization.
 */
export function resolveOrganization(raw: string, publisher: string | null): string | null {
  const d = dictionaries();
  let s = raw.replace(/^中共/, '').trim();
  if (!s) return null;
  if (publisher) {
    s = s.replace(/驻(部|厅|局|委)纪检监察组/, `驻${publisher}纪检监察组`);
    const m = s.match(ABBREVIATION);
    if (m && publisher.endsWith(m[1]!)) {
      const rest = s.slice(1);
      if (rest === '' || /^(党组|党委|机关党委|机关|办公厅|“)/.test(rest) || /(领导小组|工作组|小组|委员会|党组|党委)$/.test(rest)) {
        return publisher + rest;
      }
    }
  }
  const known = canonicalKnown(s);
  if (known !== s || d.orgAliases.has(s)) return known;
  const { local } = compiled();
  if (local.test(s)) return s;
  if (d.orgSuffixes.some((suffix) => s.endsWith(suffix)) && s.length >= 3) return s;
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
