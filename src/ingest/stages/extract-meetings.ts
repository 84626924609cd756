// Meetings: "date，organizer召开name" and "name在某地召开", with the kind read from the end of the
// name, the date's missing year taken from context, and form and attendance from later sentences.
import { dictionaries } from '../dict/index.ts';
import type { Attendance } from '../types.ts';
import { abbreviates, expandCity, expandProvince, findOrganizations, resolveOrganization, type OrgContext } from './extract-organizations.ts';

export interface MeetingMention {
  name: string;
  kind: string;
  /** Offsets within the sentence. */
  start: number;
  end: number;
  date: { year: number | null; month: number; day: number; endMonth: number | null; endDay: number | null } | null;
  /** Text before the verb that names who convened it. */
  convenerText: string;
}

const DATE = /(?:((?:19|20)\d{2})年)?(\d{1,2})月(\d{1,2})日(?:(?:至|到|—|-|～|~)(?:(\d{1,2})月)?(\d{1,2})日)?/g;
// 讲授 opens a 专题党课 that no 召开 announces (X以“…”为题，为…讲授专题党课).
const CONVENE = /(?:主持)?(?:召开|举行|举办|组织召开|组织开展|开展|召集|讲授)(?:了)?/g;

// A short note in parentheses inside a name: 党组（扩大）会议, 理论学习中心组（扩大）学习会.
const NOTE = /[（(]([^（）()，。]{1,4})[）)]/;

/**
 * The meeting name at the start of `text`, where a note in parentheses may sit inside the kind:
 * the kind is read with the note's brackets dropped (党组扩大会议) or with the note dropped
 * (理论学习中心组学习会), the longer kind wins, and the name keeps the note as written.
 */
export function meetingNameAt(text: string): { name: string; kind: string } | null {
  const plain = nameAt(text);
  const stop = text.search(/[，。；：,;:]/);
  const clause = stop < 0 ? text : text.slice(0, stop);
  const note = clause.match(NOTE);
  if (!note) return plain;
  let best = plain;
  for (const drop of ['$1', '']) {
    const named = nameAt(clause.replace(NOTE, drop));
    if (!named || (best && named.kind.length <= best.kind.length)) continue;
    // The name as written: the prefix that reads as the variant's name once the note is dropped.
    for (let end = 1; end <= clause.length; end++) {
      const prefix = clause.slice(0, end);
      if (prefix.replace(NOTE, drop) === named.name) {
        best = { name: prefix, kind: named.kind };
        break;
      }
    }
  }
  return best;
}

/** The meeting name at the start of `text`: up to the earliest meeting kind (joined by 暨). */
function nameAt(text: string): { name: string; kind: string } | null {
  const kinds = dictionaries().meetingKinds;
  const stop = text.search(/[，。；：,;:]/);
  const clause = stop < 0 ? text : text.slice(0, stop);
  let depth = 0;
  for (let i = 0; i < clause.length; i++) {
    const c = clause[i]!;
    if (c === '“' || c === '《') depth++;
    if ((c === '”' || c === '》') && depth > 0) depth--;
    if (depth > 0) continue;
    for (const found of kinds) {
      if (clause.startsWith(found, i)) {
        // A longer kind that overlaps this one's end is the real ending (工作会商会 is a 会商会,
        // not a 工作会 with 商会 after it); the generic 会议 and 大会 do not count.
        let kind = found;
        let at = i;
        for (let j = i + 1; j < i + found.length; j++) {
          const over = kinds.find((k) => k.length >= 3 && clause.startsWith(k, j) && j + k.length > at + kind.length);
          if (over) {
            kind = over;
            at = j;
            break;
          }
        }
        const end = at + kind.length;
        if (clause[end] === '暨') {
          const more = meetingNameAt(clause.slice(end + 1));
          if (more) return { name: clause.slice(0, end + 1) + more.name, kind: more.kind };
        }
        const name = clause.slice(0, end);
        // "召开的一次重要会议" describes a meeting already named; it is not a new one.
        if ((end < 2 && kind === '会议') || /^[的了是这那一此该]/.test(name) || (kind === '会议' && name.includes('的'))) return null;
        return { name, kind };
      }
    }
  }
  return null;
}

function dateBefore(s: string, at: number): MeetingMention['date'] {
  let found: MeetingMention['date'] = null;
  for (const m of s.slice(0, at).matchAll(DATE)) {
    found = {
      year: m[1] ? Number(m[1]) : null,
      month: Number(m[2]),
      day: Number(m[3]),
      endMonth: m[4] ? Number(m[4]) : m[5] ? Number(m[2]) : null,
      endDay: m[5] ? Number(m[5]) : null,
    };
  }
  return found;
}

/** Every verb either pattern below needs (组织召开 holds 召开): a sentence without one names no meeting. */
const ANY_VERB = /召开|举行|举办|开展|召集|讲授|开幕/;

/** Meetings the sentence says were convened. */
export function findMeetings(s: string): MeetingMention[] {
  const out: MeetingMention[] = [];
  // Asked of every sentence, and matchAll copies its pattern on each call: most sentences are
  // told apart by one test first.
  if (!ANY_VERB.test(s)) return out;
  for (const m of s.matchAll(CONVENE)) {
    const after = m.index + m[0].length;
    const named = meetingNameAt(s.slice(after));
    if (!named) continue;
    const clauseStart = Math.max(s.lastIndexOf('，', m.index - 1), s.lastIndexOf('。', m.index - 1)) + 1;
    out.push({
      ...named,
      start: after,
      end: after + named.name.length,
      date: dateBefore(s, after),
      convenerText: s.slice(clauseStart, m.index),
    });
  }
  // "…会议在京召开": the name stands before the verb.
  for (const m of s.matchAll(/(?:在[^，。]{1,12}?)?(?:召开|举行|开幕|举办)/g)) {
    const before = s.slice(0, m.index);
    const clauseStart = Math.max(before.lastIndexOf('，'), before.lastIndexOf('。')) + 1;
    const dated = before.slice(clauseStart).replace(/^(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上)?/, '');
    // "某部举办的…培训班开班式在某地举行": the body before 举办的 convened it.
    const host = dated.match(/^([^，。]{2,30}?)(?:举办|主办|组织)的/);
    const clause = host ? dated.slice(host[0].length) : dated;
    if (!clause) continue;
    const named = meetingNameAt(clause);
    if (!named || named.name !== clause || /召开|举行/.test(clause)) continue;
    const start = m.index - clause.length;
    if (out.some((o) => o.start <= start && start < o.end)) continue;
    out.push({ ...named, start, end: m.index, date: dateBefore(s, m.index), convenerText: host?.[1] ?? '' });
  }
  return out;
}

/**
 * The body that convened the meeting, from the words before 召开 (an organization or a chain) and
 * the meeting's name: a 党组会议 is its party group's meeting whoever chairs it.
 */
export function organizerOf(convenerText: string, ctx: OrgContext, meetingName = ''): string | null {
  const { publisher } = ctx;
  // Where and how it was held are not who held it: 在厅机关大院, 以视频形式.
  const text = expandCity(
    expandProvince(
      convenerText
        .replace(/^(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚)?/, '')
        .replace(/(?:在[^，。]{1,20}|以[^，。]{1,12}(?:形式|方式))$/, '')
        // Whom it was held for is not who held it (…为厅机关党员干部讲授专题党课).
        .replace(/^为[^，。]{1,20}$/, ''),
      ctx.province,
    ),
    ctx.city,
    ctx.county,
  );
  const party = meetingName.match(/^(?:部|厅|局|委)?(党组|党委)(?!书记)/)?.[1];
  const orgs = findOrganizations(text);
  let organizer: string | null = orgs[0]?.name ?? null;
  // The publisher's short form is the publisher (省发展改革委 of 青海省发展和改革委员会).
  if (organizer && publisher && abbreviates(organizer, publisher)) organizer = publisher;
  // A local body's party group or its study group as the subject (省卫生健康委党组召开…): the
  // pattern that found the body does not take in its 党组.
  const tail = orgs.length === 1 && orgs[0]!.start === 0 ? text.slice(orgs[0]!.end).trim() : '';
  if (organizer && /^(?:党组|党委)(?:理论学习中心组)?$/.test(tail) && !/(?:党组|党委)$/.test(organizer)) {
    organizer += tail.replace(/理论学习中心组$/, '');
  }
  // A body that is itself the subject convened it (某部召开部党组理论学习中心组学习会 and 某部召开部党组
  // 扩大会议 are the ministry's: both take in more than the party group), but a plain 党组会议 is
  // the party group's own whoever announces it, as where a person convenes (部长X主持召开部党组会议).
  const subject =
    orgs.length === 1 &&
    orgs[0]!.start === 0 &&
    /^(?:理论学习中心组)?$/.test(text.slice(orgs[0]!.end).trim()) &&
    !/^(?:部|厅|局|委)?(?:党组|党委)(?:会议|会)$/.test(meetingName);
  // 某部党组理论学习中心组举行集体学习: the study group is the subject.
  if (subject && text.slice(orgs[0]!.end).trim() === '理论学习中心组' && /(党组|党委)$/.test(organizer!)) organizer += '理论学习中心组';
  if (!organizer) {
    // "部党组书记、部长王甲主持召开" or "部党组召开": the chain's first body, or the publisher.
    const head = text.split('、')[0] ?? '';
    const raw = head.replace(/(党组书记|党组成员|书记|部长|厅长|局长|主任|组长).*$/, '');
    if (raw && raw !== text) {
      const org = resolveOrganization(raw, ctx);
      if (org) organizer = org.replace(/党组$/, '') === publisher ? publisher : org;
    }
    organizer ??= resolveOrganization(text, ctx) ?? publisher;
  }
  if (party && organizer && !subject && !organizer.endsWith(party)) organizer = organizer.replace(/(党组|党委)$/, '') + party;
  // A person convenes by a chain (部党组书记、部长X主持召开…座谈会): the party post names the chair,
  // not the meeting; one whose name holds no 党组 is the body's (eval/labeled/README.md).
  const chain = orgs.length > 0 && /^(?:党组|党委)?(?:副?书记|成员)/.test(text.slice(orgs[0]!.end));
  if (chain && !party && organizer) organizer = organizer.replace(/(党组|党委)$/, '');
  // Likewise a government's meeting (省长X主持召开省政府常务会议) is that government's.
  const government = meetingName.match(/^(?:省|市|县|区|自治区)(?:人民)?政府/)?.[0];
  if (government && !subject) {
    const body = expandCity(expandProvince(government, ctx.province), ctx.city, ctx.county);
    if (body !== government) organizer = body;
  }
  return organizer;
}

export function attendanceOf(text: string): Attendance {
  const m = text.match(/(共|约|近|逾|超过)?(\d+)\s*(余|多)?\s*(?:名|位)?(?:人|同志|名干部|名党员)/);
  const count = m && /参加|出席|参会|列席|到会/.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 14)) ? Number(m[2]) : null;
  return {
    count,
    approximate: count !== null && !!(m?.[3] || (m?.[1] && m[1] !== '共')),
    mainVenue: /主会场/.test(text),
    branchVenues: /分会场/.test(text),
  };
}

export function formOf(text: string): string | null {
  for (const m of text.matchAll(/以(电视电话会议|视频会议|视频连线|网络视频会议|视频|线上线下相结合|现场)(?:的)?(?:形式|方式)/g)) {
    // "X以视频方式参加会议" is how some took part, not how the meeting was held.
    if (/^(?:连线)?(?:参加|出席|列席|参会|接入|参与)/.test(text.slice(m.index + m[0].length))) continue;
    return m[1] === '视频' ? '视频会议' : m[1]!;
  }
  // 采取视频形式, 以“主会场+视频分会场”方式 (a 线上+线下 meeting states no form).
  for (const m of text.matchAll(/(?:以|采取|采用|通过)“?([^，。；“”]{0,12}?)”?(?:的)?(?:形式|方式)/g)) {
    if (/^(?:连线)?(?:参加|出席|列席|参会|接入|参与)/.test(text.slice(m.index + m[0].length))) continue;
    if (/电视电话/.test(m[1]!)) return '电视电话会议';
    if (/视频/.test(m[1]!)) return '视频会议';
  }
  // Another meeting whose spirit is relayed (传达了全国安全生产电视电话会议精神) is not this one's form.
  for (const m of text.matchAll(/电视电话会议|视频会议/g)) {
    if (/^(?:精神|上的|部署|要求)/.test(text.slice(m.index + m[0].length))) continue;
    return m[0] === '视频会议' ? '视频会议' : '电视电话会议';
  }
  return null;
}

/** The form a meeting's own name states (全区…视频调度会, …电视电话会议), or null. */
export function formOfName(name: string): string | null {
  if (/电视电话会议?$/.test(name)) return '电视电话会议';
  // 视频调度会, 视频会商会, 视频会议; not a meeting about video (短视频行业座谈会).
  if (/(?<!短|网络)视频[\u4e00-\u9fff]{0,4}会议?$/.test(name)) return '视频会议';
  return null;
}

/** YYYY-MM-DD with the year taken from context where the text leaves it out. */
export function isoDate(
  date: MeetingMention['date'],
  context: { publishedAt: string | null; year: number | null },
): { date: string | null; dateEnd: string | null } {
  if (!date) return { date: null, dateEnd: null };
  let year = date.year;
  if (year === null && context.publishedAt) {
    const [py, pm] = context.publishedAt.split('-').map(Number) as [number, number];
    // A bulletin published in January about "12月28日" reports last year's meeting.
    year = date.month > pm ? py - 1 : py;
  }
  year ??= context.year;
  if (year === null) return { date: null, dateEnd: null };
  const pad = (n: number) => String(n).padStart(2, '0');
  const valid = (m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31;
  if (!valid(date.month, date.day)) return { date: null, dateEnd: null };
  const start = `${year}-${pad(date.month)}-${pad(date.day)}`;
  // A range over the new year (12月30日至1月2日) ends in the next year.
  const endYear = date.endMonth !== null && date.endMonth < date.month ? year + 1 : year;
  const end = date.endDay && date.endMonth && valid(date.endMonth, date.endDay) ? `${endYear}-${pad(date.endMonth)}-${pad(date.endDay)}` : null;
  return { date: start, dateEnd: end };
}
