// An extraction worker: nodejieba is synchronous, so extraction runs on worker threads while the
// main thread writes to Neo4j. Each message names a file; the answer is its extraction or why not.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { extractFileSync } from './pipeline.ts';
import { InputError } from './report.ts';

export interface ExtractRequest {
  id: number;
  path: string;
}

export type ExtractReply =
  | { id: number; ok: true; result: import('./types.ts').ExtractionResult }
  | { id: number; ok: false; reason: string; input: boolean };

// Below the main thread and Neo4j: the writer is the bottleneck, and a write that waits for a core
// while extraction runs ahead costs the whole pipeline (Linux: a thread has its own nice value).
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (tid) setPriority(tid, Math.min(19, getPriority(tid) + 10));
} catch {
  // Not Linux, or not allowed: extraction runs at the process's priority.
}

parentPort?.on('message', ({ id, path }: ExtractRequest) => {
  let reply: ExtractReply;
  try {
    reply = { id, ok: true, result: extractFileSync(path) };
  } catch (error) {
    reply = { id, ok: false, reason: error instanceof InputError ? error.reason : String((error as Error).message), input: error instanceof InputError };
  }
  parentPort!.postMessage(reply);
});
