// Last stage, load: writes one bulletin's facts in one transaction. The same content again is
// skipped; changed content under the same key replaces that bulletin's facts.
import { bulletinState, removeBulletin, writeExtraction } from '../../neo4j/cypher/bulletin.ts';
import type { Executor } from '../../neo4j/executor.ts';
import { schemaStatements } from '../../neo4j/schema.ts';
import type { ExtractionResult } from '../types.ts';

export type LoadOutcome = 'created' | 'replaced' | 'unchanged';

export async function ensureSchema(executor: Executor): Promise<void> {
  // Schema statements cannot share a transaction with writes; each runs on its own.
  for (const statement of schemaStatements()) await executor.write(statement);
}

export async function loadExtraction(executor: Executor, result: ExtractionResult): Promise<LoadOutcome> {
  const ingestedAt = new Date().toISOString();
  return executor.writeTransaction(async (run) => {
    const [state] = await run(bulletinState(result.bulletin.key));
    const previous = state?.contentHash as string | undefined;
    if (previous === result.bulletin.contentHash) return 'unchanged';
    if (previous) for (const q of removeBulletin(result.bulletin.key)) await run(q);
    for (const q of writeExtraction(result, ingestedAt)) await run(q);
    return previous ? 'replaced' : 'created';
  });
}

export async function deleteBulletin(executor: Executor, key: string): Promise<boolean> {
  return executor.writeTransaction(async (run) => {
    const [state] = await run(bulletinState(key));
    if (!state) return false;
    for (const q of removeBulletin(key)) await run(q);
    return true;
  });
}
