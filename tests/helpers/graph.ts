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

/**
 * A digest of the whole graph: every node's labels and properties and every relationship's type,
 * ends and properties, with list properties sorted and ingestedAt left out, so that two graphs
 * built in a different order (or by several processes) compare equal when they hold the same facts.
 */
export async function graphDigest(db: Executor): Promise<{ nodes: number; relationships: number; digest: string }> {
  const { createHash } = await import('node:crypto');
  const norm = (props: Record<string, unknown>) =>
    Object.keys(props)
      .filter((k) => k !== 'ingestedAt')
      .sort()
      .map((k) => {
        const v = props[k];
        return [k, Array.isArray(v) ? [...v].map(String).sort() : v];
      });
  const nodes = await db.read<{ id: string; labels: string[]; props: Record<string, unknown> }>({
    cypher: 'MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props',
    params: {},
  });
  const identity = new Map(nodes.map((n) => [n.id, JSON.stringify([n.labels.sort(), norm(n.props)])]));
  const rels = await db.read<{ type: string; a: string; b: string; props: Record<string, unknown> }>({
    cypher: 'MATCH (a)-[r]->(b) RETURN type(r) AS type, elementId(a) AS a, elementId(b) AS b, properties(r) AS props',
    params: {},
  });
  const lines = [
    ...[...identity.values()].sort(),
    ...rels.map((r) => JSON.stringify([r.type, identity.get(r.a), identity.get(r.b), norm(r.props)])).sort(),
  ];
  return { nodes: nodes.length, relationships: rels.length, digest: createHash('sha256').update(lines.join('\n')).digest('hex') };
}
