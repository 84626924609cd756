// The explorer page in real headless Chromium (Debian's `chromium`, driven by playwright-core),
// against the yoga server on an ephemeral port and the test Neo4j holding the seed: search →
// person → meeting, the organization page, the dashboard's charts, a phone-sized screen, and how
// fast the first view shows. Screenshots go to .artifacts/e2e/ (ignored by git).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { ensureSchema } from '../../src/ingest/stages/load.ts';
import type { Executor } from '../../src/neo4j/executor.ts';
import { freshGraph } from '../helpers/graph.ts';
import { chromiumPath, explorerReady, firstViewMs, haveChromium, launchChromium, localContext, root, serveYoga } from './harness.ts';

const SEED = path.join(root, 'seeds', '000_0e1c59be9f5b0e63.txt');
const INVENTED = ['e2e-invented-1.txt', 'e2e-invented-2.txt'].map((f) => path.join(root, 'tests', 'e2e', 'fixtures', f));
const ARTIFACTS = path.join(root, '.artifacts', 'e2e');

if (!haveChromium) {
  console.warn(`[e2e] SKIPPED: no Chromium at ${chromiumPath}. Install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
}

describe.skipIf(!haveChromium)('the explorer in headless Chromium', () => {
  let db: Executor;
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  /** A page that fails the test on script errors and on requests to other hosts. */
  async function open(options: Parameters<Browser['newContext']>[0] = { viewport: { width: 1280, height: 900 } }) {
    const { context, external } = await localContext(browser, options);
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    return { page, errors, external };
  }

  async function shot(page: Page, name: string, fullPage = true) {
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
  }

  const apiUsed = (page: Page) => page.evaluate(() => document.documentElement.dataset.api ?? 'basic');

  async function searchFor(page: Page, text: string) {
    const box = page.getByRole('searchbox');
    await box.fill(text);
    await box.press('Enter');
    await page.waitForFunction((hash) => location.hash === hash, `#/search/${encodeURIComponent(text)}`);
    await explorerReady(page);
  }

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    db = await freshGraph();
    await ensureSchema(db);
    const summary = await ingestPaths(db, [SEED]);
    expect(summary.failed).toBe(0);
    server = await serveYoga(db);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  for (const mode of [
    { name: 'the API as it is', query: '' },
    { name: 'the basic API only (?api=basic: no search, stats, timeline, coAttendees, highlighted)', query: '?api=basic' },
  ]) {
    it(`goes search 苗圩 → person → meeting, with ${mode.name}`, async () => {
      const suffix = mode.query ? '-basic' : '';
      const { page, errors, external } = await open();
      await page.goto(`${server.url}/${mode.query}`);
      await explorerReady(page);

      // Search
      await searchFor(page, '苗圩');
      const people = page.locator('section.results[data-kind="person"]');
      await expect(people.getByRole('link', { name: '苗圩' }).count()).resolves.toBe(1);
      await shot(page, `01-search${suffix}`);
      const apis = [await apiUsed(page)];

      // Person: 部长 of 工业和信息化部 on the timeline, the 2019-06-06 meeting, 范小建 in the graph
      await people.getByRole('link', { name: '苗圩' }).click();
      await page.waitForFunction(() => location.hash.startsWith('#/person/'));
      await explorerReady(page);
      await expect(page.locator('h1').textContent()).resolves.toBe('苗圩');
      const minister = page.locator('#timeline li.tenure').filter({ has: page.locator('strong', { hasText: /^部长$/ }) });
      await expect(minister.getByRole('link', { name: '工业和信息化部', exact: true }).count()).resolves.toBe(1);
      await expect(page.locator('#timeline .when').allTextContents()).resolves.toContain('2019-06-06');
      const meetingItem = page.locator('#meetings li', { hasText: '主题教育动员部署会' });
      await expect(meetingItem.textContent()).resolves.toContain('2019-06-06');
      await expect(meetingItem.locator('.badge').textContent()).resolves.toBe('讲话');
      await expect(page.locator('#co-attendees svg a.node text', { hasText: '范小建' }).count()).resolves.toBe(1);
      await shot(page, `02-person${suffix}`);
      apis.push(await apiUsed(page));

      // Meeting: both speakers, the directives with their items, the bulletin with the evidence marked
      await meetingItem.getByRole('link').first().click();
      await page.waitForFunction(() => location.hash.startsWith('#/meeting/'));
      await explorerReady(page);
      await expect(page.locator('h1').textContent()).resolves.toBe('“不忘初心、牢记使命”主题教育动员部署会');
      const speakers = page.locator('.role-group[data-role="speaker"]');
      await expect(speakers.getByRole('link', { name: '苗圩' }).count()).resolves.toBe(1);
      await expect(speakers.getByRole('link', { name: '范小建' }).count()).resolves.toBe(1);
      await expect(page.locator('.role-group[data-role="chair"]').count()).resolves.toBe(0);
      await expect(page.locator('#directives li.directive').count()).resolves.toBe(4);
      const items = await page.locator('#directives ol.items').evaluateAll((lists) => lists.map((l) => l.children.length));
      expect(items).toEqual([3, 3]);
      await expect(page.locator('#directives ol.items li').first().textContent()).resolves.toMatch(/^一是要抓严学习/);
      // Both attendance sentences are marked (Bulletin.highlighted may join the two touching spans into one <mark>).
      const marked = (await page.locator('article.bulletin .text mark').allTextContents()).join('');
      expect(marked).toBe(
        '中央第22指导组组长范小建同志出席会议并作重要讲话。' + '工业和信息化部党组书记、部长、部“不忘初心、牢记使命”主题教育工作领导小组组长苗圩同志作动员讲话。',
      );
      await expect(page.locator('article.bulletin .text').textContent()).resolves.toMatch(/^2019年6月6日，工业和信息化部召开/);
      await expect(page.locator('article.bulletin h3').textContent()).resolves.toBe('工业和信息化部召开“不忘初心、牢记使命”主题教育动员部署会');
      await shot(page, `03-meeting${suffix}`);
      apis.push(await apiUsed(page));
      console.log(`[e2e] ${mode.name}: search, person and meeting answered by the ${apis.join(', ')} API`);
      if (mode.query) expect(apis).toEqual(['basic', 'basic', 'basic']);

      expect(errors).toEqual([]);
      expect(external).toEqual([]);
    });
  }

  it('finds 范小建 from traditional input (範小建)', async () => {
    const { page, errors } = await open();
    await page.goto(`${server.url}/`);
    await explorerReady(page);
    await searchFor(page, '範小建');
    await page.locator('section.results[data-kind="person"]').getByRole('link', { name: '范小建' }).click();
    await explorerReady(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('范小建');
    const post = page.locator('#timeline li.tenure');
    await expect(post.textContent()).resolves.toContain('组长');
    await expect(post.getByRole('link').textContent()).resolves.toBe('中央第22指导组');
    await expect(page.locator('#directives li').textContent()).resolves.toContain('指出');
    await shot(page, '04-person-traditional');
    expect(errors).toEqual([]);
  });

  it('shows an organization: its posts and holders, units and meetings', async () => {
    const { page, errors } = await open();
    await page.goto(`${server.url}/#/org/${encodeURIComponent('工信部')}`);
    await explorerReady(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('工业和信息化部');
    await expect(page.locator('#posts li', { hasText: '部长' }).getByRole('link', { name: '苗圩' }).count()).resolves.toBe(1);
    await expect(page.locator('#units li').allTextContents()).resolves.toContain('工业和信息化部党组');
    await expect(page.locator('#meetings li').textContent()).resolves.toContain('2019-06-06');
    await shot(page, '05-organization');
    expect(errors).toEqual([]);
  });

  it('draws the dashboard: totals, meetings per month and top attendees (Chart.js)', async () => {
    const { page, errors, external } = await open();
    await page.goto(`${server.url}/`);
    await explorerReady(page);
    await page.waitForSelector('figure[data-chart="by-month"] canvas[data-rendered="true"]');
    await page.waitForSelector('figure[data-chart="top-attendees"] canvas[data-rendered="true"]');
    const totals = await page.locator('ul.totals strong').allTextContents();
    expect(totals).toEqual(['1', '3', '7', '1']);
    const rows = (chart: string) =>
      page.locator(`figure[data-chart="${chart}"] tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    await expect(rows('by-month')).resolves.toEqual([['2019-06', '1']]);
    expect((await rows('top-attendees')).map((r) => r[0]).sort()).toEqual(['苗圩', '范小建'].sort());
    await shot(page, '06-dashboard');
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });

  it('fits a phone-sized screen (390 × 844) without sideways scrolling', async () => {
    const { page, errors } = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const [row] = await db.read<{ key: string }>({ cypher: 'MATCH (m:Meeting) RETURN m.key AS key LIMIT 1', params: {} });
    for (const [name, hash] of [
      ['dashboard', '#/'],
      ['search', `#/search/${encodeURIComponent('工信部')}`],
      ['person', `#/person/${encodeURIComponent('苗圩')}`],
      ['meeting', `#/meeting/${row!.key}`],
    ] as const) {
      await page.goto(`${server.url}/${hash}`);
      await explorerReady(page);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect(scrollWidth, `${name} is wider than the screen`).toBeLessThanOrEqual(innerWidth);
      await shot(page, `07-phone-${name}`, name !== 'meeting');
    }
    expect(errors).toEqual([]);
  });

  it('shows its first view well under a second on the seed (best of 3 cold page loads)', async () => {
    const timings: Record<string, number[]> = {};
    for (const [name, hash] of [
      ['dashboard', ''],
      ['person', `#/person/${encodeURIComponent('苗圩')}`],
    ] as const) {
      timings[name] = [];
      for (let i = 0; i < 3; i++) {
        const { page } = await open(); // a new context: empty cache
        await page.goto(`${server.url}/${hash}`);
        await explorerReady(page);
        timings[name]!.push(Math.round((await firstViewMs(page))!));
        await page.context().close();
      }
    }
    console.log(`[e2e] first view shown after (ms, from navigation start): ${JSON.stringify(timings)}`);
    for (const [name, ms] of Object.entries(timings)) expect(Math.min(...ms), name).toBeLessThan(1000);
  });

  it('says so when a person, meeting or page does not exist', async () => {
    const { page, errors } = await open();
    for (const hash of [`#/person/${encodeURIComponent('无此人')}`, '#/meeting/nope', '#/nowhere']) {
      await page.goto(`${server.url}/${hash}`);
      await page.waitForSelector('.empty h1');
      await expect(page.locator('.empty h1').textContent()).resolves.toContain('未找到');
    }
    await page.goto(`${server.url}/#/search/${encodeURIComponent('没有这个词')}`);
    await explorerReady(page);
    await expect(page.locator('.card.empty').textContent()).resolves.toContain('没有找到');
    expect(errors).toEqual([]);
  });

  // Last, since it adds to the graph: two invented bulletins (tests/e2e/fixtures) give 王建国
  // three co-attendees over two meetings, and the dashboard a second month.
  it('draws a co-attendee graph of several people and counts meetings per month', async () => {
    const summary = await ingestPaths(db, INVENTED);
    expect(summary.failed).toBe(0);
    const { page, errors } = await open();
    await page.goto(`${server.url}/#/person/${encodeURIComponent('王建国')}`);
    await explorerReady(page);
    const co = await page.locator('#co-attendees .co-list li').allTextContents();
    expect(co.map((t) => t.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(/^李明华 同场 2 次/),
      expect.stringMatching(/^赵卫东 同场 2 次/),
      expect.stringMatching(/^陈志强 同场 1 次/),
    ]);
    await expect(page.locator('#co-attendees svg a.node').count()).resolves.toBe(3);
    await expect(page.locator('#co-attendees svg line.edge.between').count()).resolves.toBe(3);
    await shot(page, '08-person-graph');

    await page.goto(`${server.url}/`);
    await explorerReady(page);
    const months = await page
      .locator('figure[data-chart="by-month"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    expect(months).toEqual([
      ['2019-06', '1'],
      ['2021-03', '1'],
      ['2021-07', '1'],
    ]);
    await shot(page, '09-dashboard-more');
    expect(errors).toEqual([]);
  });
});
