// The ingest pipeline, in order: read (decode) → parse → normalize → segment → extract → resolve.
// Loading into Neo4j is the last stage and lives in stages/load.ts, the only one that does I/O
// against the database.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from './report.ts';
import { decode } from './stages/read.ts';
import { cjkCount, parse } from './stages/parse.ts';
import { clean, normalize, simplify } from './stages/normalize.ts';
import { extractFacts } from './stages/extract.ts';
import type { ExtractionResult } from './types.ts';

/** The bulletin's stable key: its file name without the extension. */
export function bulletinKey(source: string): string {
  return basename(source).replace(/(\.(gbk|gb2312|gb18030|big5|utf-?8))?\.(txt|html?|text)$/i, '');
}

export interface SourceOptions {
  /** Overrides the title the input gives. */
  title?: string;
  /** YYYY-MM-DD, overrides the date the input prints. */
  publishedAt?: string | null;
}

export function extractBytes(source: string, bytes: Uint8Array, options: SourceOptions = {}): ExtractionResult {
  const decoded = decode(source, bytes);
  const result = extractText(source, decoded.text, options);
  if (decoded.warning) result.warnings.push(decoded.warning);
  return result;
}

export function extractText(source: string, raw: string, options: SourceOptions = {}): ExtractionResult {
  const parsed = parse(source, raw);
  const body = parsed.paragraphs.join('\n');
  const cjk = cjkCount(body);
  if (cjk < 20 || cjk < body.replace(/\s/g, '').length * 0.3) {
    throw new InputError(source, 'not Chinese text (too few Chinese characters)');
  }
  const normalized = normalize(options.title ?? parsed.title, parsed.paragraphs);
  const result = extractFacts({
    bulletin: {
      key: bulletinKey(source),
      source: basename(source),
      title: normalized.title,
      publishedAt: options.publishedAt ?? parsed.publishedAt,
      text: normalized.text,
      originalText: normalized.original,
      contextYear: parsed.contextYear,
      context: simplify(clean(parsed.context)),
    },
  });
  if (result.meetings.length === 0 && result.people.length === 0) {
    throw new InputError(source, 'not a bulletin (no meeting and no official named)');
  }
  return result;
}

const unreadable = (path: string, error: unknown) =>
  new InputError(path, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);

export async function extractFile(path: string, options: SourceOptions = {}): Promise<ExtractionResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw unreadable(path, error);
  }
  return extractBytes(path, bytes, options);
}

/**
 * extractFile for extraction worker threads, which have nothing else to do while a file is read:
 * a synchronous read spares the four round trips through libuv's thread pool (open, stat, read,
 * close) and their promises.
 */
export function extractFileSync(path: string, options: SourceOptions = {}): ExtractionResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw unreadable(path, error);
  }
  return extractBytes(path, bytes, options);
}
