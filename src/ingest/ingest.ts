// Ingest any number of bulletins: listed up front (names only), extracted on worker threads a
// bounded window ahead, written in batches of one transaction each. A bad file is reported (file,
// reason) and the rest still go in; a rerun after a kill skips what was written (content hash)
// and finishes the job.
import createDebug from 'debug';
import { DatabaseUnavailableError, type Executor } from '../neo4j/executor.ts';
import { AWAIT_FULLTEXT } from '../neo4j/fulltext.ts';
import { createExtractPool, defaultWorkers } from './extract-pool.ts';
import { listInputs } from './inputs.ts';
import { bulletinKey } from './pipeline.ts';
import type { Progress } from './progress.ts';
import type { FileReport } from './report.ts';
import { loadBatch } from './stages/load.ts';
import type { ExtractionResult } from './types.ts';

const debug = createDebug('bulletin-graph:ingest');

export interface IngestOptions {
  /** Extraction worker threads; default one per core for more than a few files. */
  workers?: number;
  /** Bulletins per write transaction. */
  batchSize?: number;
  onFile?: (report: FileReport) => void;
  /** Made once the inputs are listed, so that it knows the total. */
  progress?: (total: number) => Progress;
}

export interface IngestSummary {
  total: number;
  ingested: number;
  unchanged: number;
  /** Inputs that are not bulletins (empty, binary, not Chinese …). */
  skipped: number;
  /** Bulletins that could not be written. */
  failed: number;
  /** Every file that was skipped or failed, with the reason. */
  problems: FileReport[];
  /** Files that went in despite something odd, with what. */
  warnings: FileReport[];
  counts: { meetings: number; people: number; organizations: number; directives: number };
  seconds: number;
}

/**
 * The files of one run that share a bulletin key (the file name without extension) with another
 * file of the run, each with the others: one bulletin, which the last of them listed replaces. The
 * map of every key is dropped on return, so memory holds only the shared ones.
 */
export function sharedKeys(files: readonly string[]): Map<string, string[]> {
  const byKey = new Map<string, string>();
  const shared = new Map<string, string[]>();
  for (const file of files) {
    const key = bulletinKey(file);
    const first = byKey.get(key);
    if (first === undefined) byKey.set(key, file);
    else if (first !== file && !shared.get(key)?.includes(file)) shared.set(key, [...(shared.get(key) ?? [first]), file]);
  }
  return shared;
}

export async function ingestPaths(executor: Executor, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const files = await listInputs(paths);
  const shared = sharedKeys(files);
  const workers = options.workers ?? (files.length > 8 ? defaultWorkers() : 1);
  const batchSize = options.batchSize ?? 250;
  const pool = createExtractPool(workers);
  const progress = options.progress?.(files.length);
  const summary: IngestSummary = {
    total: files.length,
    ingested: 0,
    unchanged: 0,
    skipped: 0,
    failed: 0,
    problems: [],
    warnings: [],
    counts: { meetings: 0, people: 0, organizations: 0, directives: 0 },
    seconds: 0,
  };
  let done = 0;
  const report = (r: FileReport) => {
    done++;
    if (r.warning) summary.warnings.push(r);
    if (r.status === 'ingested') summary.ingested++;
    else if (r.status === 'unchanged') summary.unchanged++;
    else {
      if (r.status === 'skipped') summary.skipped++;
      else summary.failed++;
      summary.problems.push(r);
    }
    debug('%s: %s %s', r.source, r.status, r.reason ?? '');
    options.onFile?.(r);
    progress?.tick(done);
  };

  let batch: { source: string; result: ExtractionResult }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    try {
      const outcomes = await loadBatch(executor, items.map((i) => i.result));
      items.forEach((item, k) => written(item, outcomes[k] === 'unchanged'));
    } catch (error) {
      // Without the database nothing can go on; a rerun resumes where this stopped.
      if (error instanceof DatabaseUnavailableError) throw error;
      // Otherwise find the bulletin that broke the batch: write them one by one.
      for (const item of items) {
        try {
          const [outcome] = await loadBatch(executor, [item.result]);
          written(item, outcome === 'unchanged');
        } catch (single) {
          if (single instanceof DatabaseUnavailableError) throw single;
          report({ source: item.source, status: 'failed', reason: `not written: ${(single as Error).message}` });
        }
      }
    }
  };
  const written = (item: { source: string; result: ExtractionResult }, unchanged: boolean) => {
    const r = item.result;
    const counts = { meetings: r.meetings.length, people: r.people.length, organizations: r.organizations.length, directives: r.directives.length };
    if (!unchanged) for (const k of Object.keys(counts) as (keyof typeof counts)[]) summary.counts[k] += counts[k];
    const others = shared.get(r.bulletin.key)?.filter((f) => f !== item.source);
    const warnings = others?.length
      ? [...r.warnings, `same name as ${others.join(', ')}: one bulletin (key ${r.bulletin.key}), which the last of them listed replaces`]
      : r.warnings;
    const warning = warnings.length ? warnings.join('; ') : undefined;
    report({ source: item.source, status: unchanged ? 'unchanged' : 'ingested', counts, ...(warning ? { warning } : {}) });
  };

  // Extraction runs a bounded window ahead of the writer, so memory stays flat for any count; the
  // window holds a few batches so that the workers keep extracting while one is written (the first
  // write also waits for Neo4j to plan its statements). One batch is written at a time, in input
  // order (a later version of a key lands last).
  const window = Math.max(8, workers * 8, batchSize * 4);
  const inFlight: Promise<Awaited<ReturnType<typeof pool.extract>>>[] = [];
  let writing: Promise<void> = Promise.resolve();
  const write = async () => {
    await writing;
    writing = flush();
    // Seen by the next write or the final await; a failure is not left unhandled meanwhile.
    writing.catch(() => {});
  };
  try {
    for (let i = 0, started = 0; i < files.length; i++) {
      while (started < files.length && started < i + window) inFlight.push(pool.extract(files[started++]!));
      const extracted = await inFlight.shift()!;
      const source = files[i]!;
      if (!extracted.ok) {
        report({ source, status: extracted.input ? 'skipped' : 'failed', reason: extracted.reason });
        continue;
      }
      if (batch.some((b) => b.result.bulletin.key === extracted.result.bulletin.key)) await write();
      batch.push({ source, result: extracted.result });
      if (batch.length >= batchSize) await write();
    }
    await write();
    await writing;
    // What this ingest wrote is searchable when it returns (the full-text indexes lag commits).
    await executor.write(AWAIT_FULLTEXT);
  } finally {
    // Nothing is left running behind a failure (the pool closes under it otherwise).
    await writing.catch(() => {});
    await pool.close();
    progress?.end();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

export function summaryLine(s: IngestSummary): string {
  const parts = [`${s.ingested} bulletin(s) ingested`, `${s.unchanged} unchanged`];
  if (s.skipped) parts.push(`${s.skipped} skipped`);
  if (s.failed) parts.push(`${s.failed} failed`);
  const c = s.counts;
  return `${parts.join(', ')}: ${c.meetings} meeting(s), ${c.people} people, ${c.organizations} organization(s), ${c.directives} directive(s)`;
}
