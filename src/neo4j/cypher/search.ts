// Full-text search over the per-kind indexes of src/neo4j/fulltext.ts. User text never becomes
// Cypher: it is escaped for Lucene's query syntax and passed as a parameter.
import type { CypherQuery } from '../executor.ts';
import { FULLTEXT_INDEXES, type SearchKind } from '../fulltext.ts';
import { SNIPPET_CONTEXT, SNIPPET_WINDOW } from '../../schema/highlight.ts';
import type { Projection } from './plan.ts';
import { plain } from './read.ts';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** A term as a Lucene phrase: specials escaped, in quotes (a phrase is a substring match here). */
export function lucenePhrase(term: string): string {
  return `"${term.replace(LUCENE_SPECIAL, (c) => `\\${c}`)}"`;
}

/**
 * The Lucene query for whitespace-separated terms, all required; each term is a phrase, or a
 * choice of phrases where it has other spellings (an alias and its canonical name).
 */
export function luceneQuery(terms: readonly (readonly string[])[]): string {
  return terms
    .filter((alternatives) => alternatives.length)
    .map((alternatives) => {
      const phrases = [...new Set(alternatives)].map(lucenePhrase);
      return phrases.length === 1 ? phrases[0]! : `(${phrases.join(' OR ')})`;
    })
    .join(' AND ');
}

const SEARCH_TEXT: Record<SearchKind, (v: string) => string> = {
  PERSON: (v) => `${v}.name`,
  ORGANIZATION: (v) => `${v}.name`,
  MEETING: (v) => `${v}.name`,
  DIRECTIVE: (v) => `${v}.text`,
  BULLETIN: (v) => `${v}.title + '\\n' + ${v}.text`,
};

const KIND_TO_PROJECT: Record<SearchKind, 'person' | 'organization' | 'meeting' | 'directive' | 'bulletin'> = {
  PERSON: 'person',
  ORGANIZATION: 'organization',
  MEETING: 'meeting',
  DIRECTIVE: 'directive',
  BULLETIN: 'bulletin',
};

/**
 * The best `first` hits over the kinds: rows {kind, score, exact, text, whole, atEnd,
 * startsAtText, node}; `project` shapes each kind's node (the planner's projection of what the
 * query selects on it). `text` is the text to cut the snippet from: with `window` (and `marks`,
 * the terms to find), SNIPPET_WINDOW characters from SNIPPET_CONTEXT before the first mark (see
 * windowSnippet), else the whole text. Bulletin hits are texts of thousands of characters, for
 * snippets of about a hundred: the window is what Neo4j sends and the driver decodes.
 */
export function searchNodes(
  query: string,
  exact: string,
  kinds: readonly SearchKind[],
  first: number,
  project: (kind: SearchKind, v: string) => Projection = (kind, v) => plain(KIND_TO_PROJECT[kind])(v),
  snippets: { marks: readonly string[]; window: boolean } = { marks: [], window: false },
): CypherQuery {
  const branches = kinds.map((kind) => {
    const index = FULLTEXT_INDEXES[kind].name;
    const { pre, expr } = project(kind, 'node');
    return `CALL db.index.fulltext.queryNodes('${index}', $query, {limit: $first}) YIELD node, score${pre ? `\n  ${pre}` : ''}
  RETURN '${kind}' AS kind, score, ${kind === 'ORGANIZATION' ? `(node.name = $exact OR $exact IN coalesce(node.aliases, []))` : `${SEARCH_TEXT[kind]('node')} = $exact`} AS exact,
         ${SEARCH_TEXT[kind]('node')} AS text, ${expr} AS node`;
  });
  // Exact name matches first, then by score; only the best `first` come back, and only their
  // windows are cut (at: where the first mark is, size(text) for none; sizes count characters). A
  // text that fits in a window comes whole.
  return {
    cypher: `CALL () {\n  ${branches.join('\n  UNION ALL\n  ')}\n}
WITH kind, score, exact, text, node ORDER BY exact DESC, score DESC LIMIT toInteger($first)
WITH *, reduce(at = size(text), mark IN $marks | CASE WHEN mark <> '' AND text CONTAINS mark AND size(split(text, mark)[0]) < at THEN size(split(text, mark)[0]) ELSE at END) AS at
WITH *, CASE WHEN NOT $window OR size(text) <= ${SNIPPET_WINDOW} OR at = size(text) OR at < ${SNIPPET_CONTEXT} THEN 0 ELSE at - ${SNIPPET_CONTEXT} END AS cut
RETURN kind, score, exact, node,
  CASE WHEN $window THEN substring(text, cut, ${SNIPPET_WINDOW}) ELSE text END AS text,
  cut = 0 AS startsAtText, NOT $window OR cut + ${SNIPPET_WINDOW} >= size(text) AS atEnd,
  cut = 0 AND (NOT $window OR size(text) <= ${SNIPPET_WINDOW}) AS whole`,
    params: { query, exact, first, marks: snippets.marks, window: snippets.window },
  };
}
