// The derived structure (months of meetings, co-attendance; src/neo4j/cypher/derived.ts) stays
// exactly what the facts say through batches, meetings reported by several bulletins, replaced
// and deleted bulletins, and is rebuilt whole for a graph loaded without it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteBulletin, ensureSchema, loadBatch } from '../src/ingest/stages/load.ts';
import type { ExtractionResult } from '../src/ingest/types.ts';
import type { Executor } from '../src/neo4j/executor.ts';
import { freshGraph } from './helpers/graph.ts';

let db: Executor;
beforeAll(async () => {
  db = await freshGraph();
  await ensureSchema(db);
});
afterAll(() => db.close());

const EV = { sentence: '', start: 0, end: 1 };
const MEETINGS: Record<string, string | null> = {
  m1: '2020-05-10',
  m2: '2020-05-20',
  m3: '2020-06-01',
  m4: '2021-01-31',
  m5: null,
  m6: '2021-02-01',
};
const PEOPLE = ['甲一', '乙二', '丙三', '丁四', '戊五', '己六', '庚七'];

/** A bulletin `key` (content version `v`) reporting `attendance`: meeting key → the people at it. */
function bulletin(key: string, v: number, attendance: Record<string, string[]>): ExtractionResult {
  const people = [...new Set(Object.values(attendance).flat())];
  return {
    bulletin: { key, source: `${key}.txt`, title: key, publishedAt: null, contentHash: `${key}-${v}`, extractorVersion: 1, text: key, originalText: key },
    warnings: [],
    meetings: Object.keys(attendance).map((m) => ({
      key: m, name: `会议${m}`, kind: '会议', date: MEETINGS[m]!, dateEnd: null, organizer: null, form: null,
      attendance: { count: null, approximate: false, mainVenue: false, branchVenues: false }, campaign: null, evidence: EV, confidence: 0.9,
    })),
    people: people.map((name) => ({
      name, posts: [], mentioned: false, mentions: [EV], confidence: 0.9,
      participation: Object.entries(attendance).filter(([, who]) => who.includes(name)).map(([meeting]) => ({ meeting, as: 'attendee' as const, evidence: EV, confidence: 0.9 })),
    })),
    organizations: [],
    directives: [],
    campaigns: [],
  };
}

const rows = async (cypher: string) => (await db.read<{ row: string }>({ cypher, params: {} })).map((r) => r.row);

/** Derived and recomputed-from-facts, side by side. */
async function state() {
  return {
    pairs: await rows(`MATCH (a:Person)-[c:CO_ATTENDED]->(b:Person) RETURN a.name + '|' + b.name + '|' + c.count + '|' + coalesce(toString(c.last), '-') AS row ORDER BY row`),
    expectedPairs: await rows(`MATCH (a:Person)-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(b:Person) WHERE a.name < b.name
      WITH a, b, count(*) AS n, max(m.date) AS last RETURN a.name + '|' + b.name + '|' + n + '|' + coalesce(toString(last), '-') AS row ORDER BY row`),
    months: await rows(`MATCH (mo:Month) RETURN mo.key + ':' + COUNT { (mo)<-[:IN_MONTH]-() } AS row ORDER BY row`),
    expectedMonths: await rows(`MATCH (m:Meeting) WHERE m.date IS NOT NULL WITH left(toString(m.date), 7) AS month, count(*) AS n RETURN month + ':' + n AS row ORDER BY row`),
    wrongLinks: await rows(`MATCH (m:Meeting) WHERE COUNT { (m)-[:IN_MONTH]->() } <> CASE WHEN m.date IS NULL THEN 0 ELSE 1 END
      OR EXISTS { (m)-[:IN_MONTH]->(mo) WHERE mo.key <> left(toString(m.date), 7) } RETURN m.key AS row`),
  };
}

async function expectExact() {
  const s = await state();
  expect(s.pairs).toEqual(s.expectedPairs);
  expect(s.months).toEqual(s.expectedMonths);
  expect(s.wrongLinks).toEqual([]);
  return s;
}

describe('derived structure', () => {
  it('counts pairs once per shared meeting, across bulletins of the same meeting and batches', async () => {
    await loadBatch(db, [bulletin('b1', 1, { m1: ['甲一', '乙二', '丙三'] }), bulletin('b2', 1, { m1: ['乙二', '丁四'], m2: ['甲一', '丁四'] })]);
    await loadBatch(db, [bulletin('b3', 1, { m4: ['甲一', '乙二'], m5: ['甲一', '乙二'] })]);
    const s = await expectExact();
    expect(s.pairs).toContain('乙二|甲一|3|2021-01-31');
    expect(s.pairs).toContain('丁四|甲一|2|2020-05-20');
    expect(s.months).toEqual(['2020-05:2', '2021-01:1']);
  });

  it('stays exact when a bulletin is replaced or deleted', async () => {
    // b2 changed: 丁四 no longer at m1, m2 gone, m3 new.
    expect(await loadBatch(db, [bulletin('b2', 2, { m1: ['乙二'], m3: ['丁四', '丙三'] })])).toEqual(['replaced']);
    let s = await expectExact();
    expect(s.pairs).not.toContain('丁四|甲一|2|2020-05-20');
    expect(s.months).toEqual(['2020-05:1', '2020-06:1', '2021-01:1']);
    // m1 stays (b2 reports it) but 甲一 and 丙三 were there by b1 only.
    expect(await deleteBulletin(db, 'b1')).toBe(true);
    s = await expectExact();
    expect(s.pairs).toEqual(['丁四|丙三|1|2020-06-01', '乙二|甲一|2|2021-01-31']);
    for (const key of ['b2', 'b3']) await deleteBulletin(db, key);
    s = await expectExact();
    expect([...s.pairs, ...s.months]).toEqual([]);
  });

  it('stays exact through random batches, replacements and deletions', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    const pick = <T>(xs: T[], n: number) => [...xs].sort(() => random() - 0.5).slice(0, n);
    const version = new Map<string, number>();
    const make = (key: string) => {
      version.set(key, (version.get(key) ?? 0) + 1);
      const attendance: Record<string, string[]> = {};
      for (const m of pick(Object.keys(MEETINGS), 1 + Math.floor(random() * 2))) attendance[m] = pick(PEOPLE, 1 + Math.floor(random() * 4));
      return bulletin(key, version.get(key)!, attendance);
    };
    const keys = Array.from({ length: 14 }, (_, i) => `r${i}`);
    for (let step = 0; step < 12; step++) {
      const batch = pick(keys, 1 + Math.floor(random() * 4));
      await loadBatch(db, batch.map(make));
      await expectExact();
      if (step % 3 === 2) {
        await deleteBulletin(db, pick(keys, 1)[0]!);
        await expectExact();
      }
    }
    expect((await state()).pairs.length).toBeGreaterThan(3);
  });

  it('is rebuilt whole for a graph loaded before it', async () => {
    const before = await expectExact();
    await db.write({ cypher: 'MATCH ()-[c:CO_ATTENDED]->() DELETE c', params: {} });
    await db.write({ cypher: 'MATCH (mo:Month) DETACH DELETE mo', params: {} });
    await ensureSchema(db);
    expect(await expectExact()).toEqual(before);
  });
});
