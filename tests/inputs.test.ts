// What ingest reads from its arguments: folders walked recursively in name order, globs, files
// named as they are, missing paths kept so that they are reported.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedKeys } from '../src/ingest/ingest.ts';
import { globToRegExp, listInputs } from '../src/ingest/inputs.ts';

let root: string;
const files = ['b.txt', 'a.html', 'sub/c.htm', 'sub/deeper/d.txt', 'sub/notes.md', 'z/e.TEXT'];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'bg-inputs-'));
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), '通报');
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('listInputs', () => {
  const expected = () => ['a.html', 'b.txt', 'sub/c.htm', 'sub/deeper/d.txt', 'z/e.TEXT'].map((f) => join(root, f));

  it('walks a folder in name order, bulletin files only, with the paths path.join would give', async () => {
    expect(await listInputs([root])).toEqual(expected());
  });

  it('gives the same paths for a folder written with a trailing separator or untidily', async () => {
    expect(await listInputs([root + sep])).toEqual(expected());
    expect(await listInputs([join(root, 'sub') + `${sep}..${sep}${sep}`])).toEqual(expected());
  });

  it('keeps a relative folder relative', async () => {
    const rel = relative(process.cwd(), root);
    expect(await listInputs([rel])).toEqual(expected().map((f) => relative(process.cwd(), f)));
  });

  it('matches globs under the folder before the first wildcard', async () => {
    expect(await listInputs([join(root, '**', '*.txt')])).toEqual([join(root, 'b.txt'), join(root, 'sub/deeper/d.txt')]);
    expect(await listInputs([join(root, 'sub', '*')])).toEqual([join(root, 'sub/c.htm')]);
  });

  it('keeps files and missing paths as named, in argument order', async () => {
    const missing = join(root, 'gone.txt');
    expect(await listInputs([join(root, 'sub/notes.md'), missing, join(root, 'b.txt')])).toEqual([join(root, 'sub/notes.md'), missing, join(root, 'b.txt')]);
  });
});

describe('globToRegExp', () => {
  it('reads ** as any folders and * and ? within one name', () => {
    const re = globToRegExp('/data/**/*.txt');
    expect(re.test('/data/a.txt')).toBe(true);
    expect(re.test('/data/x/y/a.txt')).toBe(true);
    expect(re.test('/data/a.html')).toBe(false);
    expect(globToRegExp('/d/?.txt').test('/d/ab.txt')).toBe(false);
    expect(globToRegExp('/d/*.txt').test('/d/x/a.txt')).toBe(false);
  });
});

describe('sharedKeys', () => {
  it('names the files of a run that would be one bulletin, and only those', () => {
    const shared = sharedKeys(['a/index.html', 'b/index.htm', 'c/other.txt', 'd/index.gbk.txt', 'a/index.html', 'e/report.txt']);
    expect([...shared]).toEqual([['index', ['a/index.html', 'b/index.htm', 'd/index.gbk.txt']]]);
    expect(sharedKeys(['x/a.txt', 'x/a.txt']).size).toBe(0);
  });
});
