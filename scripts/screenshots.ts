// README and docs screenshots, taken from the real running product on the seed:
//
//   npx tsx scripts/screenshots.ts [--only explorer|graphiql|browser]
//
// Starts the embedded Neo4j in .neo4j/screenshots (its data wiped first), ingests seeds/, serves
// the yoga server, and drives Debian's Chromium (playwright-core) over the explorer at desktop and
// phone width, GraphiQL with its first example run, and Neo4j Browser with neo4j/browser-style.grass
// dropped on it and each query of docs/browser.md run. Writes docs/screenshots/*.png.
//
// Ports: NEO4J_BOLT_PORT, NEO4J_HTTP_PORT and PORT when set, else free ones, so it runs beside a
// `npm start` or another developer's Neo4j.
import fs from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { ingestPaths, summaryLine } from '../src/ingest/ingest.ts';
import { ensureSchema } from '../src/ingest/stages/load.ts';
import { Executor } from '../src/neo4j/executor.ts';
import { projectRoot, startEmbedded } from '../src/neo4j/server.ts';
import { createServer } from '../src/server/yoga.ts';
import { BROWSER_QUERIES } from '../tests/e2e/browser-queries.ts';
import { chromiumPath, dropGrass, explorerReady, haveChromium, launchChromium, localContext, openNeo4jBrowser, runInBrowser } from '../tests/e2e/harness.ts';

const OUT = path.join(projectRoot, 'docs', 'screenshots');
const { values } = parseArgs({ options: { only: { type: 'string' } } });
const wanted = (part: 'explorer' | 'graphiql' | 'browser') => !values.only || values.only === part;
const say = (line: string) => process.stdout.write(`${line}\n`);

if (!haveChromium) {
  say(`No Chromium at ${chromiumPath}: install it with \`apt-get install -y chromium fonts-noto-cjk\` (or set CHROMIUM_PATH).`);
  process.exit(1);
}

async function freePort(env: string): Promise<number> {
  if (process.env[env]) return Number(process.env[env]);
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const neo4j = await startEmbedded({
  home: path.join(projectRoot, '.neo4j', 'screenshots'),
  boltPort: await freePort('NEO4J_BOLT_PORT'),
  httpPort: await freePort('NEO4J_HTTP_PORT'),
  wipeData: true,
  log: say,
});
const executor = Executor.connect(neo4j.target);
const http = createHttpServer(createServer({ executor, maskErrors: true }));
let browser: Browser | undefined;
const written: string[] = [];

async function save(page: Page, name: string, options: { fullPage?: boolean; maxHeight?: number; clipHeight?: number } = {}) {
  const file = path.join(OUT, `${name}.png`);
  const viewport = page.viewportSize()!;
  if (options.clipHeight) {
    await page.screenshot({ path: file, clip: { x: 0, y: 0, width: viewport.width, height: Math.min(options.clipHeight, viewport.height) } });
  } else if (options.maxHeight) {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({ path: file, clip: { x: 0, y: 0, width: viewport.width, height: Math.min(height, options.maxHeight) }, fullPage: true });
  } else {
    await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  }
  written.push(file);
  say(`  ${path.relative(projectRoot, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
}

try {
  await ensureSchema(executor);
  say(`Ingested: ${summaryLine(await ingestPaths(executor, [path.join(projectRoot, 'seeds')]))}`);
  const port = await freePort('PORT');
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, '127.0.0.1', resolve);
  });
  const base = `http://127.0.0.1:${(http.address() as net.AddressInfo).port}`;
  say(`Serving ${base}; Neo4j Browser ${neo4j.browserUrl}`);
  fs.mkdirSync(OUT, { recursive: true });
  browser = await launchChromium();
  const [meeting] = await executor.read<{ key: string }>({ cypher: 'MATCH (m:Meeting) RETURN m.key AS key ORDER BY m.date DESC LIMIT 1', params: {} });

  if (wanted('explorer')) {
    say('Explorer:');
    const { context } = await localContext(browser, { viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    const show = async (hash: string) => {
      await page.goto(`${base}/${hash}`);
      await explorerReady(page);
      await page.waitForTimeout(300); // fonts and the last layout
    };
    await show('');
    await page.waitForSelector('figure[data-chart] canvas[data-rendered="true"]');
    await save(page, 'explorer-dashboard', { fullPage: true });
    await show(`#/search/${encodeURIComponent('範小建')}`);
    await save(page, 'explorer-search');
    await show(`#/person/${encodeURIComponent('苗圩')}`);
    await save(page, 'explorer-person', { fullPage: true });
    await show(`#/meeting/${meeting!.key}`);
    await save(page, 'explorer-meeting', { maxHeight: 1800 });
    await show(`#/org/${encodeURIComponent('工业和信息化部')}`);
    await save(page, 'explorer-organization', { fullPage: true });
    await context.close();

    const phone = await localContext(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const p = await phone.context.newPage();
    for (const [name, hash] of [
      ['explorer-phone-person', `#/person/${encodeURIComponent('苗圩')}`],
      ['explorer-phone-meeting', `#/meeting/${meeting!.key}`],
      ['explorer-phone-dashboard', ''],
    ] as const) {
      await p.goto(`${base}/${hash}`);
      await explorerReady(p);
      await p.waitForTimeout(400);
      await save(p, name);
    }
    await phone.context.close();
  }

  if (wanted('graphiql')) {
    say('GraphiQL:');
    const { context } = await localContext(browser, { viewport: { width: 1400, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${base}/graphql`);
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('totalCount').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    await save(page, 'graphiql');
    await context.close();
  }

  if (wanted('browser')) {
    say('Neo4j Browser:');
    const { context } = await localContext(browser, { viewport: { width: 1400, height: 860 } });
    const page = await context.newPage();
    await openNeo4jBrowser(page, neo4j.browserUrl);
    await page.waitForTimeout(500);
    await save(page, 'browser-connected');
    await dropGrass(page);
    await page.waitForTimeout(500);
    await save(page, 'browser-style');
    for (const q of BROWSER_QUERIES) {
      const frame = await runInBrowser(page, neo4j.browserUrl, q.cypher);
      // The window down to the end of the result frame (the welcome frame below it is cut off).
      const box = (await frame.boundingBox())!;
      await save(page, `browser-${q.file}`, { clipHeight: Math.ceil(box.y + box.height + 8) });
    }
    await context.close();
  }
  say(`Wrote ${written.length} screenshot(s) to ${path.relative(projectRoot, OUT)}/`);
} catch (error) {
  say(`Failed: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  http.closeAllConnections();
  http.close();
  await executor.close().catch(() => {});
  await neo4j.stop();
}
