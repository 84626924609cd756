// Full-text indexes for search(), one per kind so that each ranks within its own kind (a name is
// not drowned by long bulletin texts). ensureSchema runs these with the constraints.
//
// The analyzer: Neo4j 5.26 offers `cjk` (overlapping bigrams), `standard-no-stop-words` (Lucene's
// StandardTokenizer: one token per Han character) and `unicode_whitespace` (a whole run of Han
// characters is one token), among others. On the seed and a synthetic corpus, as phrase queries:
//   unicode_whitespace finds 苗圩 and 范小建 as whole names only: no 小建, 信息化, 部长 (0 hits);
//   cjk finds every 2+ character substring (小建, 信息化, 动员部署会) but no single character (部:
//     1 hit) and, unquoted, ORs its bigrams (工业和信息化部: 726 hits);
//   standard-no-stop-words finds the same as cjk for 2+ characters, single characters too, and
//     ranks the organization 工业和信息化部 and the 动员部署会 meetings above bulletins that merely
//     mention them.
// So: standard-no-stop-words, with every term sent as a phrase (src/neo4j/cypher/search.ts),
// which makes a query a substring match in character order.
import type { CypherQuery } from './executor.ts';

export const FULLTEXT_ANALYZER = 'standard-no-stop-words';

export type SearchKind = 'PERSON' | 'ORGANIZATION' | 'MEETING' | 'DIRECTIVE' | 'BULLETIN';

export const FULLTEXT_INDEXES: Record<SearchKind, { name: string; label: string; properties: string[] }> = {
  PERSON: { name: 'search_person', label: 'Person', properties: ['name'] },
  ORGANIZATION: { name: 'search_organization', label: 'Organization', properties: ['name', 'aliases'] },
  MEETING: { name: 'search_meeting', label: 'Meeting', properties: ['name'] },
  DIRECTIVE: { name: 'search_directive', label: 'Directive', properties: ['text'] },
  BULLETIN: { name: 'search_bulletin', label: 'Bulletin', properties: ['title', 'text'] },
};

// Eventually consistent: Neo4j applies the indexes' updates on a thread of their own, after the
// commit, instead of in it. A write transaction runs on one Bolt worker, one after another, so
// Lucene in the commit held up every write behind it: a fresh 10,000-bulletin ingest ran 1.06-1.14
// times as fast this way (paired bench:ingest runs). Search therefore sees a write a moment after
// it commits; an ingest, and the API's single-bulletin writes, wait for the indexes before they
// return (AWAIT_FULLTEXT). Indexes of an older graph are made again (STALE_FULLTEXT).
export function fulltextStatements(): CypherQuery[] {
  // Index, label and property names are our constants; the analyzer name is a constant too.
  return Object.values(FULLTEXT_INDEXES).map(({ name, label, properties }) => ({
    cypher: `CREATE FULLTEXT INDEX ${name} IF NOT EXISTS FOR (n:${label}) ON EACH [${properties.map((p) => `n.${p}`).join(', ')}]
OPTIONS {indexConfig: {\`fulltext.analyzer\`: '${FULLTEXT_ANALYZER}', \`fulltext.eventually_consistent\`: true}}`,
    params: {},
  }));
}

/**
 * Our full-text indexes that were created before they were eventually consistent (a graph of an
 * earlier version): ensureSchema drops them and creates them again, once, so that ingest into an
 * old graph gains what a new one does.
 */
export const STALE_FULLTEXT: CypherQuery = {
  cypher: `SHOW FULLTEXT INDEXES YIELD name, options
WHERE name IN $names AND coalesce(options.indexConfig['fulltext.eventually_consistent'], false) <> true
RETURN name`,
  params: { names: Object.values(FULLTEXT_INDEXES).map((i) => i.name) },
};

/** Drops one of our full-text indexes, named by its kind (index names cannot be parameters). */
export const dropFulltext = (kind: SearchKind): CypherQuery => ({ cypher: `DROP INDEX ${FULLTEXT_INDEXES[kind].name} IF EXISTS`, params: {} });

/** Waits until every index is online (a new one fills in the background), up to half an hour. */
export const AWAIT_INDEXES: CypherQuery = { cypher: 'CALL db.awaitIndexes(1800)', params: {} };

/** Waits until the full-text indexes hold every committed write. */
export const AWAIT_FULLTEXT: CypherQuery = { cypher: 'CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()', params: {} };
