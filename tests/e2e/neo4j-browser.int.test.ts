// Neo4j Browser, served by the embedded Neo4j, in real headless Chromium: it opens connected
// without a password from the URL `npm start` prints, takes neo4j/browser-style.grass when the file
// is dropped on it, and draws the seed with that style for the queries of docs/browser.md.
// Screenshots go to .artifacts/e2e/ (ignored by git).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { ensureSchema } from '../../src/ingest/stages/load.ts';
import type { Executor } from '../../src/neo4j/executor.ts';
import { browserUrlFor } from '../../src/neo4j/server.ts';
import { freshGraph } from '../helpers/graph.ts';
import { BROWSER_QUERIES } from './browser-queries.ts';
import { browserCaptions, browserQueryUrl, chromiumPath, dropGrass, grassFile, haveChromium, launchChromium, localContext, openNeo4jBrowser, parseGrass, root, runInBrowser, serveYoga } from './harness.ts';

const target = inject('neo4j');
const httpUrl = inject('neo4jHttpUrl');
const embedded = !target.external && httpUrl !== null;
const SEED = path.join(root, 'seeds', '000_0e1c59be9f5b0e63.txt');
const ARTIFACTS = path.join(root, '.artifacts', 'e2e');

if (!haveChromium) {
  console.warn(`[e2e] SKIPPED: no Chromium at ${chromiumPath}. Install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
}

describe('neo4j/browser-style.grass', () => {
  const text = fs.readFileSync(grassFile, 'utf8');
  const grass = parseGrass(text);
  const labels = ['Person', 'Meeting', 'Organization', 'Post', 'Bulletin', 'Directive', 'Campaign'];

  it('gives every label of the graph its own color and a caption, as Browser reads the file', () => {
    const colors = new Set<string>();
    for (const label of labels) {
      const rule = grass[`node.${label}`];
      expect(rule, label).toBeDefined();
      expect(rule!.color, label).toMatch(/^#[0-9A-F]{6}$/i);
      expect(rule!.caption, label).toMatch(/^\{\w+\}( \{\w+\})*$/);
      colors.add(rule!.color!.toUpperCase());
    }
    expect(colors.size).toBe(labels.length);
    expect(grass['node.Person']!.caption).toBe('{name}');
    expect(grass['node.Meeting']!.caption).toBe('{kind} {date}');
    expect(grass['node.Post']!.caption).toBe('{title} {organization}');
    expect(grass['relationship.ATTENDED']!.caption).toBe('{as}');
  });

  it('loses no declaration in Browser\'s reader (no comments, one colon a declaration)', () => {
    expect(text).not.toMatch(/\/\*|\/\//);
    const written = (text.match(/^\s+[\w-]+\s*:/gm) ?? []).length;
    const read = Object.values(grass).reduce((n, rule) => n + Object.keys(rule).length, 0);
    expect(read).toBe(written);
    expect(Object.keys(grass)).toEqual(expect.arrayContaining(['node', 'relationship', ...labels.map((l) => `node.${l}`)]));
  });
});

describe.runIf(embedded && haveChromium)('Neo4j Browser in headless Chromium', () => {
  let db: Executor;
  let browser: Browser;
  let page: Page;
  let external: string[];
  const url = embedded ? browserUrlFor(httpUrl!, target.uri) : '';

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    db = await freshGraph();
    await ensureSchema(db);
    await ingestPaths(db, [SEED]);
    browser = await launchChromium();
    const local = await localContext(browser, { viewport: { width: 1400, height: 900 } });
    external = local.external;
    page = await local.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await db?.close();
  });

  it('opens connected from the printed URL, without a password', async () => {
    await openNeo4jBrowser(page, url);
    await page.getByText('You have a working connection and server auth is disabled.').waitFor({ timeout: 15_000 });
    // Browser adds the database to the title once it has picked one (…/neo4j).
    const escaped = target.uri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expect(page.title()).resolves.toMatch(new RegExp(`^${escaped}(/neo4j)? - Neo4j Browser$`));
    await page.screenshot({ path: path.join(ARTIFACTS, 'browser-connected.png') });
  });

  it('takes the GraSS style when the file is dropped on it, and keeps it', async () => {
    await dropGrass(page);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('neo4j.grass') ?? 'null'));
    expect(stored['node.Person']).toMatchObject({ color: '#4C8EDA', caption: '{name}' });
    expect(stored['node.Meeting']).toMatchObject({ caption: '{kind} {date}' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'browser-style.png') });
  });

  it('takes the style from `:style <url>` too, fetched from the GraphQL server (localhost is on its allowlist)', async () => {
    const server = await serveYoga(db);
    const { context } = await localContext(browser, { viewport: { width: 1400, height: 900 } });
    try {
      const fresh = await context.newPage();
      const grassUrl = `${server.url.replace('127.0.0.1', 'localhost')}/assets/neo4j/browser-style.grass`;
      await openNeo4jBrowser(fresh, browserQueryUrl(url, `:style ${grassUrl}`));
      await fresh.locator('[data-testid="activeEditor"]').getByText(/:style/).first().waitFor({ timeout: 15_000 });
      await fresh.locator('[data-testid="editor-Run"]').first().click();
      await fresh.waitForFunction(() => (localStorage.getItem('neo4j.grass') ?? '').includes('node.Person'), null, { timeout: 15_000 });
      const stored = await fresh.evaluate(() => JSON.parse(localStorage.getItem('neo4j.grass') ?? 'null'));
      expect(stored['node.Meeting']).toMatchObject({ color: '#E07B39', caption: '{kind} {date}' });
    } finally {
      await context.close();
      await server.close();
    }
  });

  for (const q of BROWSER_QUERIES) {
    it(`draws “${q.title}” with the style's captions`, async () => {
      const frame = await runInBrowser(page, url, q.cypher);
      const captions = (await browserCaptions(frame)).join(' | ');
      for (const caption of q.expectCaptions) expect(captions, q.title).toContain(caption);
      await page.screenshot({ path: path.join(ARTIFACTS, `browser-${q.file}.png`) });
    });
  }

  it('fetched nothing from the network but this machine (other requests were blocked and are listed)', () => {
    // Browser asks for web fonts, analytics and a feedback widget; all of them were aborted.
    for (const u of external) expect(new URL(u).hostname).not.toMatch(/^(127\.0\.0\.1|localhost)$/);
    console.log(`[e2e] Neo4j Browser asked for ${external.length} outside URL(s), all blocked: ${[...new Set(external.map((u) => new URL(u).hostname))].join(', ')}`);
  });
});
