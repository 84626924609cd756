// The GraphQL API over the real Neo4j, through yoga.fetch (no port opened).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../src/neo4j/executor.ts';
import { ingestPaths } from '../src/ingest/ingest.ts';
import { ensureSchema } from '../src/ingest/stages/load.ts';
import { fulltextStatements } from '../src/neo4j/fulltext.ts';
import { EXAMPLES } from '../src/server/examples.ts';
import { createServer } from '../src/server/yoga.ts';
import { freshGraph } from './helpers/graph.ts';

const SEED = new URL('../seeds/000_0e1c59be9f5b0e63.txt', import.meta.url).pathname;
let db: Executor;
let yoga: ReturnType<typeof createServer>;

async function gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const res = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return res.json() as Promise<any>;
}

beforeAll(async () => {
  db = await freshGraph();
  await ensureSchema(db);
  for (const s of fulltextStatements()) await db.write(s);
  await ingestPaths(db, [SEED]);
  yoga = createServer({ executor: db, maskErrors: true });
});
afterAll(() => db.close());

describe('the README\'s first example', () => {
  it('returns 范小建 and 苗圩 attending the 2019-06-06 meeting, with their posts', async () => {
    const { data, errors } = await gql(EXAMPLES[0]!.query);
    expect(errors).toBeUndefined();
    expect(data.meetings.totalCount).toBe(1);
    const meeting = data.meetings.edges[0].node;
    expect(meeting).toMatchObject({ date: '2019-06-06', kind: '动员部署会', form: '电视电话会议', organizer: { name: '工业和信息化部' } });
    const attendees = Object.fromEntries(meeting.attendees.map((a: any) => [a.person.name, a]));
    expect(Object.keys(attendees).sort()).toEqual(['范小建', '苗圩'].sort());
    expect(attendees['范小建'].as).toBe('speaker');
    expect(attendees['范小建'].person.posts).toEqual([{ title: '组长', organization: { name: '中央第22指导组' } }]);
    expect(attendees['苗圩'].person.posts).toContainEqual({ title: '部长', organization: { name: '工业和信息化部' } });
  });

  it('runs every example operation without errors', async () => {
    for (const example of EXAMPLES) {
      const { errors, data } = await gql(example.query, example.variables);
      expect(errors, example.name).toBeUndefined();
      expect(JSON.stringify(data), example.name).not.toBe('{}');
    }
  });
});

describe('relations in both directions', () => {
  it('goes person → meeting → organizer → meetings, and post → holders', async () => {
    const { data } = await gql(`{
      person(name: "范小建") {
        meetings { as meeting { name organizer { name meetings { date } } attendees { person { name } } } }
        directives { kind ordinal meeting { date } speaker { name } }
      }
      organization(name: "工业和信息化部") {
        posts { title holders { person { name } firstSeen lastSeen } }
        units { name parent { name } }
      }
    }`);
    const m = data.person.meetings[0];
    expect(m.as).toBe('speaker');
    expect(m.meeting.organizer.meetings).toEqual([{ date: '2019-06-06' }]);
    expect(m.meeting.attendees.map((a: any) => a.person.name).sort()).toEqual(['范小建', '苗圩'].sort());
    expect(data.person.directives).toEqual([{ kind: '指出', ordinal: 4, meeting: { date: '2019-06-06' }, speaker: { name: '范小建' } }]);
    expect(data.organization.posts).toEqual([{ title: '部长', holders: [{ person: { name: '苗圩' }, firstSeen: '2019-06-06', lastSeen: '2019-06-06' }] }]);
    expect(data.organization.units.map((u: any) => u.parent.name)).toEqual(data.organization.units.map(() => '工业和信息化部'));
  });

  it('gives the meeting its directives, campaign, sources and the evidence sentence', async () => {
    const { data } = await gql(`{
      meetings(first: 5) { edges { node {
        attendance { count approximate mainVenue branchVenues }
        campaign { name meetings { name } }
        directives { ordinal kind items { ordinal text } }
        sources { key title meetings { date } }
        attendees(as: chair) { person { name } }
      } } }
      person(name: "苗圩") { posts { title evidence { sentence start end bulletin { key } } } }
    }`);
    const node = data.meetings.edges[0].node;
    expect(node.attendance).toEqual({ count: 800, approximate: true, mainVenue: true, branchVenues: true });
    expect(node.campaign.name).toBe('“不忘初心、牢记使命”主题教育');
    expect(node.directives.map((d: any) => d.items.length)).toEqual([0, 3, 3, 0]);
    expect(node.sources[0].key).toBe('000_0e1c59be9f5b0e63');
    expect(node.attendees).toEqual([]);
    const ev = data.person.posts[0].evidence[0];
    expect(ev.sentence).toContain('苗圩同志作动员讲话');
    expect(ev.end - ev.start).toBe(ev.sentence.length);
    expect(ev.bulletin.key).toBe('000_0e1c59be9f5b0e63');
  });
});

describe('lookups', () => {
  it('finds a person by traditional name and an organization by alias', async () => {
    const { data } = await gql(`{ a: person(name: "苗圩") { name } b: person(name: "範小建") { name } c: organization(name: "工信部") { name } d: person(name: "无此人") { name } }`);
    expect(data).toEqual({ a: { name: '苗圩' }, b: { name: '范小建' }, c: { name: '工业和信息化部' }, d: null });
  });

  it('looks nodes up by global id', async () => {
    const { data } = await gql(`{ person(name: "苗圩") { id } }`);
    const { data: again } = await gql(`query($id: ID!) { node(id: $id) { __typename ... on Person { name } } }`, { id: data.person.id });
    expect(again.node).toEqual({ __typename: 'Person', name: '苗圩' });
  });

  it('pages people with totalCount and cursors, and refuses pages that are too large', async () => {
    const first = await gql(`{ people(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`);
    expect(first.data.people.totalCount).toBe(3);
    expect(first.data.people.pageInfo.hasNextPage).toBe(true);
    const rest = await gql(`query($after: String) { people(first: 2, after: $after) { edges { node { name } } pageInfo { hasNextPage } } }`, {
      after: first.data.people.pageInfo.endCursor,
    });
    const names = [...first.data.people.edges, ...rest.data.people.edges].map((e: any) => e.node.name);
    expect(new Set(names).size).toBe(3);
    expect(rest.data.people.pageInfo.hasNextPage).toBe(false);
    const tooMany = await gql(`{ people(first: 1000) { edges { node { name } } } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('PAGE_TOO_LARGE');
  });

  it('filters meetings by date range and organizer', async () => {
    const { data } = await gql(`{
      inRange: meetings(from: "2019-06-01", to: "2019-06-30") { totalCount }
      outOfRange: meetings(from: "2020-01-01") { totalCount }
      byOrganizer: meetings(organizer: "工信部") { totalCount }
    }`);
    expect(data).toEqual({ inRange: { totalCount: 1 }, outOfRange: { totalCount: 0 }, byOrganizer: { totalCount: 1 } });
  });
});

describe('the server', () => {
  it('answers /health and /ready', async () => {
    expect((await yoga.fetch('http://localhost/health')).status).toBe(200);
    const ready = await yoga.fetch('http://localhost/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
  });

  it('serves GraphiQL from the package, with the example as default query', async () => {
    const res = await yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('bulletin-graph');
    expect(html).not.toMatch(/<script[^>]+src="https?:\/\//);
    expect(html).not.toMatch(/<link[^>]+href="https?:\/\/[^"]*\.css/);
    expect(html).toContain('MeetingsWithAttendees');
  });

  it('masks unexpected errors', async () => {
    const { errors } = await gql(`{ meetings(from: "not-a-date") { totalCount } }`);
    expect(errors?.[0]?.message).toMatch(/Date/);
    expect(JSON.stringify(errors)).not.toMatch(/at .*\.ts:\d+/);
  });
});
