// Constraints and indexes. Uniqueness constraints make MERGE safe under concurrent ingests and
// give every lookup by key an index.
import type { CypherQuery } from './executor.ts';

export const CONSTRAINTS: [label: string, property: string][] = [
  ['Bulletin', 'key'],
  ['Person', 'name'],
  ['Organization', 'name'],
  ['Post', 'key'],
  ['Meeting', 'key'],
  ['Directive', 'key'],
  ['Campaign', 'name'],
  // Derived (src/neo4j/cypher/derived.ts): months of meetings.
  ['Month', 'key'],
];

export const INDEXES: [label: string, property: string][] = [
  ['Meeting', 'date'],
  ['Meeting', 'kind'],
  ['Post', 'title'],
  ['Bulletin', 'contentHash'],
];

export function schemaStatements(): CypherQuery[] {
  // Labels and property names are our constants, never user text: they cannot be parameters.
  return [
    ...CONSTRAINTS.map(([label, prop]) => ({
      cypher: `CREATE CONSTRAINT ${label.toLowerCase()}_${prop}_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.${prop} IS UNIQUE`,
      params: {},
    })),
    ...INDEXES.map(([label, prop]) => ({
      cypher: `CREATE INDEX ${label.toLowerCase()}_${prop} IF NOT EXISTS FOR (n:${label}) ON (n.${prop})`,
      params: {},
    })),
  ];
}
