// What the end-to-end tests and scripts/screenshots.ts share: Debian's Chromium driven by
// playwright-core, with every request that is not for this machine aborted (Neo4j Browser asks for
// web fonts, analytics and a feedback widget); the yoga server on an ephemeral 127.0.0.1 port; and
// the steps that drive Neo4j Browser (load the GraSS style the way a user drops the file, run a
// query from a `cmd=edit` link).
import fs from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { Executor } from '../../src/neo4j/executor.ts';
import { createServer } from '../../src/server/yoga.ts';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const haveChromium = fs.existsSync(chromiumPath);
export const grassFile = path.join(root, 'neo4j', 'browser-style.grass');

/** Flags that keep Chromium quiet on a machine without a network: no sync, updates, or probes. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium; Playwright gives each launch a fresh, temporary user data dir. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
}

const LOCAL = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A browser context that aborts every request to another host, and records them. */
export async function localContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; external: string[] }> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  const external: string[] = [];
  await context.route(
    (url) => !LOCAL.has(url.hostname) && url.protocol !== 'data:' && url.protocol !== 'blob:',
    (route) => {
      external.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  return { context, external };
}

/** The yoga server (GraphQL, GraphiQL, the explorer) on 127.0.0.1 and a free port. */
export async function serveYoga(executor: Executor): Promise<{ url: string; close(): Promise<void> }> {
  const yoga = createServer({ executor, maskErrors: true });
  const server = createHttpServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Waits until the explorer has shown the data of the current view; on a time-out the error says
 * what the page showed instead.
 */
export async function explorerReady(page: Page, timeout = 30_000): Promise<void> {
  try {
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout, polling: 50 });
  } catch (error) {
    const shown = await page.evaluate(() => document.querySelector('main')?.textContent?.slice(0, 400) ?? document.body.textContent?.slice(0, 400)).catch(() => '?');
    throw new Error(`the explorer did not show ${page.url()} within ${timeout} ms; the page shows: ${shown}`, { cause: error });
  }
}

/** Where the first view showed its data, in ms after navigation start (performance mark). */
export function firstViewMs(page: Page): Promise<number | null> {
  return page.evaluate(() => performance.getEntriesByName('explorer:first-view')[0]?.startTime ?? null);
}

/** Opens Neo4j Browser (URL from browserUrlFor) and waits until it says it is connected. */
export async function openNeo4jBrowser(page: Page, url: string, timeout = 60_000): Promise<void> {
  await page.goto(url);
  await page.getByText('Connected to Neo4j').first().waitFor({ timeout });
}

/**
 * Loads a GraSS file into Neo4j Browser as a user does: dropping the file on the window. Browser
 * keeps it in localStorage (`neo4j.grass`) for later visits in the same profile.
 */
export async function dropGrass(page: Page, grass = fs.readFileSync(grassFile, 'utf8')): Promise<void> {
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'browser-style.grass', { type: 'text/plain' }));
    const target = document.querySelector('[data-testid="activeEditor"]') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, grass);
  // Browser answers a dropped style with a `:style` frame that shows it, and keeps it in localStorage.
  await page.locator('[data-testid="frameCommand"]', { hasText: ':style' }).first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => (localStorage.getItem('neo4j.grass') ?? '').includes('node.Person'), null, { timeout: 15_000 });
}

/** Browser's link that opens with `cypher` in the editor (`cmd=edit&arg=…`). */
export function browserQueryUrl(browserUrl: string, cypher: string): string {
  return `${browserUrl}&cmd=edit&arg=${encodeURIComponent(cypher)}`;
}

/**
 * Opens Browser with `cypher` in the editor, runs it, waits for the graph it draws and returns the
 * result frame (Browser puts the newest frame first).
 */
export async function runInBrowser(page: Page, browserUrl: string, cypher: string) {
  await openNeo4jBrowser(page, browserQueryUrl(browserUrl, cypher));
  await page.locator('[data-testid="activeEditor"]').getByText(/MATCH/).first().waitFor({ timeout: 15_000 });
  await page.locator('[data-testid="editor-Run"]').first().click();
  const frame = page.locator('[data-testid="frame"]').first();
  await frame.locator('[data-testid="frameCommand"]', { hasText: cypher.split('\n')[0]!.slice(0, 12) }).waitFor({ timeout: 30_000 });
  await frame.locator('svg g.node').first().waitFor({ timeout: 30_000 });
  // The force layout settles in about a second.
  await page.waitForTimeout(2500);
  return frame;
}

/** The node captions a Browser result frame draws, trimmed. */
export async function browserCaptions(frame: Locator): Promise<string[]> {
  return (await frame.locator('svg g.node text.caption').allTextContents()).map((t) => t.trim()).filter(Boolean);
}

/**
 * Neo4j Browser 5's GraSS reader (parseGrass in its bundle), ported as it is, so a test can check
 * that neo4j/browser-style.grass reads the way Browser reads it: selectors outside braces,
 * `name: value` pairs split on `;` inside, quotes dropped, a declaration with more or fewer than
 * one colon silently ignored.
 */
export function parseGrass(text: string): Record<string, Record<string, string>> {
  let quoted = false;
  let inRule = false;
  let nested = false;
  let selector = '';
  let body = '';
  const raw: Record<string, string> = {};
  for (const c of text) {
    let skip = true;
    switch (c) {
      case '{':
        if (quoted) skip = false;
        else if (inRule) nested = true;
        else inRule = true;
        break;
      case '}':
        if (quoted) skip = false;
        else if (nested) nested = false;
        else {
          inRule = false;
          raw[selector] = body;
          selector = '';
          body = '';
        }
        break;
      case "'":
      case '"':
        quoted = !quoted;
        break;
      default:
        skip = false;
    }
    if (skip) continue;
    if (inRule) body += c;
    else if (!/\s/.test(c)) selector += c;
  }
  const out: Record<string, Record<string, string>> = {};
  for (const [sel, declarations] of Object.entries(raw)) {
    out[sel] = {};
    for (const d of declarations.split(';')) {
      const parts = d.split(':');
      if (parts.length === 2) out[sel]![parts[0]!.trim()] = parts[1]!.trim();
    }
  }
  return out;
}
