// Last stage, load: writes bulletins' facts, a batch in one managed transaction (retried as a
// whole on transient errors). The same content again is skipped; changed content under the same
// key replaces that bulletin's facts. Nothing is half-written: a batch commits or not at all.
import { bulletinStates, migrateLegacyHeld, removeBulletin, writeExtractions } from '../../neo4j/cypher/bulletin.ts';
import { deriveAfterRemove, deriveAfterWrite, deriveBeforeRemove, NEEDS_DERIVED, rebuildDerived } from '../../neo4j/cypher/derived.ts';
import type { CypherQuery, Executor } from '../../neo4j/executor.ts';
import { AWAIT_FULLTEXT, AWAIT_INDEXES, dropFulltext, FULLTEXT_INDEXES, fulltextStatements, STALE_FULLTEXT, type SearchKind } from '../../neo4j/fulltext.ts';
import { schemaStatements } from '../../neo4j/schema.ts';
import type { ExtractionResult } from '../types.ts';

export type LoadOutcome = 'created' | 'replaced' | 'unchanged';

export async function ensureSchema(executor: Executor): Promise<void> {
  // Schema statements cannot share a transaction with writes; each runs on its own.
  // Full-text indexes of an earlier version (not eventually consistent) are made again, once.
  const stale = new Set((await executor.read<{ name: string }>(STALE_FULLTEXT)).map((r) => r.name));
  for (const [kind, { name }] of Object.entries(FULLTEXT_INDEXES)) if (stale.has(name)) await executor.write(dropFulltext(kind as SearchKind));
  for (const statement of [...schemaStatements(), ...fulltextStatements()]) await executor.write(statement);
  // A recreated index fills in the background; search waits for it here rather than failing.
  if (stale.size) await executor.write(AWAIT_INDEXES);
  // A graph loaded before the derived structure (months, co-attendance) gets it once.
  const [state] = await executor.read<{ needed: boolean }>(NEEDS_DERIVED);
  if (state?.needed) for (const statement of rebuildDerived()) await executor.write(statement);
  // A graph written before HELD kept capped evidence gets the bulletins' records once.
  for (;;) {
    const [row] = await executor.write<{ migrated: number }>(migrateLegacyHeld());
    if (!row || row.migrated === 0) break;
  }
}

type Run = (query: CypherQuery) => Promise<unknown>;

/**
 * Runs statements of one transaction in order, sent all at once: Neo4j runs them one after
 * another while the driver packs and sends the next, so its worker does not wait on our side
 * between statements. A failure fails the transaction, as one at a time.
 */
async function runAll(run: Run, statements: CypherQuery[]): Promise<void> {
  await Promise.all(statements.map((q) => run(q)));
}

/** removeBulletin with the derived structure kept exact around it. */
const removal = (key: string) => [...deriveBeforeRemove(key), ...removeBulletin(key), ...deriveAfterRemove()];

/** Writes a batch of extractions with distinct bulletin keys; returns each one's outcome, in order. */
export async function loadBatch(executor: Executor, results: ExtractionResult[]): Promise<LoadOutcome[]> {
  const keys = results.map((r) => r.bulletin.key);
  if (new Set(keys).size !== keys.length) throw new Error('a batch must not hold the same bulletin key twice');
  if (results.length === 0) return [];
  const ingestedAt = new Date().toISOString();
  return executor.writeTransaction(async (run) => {
    const stored = new Map((await run(bulletinStates(keys))).map((row) => [row.key as string, row]));
    const outcomes = results.map((r): LoadOutcome => {
      const previous = stored.get(r.bulletin.key);
      if (!previous) return 'created';
      const same = previous.contentHash === r.bulletin.contentHash && previous.extractorVersion === r.bulletin.extractorVersion;
      return same ? 'unchanged' : 'replaced';
    });
    const changed = results.filter((_, i) => outcomes[i] !== 'unchanged');
    const statements = [
      ...results.flatMap((r, i) => (outcomes[i] === 'replaced' ? removal(r.bulletin.key) : [])),
      ...(changed.length ? [...writeExtractions(changed, ingestedAt), ...deriveAfterWrite(changed)] : []),
    ];
    await runAll(run, statements);
    return outcomes;
  });
}

/** One bulletin (the API's ingestBulletin), searchable when this returns. */
export async function loadExtraction(executor: Executor, result: ExtractionResult): Promise<LoadOutcome> {
  const [outcome] = await loadBatch(executor, [result]);
  await executor.write(AWAIT_FULLTEXT);
  return outcome!;
}

/** Removes one bulletin (see removeBulletin); gone from search when this returns. */
export async function deleteBulletin(executor: Executor, key: string): Promise<boolean> {
  const deleted = await executor.writeTransaction(async (run) => {
    const [state] = await run(bulletinStates([key]));
    if (!state) return false;
    await runAll(run, removal(key));
    return true;
  });
  if (deleted) await executor.write(AWAIT_FULLTEXT);
  return deleted;
}
