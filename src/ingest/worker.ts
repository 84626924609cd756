// An extraction worker: nodejieba is synchronous, so extraction runs on worker threads while the
// main thread writes to Neo4j. Each message names a file; the answer is its extraction or why not.
import { parentPort } from 'node:worker_threads';
import { extractFile } from './pipeline.ts';
import { InputError } from './report.ts';

export interface ExtractRequest {
  id: number;
  path: string;
}

export type ExtractReply =
  | { id: number; ok: true; result: import('./types.ts').ExtractionResult }
  | { id: number; ok: false; reason: string; input: boolean };

parentPort?.on('message', async ({ id, path }: ExtractRequest) => {
  let reply: ExtractReply;
  try {
    reply = { id, ok: true, result: await extractFile(path) };
  } catch (error) {
    reply = { id, ok: false, reason: error instanceof InputError ? error.reason : String((error as Error).message), input: error instanceof InputError };
  }
  parentPort!.postMessage(reply);
});
