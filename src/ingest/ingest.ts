// Ingest files and folders: each input is extracted and loaded on its own, so a bad file is
// reported (file, reason) and the rest still go in.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import createDebug from 'debug';
import type { Executor } from '../neo4j/executor.ts';
import { extractFile } from './pipeline.ts';
import { InputError, type FileReport } from './report.ts';
import { loadExtraction } from './stages/load.ts';

const debug = createDebug('bulletin-graph:ingest');

const INPUT = /\.(txt|html?|text)$/i;

/** Files named directly, and the bulletin files (.txt, .html) inside folders, recursively. */
export async function expandInputs(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) {
      out.push(p); // reported as unreadable by the pipeline
    } else if (info.isDirectory()) {
      const entries = (await readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
      const inside = entries.filter((e) => e.isDirectory() || (e.isFile() && INPUT.test(e.name))).map((e) => join(p, e.name));
      out.push(...(await expandInputs(inside)));
    } else out.push(p);
  }
  return out;
}

export interface IngestSummary {
  files: FileReport[];
  ingested: number;
  unchanged: number;
  failed: number;
  counts: { meetings: number; people: number; organizations: number; directives: number };
}

export async function ingestPaths(executor: Executor, paths: string[], onFile?: (r: FileReport) => void): Promise<IngestSummary> {
  const files: FileReport[] = [];
  const counts = { meetings: 0, people: 0, organizations: 0, directives: 0 };
  for (const file of await expandInputs(paths)) {
    let report: FileReport;
    try {
      const result = await extractFile(file);
      const outcome = await loadExtraction(executor, result);
      const c = { meetings: result.meetings.length, people: result.people.length, organizations: result.organizations.length, directives: result.directives.length };
      if (outcome !== 'unchanged') for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += c[k];
      report = { source: file, status: outcome === 'unchanged' ? 'unchanged' : 'ingested', counts: c };
    } catch (error) {
      const reason = error instanceof InputError ? error.reason : (error as Error).message;
      report = { source: file, status: error instanceof InputError ? 'skipped' : 'failed', reason };
    }
    debug('%s: %s %s', report.source, report.status, report.reason ?? '');
    files.push(report);
    onFile?.(report);
  }
  return {
    files,
    ingested: files.filter((f) => f.status === 'ingested').length,
    unchanged: files.filter((f) => f.status === 'unchanged').length,
    failed: files.filter((f) => f.status === 'skipped' || f.status === 'failed').length,
    counts,
  };
}

export function summaryLine(s: IngestSummary): string {
  const parts = [`${s.ingested} bulletin(s) ingested`, `${s.unchanged} unchanged`];
  if (s.failed) parts.push(`${s.failed} skipped`);
  const c = s.counts;
  return `${parts.join(', ')}: ${c.meetings} meeting(s), ${c.people} people, ${c.organizations} organization(s), ${c.directives} directive(s)`;
}
