// How the API loads: round trips depend on a query's depth, not on how many results it has
// (planned, and level by level), and a hostile query is refused before it reaches Neo4j.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../src/ingest/pipeline.ts';
import { ensureSchema, loadExtraction } from '../src/ingest/stages/load.ts';
import type { Executor } from '../src/neo4j/executor.ts';
import { fulltextStatements } from '../src/neo4j/fulltext.ts';
import { createServer } from '../src/server/yoga.ts';
import { freshGraph } from './helpers/graph.ts';
import { syntheticBulletin } from './helpers/synthetic-bulletins.ts';

let db: Executor;

async function gql(yoga: ReturnType<typeof createServer>, query: string, variables?: Record<string, unknown>) {
  const res = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** The response and how many Cypher statements it took. */
async function counted(yoga: ReturnType<typeof createServer>, query: string, variables?: Record<string, unknown>) {
  const before = db.queryCount;
  const result = await gql(yoga, query, variables);
  return { ...result, queries: db.queryCount - before };
}

beforeAll(async () => {
  db = await freshGraph();
  await ensureSchema(db);
  for (const s of fulltextStatements()) await db.write(s);
  for (let i = 0; i < 100; i++) {
    const b = syntheticBulletin(i);
    await loadExtraction(db, extractText(b.source, b.text));
  }
}, 300_000);
afterAll(() => db.close());

// Three levels below the list: meeting → attendees → person → posts (→ organization).
const THREE_LEVELS = `query($n: Int!) {
  meetings(first: $n, orderBy: DATE_ASC) {
    edges { node { name date attendees { as person { name posts { title organization { name } } } } } }
  }
}`;

describe('no N+1', () => {
  for (const plan of [true, false]) {
    it(`runs as many queries for 100 meetings as for 1 (${plan ? 'planned: one Cypher per root field' : 'level by level'})`, async () => {
      const yoga = createServer({ executor: db, plan });
      const one = await counted(yoga, THREE_LEVELS, { n: 1 });
      const hundred = await counted(yoga, THREE_LEVELS, { n: 100 });
      expect(one.errors).toBeUndefined();
      expect(hundred.errors).toBeUndefined();
      expect(one.data.meetings.edges).toHaveLength(1);
      expect(hundred.data.meetings.edges).toHaveLength(100);
      expect(hundred.data.meetings.edges.flatMap((e: any) => e.node.attendees)).toHaveLength(300);
      expect(hundred.queries).toBe(one.queries);
      // Planned: the whole operation is one statement; level by level: one per level (meetings,
      // attendees, people, posts, organizations).
      expect(one.queries).toBe(plan ? 1 : 5);
    });
  }

  it('gives the same answer planned and level by level', async () => {
    const planned = await gql(createServer({ executor: db, plan: true }), THREE_LEVELS, { n: 100 });
    const levels = await gql(createServer({ executor: db, plan: false }), THREE_LEVELS, { n: 100 });
    expect(planned).toEqual(levels);
  });

  it('gives the same answer where a page shares node subtrees (aliases, arguments, to-one relations, nesting)', async () => {
    const SHARED = `{
      meetings(first: 30, orderBy: NAME) { edges { node { name
        organizer { name meetings { name } }
        chairs: attendees(as: chair) { person { name posts { title } } }
        attendees { as person { name meetings { meeting { name } } posts { title organization { name units { name } } } } }
      } } }
      people(first: 10) { edges { node { name meetings { as meeting { name organizer { name } attendees { person { name posts { title } } } } } } } }
    }`;
    const read = db.read.bind(db);
    const statements: string[] = [];
    db.read = (query) => (statements.push(query.cypher), read(query));
    const planned = await counted(createServer({ executor: db, plan: true }), SHARED).finally(() => (db.read = read));
    const levels = await gql(createServer({ executor: db, plan: false }), SHARED);
    expect(planned.errors).toBeUndefined();
    expect(planned.queries).toBe(2);
    expect(statements.every((cypher) => cypher.includes('AS shared'))).toBe(true);
    expect(planned.data).toEqual(levels.data);
    // People do come back more than once (else nothing was shared).
    const names = planned.data.meetings.edges.flatMap((e: any) => e.node.attendees.map((a: any) => a.person.name));
    expect(new Set(names).size).toBeLessThan(names.length);
  });

  it('plans search hits by their type, and batches nodes that are looked up by id', async () => {
    const yoga = createServer({ executor: db });
    const HITS = `query($n: Int!) { search(text: "部长", kinds: [BULLETIN], first: $n) { node { ... on Bulletin { meetings { attendees { person { name } } } } } } }`;
    const few = await counted(yoga, HITS, { n: 2 });
    const many = await counted(yoga, HITS, { n: 50 });
    expect(few.errors).toBeUndefined();
    expect(many.data.search).toHaveLength(50);
    expect([few.queries, many.queries]).toEqual([1, 1]);

    const ids = (await gql(yoga, `{ meetings(first: 100) { edges { node { id } } } }`)).data.meetings.edges.map((e: any) => e.node.id);
    const BY_ID = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Meeting { attendees { person { name posts { title } } } } } }`;
    const two = await counted(yoga, BY_ID, { ids: ids.slice(0, 2) });
    const hundred = await counted(yoga, BY_ID, { ids });
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data.nodes.flatMap((n: any) => n.attendees)).toHaveLength(300);
    // The nodes in one batch, then everything below them in one more.
    expect([two.queries, hundred.queries]).toEqual([2, 2]);
  });
});

describe('limits, before the database', () => {
  const yoga = () => createServer({ executor: db });

  async function refused(query: string, code?: string) {
    const result = await counted(yoga(), query);
    expect(result.queries).toBe(0);
    expect(result.data?.person ?? result.data?.meetings ?? null).toBeNull();
    expect(result.errors?.length).toBeGreaterThan(0);
    if (code) expect(result.errors?.[0]?.extensions?.code).toBe(code);
    return result.errors![0]!.message;
  }

  it('refuses a body over the limit, whether its size is declared or it streams in', async () => {
    const small = createServer({ executor: db, maxBodyBytes: 1000 });
    const query = JSON.stringify({ query: `{ person(name: "${'王'.repeat(600)}") { name } }` });
    const post = async (body: BodyInit, headers: Record<string, string> = {}) => {
      const before = db.queryCount;
      const res = await small.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, duplex: 'half' } as RequestInit);
      return { status: res.status, json: (await res.json()) as any, queries: db.queryCount - before };
    };
    const declared = await post(query, { 'content-length': String(Buffer.byteLength(query)) });
    expect(declared.status).toBe(413);
    expect(declared.json.errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    const bytes = new TextEncoder().encode(query);
    const streamed = await post(new ReadableStream({ start: (c) => (c.enqueue(bytes.subarray(0, 900)), c.enqueue(bytes.subarray(900)), c.close()) }));
    expect(streamed.json.errors[0].message).toMatch(/too large/);
    expect(await post(query, { 'content-length': '12, 12' })).toMatchObject({ status: 400 });
    for (const r of [declared, streamed]) expect(r.queries).toBe(0);
    // Under the limit, both ways answer.
    const fine = JSON.stringify({ query: '{ person(name: "王建华") { name } }' });
    expect((await post(fine, { 'content-length': String(Buffer.byteLength(fine)) })).json.errors).toBeUndefined();
    expect((await post(new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(fine)), c.close()) }))).json.errors).toBeUndefined();
  });

  it('refuses deep nesting', async () => {
    let inner = 'name';
    for (let i = 0; i < 8; i++) inner = `meetings { meeting { attendees { person { ${inner} } } } }`;
    const message = await refused(`{ person(name: "王建华") { ${inner} } }`, 'QUERY_TOO_COMPLEX');
    expect(message).toMatch(/depth is \d+, the limit is 12/);
  });

  it('refuses 500 aliases', async () => {
    const cheap = Array.from({ length: 500 }, (_, i) => `a${i}: name`).join(' ');
    expect(await refused(`{ person(name: "王建华") { ${cheap} } }`)).toMatch(/Aliases limit of 30 exceeded, found 500/);
    const lookups = Array.from({ length: 500 }, (_, i) => `a${i}: person(name: "王建华") { name }`).join('\n');
    expect(await refused(`{ ${lookups} }`)).toMatch(/limit/i);
  });

  it('refuses a huge page', async () => {
    await refused(`{ meetings(first: 100000) { edges { node { name } } } }`, 'PAGE_TOO_LARGE');
    await refused(`{ people(first: 101) { totalCount } }`, 'PAGE_TOO_LARGE');
    await refused(`{ search(text: "部长", first: 1000) { score } }`, 'PAGE_TOO_LARGE');
  });

  it('refuses a query whose cost multiplies out', async () => {
    const message = await refused(
      `{ meetings(first: 100) { edges { node { attendees { person { coAttendees(first: 100) { meetings { attendees { person { name } } } } } } } } } }`,
      'QUERY_TOO_COMPLEX',
    );
    expect(message).toMatch(/complexity is \d+, the limit is 25000/);
  });

  it('refuses an oversized document', async () => {
    const fields = Array.from({ length: 5000 }, () => 'name').join(' ');
    const message = await refused(`{ person(name: "王建华") { ${fields} } }`);
    expect(message).toMatch(/Token limit of 4000 exceeded/);
  });

  it('still answers a reasonable dashboard query', async () => {
    const result = await counted(yoga(), `{ meetings(first: 100) { totalCount edges { node { name attendees { person { name posts { title } } } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.meetings.totalCount).toBe(100);
  });
});
