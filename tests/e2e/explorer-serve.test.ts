// The explorer's server side and its pure helpers, without a browser or Neo4j: which paths it
// answers, that every vendor file it maps exists in node_modules (a package upgrade that moves a
// dist file fails here, not in a user's browser), the Content-Security-Policy, and the span and
// count helpers of app/api.js.
import { describe, expect, it } from 'vitest';
import { VENDOR_FILES, contentSecurityPolicy, explorerResponse } from '../../src/server/explorer/serve.ts';

// app/api.js is a browser module (plain JS with JSDoc types); its helpers need no DOM.
const apiPath = '../../src/server/explorer/app/api.js';
const api = (await import(/* @vite-ignore */ apiPath)) as {
  segment(text: string, spans: { start: number; end: number; label?: string }[]): { text: string; mark: boolean; label?: string }[];
  mergeSpans(spans: { start: number; end: number; label?: string }[]): { start: number; end: number; label?: string }[];
  onlyMarks(html: string | null): string | null;
  count(keys: (string | null)[]): { key: string; count: number }[];
  coAttendeesFrom(self: string, participations: unknown[]): { name: string; count: number; lastDate: string | null; meetings: string[] }[];
  timelineFrom(p: unknown): { date: string | null }[];
};

describe('explorerResponse', () => {
  it('serves the page at / and /explorer/*, with a same-origin CSP that admits the import map by hash', async () => {
    for (const path of ['/', '/explorer', '/explorer/person']) {
      const res = explorerResponse(path)!;
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await res.text();
      expect(html).toContain('<script type="importmap">');
      expect(html).not.toMatch(/(src|href)="https?:\/\//);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).toBe(contentSecurityPolicy(html));
    }
  });

  it('leaves yoga its own paths', () => {
    for (const path of ['/graphql', '/health', '/ready', '/nope', '/assetsx/app/main.js']) expect(explorerResponse(path), path).toBeNull();
  });

  it('serves the app modules and every mapped vendor file, as JavaScript', async () => {
    for (const path of ['/assets/app/main.js', '/assets/app/api.js', '/assets/app/views/meeting.js']) {
      const res = explorerResponse(path)!;
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    }
    expect(explorerResponse('/assets/app/style.css')!.headers.get('content-type')).toBe('text/css; charset=utf-8');
    // The Browser style, for `:style http://localhost:4000/assets/neo4j/browser-style.grass` (cross-origin).
    const grass = explorerResponse('/assets/neo4j/browser-style.grass')!;
    expect(grass.headers.get('access-control-allow-origin')).toBe('*');
    expect(await grass.text()).toContain('node.Person');
    for (const key of Object.keys(VENDOR_FILES)) {
      const res = explorerResponse(`/assets/vendor/${key}`)!;
      expect(res.status, key).toBe(200);
      expect((await res.arrayBuffer()).byteLength, key).toBeGreaterThan(1000);
    }
  });

  it('serves nothing else from node_modules or outside app/', () => {
    for (const path of [
      '/assets/vendor/preact/package.json',
      '/assets/vendor/../package.json',
      '/assets/app/../serve.ts',
      '/assets/app/%2e%2e/serve.ts',
      '/assets/app/.hidden',
      '/assets/app/views/../../serve.ts',
      '/assets/app/nope.js',
    ]) {
      expect(explorerResponse(path)?.status, path).toBe(404);
    }
  });
});

describe('app/api.js helpers', () => {
  const text = '甲乙丙丁戊己庚辛';

  it('cuts a text into plain and marked pieces', () => {
    expect(api.segment(text, [{ start: 1, end: 3, label: 'a' }, { start: 5, end: 6 }])).toEqual([
      { text: '甲', mark: false },
      { text: '乙丙', mark: true, label: 'a' },
      { text: '丁戊', mark: false },
      { text: '己', mark: true, label: undefined },
      { text: '庚辛', mark: false },
    ]);
    expect(api.segment(text, [{ start: 6, end: 99 }]).at(-1)).toEqual({ text: '庚辛', mark: true, label: undefined });
  });

  it('joins overlapping spans and their labels, and keeps touching ones apart', () => {
    expect(api.mergeSpans([{ start: 4, end: 8, label: '苗圩' }, { start: 0, end: 4, label: '范小建' }, { start: 5, end: 6, label: '某' }])).toEqual([
      { start: 0, end: 4, label: '范小建' },
      { start: 4, end: 8, label: '苗圩、某' },
    ]);
  });

  it('lets only <mark> through from server HTML', () => {
    expect(api.onlyMarks('a &lt;b&gt; <mark>c</mark>')).toBe('a &lt;b&gt; <mark>c</mark>');
    expect(api.onlyMarks('<mark>c</mark><img src=x onerror=alert(1)>')).toBeNull();
    expect(api.onlyMarks(null)).toBeNull();
  });

  it('counts keys, largest first, and builds co-attendance from meetings', () => {
    expect(api.count(['b', 'a', null, 'b'])).toEqual([
      { key: 'b', count: 2 },
      { key: 'a', count: 1 },
    ]);
    const meeting = (key: string, date: string, names: string[]) => ({ meeting: { key, date, attendees: names.map((name) => ({ person: { name } })) } });
    expect(api.coAttendeesFrom('王', [meeting('m1', '2021-03-05', ['王', '李', '赵']), meeting('m2', '2021-07-12', ['王', '李'])])).toEqual([
      { name: '李', count: 2, lastDate: '2021-07-12', meetings: ['m1', 'm2'] },
      { name: '赵', count: 1, lastDate: '2021-03-05', meetings: ['m1'] },
    ]);
  });
});
