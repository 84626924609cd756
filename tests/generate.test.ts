// The synthetic corpus (src/gen/generate.ts): deterministic for a seed, the count asked for, and
// readable by the extractor, which must find each sampled bulletin's meeting date and at least 90%
// of the people the generator put in it.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWorld, generateBulletin, generateCorpus, writeCorpus, type FileTruth } from '../src/gen/generate.ts';
import { extractBytes } from '../src/ingest/pipeline.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'bulletin-gen-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

function digest(dir: string): string {
  const h = createHash('sha256');
  for (const file of walk(dir).sort()) h.update(relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  return h.digest('hex');
}

describe('generate', () => {
  it('writes the same bytes for the same seed, and other bytes for another seed', () => {
    const a = tempDir();
    const b = tempDir();
    const c = tempDir();
    writeCorpus({ count: 60, out: a, seed: 'same' });
    writeCorpus({ count: 60, out: b, seed: 'same' });
    writeCorpus({ count: 60, out: c, seed: 'other' });
    expect(digest(a)).toBe(digest(b));
    expect(digest(a)).not.toBe(digest(c));
  });

  it('makes file i the same whatever the corpus size, and independent of the files before it', () => {
    const world = buildWorld('same');
    const inCorpus = [...generateCorpus(30, 'same')][29]!;
    const alone = generateBulletin(world, 29);
    expect(Buffer.from(alone.bytes).equals(Buffer.from(inCorpus.bytes))).toBe(true);
    expect(alone.path).toBe(inCorpus.path);
  });

  it('writes the count asked for, with a manifest entry for each file', () => {
    const out = tempDir();
    const summary = writeCorpus({ count: 1234, out, seed: 'count' });
    const files = walk(out).filter((f) => !f.endsWith('manifest.json'));
    expect(summary.files).toBe(1234);
    expect(files).toHaveLength(1234);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { count: number; files: FileTruth[]; officials: unknown[] };
    expect(manifest.count).toBe(1234);
    expect(manifest.files).toHaveLength(1234);
    expect(new Set(manifest.files.map((f) => join(out, f.file)))).toEqual(new Set(files));
    expect(manifest.officials.length).toBeGreaterThan(100);
    // The corpus has the variety it promises.
    const forms = new Set(manifest.files.map((f) => f.form));
    const encodings = new Set(manifest.files.map((f) => f.encoding));
    expect(forms).toEqual(new Set(['seed', 'page', 'text']));
    expect(encodings).toEqual(new Set(['utf-8', 'gbk', 'big5']));
    expect(manifest.files.some((f) => f.script === 'traditional')).toBe(true);
    expect(manifest.files.some((f) => f.meeting.dateWithoutYear)).toBe(true);
    const sizes = manifest.files.map((f) => f.chars);
    const mean = sizes.reduce((s, n) => s + n, 0) / sizes.length;
    expect(mean).toBeGreaterThan(1700);
    expect(mean).toBeLessThan(2300);
  });

  it('extracts the meeting date and at least 90% of the people of 50 sampled bulletins', () => {
    const sample = [...generateCorpus(1000, 'sample')].filter((_, i) => i % 20 === 0);
    expect(sample).toHaveLength(50);
    const missedDates: string[] = [];
    const missedPeople: string[] = [];
    let people = 0;
    let found = 0;
    for (const file of sample) {
      const t = file.truth;
      const shape = `${t.file} (${t.form}, ${t.script}, ${t.encoding}, ${t.meeting.kind}: ${t.meeting.name})`;
      let result;
      try {
        result = extractBytes(file.path, file.bytes);
      } catch (error) {
        missedDates.push(`${shape}: ${(error as Error).message}`);
        people += t.people.length;
        continue;
      }
      const dates = result.meetings.map((m) => m.date);
      if (!dates.includes(t.meeting.date)) missedDates.push(`${shape}: wanted ${t.meeting.date}, got ${JSON.stringify(dates)}`);
      const names = new Set(result.people.map((p) => p.name));
      for (const p of t.people) {
        people++;
        if (names.has(p.name)) found++;
        else missedPeople.push(`${t.file}: ${p.name} (${p.role})`);
      }
    }
    const recall = found / people;
    expect.soft(missedDates, `meetings whose date was not found:\n${missedDates.join('\n')}`).toEqual([]);
    expect(recall, `people found ${found}/${people}; missed:\n${missedPeople.join('\n')}`).toBeGreaterThanOrEqual(0.9);
  });
});
