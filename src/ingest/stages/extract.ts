// Stage 5, extract: reads the segmented text sentence by sentence and assembles the facts.
// Pure: text in, ExtractionResult out.
import { createHash } from 'node:crypto';
import {
  postKey,
  type BulletinFact,
  type CampaignFact,
  type DirectiveFact,
  type Evidence,
  type ExtractionResult,
  type MeetingFact,
  type OrganizationFact,
  type PersonFact,
  type Role,
} from '../types.ts';
import { directiveOpener, enumeratedItems, findCampaigns } from './extract-directives.ts';
import { attendanceOf, findMeetings, formOf, formOfName, isoDate, organizerOf } from './extract-meetings.ts';
import { abbreviates, cityOf, countyOf, expandProvince, findOrganizations, parentOrganization, provinceOf, resolveOrganization, type OrgContext } from './extract-organizations.ts';
import { findPeople } from './extract-people.ts';
import { segmentSentences, type Sentence } from './segment.ts';

const RANK: Record<Role, number> = { chair: 3, speaker: 2, attendee: 1 };

/**
 * Bump when a change to the extraction rules or dictionaries should re-read bulletins already in
 * the graph; an ingest then replaces their facts even though their content is unchanged.
 */
export const EXTRACTOR_VERSION = 3;

/** Bodies whose instructions bulletins relay, never a bulletin's publisher by default. */
const RELAYED_CENTRE = /^(?:党中央|中共中央|国务院|中央纪委国家监委|中央纪委|国家监委|全国人大常委会|全国政协|中央军委)$/;

export const shortHash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

const evidenceOf = (s: Sentence): Evidence => ({ sentence: s.sentence, start: s.start, end: s.end });

export interface ExtractInput {
  bulletin: Omit<BulletinFact, 'contentHash' | 'extractorVersion'> & { contextYear?: number | null; context?: string };
}

export function extractFacts({ bulletin: input }: ExtractInput): ExtractionResult {
  const { contextYear = null, context = '', ...meta } = input;
  const bulletin: BulletinFact = { ...meta, contentHash: createHash('sha256').update(meta.text).digest('hex'), extractorVersion: EXTRACTOR_VERSION };
  const paragraphs = segmentSentences(bulletin.text);
  const sentences = paragraphs.flatMap((p) => p.sentences);
  const anyYear = bulletin.text.match(/((?:19|20)\d{2})年/);
  const yearContext = { publishedAt: bulletin.publishedAt, year: contextYear ?? (anyYear ? Number(anyYear[1]) : null) };

  // The publisher: the first body the title names, else the first meeting's convener. Its
  // province resolves 省 in 省工业和信息化厅 and 驻省…纪检监察组.
  const province = provinceOf(bulletin.title, context) ?? provinceOf(bulletin.text);
  const ctx: OrgContext = { publisher: null, province };
  ctx.publisher = ownBody(bulletin.title, province, bulletin.text) ?? ownBody(context, province, bulletin.text) ?? sourceBody(context, ctx) ?? titleSubject(bulletin.title, ctx);
  if (!ctx.publisher) {
    for (const s of sentences) {
      const meeting = findMeetings(s.sentence)[0];
      if (meeting) {
        ctx.publisher = organizerOf(meeting.convenerText, ctx);
        if (ctx.publisher) break;
      }
    }
  }
  // Else the first body the text names, leaving out the centre whose instructions bulletins relay
  // (党中央, 国务院 …): a bulletin is not theirs, and a 厅党组会议 would become 党中央党组's.
  ctx.publisher ??= findOrganizations(bulletin.text).find((o) => !RELAYED_CENTRE.test(o.name))?.name ?? null;
  // A party group publishes as its body: 部党组 → 部, so that 驻部纪检监察组 resolves to the body.
  if (ctx.publisher) ctx.publisher = ctx.publisher.replace(/(机关党委|党组|党委)$/, '');
  ctx.city = cityOf(ctx.publisher);
  ctx.county = countyOf(ctx.publisher);
  const publisher = ctx.publisher;

  const meetings: MeetingFact[] = [];
  const meetingSentence = new Map<string, number>();
  const people = new Map<string, PersonFact>();
  const organizations = new Map<string, OrganizationFact>();
  const directives: DirectiveFact[] = [];
  const campaigns = new Map<string, CampaignFact>();

  /** A dictionary or pattern match is surer than a name read off a title chain. */
  const addOrg = (name: string, ev: Evidence, confidence: number) => {
    const known = organizations.get(name);
    if (!known) organizations.set(name, { name, aliases: [], parent: null, evidence: ev, confidence });
    else known.confidence = Math.max(known.confidence, confidence);
  };
  const person = (name: string): PersonFact => {
    let p = people.get(name);
    if (!p) people.set(name, (p = { name, posts: [], participation: [], mentioned: false, mentions: [], confidence: 0 }));
    return p;
  };

  let current: MeetingFact | null = null;
  let lastSpeaker: string | null = null;
  let openDirective: DirectiveFact | null = null;

  sentences.forEach((s, index) => {
    const ev = evidenceOf(s);
    const text = s.sentence;

    for (const m of findMeetings(text)) {
      const organizer = organizerOf(m.convenerText, ctx, m.name) ?? publisher;
      let { date, dateEnd } = isoDate(m.date, yearContext);
      if (!date) {
        // Relative days: 今天 is the publish date; 当日/随后/会后 is the day of the meeting before.
        const before = text.slice(0, m.start);
        if (/今天|今日/.test(before)) date = bulletin.publishedAt;
        else if (/当日|当天|同日|随后|会后|结束后|紧接着|之后/.test(before) || meetings.length > 0) {
          date = meetings[meetings.length - 1]?.date ?? null;
        }
        dateEnd = null;
      }
      // The same meeting named again (举办专题党课 … 讲授专题党课) is the one already read.
      const again = meetings.find(
        (x) => x.kind === m.kind && (x.date === date || !date) && (x.name.endsWith(m.name) || m.name.endsWith(x.name)),
      );
      if (again) {
        current = again;
        continue;
      }
      const key = shortHash([organizer ?? bulletin.key, date ?? bulletin.key, m.name].join('|'));
      if (meetings.some((x) => x.key === key)) continue;
      const meeting: MeetingFact = {
        key,
        name: m.name,
        kind: m.kind,
        date,
        dateEnd,
        organizer,
        form: null,
        attendance: { count: null, approximate: false, mainVenue: false, branchVenues: false },
        campaign: findCampaigns(m.name)[0]?.name ?? null,
        evidence: ev,
        // An explicit date and convener make a meeting surer than one dated from context.
        confidence: m.date && organizer ? 0.95 : date && organizer ? 0.85 : 0.7,
      };
      meetings.push(meeting);
      meetingSentence.set(key, index);
      current = meeting;
      if (organizer) addOrg(organizer, ev, 0.9);
    }

    for (const org of findOrganizations(text)) addOrg(org.name, ev, 0.95);
    for (const c of findCampaigns(text)) if (!campaigns.has(c.name)) campaigns.set(c.name, { name: c.name, evidence: ev });

    const found = findPeople(text, ctx, people);
    for (const f of found) {
      const p = person(f.name);
      p.confidence = Math.max(p.confidence, f.confidence);
      if (!p.mentions.some((m) => m.start === ev.start)) p.mentions.push(ev);
      for (const post of f.posts) {
        addOrg(post.organization, ev, 0.85);
        if (!p.posts.some((q) => q.title === post.title && q.organization === post.organization)) {
          p.posts.push({ ...post, evidence: ev });
        }
      }
      const meeting = current as MeetingFact | null;
      if (f.role && !f.mentionOnly && meeting) {
        const existing = p.participation.find((x) => x.meeting === meeting.key);
        const confidence = Math.min(f.confidence, f.roleConfidence);
        if (!existing) p.participation.push({ meeting: meeting.key, as: f.role, evidence: ev, confidence });
        else if (RANK[f.role] > RANK[existing.as]) Object.assign(existing, { as: f.role, evidence: ev, confidence });
      }
    }

    // Directives: an opener starts one; sentences after it in the paragraph belong to it.
    const lead = found.find((f) => !/[，。]/.test(text.slice(0, f.start)));
    // 他强调 continues the last speaker's words.
    const pronoun = !lead && /^[他她]/.test(text) && lastSpeaker ? lastSpeaker : null;
    const opener = directiveOpener(text, lead ? lead.after : pronoun ? 1 : null);
    for (const f of found) if (f.role === 'speaker' || f.role === 'chair') lastSpeaker = f.name;
    const meeting = current as MeetingFact | null;
    if (opener && meeting) {
      const ordinal = directives.filter((d) => d.meeting === meeting.key).length + 1;
      openDirective = {
        key: shortHash(`${meeting.key}|${ordinal}`),
        meeting: meeting.key,
        speaker: opener.byMeeting ? null : (lead?.name ?? pronoun),
        kind: opener.kind,
        ordinal,
        text: text.slice(opener.bodyStart),
        items: [],
        evidence: ev,
        confidence: opener.byMeeting ? 0.95 : 0.9,
      };
      directives.push(openDirective);
    } else if (openDirective && sentences[index - 1]?.paragraph === s.paragraph) {
      const d = openDirective as DirectiveFact;
      d.text += text;
      d.evidence = { ...d.evidence, end: s.end, sentence: bulletin.text.slice(d.evidence.start, s.end) };
    } else {
      openDirective = null;
    }
  });

  for (const d of directives) {
    d.items = enumeratedItems(d.text);
    if (d.speaker) {
      // A speaker whose words are a directive spoke at the meeting.
      const p = person(d.speaker);
      const existing = p.participation.find((x) => x.meeting === d.meeting);
      if (!existing) p.participation.push({ meeting: d.meeting, as: 'speaker', evidence: d.evidence, confidence: d.confidence });
      else if (RANK.speaker > RANK[existing.as]) existing.as = 'speaker';
    }
  }

  // Form and attendance: the sentences from a meeting's own to the next meeting's.
  meetings.forEach((m, k) => {
    const from = meetingSentence.get(m.key)!;
    const next = meetings[k + 1];
    const to = next ? meetingSentence.get(next.key)! : sentences.length;
    const span = sentences.slice(from, Math.max(to, from + 1)).map((s) => s.sentence).join('');
    m.form = formOfName(m.name) ?? formOf(span);
    m.attendance = attendanceOf(span);
  });

  resolveAliases(organizations, people, meetings);

  for (const p of people.values()) p.mentioned = p.participation.length === 0;

  return {
    bulletin,
    warnings: [],
    meetings,
    people: [...people.values()],
    organizations: [...organizations.values()],
    directives,
    campaigns: [...campaigns.values()],
  };
}

/**
 * The first body `text` names. A national body's short name right after the province (省发改委 in
 * a title) is the province's own body, which the bulletin writes out in full somewhere (福建省发展
 * 和改革委员会), not the national one the short name stands for alone.
 */
function ownBody(text: string, province: string | null, body: string): string | null {
  const expanded = expandProvince(text, province);
  const first = findOrganizations(expanded)[0];
  if (!first) return null;
  if (province && expanded.slice(0, first.start).endsWith(province)) {
    const written = province + expanded.slice(first.start, first.end);
    const full = findOrganizations(body).find((o) => o.name.startsWith(province) && abbreviates(written, o.name));
    if (full) return full.name;
  }
  // A short form the body writes out in full (自治区卫生健康委 in a title, 西藏自治区卫生健康委员会 in the text).
  const full = findOrganizations(body).find((o) => o.name !== first.name && abbreviates(first.name, o.name));
  return full ? full.name : first.name;
}

/**
 * The body a source line opens with (永宁县人民政府　2024-07-17, 某某局网站 发布时间：…) where the
 * dictionary knows no name in it: anything that ends like an organization.
 */
function sourceBody(context: string, ctx: OrgContext): string | null {
  const m = context.match(/^\s*(?:来源[:：]\s*)?([\u4e00-\u9fff]{4,30}?)(?:网站|网)?(?=[\s\u3000\d]|发布|$)/);
  return m ? resolveOrganization(m[1]!, ctx) : null;
}

/**
 * The body a title opens with as the subject of 召开/举行 (天津市交通运输委员会召开委务会) where the
 * dictionary knows no name in it: anything that ends like an organization.
 */
function titleSubject(title: string, ctx: OrgContext): string | null {
  const m = title.match(/^([\u4e00-\u9fff]{4,30}?)(?:党组|党委)?(?:召开|举行|举办)/);
  // A place written out, then a government department: not a meeting (全省…推进会召开), not a
  // reference to the publisher's own place (市人社局) that only the publisher can resolve.
  if (!m || !SUBJECT_BODY.test(m[1]!)) return null;
  return resolveOrganization(m[1]!, ctx);
}
const SUBJECT_BODY = /^(?!全)(?:[\u4e00-\u9fff]{2,8}?(?:省|自治区|市|州|盟|县|区)|国家|中国)[\u4e00-\u9fff]{2,20}?(?:委员会|局|厅|署|委|办公室|政府)$/;

/**
 * One name per organization within a bulletin: an unnumbered 中央指导组 is the numbered group the
 * same text names (中央第22指导组). Parents link 部党组 to 部.
 */
function resolveAliases(organizations: Map<string, OrganizationFact>, people: Map<string, PersonFact>, meetings: MeetingFact[]) {
  const rename = new Map<string, string>();
  for (const name of organizations.keys()) {
    const matches = [...organizations.keys()].filter(
      (other) => other !== name && other.replace(/第[0-9一二三四五六七八九十]+/, '') === name,
    );
    if (matches.length === 1) rename.set(name, matches[0]!);
  }
  for (const [from, to] of rename) {
    const target = organizations.get(to)!;
    if (!target.aliases.includes(from)) target.aliases.push(from);
    organizations.delete(from);
  }
  const canon = (n: string) => rename.get(n) ?? n;
  for (const p of people.values()) {
    const seen = new Set<string>();
    p.posts = p.posts
      .map((post) => ({ ...post, organization: canon(post.organization) }))
      .filter((post) => {
        const k = postKey(post);
        return !seen.has(k) && seen.add(k);
      });
  }
  for (const m of meetings) if (m.organizer) m.organizer = canon(m.organizer);
  const names = new Set(organizations.keys());
  for (const org of organizations.values()) org.parent = parentOrganization(org.name, names);
}
