// A graph of an earlier version has full-text indexes that are not eventually consistent;
// ensureSchema makes them again with the setting, and search still finds what was written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../src/neo4j/executor.ts';
import { FULLTEXT_INDEXES } from '../src/neo4j/fulltext.ts';
import { ensureSchema } from '../src/ingest/stages/load.ts';
import { freshGraph } from './helpers/graph.ts';

let db: Executor;
beforeAll(async () => {
  db = await freshGraph();
});
afterAll(() => db.close());

const settings = async () =>
  Object.fromEntries(
    (
      await db.read<{ name: string; ec: boolean | null; analyzer: string }>({
        cypher: `SHOW FULLTEXT INDEXES YIELD name, options WHERE name IN $names
RETURN name, options.indexConfig['fulltext.eventually_consistent'] AS ec, options.indexConfig['fulltext.analyzer'] AS analyzer`,
        params: { names: Object.values(FULLTEXT_INDEXES).map((i) => i.name) },
      })
    ).map((r) => [r.name, [r.ec, r.analyzer]]),
  );

describe('ensureSchema on an older graph', () => {
  it('makes full-text indexes created without eventual consistency again, with it, and they still find', async () => {
    const { name, label, properties } = FULLTEXT_INDEXES.PERSON;
    await db.write({ cypher: `DROP INDEX ${name} IF EXISTS`, params: {} });
    await db.write({
      cypher: `CREATE FULLTEXT INDEX ${name} FOR (n:${label}) ON EACH [n.${properties[0]}] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'standard-no-stop-words', \`fulltext.eventually_consistent\`: false}}`,
      params: {},
    });
    await db.write({ cypher: "CREATE (:Person {name: '欧阳明远'})", params: {} });
    await db.write({ cypher: 'CALL db.awaitIndexes(60)', params: {} });
    expect((await settings())[name]).toEqual([false, 'standard-no-stop-words']);

    await ensureSchema(db);
    const after = await settings();
    expect(Object.keys(after).sort()).toEqual(Object.values(FULLTEXT_INDEXES).map((i) => i.name).sort());
    for (const v of Object.values(after)) expect(v).toEqual([true, 'standard-no-stop-words']);
    const found = await db.read<{ name: string }>({
      cypher: `CALL db.index.fulltext.queryNodes($index, '"明远"') YIELD node RETURN node.name AS name`,
      params: { index: name },
    });
    expect(found.map((r) => r.name)).toEqual(['欧阳明远']);
  });

  it('leaves indexes that already have the setting alone', async () => {
    const [before] = await db.read<{ ids: number[] }>({ cypher: 'SHOW FULLTEXT INDEXES YIELD id RETURN collect(id) AS ids', params: {} });
    await ensureSchema(db);
    const [after] = await db.read<{ ids: number[] }>({ cypher: 'SHOW FULLTEXT INDEXES YIELD id RETURN collect(id) AS ids', params: {} });
    expect(after!.ids.sort()).toEqual(before!.ids.sort());
  });
});
