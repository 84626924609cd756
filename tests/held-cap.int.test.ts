// A post named in many bulletins: HELD keeps a count, the first and last day and a capped set of
// evidence, the same whatever the write order, and stays exact as bulletins are replaced or removed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../src/ingest/ingest.ts';
import { deleteBulletin, ensureSchema } from '../src/ingest/stages/load.ts';
import { HELD_EVIDENCE_CAP } from '../src/neo4j/cypher/bulletin.ts';
import type { Executor } from '../src/neo4j/executor.ts';
import { clearGraph, freshGraph, graphDigest } from './helpers/graph.ts';
import { readFileSync } from 'node:fs';

let db: Executor;
const N = HELD_EVIDENCE_CAP + 6;
const dir = mkdtempSync(join(tmpdir(), 'bg-held-'));
// Our own bulletins: the same minister chairs a meeting on N different days of 2021.
const files = Array.from({ length: N }, (_, i) => {
  const day = new Date(Date.UTC(2021, 0, 1 + i * 3)).toISOString().slice(0, 10);
  const [y, m, d] = day.split('-').map(Number);
  const file = join(dir, `b${String(i).padStart(3, '0')}.txt`);
  writeFileSync(file, `交通运输部召开党组会议\n${y}年${m}月${d}日，交通运输部召开党组会议。部党组书记、部长郑立新主持会议，部党组成员、副部长何文远出席会议。`);
  return { file, key: `b${String(i).padStart(3, '0')}`, day };
});

const held = async () => {
  const rows = await db.read<{ support: number; first: string; last: string; evidence: string[]; sources: string[] }>({
    cypher: `MATCH (:Person {name: '郑立新'})-[r:HELD]->(:Post {key: '部长@交通运输部'})
             RETURN r.support AS support, toString(r.firstSeen) AS first, toString(r.lastSeen) AS last, r.evidence AS evidence, r.sources AS sources`,
    params: {},
  });
  return rows[0];
};

beforeAll(async () => {
  db = await freshGraph();
  await ensureSchema(db);
});
afterAll(() => db.close());

describe('a post evidenced by many bulletins', () => {
  it('counts every bulletin but keeps only the smallest keys as evidence', async () => {
    const summary = await ingestPaths(db, files.map((f) => f.file), { batchSize: 7 });
    expect(summary.ingested).toBe(N);
    const h = (await held())!;
    expect(h.support).toBe(N);
    expect([h.first, h.last]).toEqual([files[0]!.day, files[N - 1]!.day]);
    expect([...h.sources].sort()).toEqual(files.slice(0, HELD_EVIDENCE_CAP).map((f) => f.key));
    expect(h.evidence).toHaveLength(HELD_EVIDENCE_CAP);
    expect(h.evidence.every((e) => /^b\d{3}:\d+:\d+$/.test(e))).toBe(true);
  });

  it('gives the same graph in any write order', async () => {
    const forward = await graphDigest(db);
    await clearGraph(db);
    await ingestPaths(db, [...files].reverse().map((f) => f.file), { batchSize: 5 });
    expect(await graphDigest(db)).toEqual(forward);
  });

  it('recomputes support, days and evidence when bulletins go', async () => {
    // The first bulletin (earliest day, smallest key) and the last (latest day) go.
    expect(await deleteBulletin(db, files[0]!.key)).toBe(true);
    expect(await deleteBulletin(db, files[N - 1]!.key)).toBe(true);
    const h = (await held())!;
    expect(h.support).toBe(N - 2);
    expect([h.first, h.last]).toEqual([files[1]!.day, files[N - 2]!.day]);
    // The evidence refills from the bulletins that were over the cap.
    expect([...h.sources].sort()).toEqual(files.slice(1, 1 + HELD_EVIDENCE_CAP).map((f) => f.key));
    expect(h.evidence.some((e) => e.startsWith(`${files[0]!.key}:`))).toBe(false);
    // One neither kept nor on the first or last day: only the count changes.
    expect(await deleteBulletin(db, files[N - 3]!.key)).toBe(true);
    expect(await held()).toEqual({ ...h, support: N - 3 });
  });

  it('takes the relationship and the post away with the last bulletin', async () => {
    for (const f of files.slice(1, N - 1)) await deleteBulletin(db, f.key); // N - 3 is gone already: false
    expect(await held()).toBeUndefined();
    const [row] = await db.read<{ posts: number; nodes: number }>({
      cypher: 'RETURN count { MATCH (n) RETURN n } AS nodes, count { MATCH (p:Post) RETURN p } AS posts',
      params: {},
    });
    expect(row).toEqual({ nodes: 0, posts: 0 });
  });
});

describe('a graph written before HELD was capped', () => {
  it('gets the records moved to the bulletins, and replacing a bulletin then leaves no old evidence', async () => {
    await clearGraph(db);
    await ingestPaths(db, files.slice(0, 5).map((f) => f.file));
    const current = await graphDigest(db);
    // The older form: every day seen on HELD, no count, nothing on the bulletins' side.
    await db.write({
      cypher: `MATCH (p:Person)-[r:HELD]->(post:Post)
               SET r.seen = COLLECT { MATCH (p)-[mi:MENTIONED_IN]->(b:Bulletin) UNWIND coalesce(mi.held, []) AS h
                                      WITH b, split(h, '|') AS f WHERE f[0] = post.key AND f[1] <> '' RETURN DISTINCT b.key + '|' + f[1] }
               REMOVE r.support`,
      params: {},
    });
    await db.write({ cypher: 'MATCH (:Person)-[mi:MENTIONED_IN]->() REMOVE mi.held', params: {} });
    expect(await graphDigest(db)).not.toEqual(current);
    await ensureSchema(db);
    expect(await graphDigest(db)).toEqual(current);
    // The same file name with a later day: one span of it on HELD, not the old one beside it.
    writeFileSync(files[0]!.file, readFileSync(files[0]!.file, 'utf8').replace('2021年1月1日', '2021年1月2日'));
    await ingestPaths(db, [files[0]!.file]);
    const h = (await held())!;
    expect(h.support).toBe(5);
    expect(h.first).toBe('2021-01-02');
    expect(h.evidence.filter((e) => e.startsWith(`${files[0]!.key}:`))).toHaveLength(1);
  });
});
