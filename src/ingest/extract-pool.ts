// A pool of extraction workers. With one worker (or none asked for) extraction runs inline.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { extractFile } from './pipeline.ts';
import { InputError } from './report.ts';
import type { ExtractionResult } from './types.ts';
import type { ExtractReply } from './worker.ts';

export type Extracted = { ok: true; result: ExtractionResult } | { ok: false; reason: string; input: boolean };

export interface ExtractPool {
  extract(path: string): Promise<Extracted>;
  close(): Promise<void>;
}

/** Workers by default: one per core, leaving the main thread the writing. */
export const defaultWorkers = () => Math.max(1, availableParallelism());

export function createExtractPool(size: number): ExtractPool {
  if (size <= 1) {
    return {
      async extract(path) {
        try {
          return { ok: true, result: await extractFile(path) };
        } catch (error) {
          return { ok: false, reason: error instanceof InputError ? error.reason : (error as Error).message, input: error instanceof InputError };
        }
      },
      async close() {},
    };
  }
  const pending = new Map<number, (r: Extracted) => void>();
  const holding = new Map<Worker, number>();
  const idle: Worker[] = [];
  const queue: { id: number; path: string }[] = [];
  let next = 0;
  const dispatch = () => {
    while (idle.length && queue.length) {
      const w = idle.pop()!;
      const job = queue.shift()!;
      holding.set(w, job.id);
      w.postMessage(job);
    }
  };
  const settle = (w: Worker, result: Extracted) => {
    const id = holding.get(w);
    holding.delete(w);
    if (id !== undefined) {
      pending.get(id)?.(result);
      pending.delete(id);
    }
  };
  const spawn = (): Worker => {
    const w = new Worker(new URL('./worker-boot.mjs', import.meta.url));
    w.on('message', (reply: ExtractReply) => {
      settle(w, reply.ok ? { ok: true, result: reply.result } : { ok: false, reason: reply.reason, input: reply.input });
      idle.push(w);
      dispatch();
    });
    w.on('error', (error) => {
      // A worker that dies fails the file it held; a new one takes its place.
      settle(w, { ok: false, reason: `extraction worker failed: ${error.message}`, input: false });
      workers[workers.indexOf(w)] = spawn();
      dispatch();
    });
    idle.push(w);
    return w;
  };
  const workers: Worker[] = [];
  for (let i = 0; i < size; i++) workers.push(spawn());
  return {
    extract(path) {
      return new Promise<Extracted>((resolve) => {
        const id = next++;
        pending.set(id, resolve);
        queue.push({ id, path });
        dispatch();
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
