// Ingest under faults, through the real command against the real Neo4j: killed midway then rerun,
// two processes at once, and every kind of bad input beside good files.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeCorpus } from '../src/gen/generate.ts';
import type { Executor } from '../src/neo4j/executor.ts';
import { clearGraph, freshGraph, graphDigest } from './helpers/graph.ts';

const BIN = new URL('../bin/bulletin-graph.js', import.meta.url).pathname;
const SEED = new URL('../seeds/000_0e1c59be9f5b0e63.txt', import.meta.url).pathname;
const run = promisify(execFile);
const COUNT = 120;

let db: Executor;
let corpus: string;
let env: NodeJS.ProcessEnv;

const bulletins = async () => (await db.read<{ n: number }>({ cypher: 'MATCH (b:Bulletin) RETURN count(b) AS n', params: {} }))[0]!.n;
const ingest = (args: string[]): Promise<{ code?: number; stdout: string; stderr: string }> =>
  run('node', [BIN, 'ingest', ...args], { env, maxBuffer: 1 << 24 }).catch((e) => e as { code: number; stdout: string; stderr: string });

beforeAll(async () => {
  db = await freshGraph();
  const target = inject('neo4j');
  env = { ...process.env, NEO4J_URI: target.uri, NEO4J_USER: target.user, NEO4J_PASSWORD: target.password, NEO4J_DATABASE: target.database ?? '' };
  corpus = mkdtempSync(join(tmpdir(), 'bg-corpus-'));
  writeCorpus({ count: COUNT, out: corpus, seed: 'faults' });
});
afterAll(() => db.close());

// Each case runs the command several times (a Node start, worker threads, dictionaries each): on a
// busy two-core machine one case took close to the default 60 s; time is not what is tested here.
describe('ingest under faults', { timeout: 180_000 }, () => {
  let clean: Awaited<ReturnType<typeof graphDigest>>;

  it('ingests a corpus in one clean run', async () => {
    const result = await ingest([corpus, '--json', '--report', join(corpus, 'report.json')]);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ total: COUNT, ingested: COUNT, skipped: 0, failed: 0 });
    clean = await graphDigest(db);
    expect(clean.nodes).toBeGreaterThan(COUNT * 5);
    // A second run is a no-op.
    const again = JSON.parse((await ingest([corpus, '--json', '--report', join(corpus, 'report.json')])).stdout);
    expect(again).toMatchObject({ ingested: 0, unchanged: COUNT });
    expect(await graphDigest(db)).toEqual(clean);
  });

  it('finishes the job after being killed at a random point, with the same graph as a clean run', async () => {
    await clearGraph(db);
    const target = 5 + Math.floor(Math.random() * (COUNT - 30));
    const child = spawn('node', [BIN, 'ingest', corpus, '--batch', '5', '--workers', '1', '--json', '--report', join(corpus, 'r.json')], { env, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    for (let waited = 0; waited < 60_000 && (await bulletins()) < target; waited += 50) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await exited;
    const partial = await bulletins();
    expect(partial).toBeGreaterThanOrEqual(target);
    expect(partial).toBeLessThan(COUNT);
    const rerun = JSON.parse((await ingest([corpus, '--json', '--report', join(corpus, 'r.json')])).stdout);
    expect(rerun.unchanged).toBe(partial);
    expect(rerun.ingested).toBe(COUNT - partial);
    expect(await graphDigest(db)).toEqual(clean);
  });

  it('gives the same graph when two processes ingest disjoint halves at once', async () => {
    await clearGraph(db);
    const halves = [mkdtempSync(join(tmpdir(), 'bg-a-')), mkdtempSync(join(tmpdir(), 'bg-b-'))];
    const files = readdirSync(corpus, { recursive: true, withFileTypes: true }).filter((f) => f.isFile() && /\.(txt|html)$/.test(f.name));
    files.forEach((f, i) => {
      const to = join(halves[i % 2]!, f.name);
      writeFileSync(to, readFileSync(join(f.parentPath, f.name)));
    });
    const [a, b] = (await Promise.all(halves.map((h) => ingest([h, '--json', '--batch', '10', '--report', join(h, 'r.json')])))) as [Awaited<ReturnType<typeof ingest>>, Awaited<ReturnType<typeof ingest>>];
    expect(JSON.parse(a.stdout).ingested + JSON.parse(b.stdout).ingested).toBe(COUNT);
    expect(await graphDigest(db)).toEqual(clean);
  });

  it('reports each kind of bad input by file and reason, and the good files still land', async () => {
    await clearGraph(db);
    const dir = mkdtempSync(join(tmpdir(), 'bg-bad-'));
    const seed = readFileSync(SEED);
    const seedText = seed.toString('utf8');
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)));
    writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(20 * 1024 * 1024, 0x41));
    writeFileSync(join(dir, 'malformed.html'), '<html><body><div><p><span><<<>>></div></b></i><table><tr><td>&&&</html>');
    writeFileSync(join(dir, 'english.txt'), 'The ministry held its annual work conference on Tuesday and set out the tasks for the year.');
    const half = Math.floor(seedText.length / 2);
    writeFileSync(join(dir, 'mixed.txt'), Buffer.concat([Buffer.from(seedText.slice(0, half)), iconv.encode(seedText.slice(half), 'gbk')]));
    writeFileSync(join(dir, 'latin1.txt'), iconv.encode('Réunion du ministère: le ministre a présidé la séance plénière du conseil.', 'latin1'));
    // A copy of the seed cut inside its last character: it goes in, with a warning.
    const cut = Buffer.from(seedText.slice(0, seedText.lastIndexOf('。') + 1));
    writeFileSync(join(dir, 'truncated.txt'), cut.subarray(0, cut.length - 1));
    mkdirSync(join(dir, 'good'));
    writeFileSync(join(dir, 'good', 'seed.txt'), seed);
    renameSync(join(dir, 'good', 'seed.txt'), join(dir, 'good', 'seed-copy.txt'));

    const result = await ingest([dir, '--report', join(dir, 'report.json')]);
    expect(result.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    const reasons = Object.fromEntries(report.problems.map((p: { source: string; reason: string }) => [p.source.split('/').pop(), p.reason]));
    expect(reasons).toEqual({
      'empty.txt': 'empty file',
      'binary.txt': 'binary content (not text)',
      'huge.txt': expect.stringMatching(/^too large \(20971520 bytes/),
      'malformed.html': expect.stringMatching(/no article text|not Chinese|not a bulletin/),
      'english.txt': expect.stringMatching(/not Chinese/),
      'mixed.txt': expect.stringMatching(/^mixed encodings/),
      'latin1.txt': expect.stringMatching(/not Chinese/),
    });
    expect(report.warnings.map((w: { source: string; warning: string }) => [w.source.split('/').pop(), w.warning])).toEqual([
      ['truncated.txt', 'truncated: the file ends inside a character'],
    ]);
    expect(result.stderr).toContain('empty.txt: empty file');
    expect(report).toMatchObject({ ingested: 2, skipped: 7 });
    expect(await bulletins()).toBe(2);
  });
});
