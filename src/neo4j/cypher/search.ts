// Full-text search over the per-kind indexes of src/neo4j/fulltext.ts. User text never becomes
// Cypher: it is escaped for Lucene's query syntax and passed as a parameter.
import type { CypherQuery } from '../executor.ts';
import { FULLTEXT_INDEXES, type SearchKind } from '../fulltext.ts';
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
 * The best `first` hits over the kinds: rows {kind, score, exact, text, node};
 * `project` shapes each kind's node (the planner's projection of what the query selects on it).
 */
export function searchNodes(
  query: string,
  exact: string,
  kinds: readonly SearchKind[],
  first: number,
  project: (kind: SearchKind, v: string) => Projection = (kind, v) => plain(KIND_TO_PROJECT[kind])(v),
): CypherQuery {
  const branches = kinds.map((kind) => {
    const index = FULLTEXT_INDEXES[kind].name;
    const { pre, expr } = project(kind, 'node');
    return `CALL db.index.fulltext.queryNodes('${index}', $query, {limit: $first}) YIELD node, score${pre ? `\n  ${pre}` : ''}
  RETURN '${kind}' AS kind, score, ${kind === 'ORGANIZATION' ? `(node.name = $exact OR $exact IN coalesce(node.aliases, []))` : `${SEARCH_TEXT[kind]('node')} = $exact`} AS exact,
         ${SEARCH_TEXT[kind]('node')} AS text, ${expr} AS node`;
  });
  // Exact name matches first, then by score; only the best `first` come back (with their texts).
  return {
    cypher: `CALL () {\n  ${branches.join('\n  UNION ALL\n  ')}\n}\nRETURN kind, score, exact, text, node ORDER BY exact DESC, score DESC LIMIT toInteger($first)`,
    params: { query, exact, first },
  };
}
