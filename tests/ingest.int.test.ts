// Loading into the real Neo4j: the seed's graph, idempotence, replacement and bad input.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../src/neo4j/executor.ts';
import { ingestPaths } from '../src/ingest/ingest.ts';
import { ensureSchema } from '../src/ingest/stages/load.ts';
import { freshGraph } from './helpers/graph.ts';

const SEED = new URL('../seeds/000_0e1c59be9f5b0e63.txt', import.meta.url).pathname;
let db: Executor;

const counts = async () => {
  const [row] = await db.read<{ nodes: number; rels: number }>({
    cypher: 'MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS rels',
    params: {},
  });
  return row!;
};

beforeAll(async () => {
  db = await freshGraph();
  await ensureSchema(db);
});
afterAll(() => db.close());

describe('ingesting the seed', () => {
  it('writes the meeting, people, posts and directives as a graph', async () => {
    const summary = await ingestPaths(db, [SEED]);
    expect(summary).toMatchObject({ ingested: 1, failed: 0 });
    const rows = await db.read<{ name: string; as: string; date: string; organizer: string }>({
      cypher: `MATCH (p:Person)-[a:ATTENDED]->(m:Meeting)<-[:CONVENED]-(o:Organization)
               RETURN p.name AS name, a.as AS as, toString(m.date) AS date, o.name AS organizer ORDER BY name`,
      params: {},
    });
    expect(rows).toEqual([
      { name: '苗圩', as: 'speaker', date: '2019-06-06', organizer: '工业和信息化部' },
      { name: '范小建', as: 'speaker', date: '2019-06-06', organizer: '工业和信息化部' },
    ].sort((a, b) => (a.name < b.name ? -1 : 1)));
    const [held] = await db.read<{ posts: string[] }>({
      cypher: `MATCH (:Person {name: '苗圩'})-[h:HELD]->(p:Post)-[:OF]->(o:Organization)
               RETURN collect(p.title + '@' + o.name) AS posts`,
      params: {},
    });
    expect(held!.posts.sort()).toEqual(['党组书记@工业和信息化部党组', '部长@工业和信息化部', '组长@工业和信息化部“不忘初心、牢记使命”主题教育工作领导小组'].sort());
    const [xi] = await db.read<{ attended: number; mentioned: number }>({
      cypher: `MATCH (p:Person {name: '习近平'}) RETURN size([(p)-[:ATTENDED]->() | 1]) AS attended, size([(p)-[:MENTIONED_IN]->(:Bulletin) | 1]) AS mentioned`,
      params: {},
    });
    expect(xi).toEqual({ attended: 0, mentioned: 1 });
    const [d] = await db.read<{ speaker: string; items: string[] }>({
      cypher: `MATCH (p:Person)-[:GAVE]->(d:Directive)<-[:ISSUED]-(:Meeting) RETURN p.name AS speaker, d.items AS items`,
      params: {},
    });
    expect(d!.speaker).toBe('范小建');
  });

  it('keeps evidence that points at the source sentence', async () => {
    const [row] = await db.read<{ evidence: string[]; text: string }>({
      cypher: `MATCH (:Person {name: '范小建'})-[a:ATTENDED]->(:Meeting)-[:REPORTED_IN]->(b:Bulletin) RETURN a.evidence AS evidence, b.text AS text`,
      params: {},
    });
    const [key, start, end] = row!.evidence[0]!.split(':');
    expect(key).toBe('000_0e1c59be9f5b0e63');
    expect(row!.text.slice(Number(start), Number(end))).toBe('中央第22指导组组长范小建同志出席会议并作重要讲话。');
  });

  it('changes nothing when the same bulletin is ingested again', async () => {
    const before = await counts();
    const summary = await ingestPaths(db, [SEED]);
    expect(summary).toMatchObject({ ingested: 0, unchanged: 1 });
    expect(await counts()).toEqual(before);
  });

  it('replaces a changed bulletin\'s facts and keeps what others evidence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bg-ingest-'));
    // A second bulletin of our own that also names 苗圩 as minister.
    writeFileSync(
      join(dir, 'other.txt'),
      '工业和信息化部召开党组会议\n2019年7月2日，工业和信息化部召开党组会议。部党组书记、部长苗圩主持会议。部党组成员、副部长李建国出席会议。',
    );
    await ingestPaths(db, [join(dir, 'other.txt')]);
    // Now the same file name with changed content: the old meeting goes, 苗圩 stays.
    writeFileSync(
      join(dir, 'other.txt'),
      '工业和信息化部召开党组会议\n2019年7月3日，工业和信息化部召开党组会议。部党组书记、部长苗圩主持会议。',
    );
    const summary = await ingestPaths(db, [join(dir, 'other.txt')]);
    expect(summary.ingested).toBe(1);
    const dates = await db.read<{ date: string }>({ cypher: 'MATCH (m:Meeting) RETURN toString(m.date) AS date ORDER BY date', params: {} });
    expect(dates.map((d) => d.date)).toEqual(['2019-06-06', '2019-07-03']);
    const [li] = await db.read<{ n: number }>({ cypher: "MATCH (p:Person {name: '李建国'}) RETURN count(p) AS n", params: {} });
    expect(li!.n).toBe(0);
    const [miao] = await db.read<{ sources: string[]; lastSeen: string }>({
      cypher: `MATCH (:Person {name: '苗圩'})-[h:HELD]->(:Post {key: '部长@工业和信息化部'}) RETURN h.sources AS sources, toString(h.lastSeen) AS lastSeen`,
      params: {},
    });
    expect(miao!.sources.sort()).toEqual(['000_0e1c59be9f5b0e63', 'other']);
    expect(miao!.lastSeen).toBe('2019-07-03');
  });

  it('reports bad files by name and reason and still ingests the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bg-bad-'));
    writeFileSync(join(dir, 'a-empty.txt'), '');
    writeFileSync(join(dir, 'b-binary.txt'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256)));
    writeFileSync(join(dir, 'c-english.txt'), 'The ministry held a meeting on Monday to discuss next year.');
    copyFileSync(SEED, join(dir, 'd-seed-copy.txt'));
    const ingestedFiles: string[] = [];
    const summary = await ingestPaths(db, [dir, join(dir, 'missing.txt')], {
      onFile: (r) => r.status === 'ingested' && ingestedFiles.push(r.source.split('/').pop()!),
    });
    const byFile = Object.fromEntries(summary.problems.map((f) => [f.source.split('/').pop(), [f.status, f.reason]]));
    expect(byFile['a-empty.txt']).toEqual(['skipped', 'empty file']);
    expect(byFile['b-binary.txt']).toEqual(['skipped', 'binary content (not text)']);
    expect(byFile['c-english.txt']![1]).toMatch(/not Chinese/);
    expect(byFile['missing.txt']).toEqual(['skipped', 'cannot read: ENOENT']);
    expect(ingestedFiles).toEqual(['d-seed-copy.txt']);
    expect(summary).toMatchObject({ total: 5, ingested: 1, skipped: 4, failed: 0 });
    const [b] = await db.read<{ n: number }>({ cypher: 'MATCH (b:Bulletin) RETURN count(b) AS n', params: {} });
    expect(b!.n).toBe(3);
  });

  it('warns on files of one run that share a name: one bulletin, the last listed replaces the first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bg-shared-'));
    for (const [sub, day] of [['2019', 8], ['2020', 9]] as const) {
      mkdirSync(join(dir, sub));
      writeFileSync(join(dir, sub, 'index.txt'), `水利部召开党组会议\n2019年7月${day}日，水利部召开党组会议。部党组书记、部长鄂竟平主持会议。`);
    }
    const summary = await ingestPaths(db, [dir]);
    expect(summary).toMatchObject({ total: 2, ingested: 2 });
    const [first, second] = [join(dir, '2019', 'index.txt'), join(dir, '2020', 'index.txt')];
    expect(summary.warnings.map((w) => [w.source, w.warning])).toEqual([
      [first, expect.stringContaining(`same name as ${second}`)],
      [second, expect.stringContaining(`same name as ${first}`)],
    ]);
    const rows = await db.read<{ date: string }>({
      cypher: "MATCH (:Bulletin {key: 'index'})<-[:REPORTED_IN]-(m:Meeting) RETURN toString(m.date) AS date",
      params: {},
    });
    expect(rows.map((r) => r.date)).toEqual(['2019-07-09']);
  });
});
