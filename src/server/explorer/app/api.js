// @ts-check
// The explorer's only way to data: POST /graphql, the public API. Each view asks for one thing
// (search, person, meeting, organization, dashboard). Where the server has the newer fields
// (Query.search, Query.stats, Person.timeline, Person.coAttendees, Bulletin.highlighted) they are
// used; where it does not (introspection lacks them), or a query using them fails (validation, or
// an error of the server's own), the same answer is put together here from the fields every
// version has, and the console says why. `?api=basic` in the page URL
// forces the fallbacks (the end-to-end tests run both ways).

/** @typedef {{ message: string, extensions?: { code?: string } }} GraphQLErrorJson */
/** @typedef {{ search: boolean, stats: boolean, timeline: boolean, coAttendees: boolean, highlighted: boolean }} Capabilities */

export class GraphQLRequestError extends Error {
  /** @param {string} message @param {GraphQLErrorJson[]} errors @param {number} status */
  constructor(message, errors, status) {
    super(message);
    this.errors = errors;
    this.status = status;
  }
  /** The query asked for something this server's schema does not have. */
  get invalid() {
    return this.errors.some(
      (e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' || /^(Cannot query field|Unknown (argument|type)|Field .* argument)/.test(e.message),
    );
  }
}

/**
 * One GraphQL request.
 * @param {string} query
 * @param {Record<string, unknown>} [variables]
 * @returns {Promise<any>}
 */
export async function gql(query, variables) {
  const res = await fetch('/graphql', {
    method: 'POST',
    // application/json: GraphQL errors come with status 200, so the browser does not log a failed load.
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  /** @type {{ data?: any, errors?: GraphQLErrorJson[] }} */
  let body;
  try {
    body = await res.json();
  } catch {
    throw new GraphQLRequestError(`服务器返回 HTTP ${res.status}`, [], res.status);
  }
  if (body.errors?.length) throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '), body.errors, res.status);
  return body.data;
}

const BASIC = /** @type {Capabilities} */ ({ search: false, stats: false, timeline: false, coAttendees: false, highlighted: false });
/** @type {Promise<Capabilities> | undefined} */
let capsPromise;

/** Which of the newer fields this server has (one introspection request, asked once). */
export function capabilities() {
  if (new URLSearchParams(location.search).get('api') === 'basic') return Promise.resolve({ ...BASIC });
  capsPromise ??= gql(`{
    query: __type(name: "Query") { fields { name } }
    person: __type(name: "Person") { fields { name } }
    bulletin: __type(name: "Bulletin") { fields { name } }
  }`).then(
    (d) => {
      /** @param {string} type @param {string} field */
      const has = (type, field) => !!d[type]?.fields?.some((/** @type {{name: string}} */ f) => f.name === field);
      return {
        search: has('query', 'search'),
        stats: has('query', 'stats'),
        timeline: has('person', 'timeline'),
        coAttendees: has('person', 'coAttendees'),
        highlighted: has('bulletin', 'highlighted'),
      };
    },
    () => ({ ...BASIC }),
  );
  return capsPromise;
}

/**
 * Runs `build(caps)`; if the server answers it with GraphQL errors, runs `build(BASIC)` (what every
 * server has). Network failures are not retried.
 * @template T
 * @param {(caps: Capabilities) => Promise<T>} build
 * @returns {Promise<T & { api: 'full' | 'basic' }>}
 */
async function withFallback(build) {
  const caps = await capabilities();
  const any = Object.values(caps).some(Boolean);
  if (any) {
    try {
      return { ...(await build(caps)), api: 'full' };
    } catch (error) {
      if (!(error instanceof GraphQLRequestError)) throw error;
      console.warn(`bulletin-graph explorer: a newer field failed (${error.invalid ? 'not in this schema' : 'server error'}), using the basic API:`, error.message);
    }
  }
  return { ...(await build(BASIC)), api: 'basic' };
}

// ---------------------------------------------------------------------------------------------
// Search

/**
 * @typedef {{ kind: 'person' | 'organization' | 'meeting' | 'directive' | 'bulletin' | 'campaign' | 'other',
 *   key: string, title: string, detail?: string, date?: string | null, snippet?: string | null, score?: number }} Hit
 */

/** @type {Promise<(s: string) => string> | undefined} */
let toSimplified;
/**
 * Traditional → simplified in the browser, for the basic API's `nameContains` (opencc-js, loaded on first use).
 * @param {string} text
 */
async function simplified(text) {
  const url = '/assets/vendor/opencc-js/t2cn.js';
  toSimplified ??= import(url).then(
    (m) => m.Converter({ from: 't', to: 'cn' }),
    () => (/** @type {string} */ s) => s,
  );
  return (await toSimplified)(text);
}

/** @param {any} p */
const postsLine = (p) => (p?.posts ?? []).map((/** @type {any} */ t) => `${t.organization.name}${t.title}`).join('、');

/**
 * People, organizations, meetings and bulletins matching `text` (simplified or traditional).
 * @param {string} text
 * @returns {Promise<{ hits: Hit[], api: 'full' | 'basic' }>}
 */
export function search(text) {
  return withFallback(async (caps) => {
    if (caps.search) {
      const d = await gql(
        `query Search($text: String!) {
          search(text: $text, first: 40) {
            kind score snippet
            node {
              __typename id
              ... on Person { name posts { title organization { name } } }
              ... on Organization { name }
              ... on Meeting { key name date }
              ... on Bulletin { key title publishedAt }
              ... on Campaign { name }
              ... on Directive { kind speaker { name } meeting { key name date } }
            }
          }
        }`,
        { text },
      );
      return { hits: d.search.map(hitFromSearch).filter(Boolean) };
    }
    const simple = await simplified(text);
    const d = await gql(
      `query SearchBasic($text: String!, $simple: String!) {
        exactPerson: person(name: $text) { name posts { title organization { name } } }
        exactOrganization: organization(name: $text) { name aliases }
        people(nameContains: $simple, first: 20) { edges { node { name posts { title organization { name } } } } }
        organizations(nameContains: $simple, first: 20) { edges { node { name aliases } } }
        meetings(nameContains: $simple, first: 20) { edges { node { key name date organizer { name } } } }
        bulletins(titleContains: $simple, first: 10) { edges { node { key title publishedAt } } }
      }`,
      { text, simple },
    );
    /** @type {Hit[]} */
    const hits = [];
    const seen = new Set();
    /** @param {Hit} h */
    const add = (h) => {
      const id = `${h.kind}:${h.key}`;
      if (!seen.has(id)) hits.push(h), seen.add(id);
    };
    const person = (/** @type {any} */ p) => add({ kind: 'person', key: p.name, title: p.name, detail: postsLine(p) });
    const org = (/** @type {any} */ o) => add({ kind: 'organization', key: o.name, title: o.name, detail: o.aliases?.length ? `又称 ${o.aliases.join('、')}` : '' });
    if (d.exactPerson) person(d.exactPerson);
    if (d.exactOrganization) org(d.exactOrganization);
    d.people.edges.forEach((/** @type {any} */ e) => person(e.node));
    d.organizations.edges.forEach((/** @type {any} */ e) => org(e.node));
    d.meetings.edges.forEach((/** @type {any} */ { node: m }) =>
      add({ kind: 'meeting', key: m.key, title: m.name, date: m.date, detail: m.organizer?.name ?? '' }),
    );
    d.bulletins.edges.forEach((/** @type {any} */ { node: b }) => add({ kind: 'bulletin', key: b.key, title: b.title, date: b.publishedAt }));
    return { hits };
  });
}

/** @param {any} h @returns {Hit | null} */
function hitFromSearch(h) {
  const n = h.node;
  const common = { snippet: h.snippet ?? null, score: h.score };
  switch (n?.__typename) {
    case 'Person':
      return { kind: 'person', key: n.name, title: n.name, detail: postsLine(n), ...common };
    case 'Organization':
      return { kind: 'organization', key: n.name, title: n.name, ...common };
    case 'Meeting':
      return { kind: 'meeting', key: n.key, title: n.name, date: n.date, ...common };
    case 'Bulletin':
      return { kind: 'bulletin', key: n.key, title: n.title, date: n.publishedAt, ...common };
    case 'Campaign':
      return { kind: 'campaign', key: n.name, title: n.name, ...common };
    case 'Directive':
      return {
        kind: 'directive',
        key: n.meeting.key,
        title: `${n.speaker?.name ?? '会议'}${n.kind}`,
        detail: n.meeting.name,
        date: n.meeting.date,
        ...common,
      };
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Person

/**
 * @typedef {{ date: string | null, tenure?: any, participation?: any }} TimelineEntry
 * @typedef {{ name: string, count: number, lastDate: string | null, meetings: string[] }} CoAttendee
 */

/**
 * A person with posts, meetings, a timeline (posts and meetings by date) and co-attendees.
 * @param {string} name
 */
export function person(name) {
  return withFallback(async (caps) => {
    const d = await gql(
      `query Person($name: String!) {
        person(name: $name) {
          id name
          posts { title organization { name } firstSeen lastSeen evidence { sentence bulletin { key title } } }
          meetings { as meeting { key name date kind organizer { name } } }
          directives { kind ordinal text items { ordinal text } meeting { key name date } }
          mentionedIn { key title publishedAt }
          ${
            caps.timeline
              ? 'timeline { date tenure { title organization { name } firstSeen lastSeen evidence { sentence } } participation { as meeting { key name date } } }'
              : ''
          }
          ${
            caps.coAttendees
              ? 'coAttendees(first: 12) { person { name } count lastDate meetings { key } }'
              : 'around: meetings { meeting { key date attendees { person { name } } } }'
          }
        }
      }`,
      { name },
    );
    const p = d.person;
    if (!p) return { person: null, timeline: [], coAttendees: [] };
    /** @type {TimelineEntry[]} */
    const timeline = caps.timeline ? p.timeline : timelineFrom(p);
    /** @type {CoAttendee[]} */
    const coAttendees = caps.coAttendees
      ? p.coAttendees.map((/** @type {any} */ c) => ({
          name: c.person.name,
          count: c.count,
          lastDate: c.lastDate ?? null,
          meetings: (c.meetings ?? []).map((/** @type {any} */ m) => m.key),
        }))
      : coAttendeesFrom(p.name, p.around);
    return { person: p, timeline: sortTimeline(timeline), coAttendees };
  });
}

/** Posts (at their first evidence) and meetings, as Person.timeline gives them. @param {any} p */
export function timelineFrom(p) {
  /** @type {TimelineEntry[]} */
  const out = [];
  for (const t of p.posts) out.push({ date: t.firstSeen ?? null, tenure: t });
  for (const m of p.meetings) out.push({ date: m.meeting.date ?? null, participation: m });
  return out;
}

/** Earliest first; undated at the end; on one day posts before meetings. @param {TimelineEntry[]} entries */
function sortTimeline(entries) {
  return [...entries].sort((a, b) => {
    if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1;
    return (a.tenure ? 0 : 1) - (b.tenure ? 0 : 1);
  });
}

/**
 * Who else was at this person's meetings, how often, when last (from Person.meetings → attendees).
 * @param {string} self @param {any[]} participations @returns {CoAttendee[]}
 */
export function coAttendeesFrom(self, participations) {
  /** @type {Map<string, CoAttendee>} */
  const byName = new Map();
  for (const { meeting } of participations) {
    for (const a of meeting.attendees) {
      const name = a.person.name;
      if (name === self) continue;
      const c = byName.get(name) ?? /** @type {CoAttendee} */ ({ name, count: 0, lastDate: null, meetings: [] });
      if (!c.meetings.includes(meeting.key)) {
        c.meetings.push(meeting.key);
        c.count += 1;
        if (meeting.date && (!c.lastDate || meeting.date > c.lastDate)) c.lastDate = meeting.date;
      }
      byName.set(name, c);
    }
  }
  return [...byName.values()].sort((a, b) => b.count - a.count || (b.lastDate ?? '').localeCompare(a.lastDate ?? '') || a.name.localeCompare(b.name, 'zh')).slice(0, 12);
}

// ---------------------------------------------------------------------------------------------
// Meeting

/** @typedef {{ start: number, end: number, label?: string }} Span */

/**
 * A meeting with attendees, directives and its source bulletins, each with the evidence spans
 * highlighted (`html` from Bulletin.highlighted when the server has it, else `segments`).
 * @param {string} key
 */
export async function meeting(key) {
  const d = await gql(
    `query Meeting($key: String!) {
      meeting(key: $key) {
        id key name kind date dateEnd form
        attendance { count approximate mainVenue branchVenues }
        organizer { name }
        campaign { name }
        attendees { as person { name posts { title organization { name } } } evidence { start end sentence bulletin { key } } }
        directives { ordinal kind text speaker { name } items { ordinal text } }
        sources { key title publishedAt source text }
      }
    }`,
    { key },
  );
  const m = d.meeting;
  if (!m) return { meeting: null, sources: [], api: /** @type {'basic'} */ ('basic') };
  const caps = await capabilities();
  const sources = await Promise.all(m.sources.map((/** @type {any} */ b) => highlight(b, evidenceSpans([m], b.key), caps)));
  return { meeting: m, sources, api: sources.some((s) => s.html !== null) ? 'full' : 'basic' };
}

/**
 * The attendees' evidence in one bulletin, as spans labelled with the person's name.
 * @param {any[]} meetings @param {string} bulletinKey @returns {Span[]}
 */
function evidenceSpans(meetings, bulletinKey) {
  /** @type {Span[]} */
  const spans = [];
  for (const m of meetings) {
    for (const a of m.attendees) {
      for (const e of a.evidence) if (e.bulletin.key === bulletinKey) spans.push({ start: e.start, end: e.end, label: a.person.name });
    }
  }
  return mergeSpans(spans);
}

/**
 * A bulletin with `spans` marked: `html` from Bulletin.highlighted where the server has it, else
 * `segments` cut here from Bulletin.text.
 * @param {any} b @param {Span[]} spans @param {Capabilities} caps
 */
async function highlight(b, spans, caps) {
  /** @type {string | null} */
  let html = null;
  if (caps.highlighted && spans.length) {
    try {
      const h = await gql(`query Highlighted($key: String!, $spans: [SpanInput!]) { bulletin(key: $key) { highlighted(spans: $spans) } }`, {
        key: b.key,
        spans: spans.map(({ start, end }) => ({ start, end })),
      });
      html = onlyMarks(h.bulletin?.highlighted ?? null);
    } catch (error) {
      if (!(error instanceof GraphQLRequestError)) throw error;
      console.warn('bulletin-graph explorer: Bulletin.highlighted failed, highlighting here:', error.message);
    }
  }
  return { ...b, spans, html, segments: html === null ? segment(b.text, spans) : null };
}

/**
 * A bulletin, the meetings it reports (with their attendees' evidence highlighted) and the people it names.
 * @param {string} key
 */
export async function bulletin(key) {
  const d = await gql(
    `query Bulletin($key: String!) {
      bulletin(key: $key) {
        id key title publishedAt source text
        meetings { key name date attendees { as person { name } evidence { start end bulletin { key } } } }
        people { name }
      }
    }`,
    { key },
  );
  if (!d.bulletin) return { bulletin: null };
  const b = d.bulletin;
  return { bulletin: await highlight(b, evidenceSpans(b.meetings, b.key), await capabilities()) };
}


/** Sorted; overlapping spans joined (their labels too), touching ones kept apart. @param {Span[]} spans @returns {Span[]} */
export function mergeSpans(spans) {
  /** @type {Span[]} */
  const out = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if (s.label && !last.label?.split('、').includes(s.label)) last.label = last.label ? `${last.label}、${s.label}` : s.label;
    } else out.push({ ...s });
  }
  return out;
}

/**
 * The text cut into plain and marked pieces.
 * @param {string} text @param {Span[]} spans
 * @returns {{ text: string, mark: boolean, label?: string }[]}
 */
export function segment(text, spans) {
  const out = [];
  let at = 0;
  for (const s of spans) {
    const start = Math.max(at, Math.min(s.start, text.length));
    const end = Math.max(start, Math.min(s.end, text.length));
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    if (end > start) out.push({ text: text.slice(start, end), mark: true, label: s.label });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/**
 * HTML from the server that is escaped text with <mark> and </mark> only; anything else → null
 * (the caller then highlights on its own), so nothing but marks ever reaches innerHTML.
 * @param {string | null} html
 */
export function onlyMarks(html) {
  if (html === null) return null;
  const rest = html.replace(/<\/?mark>/g, '');
  return /[<>]/.test(rest) ? null : html;
}

// ---------------------------------------------------------------------------------------------
// Organization

/** @param {string} name */
export async function organization(name) {
  const d = await gql(
    `query Organization($name: String!) {
      organization(name: $name) {
        id name aliases
        parent { name }
        units { name }
        posts { title holders { person { name } firstSeen lastSeen } }
        meetings { key name date kind form }
      }
    }`,
    { name },
  );
  return { organization: d.organization };
}

// ---------------------------------------------------------------------------------------------
// Dashboard

/** @typedef {{ key: string, count: number }} Bucket */

const MAX_BASIC_PAGES = 20;

/** Totals, the latest meetings, meetings per month and kind and organizer, and who attends most. */
export function dashboard() {
  return withFallback(async (caps) => {
    const totals = `
      meetingsTotal: meetings(first: 8) { totalCount edges { node { key name date kind organizer { name } } } }
      people(first: 1) { totalCount }
      organizations(first: 1) { totalCount }
      bulletins(first: 1) { totalCount }`;
    if (caps.stats) {
      const d = await gql(`{
        ${totals}
        stats {
          meetingsByMonth { key count }
          topAttendees(first: 10) { person { name } count }
          meetingsByKind { key count }
          meetingsByOrganizer { key count }
        }
      }`);
      return {
        totals: totalsOf(d),
        latest: d.meetingsTotal.edges.map((/** @type {any} */ e) => e.node),
        byMonth: /** @type {Bucket[]} */ (d.stats.meetingsByMonth).map((b) => ({ key: /^\d{4}-\d{2}/.test(b.key) ? b.key.slice(0, 7) : b.key, count: b.count })),
        topAttendees: d.stats.topAttendees.map((/** @type {any} */ t) => ({ key: t.person.name, count: t.count })),
        byKind: /** @type {Bucket[]} */ (d.stats.meetingsByKind ?? []),
        byOrganizer: /** @type {Bucket[]} */ (d.stats.meetingsByOrganizer ?? []),
      };
    }
    /** @type {any[]} */
    const all = [];
    const [first] = await Promise.all([
      gql(`{ ${totals} }`),
      (async () => {
        /** @type {string | null} */
        let after = null;
        for (let page = 0; page < MAX_BASIC_PAGES; page++) {
          const d = await gql(
            `query Meetings($after: String) {
              meetings(first: 100, after: $after) {
                pageInfo { hasNextPage endCursor }
                edges { node { date kind organizer { name } attendees { person { name } } } }
              }
            }`,
            { after },
          );
          all.push(...d.meetings.edges.map((/** @type {any} */ e) => e.node));
          if (!d.meetings.pageInfo.hasNextPage) break;
          after = d.meetings.pageInfo.endCursor;
        }
      })(),
    ]);
    return {
      totals: totalsOf(first),
      latest: first.meetingsTotal.edges.map((/** @type {any} */ e) => e.node),
      byMonth: count(all.map((m) => m.date?.slice(0, 7) ?? null)).sort((a, b) => a.key.localeCompare(b.key)),
      topAttendees: count(all.flatMap((m) => m.attendees.map((/** @type {any} */ a) => a.person.name))).slice(0, 10),
      byKind: count(all.map((m) => m.kind)),
      byOrganizer: count(all.map((m) => m.organizer?.name ?? null)),
      partial: all.length < first.meetingsTotal.totalCount,
    };
  });
}

/** @param {any} d */
function totalsOf(d) {
  return { meetings: d.meetingsTotal.totalCount, people: d.people.totalCount, organizations: d.organizations.totalCount, bulletins: d.bulletins.totalCount };
}

/** Counts of each non-null key, largest first. @param {(string | null | undefined)[]} keys @returns {Bucket[]} */
export function count(keys) {
  /** @type {Map<string, number>} */
  const m = new Map();
  for (const k of keys) if (k) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m].map(([key, n]) => ({ key, count: n })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, 'zh'));
}
