// The explorer page and its assets, served by the same server. Returns null for paths it does
// not own, so yoga handles them.
//
//   /, /explorer, /explorer/*     the page (index.html; hash routing does the rest)
//   /assets/app/*                 the page's own modules and CSS (app/ beside this file)
//   /assets/vendor/<pkg>/<file>   a fixed list of files from node_modules (Preact, htm, Chart.js,
//                                 opencc-js): no build step, no CDN
//   /assets/neo4j/browser-style.grass   the Neo4j Browser style (neo4j/browser-style.grass), with
//                                 CORS open so Browser's `:style <url>` can fetch it
//
// Files are read from disk on first use and again when their mtime or size changes (so editing
// app/ needs no restart). The page and app/ are `no-cache`; vendor files may be kept for an hour.
// The page carries a Content-Security-Policy that allows scripts, styles and
// requests to this origin only, with the inline import map admitted by its hash.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const appDir = path.join(here, 'app');
const indexFile = path.join(here, 'index.html');
const grassFile = path.resolve(here, '..', '..', '..', 'neo4j', 'browser-style.grass');

/** /assets/vendor/<key> → <package>/<file inside the package>. Nothing else under node_modules is served. */
export const VENDOR_FILES: Readonly<Record<string, readonly [pkg: string, file: string]>> = {
  'preact/preact.mjs': ['preact', 'dist/preact.mjs'],
  'preact/hooks.mjs': ['preact', 'hooks/dist/hooks.mjs'],
  'htm/htm.mjs': ['htm', 'dist/htm.mjs'],
  'chart.js/chart.umd.min.js': ['chart.js', 'dist/chart.umd.min.js'],
  'opencc-js/t2cn.js': ['opencc-js', 'dist/esm/t2cn.js'],
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.grass': 'text/plain; charset=utf-8',
};

interface Cached {
  mtimeMs: number;
  size: number;
  body: Buffer;
  csp?: string;
}
const cache = new Map<string, Cached>();

export function explorerResponse(pathname: string): Response | null {
  if (pathname === '/' || pathname === '/index.html' || pathname === '/explorer' || pathname.startsWith('/explorer/')) {
    return fileResponse(indexFile, { page: true });
  }
  if (pathname === '/favicon.ico') return fileResponse(path.join(appDir, 'favicon.svg'));
  if (pathname.startsWith('/assets/app/')) {
    const rel = safeRelative(pathname.slice('/assets/app/'.length));
    return rel ? fileResponse(path.join(appDir, rel)) ?? notFound() : notFound();
  }
  if (pathname === '/assets/neo4j/browser-style.grass') {
    const res = fileResponse(grassFile) ?? notFound();
    res.headers.set('access-control-allow-origin', '*');
    return res;
  }
  if (pathname.startsWith('/assets/vendor/')) {
    const key = pathname.slice('/assets/vendor/'.length);
    const map = key.endsWith('.map') ? VENDOR_FILES[key.slice(0, -'.map'.length)] : undefined;
    const entry = VENDOR_FILES[key] ?? map;
    if (!entry) return notFound();
    const file = resolvePackageFile(entry[0], entry[1] + (map ? '.map' : ''));
    return (file && fileResponse(file, { vendor: true })) || notFound();
  }
  return null;
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** A relative path of plain segments (no `..`, no hidden files, no backslashes), or null. */
function safeRelative(raw: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const parts = rel.split('/');
  if (!parts.length || parts.some((p) => !p || p.startsWith('.') || p.includes('\\') || p.includes('\0'))) return null;
  return parts.join(path.sep);
}

const packageDirs = new Map<string, string | null>();

/** node_modules/<pkg>/<file>, found the way Node finds packages: in node_modules of here or any parent. */
function resolvePackageFile(pkg: string, file: string): string | null {
  let dir = packageDirs.get(pkg);
  if (dir === undefined) {
    dir = null;
    for (let at = here; ; at = path.dirname(at)) {
      const candidate = path.join(at, 'node_modules', pkg);
      if (fs.existsSync(path.join(candidate, 'package.json'))) {
        dir = candidate;
        break;
      }
      if (path.dirname(at) === at) break;
    }
    packageDirs.set(pkg, dir);
  }
  return dir ? path.join(dir, file) : null;
}

function load(file: string, page: boolean): Cached | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit;
  const body = fs.readFileSync(file);
  const entry: Cached = {
    mtimeMs: stat.mtimeMs,
    size: stat.size,
    body,
    csp: page ? contentSecurityPolicy(body.toString('utf8')) : undefined,
  };
  cache.set(file, entry);
  return entry;
}

/** Same origin only; inline scripts only by hash (the import map). */
export function contentSecurityPolicy(html: string): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    // Preact and Chart.js set element styles from script; that is all 'unsafe-inline' admits here.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

function fileResponse(file: string, { page = false, vendor = false } = {}): Response | null {
  const entry = load(file, page);
  if (!entry) return null;
  const headers: Record<string, string> = {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': vendor ? 'public, max-age=3600' : 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  if (entry.csp) {
    headers['content-security-policy'] = entry.csp;
    headers['referrer-policy'] = 'no-referrer';
  }
  return new Response(new Uint8Array(entry.body), { status: 200, headers });
}
