// The API's questions over the seed and three bulletins written for these tests (names invented):
//   a: 2020-05-10 交通运输部 干部大会 — 王建平 chairs (党组书记, 部长), 李明 and 赵红 attend
//   b: 2021-03-15 交通运输部 务虚会 — 王建平 chairs, 副部长李明 speaks, 周强 attends
//   c: 2022-01-20 水利部 工作会议, in traditional script — 陈立新 chairs (部长), 副部长周强 attends
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../src/ingest/ingest.ts';
import { extractText } from '../src/ingest/pipeline.ts';
import { ensureSchema, loadExtraction } from '../src/ingest/stages/load.ts';
import type { Executor } from '../src/neo4j/executor.ts';
import { fulltextStatements } from '../src/neo4j/fulltext.ts';
import { createServer } from '../src/server/yoga.ts';
import { freshGraph } from './helpers/graph.ts';

const SEED = new URL('../seeds/000_0e1c59be9f5b0e63.txt', import.meta.url).pathname;
export const FIXTURES: Record<string, string> = {
  'api-a.txt': '交通运输部召开干部大会\n2020年5月10日，交通运输部召开干部大会。部党组书记、部长王建平主持会议并讲话。部领导李明、赵红出席会议。\n会议强调，要狠抓落实。一是要提高站位。二是要压实责任。',
  'api-b.txt': '交通运输部召开务虚会\n2021年3月15日，交通运输部召开务虚会。部党组书记、部长王建平主持会议。副部长李明作报告。部领导周强出席会议。\n会议指出，要坚持稳中求进。',
  'api-c.txt': '水利部召開工作會議\n2022年1月20日，水利部召開工作會議。部黨組書記、部長陳立新主持會議並講話。副部長周強出席會議。',
};
const TOKEN = 'test-token';
let db: Executor;
let yoga: ReturnType<typeof createServer>;

async function gql<T = any>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function ok<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<T> {
  const { data, errors } = await gql<T>(query, variables, headers);
  expect(errors, JSON.stringify(errors?.map((e) => e.extensions?.originalError ?? e.message))).toBeUndefined();
  return data;
}

beforeAll(async () => {
  db = await freshGraph();
  await ensureSchema(db);
  for (const s of fulltextStatements()) await db.write(s);
  await ingestPaths(db, [SEED]);
  for (const [source, text] of Object.entries(FIXTURES)) await loadExtraction(db, extractText(source, text));
  // Development mode: an unexpected error shows its cause here (masking is tested in api.int.test.ts).
  yoga = createServer({ executor: db, apiToken: TOKEN, cors: ['http://dashboard.test'], maskErrors: false });
});
afterAll(() => db.close());

describe('search', () => {
  const SEARCH = `query($text: String!, $kinds: [SearchKind!], $first: Int) {
    search(text: $text, kinds: $kinds, first: $first) { kind score snippet node { __typename ... on Person { name } ... on Organization { name } ... on Meeting { name } ... on Bulletin { key } } }
  }`;

  it('finds 2- and 3-character names first, as themselves, and the bulletins that name them', async () => {
    const { search } = await ok(SEARCH, { text: '苗圩' });
    expect(search[0]).toMatchObject({ kind: 'PERSON', snippet: '<mark>苗圩</mark>', node: { __typename: 'Person', name: '苗圩' } });
    expect(search.map((h: any) => h.kind)).toContain('BULLETIN');
    const bulletin = search.find((h: any) => h.kind === 'BULLETIN');
    expect(bulletin.snippet).toContain('<mark>苗圩</mark>同志作动员讲话');
    expect(bulletin.node.key).toBe('000_0e1c59be9f5b0e63');
    const three = await ok(SEARCH, { text: '范小建', kinds: ['PERSON'] });
    expect(three.search).toEqual([expect.objectContaining({ kind: 'PERSON', node: { __typename: 'Person', name: '范小建' } })]);
  });

  it('matches substrings, traditional input and aliases', async () => {
    expect((await ok(SEARCH, { text: '小建', kinds: ['PERSON'] })).search[0].node.name).toBe('范小建');
    expect((await ok(SEARCH, { text: '範小建', kinds: ['PERSON'] })).search[0].node.name).toBe('范小建');
    const alias = await ok(SEARCH, { text: '工信部', kinds: ['ORGANIZATION'] });
    expect(alias.search[0]).toMatchObject({ node: { name: '工业和信息化部' }, snippet: '<mark>工业和信息化部</mark>' });
    const meeting = await ok(SEARCH, { text: '務虛會', kinds: ['MEETING'] });
    expect(meeting.search.map((h: any) => h.node.name)).toEqual(['务虚会']);
  });

  it('requires every term, and ranks within the limit', async () => {
    const both = await ok(SEARCH, { text: '王建平 务虚会', kinds: ['BULLETIN'] });
    expect(both.search.map((h: any) => h.node.key)).toEqual(['api-b']);
    const one = await ok(SEARCH, { text: '部长', first: 1 });
    expect(one.search).toHaveLength(1);
  });

  it('treats Lucene syntax in the input as text', async () => {
    for (const text of ['"(苗圩', 'a AND b', '*', '苗圩~2', 'title:x', '\\']) {
      const { errors } = await gql(SEARCH, { text });
      expect(errors, text).toBeUndefined();
    }
    expect((await ok(SEARCH, { text: '   ' })).search).toEqual([]);
  });
});

describe('time', () => {
  const HOLDERS = `query($title: String!, $org: String!, $at: Date) { postHolders(title: $title, organization: $org, at: $at) { person { name } title organization { name } firstSeen lastSeen evidence { sentence } } }`;

  it('postHolders: who held a post on a day, by name or alias', async () => {
    const on = await ok(HOLDERS, { title: '部长', org: '交通运输部', at: '2020-06-01' });
    expect(on.postHolders).toEqual([
      expect.objectContaining({ person: { name: '王建平' }, title: '部长', organization: { name: '交通运输部' }, firstSeen: '2020-05-10', lastSeen: '2021-03-15' }),
    ]);
    expect(on.postHolders[0].evidence.map((e: any) => e.sentence)).toContain('部党组书记、部长王建平主持会议并讲话。');
    expect((await ok(HOLDERS, { title: '部长', org: '交通运输部', at: '2019-12-31' })).postHolders).toEqual([]);
    expect((await ok(HOLDERS, { title: '部长', org: '交通运输部', at: '2021-03-16' })).postHolders).toEqual([]);
    expect((await ok(HOLDERS, { title: '部長', org: '工信部' })).postHolders.map((h: any) => h.person.name)).toEqual(['苗圩']);
  });

  it('Person.timeline: posts and meetings in date order, exactly one of the two set', async () => {
    const { person } = await ok(`{ person(name: "王建平") { timeline { date tenure { title } participation { as meeting { kind } } } } }`);
    expect(person.timeline).toEqual([
      { date: '2020-05-10', tenure: { title: '党组书记' }, participation: null },
      { date: '2020-05-10', tenure: { title: '部长' }, participation: null },
      { date: '2020-05-10', tenure: null, participation: { as: 'chair', meeting: { kind: '干部大会' } } },
      { date: '2021-03-15', tenure: null, participation: { as: 'chair', meeting: { kind: '务虚会' } } },
    ]);
  });
});

describe('network', () => {
  it('Person.coAttendees: most shared meetings first, then latest', async () => {
    const { person } = await ok(`{ person(name: "王建平") { coAttendees { person { name } count lastDate meetings { kind date } } } }`);
    expect(person.coAttendees).toEqual([
      { person: { name: '李明' }, count: 2, lastDate: '2021-03-15', meetings: [{ kind: '务虚会', date: '2021-03-15' }, { kind: '干部大会', date: '2020-05-10' }] },
      { person: { name: '周强' }, count: 1, lastDate: '2021-03-15', meetings: [{ kind: '务虚会', date: '2021-03-15' }] },
      { person: { name: '赵红' }, count: 1, lastDate: '2020-05-10', meetings: [{ kind: '干部大会', date: '2020-05-10' }] },
    ]);
    // Without the meetings, from the pairs' counts kept at load time: the same answer.
    const counted = await ok(`{ person(name: "王建平") { coAttendees { person { name } count lastDate } } }`);
    expect(counted.person.coAttendees).toEqual(person.coAttendees.map(({ meetings: _, ...rest }: any) => rest));
    const first = await ok(`{ person(name: "王建平") { coAttendees(first: 1) { person { name } } } }`);
    expect(first.person.coAttendees).toEqual([{ person: { name: '李明' } }]);
  });

  it('connection: shortest paths through meetings and posts, within maxHops', async () => {
    const PATH = `query($from: String!, $to: String!, $hops: Int) { connection(from: $from, to: $to, maxHops: $hops) { length relationships nodes { __typename ... on Person { name } ... on Meeting { kind } } } }`;
    const near = await ok(PATH, { from: '李明', to: '周强' });
    expect(near.connection).toEqual([
      { length: 2, relationships: ['ATTENDED', 'ATTENDED'], nodes: [{ __typename: 'Person', name: '李明' }, { __typename: 'Meeting', kind: '务虚会' }, { __typename: 'Person', name: '周强' }] },
    ]);
    expect((await ok(PATH, { from: '赵红', to: '陳立新' })).connection).toEqual([]);
    const far = await ok(PATH, { from: '赵红', to: '陈立新', hops: 6 });
    expect(far.connection.length).toBeGreaterThan(0);
    expect(far.connection.every((p: any) => p.length === 6 && p.nodes.length === 7 && p.relationships.length === 6)).toBe(true);
    const people = far.connection.map((p: any) => p.nodes.filter((n: any) => n.__typename === 'Person').map((n: any) => n.name).join(' '));
    expect(people).toContain('赵红 王建平 周强 陈立新');
    const bad = await gql(PATH, { from: '赵红', to: '陈立新', hops: 7 });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('dashboards', () => {
  it('stats over a date range', async () => {
    const { stats } = await ok(`{ stats(from: "2020-01-01", to: "2021-12-31") {
      meetingsByMonth { key count } meetingsByOrganizer { key count } meetingsByKind { key count }
      topAttendees(first: 2) { person { name } count } activeOrganizations { organization { name } count } directivesByKind { key count } } }`);
    expect(stats).toEqual({
      meetingsByMonth: [{ key: '2020-05', count: 1 }, { key: '2021-03', count: 1 }],
      meetingsByOrganizer: [{ key: '交通运输部', count: 2 }],
      meetingsByKind: [{ key: '务虚会', count: 1 }, { key: '干部大会', count: 1 }], // ties by key
      topAttendees: [{ person: { name: '李明' }, count: 2 }, { person: { name: '王建平' }, count: 2 }],
      activeOrganizations: [{ organization: { name: '交通运输部' }, count: 2 }],
      directivesByKind: [{ key: '强调', count: 1 }, { key: '指出', count: 1 }],
    });
    const all = await ok(`{ stats { meetingsByMonth { key count } meetingsByOrganizer(first: 1) { key } } }`);
    expect(all.stats.meetingsByMonth.map((b: any) => b.key)).toEqual(['2019-06', '2020-05', '2021-03', '2022-01']);
    expect(all.stats.meetingsByOrganizer).toEqual([{ key: '交通运输部' }]);
    // Bounds inside a month count that month's meetings in range only.
    const cut = async (from: string, to: string) => (await ok(`query($from: Date, $to: Date) { stats(from: $from, to: $to) { meetingsByMonth { key count } } }`, { from, to })).stats.meetingsByMonth;
    expect(await cut('2020-05-11', '2022-01-20')).toEqual([{ key: '2021-03', count: 1 }, { key: '2022-01', count: 1 }]);
    expect(await cut('2020-05-10', '2022-01-19')).toEqual([{ key: '2020-05', count: 1 }, { key: '2021-03', count: 1 }]);
    expect(await cut('2021-03-01', '2021-03-31')).toEqual([{ key: '2021-03', count: 1 }]);
  });
});

describe('lists: filters and orders', () => {
  const names = (conn: any) => conn.edges.map((e: any) => e.node.name ?? e.node.kind);

  it('people by number of meetings, by post and organization, by role', async () => {
    const data = await ok(`{
      busiest: people(first: 2, orderBy: MEETINGS) { edges { node { name } } }
      ministers: people(title: "部长", organization: "交通运输部") { totalCount edges { node { name } } }
      chairs: people(role: chair) { edges { node { name } } }
      campaign: people(campaign: "“不忘初心、牢记使命”主题教育") { edges { node { name } } }
    }`);
    // 周强, 李明 and 王建平 attended two meetings each: by name.
    expect(names(data.busiest)).toEqual(['周强', '李明']);
    expect(data.ministers).toEqual({ totalCount: 1, edges: [{ node: { name: '王建平' } }] });
    expect(names(data.chairs).sort()).toEqual(['王建平', '陈立新'].sort());
    expect(names(data.campaign).sort()).toEqual(['范小建', '苗圩'].sort());
  });

  it('meetings by date either way, by attendee and role, by campaign; stable pages', async () => {
    const data = await ok(`{
      asc: meetings(orderBy: DATE_ASC) { edges { node { date } } }
      desc: meetings { edges { node { date } } }
      spoke: meetings(attendee: "李明", as: speaker) { edges { node { kind } } }
      attended: meetings(attendee: "李明") { totalCount }
      campaign: meetings(campaign: "“不忘初心、牢记使命”主题教育") { totalCount }
      byName: meetings(orderBy: NAME, first: 2) { pageInfo { endCursor } edges { node { name } } }
    }`);
    expect(data.asc.edges.map((e: any) => e.node.date)).toEqual(['2019-06-06', '2020-05-10', '2021-03-15', '2022-01-20']);
    expect(data.desc.edges.map((e: any) => e.node.date)).toEqual(['2022-01-20', '2021-03-15', '2020-05-10', '2019-06-06']);
    expect(names(data.spoke)).toEqual(['务虚会']);
    expect(data.attended.totalCount).toBe(2);
    expect(data.campaign.totalCount).toBe(1);
    const rest = await ok(`query($after: String) { meetings(orderBy: NAME, first: 2, after: $after) { edges { node { name } } } }`, { after: data.byName.pageInfo.endCursor });
    const all = [...names(data.byName), ...names(rest.meetings)];
    expect(all).toEqual([...all].sort());
    expect(new Set(all).size).toBe(4);
    const end = await ok(`{ meetings(first: 4) { pageInfo { endCursor } } }`);
    const past = await ok(`query($after: String) { meetings(first: 2, after: $after) { totalCount edges { node { name } } pageInfo { hasNextPage } } }`, {
      after: end.meetings.pageInfo.endCursor,
    });
    expect(past.meetings).toEqual({ totalCount: 4, edges: [], pageInfo: { hasNextPage: false } });
  });

  it('tells whether another page follows, for pages of 0 nodes too', async () => {
    const data = await ok(`{
      three: meetings(first: 3) { pageInfo { hasNextPage } edges { node { date attendees { person { name posts { title } } } } } }
      four: meetings(first: 4) { pageInfo { hasNextPage } edges { node { date } } }
      none: meetings(first: 0) { totalCount pageInfo { hasNextPage } edges { node { date } } }
      noneOf: meetings(first: 0, kind: "务虚会") { pageInfo { hasNextPage } }
      missing: meetings(first: 0, kind: "没有这种会") { pageInfo { hasNextPage } }
    }`);
    expect(data.three.pageInfo.hasNextPage).toBe(true);
    expect(data.three.edges.map((e: any) => e.node.date)).toEqual(['2022-01-20', '2021-03-15', '2020-05-10']);
    expect(data.four.pageInfo.hasNextPage).toBe(false);
    expect(data.four.edges).toHaveLength(4);
    expect(data.none).toEqual({ totalCount: 4, pageInfo: { hasNextPage: true }, edges: [] });
    expect(data.noneOf.pageInfo.hasNextPage).toBe(true);
    expect(data.missing.pageInfo.hasNextPage).toBe(false);
  });
});

describe('provenance', () => {
  it('gives evidence for directives, organizers and tenures, and highlights it in the bulletin', async () => {
    const { meetings } = await ok(`{ meetings(attendee: "赵红") { edges { node {
      organizerEvidence { sentence } directives { kind evidence { start end sentence bulletin { key } } }
      sources { key } } } } }`);
    const node = meetings.edges[0].node;
    expect(node.organizerEvidence[0].sentence).toContain('交通运输部召开干部大会');
    const ev = node.directives[0].evidence[0];
    expect(ev.sentence).toMatch(/^会议强调/);
    expect(ev.bulletin.key).toBe('api-a');
    const { bulletin } = await ok(`query($spans: [SpanInput!]) { bulletin(key: "api-a") { highlighted(spans: $spans) } }`, { spans: [{ start: ev.start, end: ev.end }] });
    expect(bulletin.highlighted).toContain(`<mark>${ev.sentence}</mark>`);
    expect((await ok(`{ bulletin(key: "api-a") { text highlighted } }`)).bulletin.highlighted).toBe(
      (await ok(`{ bulletin(key: "api-a") { text } }`)).bulletin.text,
    );
  });
});

describe('mutations', () => {
  const INGEST = `mutation($input: IngestBulletinInput!) { ingestBulletin(input: $input) {
    __typename
    ... on MutationIngestBulletinSuccess { data { outcome meetings people directives campaigns bulletin { key meetings { kind attendees { person { name } } } } } }
    ... on BulletinInputError { source reason message }
    ... on UnauthorizedError { message } } }`;
  const DELETE = `mutation($key: String!) { deleteBulletin(key: $key) { __typename ... on MutationDeleteBulletinSuccess { data { key deleted } } ... on UnauthorizedError { message } } }`;
  const AUTH = { authorization: `Bearer ${TOKEN}` };
  const INPUT = { source: 'api-d.txt', text: '商务部召开干部大会\n2023年2月1日，商务部召开干部大会。部党组书记、部长钱立国主持会议。部领导孙晓出席会议。' };

  it('refuses without the token, as a typed error, and writes nothing', async () => {
    const before = db.queryCount;
    const { ingestBulletin } = await ok(INGEST, { input: INPUT });
    expect(ingestBulletin.__typename).toBe('UnauthorizedError');
    expect((await ok(DELETE, { key: 'api-a' }, { authorization: 'Bearer wrong' })).deleteBulletin.__typename).toBe('UnauthorizedError');
    expect(db.queryCount).toBe(before);
  });

  it('ingests text and returns what was extracted; the same again is unchanged', async () => {
    const { ingestBulletin } = await ok(INGEST, { input: INPUT }, AUTH);
    expect(ingestBulletin).toEqual({
      __typename: 'MutationIngestBulletinSuccess',
      data: { outcome: 'CREATED', meetings: 1, people: 2, directives: 0, campaigns: 0, bulletin: { key: 'api-d', meetings: [{ kind: '干部大会', attendees: [{ person: { name: '钱立国' } }, { person: { name: '孙晓' } }] }] } },
    });
    expect((await ok(INGEST, { input: INPUT }, AUTH)).ingestBulletin.data.outcome).toBe('UNCHANGED');
  });

  it('returns BulletinInputError for what is not a bulletin', async () => {
    const english = await ok(INGEST, { input: { source: 'en.txt', text: 'The ministry held a meeting on Monday to discuss the plan.' } }, AUTH);
    expect(english.ingestBulletin).toMatchObject({ __typename: 'BulletinInputError', source: 'en.txt', reason: expect.stringMatching(/not Chinese/) });
    const empty = await ok(INGEST, { input: { source: ' ', text: 'x' } }, AUTH);
    expect(empty.ingestBulletin.__typename).toBe('BulletinInputError');
    const bad = await gql(INGEST, { input: { source: 'x.txt', text: '…', publishedAt: '2023-13-45' } }, AUTH);
    expect(bad.errors?.[0]?.message).toMatch(/Date/);
    expect(JSON.stringify(bad)).not.toMatch(/\.ts:\d+/);
  });

  it('deletes a bulletin with the facts and people only it evidences', async () => {
    const { deleteBulletin } = await ok(DELETE, { key: 'api-d' }, AUTH);
    expect(deleteBulletin).toEqual({ __typename: 'MutationDeleteBulletinSuccess', data: { key: 'api-d', deleted: true } });
    const gone = await ok(`{ person(name: "钱立国") { name } organization(name: "商务部") { name } search(text: "钱立国") { kind } }`);
    expect(gone).toEqual({ person: null, organization: null, search: [] });
    expect((await ok(DELETE, { key: 'api-d' }, AUTH)).deleteBulletin.data.deleted).toBe(false);
    expect((await ok(`{ person(name: "王建平") { name } }`)).person).toEqual({ name: '王建平' });
  });
});

describe('entry points that are not planned', () => {
  it('node(id) loads its relations in batches', async () => {
    const { person } = await ok(`{ person(name: "王建平") { id } }`);
    const { node } = await ok(`query($id: ID!) { node(id: $id) { ... on Person { name posts { title organization { name } } coAttendees(first: 1) { person { name } } } } }`, { id: person.id });
    expect(node).toEqual({ name: '王建平', posts: [{ title: '党组书记', organization: { name: '交通运输部党组' } }, { title: '部长', organization: { name: '交通运输部' } }], coAttendees: [{ person: { name: '李明' } }] });
  });
});

describe('server', () => {
  it('answers CORS preflights for the configured origins', async () => {
    const res = await yoga.fetch('http://localhost/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'http://dashboard.test', 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://dashboard.test');
  });
});
