// docs/browser.md shows the queries the Browser test runs and the screenshots take: each query is
// there verbatim, with its "Open in Browser" link and its screenshot.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserUrlFor } from '../../src/neo4j/server.ts';
import { BROWSER_QUERIES } from './browser-queries.ts';
import { browserQueryUrl, root } from './harness.ts';

const doc = fs.readFileSync(path.join(root, 'docs', 'browser.md'), 'utf8');
const defaultBrowser = browserUrlFor('http://127.0.0.1:7474', 'bolt://127.0.0.1:7687');

describe('docs/browser.md', () => {
  for (const q of BROWSER_QUERIES) {
    it(`shows “${q.title}”, its link and its screenshot`, () => {
      expect(doc).toContain('```cypher\n' + q.cypher + '\n```\n\n[Open in Browser](<' + browserQueryUrl(defaultBrowser, q.cypher) + '>)');
      expect(doc).toContain(`(screenshots/browser-${q.file}.png)`);
    });
  }

  it('names the default Browser URL that npm start prints', () => {
    expect(doc).toContain(defaultBrowser);
  });
});
