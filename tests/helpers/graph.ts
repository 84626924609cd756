// For integration tests (*.int.test.ts): connect to the test run's Neo4j and empty it.
//   let db: Executor;
//   beforeAll(async () => { db = await freshGraph(); });
//   afterAll(() => db.close());
import { inject } from 'vitest';
import { Executor } from '../../src/neo4j/executor.ts';

/** An Executor on the injected Neo4j, after deleting every node and relationship. */
export async function freshGraph(): Promise<Executor> {
  const db = Executor.connect(inject('neo4j'));
  try {
    await clearGraph(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** Deletes all nodes in batches of 10 000 (one transaction per batch keeps memory bounded). */
export async function clearGraph(db: Executor): Promise<void> {
  for (;;) {
    const [row] = await db.write<{ deleted: number }>({
      cypher: 'MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted',
      params: {},
    });
    if (!row || row.deleted === 0) return;
  }
}
