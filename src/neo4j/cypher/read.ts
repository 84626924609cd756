// Read queries for the API. Each takes a batch of keys (one round trip per level of a GraphQL
// query, whatever the number of parents) and returns rows tagged with the key they belong to.
import type { CypherQuery } from '../executor.ts';

const DATE = (v: string) => `CASE WHEN ${v} IS NULL THEN null ELSE toString(${v}) END`;

export const PROJECT = {
  person: (v: string) => `${v} {.name}`,
  organization: (v: string) => `${v} {.name, aliases: coalesce(${v}.aliases, [])}`,
  post: (v: string) => `${v} {.key, .title, .organization}`,
  meeting: (v: string) =>
    `${v} {.key, .name, .kind, .organizer, .form, date: ${DATE(`${v}.date`)}, dateEnd: ${DATE(`${v}.dateEnd`)},
      attendance: {count: ${v}.attendanceCount, approximate: coalesce(${v}.attendanceApproximate, false),
                   mainVenue: coalesce(${v}.mainVenue, false), branchVenues: coalesce(${v}.branchVenues, false)}}`,
  directive: (v: string) =>
    `${v} {.key, .meeting, .speaker, .kind, .ordinal, .text,
      items: [i IN range(0, size(coalesce(${v}.items, [])) - 1) | {ordinal: i + 1, text: ${v}.items[i]}]}`,
  campaign: (v: string) => `${v} {.name}`,
  bulletin: (v: string) => `${v} {.key, .source, .title, .contentHash, .text, .originalText, publishedAt: ${DATE(`${v}.publishedAt`)}}`,
};

export type NodeKind = keyof typeof PROJECT;

const KEY_PROPERTY: Record<NodeKind, [label: string, property: string]> = {
  person: ['Person', 'name'],
  organization: ['Organization', 'name'],
  post: ['Post', 'key'],
  meeting: ['Meeting', 'key'],
  directive: ['Directive', 'key'],
  campaign: ['Campaign', 'name'],
  bulletin: ['Bulletin', 'key'],
};

/** Nodes by their keys. */
export function nodesByKey(kind: NodeKind, keys: readonly string[]): CypherQuery {
  const [label, prop] = KEY_PROPERTY[kind];
  return {
    cypher: `UNWIND $keys AS key MATCH (n:${label} {${prop}: key}) RETURN key, ${PROJECT[kind]('n')} AS node`,
    params: { keys },
  };
}

/** One relation from each of many nodes: rows {key, node, rel}. The pattern names (a) and (b). */
export function related(kind: NodeKind, from: NodeKind, pattern: string, keys: readonly string[], order = ''): CypherQuery {
  const [label, prop] = KEY_PROPERTY[from];
  return {
    cypher: `UNWIND $keys AS key MATCH (a:${label} {${prop}: key}) MATCH ${pattern}
RETURN key, ${PROJECT[kind]('b')} AS node, properties(r) AS rel ${order}`,
    params: { keys },
  };
}

/** A page of nodes of one label with optional name filters, for connections. */
export function listNodes(
  kind: NodeKind,
  options: { contains?: string | null; startsWith?: string | null; skip: number; limit: number; from?: string | null; to?: string | null; organizer?: string | null; kindIs?: string | null },
): CypherQuery {
  const [label] = KEY_PROPERTY[kind];
  const nameProp = kind === 'bulletin' ? 'title' : kind === 'post' ? 'key' : 'name';
  const where: string[] = [];
  if (options.contains) where.push(`n.${nameProp} CONTAINS $contains`);
  if (options.startsWith) where.push(`n.${nameProp} STARTS WITH $startsWith`);
  if (kind === 'meeting') {
    if (options.from) where.push('n.date >= date($from)');
    if (options.to) where.push('n.date <= date($to)');
    if (options.organizer) where.push('n.organizer = $organizer');
    if (options.kindIs) where.push('n.kind = $kindIs');
  }
  const order = kind === 'meeting' ? 'n.date DESC, n.key' : `n.${nameProp}`;
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  return {
    cypher: `MATCH (n:${label}) ${filter}
WITH n ORDER BY ${order}
WITH collect(n) AS items
RETURN size(items) AS total, [n IN items[toInteger($skip)..toInteger($skip + $limit)] | ${PROJECT[kind]('n')}] AS nodes`,
    params: { ...options, skip: options.skip, limit: options.limit },
  };
}
