// Read queries for the API: nodes by key, pages of a label, post holders, shortest paths. The
// nested projections of a GraphQL selection are built in plan.ts; search and stats have files of
// their own.
import type { CypherQuery } from '../executor.ts';
import type { Projection } from './plan.ts';

/** A projection function for query builders: the plain record of a kind, no clause before it. */
export const plain = (kind: NodeKind) => (v: string): Projection => ({ pre: '', expr: PROJECT[kind](v), decode: (raw) => raw });

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
  bulletin: (v: string) => `${v} {.key, .source, .title, .contentHash, .text, originalText: coalesce(${v}.originalText, ${v}.text), publishedAt: ${DATE(`${v}.publishedAt`)}}`,
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

export interface ListOptions {
  contains?: string | null;
  startsWith?: string | null;
  skip: number;
  limit: number;
  from?: string | null;
  to?: string | null;
  organizer?: string | null;
  kindIs?: string | null;
  campaign?: string | null;
  attendee?: string | null;
  role?: string | null;
  organization?: string | null;
  title?: string | null;
  orderBy?: ListOrder | null;
  /** Count every match for totalCount (costs a full scan of the matches; skipped when not asked). */
  withTotal?: boolean;
}

export type ListOrder = 'DATE_DESC' | 'DATE_ASC' | 'NAME' | 'MEETINGS';

const ORDERS: Record<NodeKind, Partial<Record<ListOrder, string>> & { default: ListOrder }> = {
  meeting: { default: 'DATE_DESC', DATE_DESC: 'n.date IS NULL, n.date DESC, n.key', DATE_ASC: 'n.date IS NULL, n.date, n.key', NAME: 'n.name, n.key' },
  person: { default: 'NAME', NAME: 'n.name', MEETINGS: 'COUNT { (n)-[:ATTENDED]->(:Meeting) } DESC, n.name' },
  organization: { default: 'NAME', NAME: 'n.name', MEETINGS: 'COUNT { (n)-[:CONVENED]->(:Meeting) } DESC, n.name' },
  bulletin: { default: 'NAME', NAME: 'n.title, n.key', DATE_DESC: 'n.publishedAt IS NULL, n.publishedAt DESC, n.key', DATE_ASC: 'n.publishedAt IS NULL, n.publishedAt, n.key' },
  post: { default: 'NAME', NAME: 'n.key' },
  directive: { default: 'NAME', NAME: 'n.key' },
  campaign: { default: 'NAME', NAME: 'n.name' },
};

/** The MATCH … WHERE … that a list's filters make, and its parameters. */
function listMatch(kind: NodeKind, options: ListOptions): { match: string; params: Record<string, unknown> } {
  const [label] = KEY_PROPERTY[kind];
  const nameProp = kind === 'bulletin' ? 'title' : kind === 'post' ? 'key' : 'name';
  const where: string[] = [];
  // The most selective filter that is a relationship from a node found by key starts the match.
  let start = `MATCH (n:${label})`;
  if (options.contains) where.push(`n.${nameProp} CONTAINS $contains`);
  if (options.startsWith) where.push(`n.${nameProp} STARTS WITH $startsWith`);
  if (kind === 'meeting') {
    if (options.from) where.push('n.date >= date($from)');
    if (options.to) where.push('n.date <= date($to)');
    if (options.kindIs) where.push('n.kind = $kindIs');
    if (options.attendee) start = 'MATCH (:Person {name: $attendee})-[a:ATTENDED]->(n:Meeting)';
    else if (options.organizer) start = 'MATCH (:Organization {name: $organizer})-[:CONVENED]->(n:Meeting)';
    else if (options.campaign) start = 'MATCH (n:Meeting)-[:PART_OF]->(:Campaign {name: $campaign})';
    if (options.attendee && options.role) where.push('a.as = $role');
    if (options.attendee && options.organizer) where.push('EXISTS { (:Organization {name: $organizer})-[:CONVENED]->(n) }');
    if ((options.attendee || options.organizer) && options.campaign) where.push('EXISTS { (n)-[:PART_OF]->(:Campaign {name: $campaign}) }');
    if (!options.attendee && options.role) where.push('EXISTS { (:Person)-[a:ATTENDED]->(n) WHERE a.as = $role }');
  }
  if (kind === 'person') {
    if (options.organization || options.title) {
      where.push('EXISTS { (n)-[:HELD]->(p:Post) WHERE ($title IS NULL OR p.title = $title) AND ($organization IS NULL OR p.organization = $organization) }');
    }
    if (options.role) where.push('EXISTS { (n)-[a:ATTENDED]->(:Meeting) WHERE a.as = $role }');
    if (options.campaign) where.push('EXISTS { (n)-[:ATTENDED]->(:Meeting)-[:PART_OF]->(:Campaign {name: $campaign}) }');
  }
  const params: Record<string, unknown> = {};
  for (const name of ['contains', 'startsWith', 'from', 'to', 'organizer', 'kindIs', 'campaign', 'attendee', 'role', 'organization', 'title'] as const) {
    params[name] = options[name] ?? null;
  }
  return { match: `${start}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`, params };
}

/** A projection for a page: with the planner's shared tables, their expressions after `from` (clauses binding the page's nodes). */
export type PageProjection = Projection & { tables?: (from: string) => string[] };

/**
 * A page of nodes of one label with optional filters, for connections; `project` shapes each node
 * (the planner's projection of the selection, or the plain record). Stable: every order ends on
 * the key. One row per node of the page (rows stream; one row holding the whole page costs Neo4j
 * more), each with `more`: whether a node follows the page. That one node is found by the top-k
 * sort (LIMIT limit + 1) but not projected: its projection (a meeting with its attendees and
 * their posts) would cost as much as any row of the page, for a boolean. The count reads every
 * match: it is made only when totalCount is asked for, and comes on every row (a page past the
 * end, or of size 0, has no row: countNodes then). With shared tables (node subtrees the records
 * name by key, PlanBuilder.shared), the tables are computed from the page's nodes before the rows
 * and come on the first row (`shared`).
 */
export function listNodes(kind: NodeKind, options: ListOptions, project: (v: string) => PageProjection = plain(kind)): CypherQuery {
  const { match, params } = listMatch(kind, options);
  const orders = ORDERS[kind];
  const order = orders[options.orderBy ?? orders.default] ?? orders[orders.default]!;
  const { pre, expr, tables } = project('n');
  const count = options.withTotal === false ? '' : `CALL () { ${match} RETURN count(n) AS total }\n`;
  const total = count ? 'total, ' : '';
  const shared = tables?.('UNWIND page[..toInteger($limit)] AS n') ?? [];
  return {
    cypher: `${count}${match}
WITH ${total}n ORDER BY ${order} SKIP toInteger($skip) LIMIT toInteger($limit) + 1
WITH ${total}collect(n) AS page${shared.length ? `
WITH ${total}page, [${shared.join(', ')}] AS shared
UNWIND range(0, size(page[..toInteger($limit)]) - 1) AS pageIndex
WITH ${total}page, shared, pageIndex, page[pageIndex] AS n` : `
UNWIND page[..toInteger($limit)] AS n`}${pre ? `\n${pre}` : ''}
RETURN ${count ? 'total' : 'null AS total'}, size(page) > toInteger($limit) AS more, ${expr} AS node${shared.length ? ', CASE WHEN pageIndex = 0 THEN shared END AS shared' : ''}`,
    params: { ...params, skip: options.skip, limit: options.limit },
  };
}

/** How many nodes the filters of a list match (for totalCount of a page past the end). */
export function countNodes(kind: NodeKind, options: ListOptions): CypherQuery {
  const { match, params } = listMatch(kind, options);
  return { cypher: `${match} RETURN count(n) AS total`, params };
}

/** Holders of title@organization (organization by name or alias), on a day or ever; `project` shapes a Tenure from {p, r, q}. */
export function postHolders(
  args: { title: string; organization: string; at: string | null },
  project: (vars: { p: string; r: string; q: string }) => Projection,
): CypherQuery {
  const { pre, expr } = project({ p: 'p', r: 'r', q: 'q' });
  return {
    cypher: `MATCH (o:Organization) WHERE o.name = $organization OR $organization IN coalesce(o.aliases, [])
MATCH (p:Person)-[r:HELD]->(q:Post {title: $title})-[:OF]->(o)
WHERE $at IS NULL OR (r.firstSeen <= date($at) AND r.lastSeen >= date($at))
${pre}
RETURN ${expr} AS tenure ORDER BY r.firstSeen, p.name, q.key`,
    params: args,
  };
}

/** An organization by canonical name or alias (the exact name wins), shaped by `project`. */
export function organizationByName(name: string, project: (v: string) => Projection = plain('organization')): CypherQuery {
  const { pre, expr } = project('n');
  return {
    cypher: `MATCH (n:Organization) WHERE n.name = $name OR $name IN coalesce(n.aliases, [])
WITH n ORDER BY n.name = $name DESC, n.name LIMIT 1
${pre}
RETURN ${expr} AS node`,
    params: { name },
  };
}

/** The relationships a connection between two people may go through. */
export const CONNECTION_TYPES = ['ATTENDED', 'HELD', 'OF', 'CONVENED'];

/**
 * Up to 10 shortest paths between two people through meetings, posts and organizations, at most
 * `maxHops` relationships long. The bound must be a literal in Cypher: it is an integer checked by
 * the caller, never text.
 */
export function shortestPaths(from: string, to: string, maxHops: number): CypherQuery {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 6) throw new RangeError('maxHops must be 1 to 6');
  const node = (v: string) =>
    `CASE WHEN ${v}:Person THEN {type: 'Person', node: ${PROJECT.person(v)}}
          WHEN ${v}:Meeting THEN {type: 'Meeting', node: ${PROJECT.meeting(v)}}
          WHEN ${v}:Organization THEN {type: 'Organization', node: ${PROJECT.organization(v)}}
          WHEN ${v}:Post THEN {type: 'Post', node: ${PROJECT.post(v)}} END`;
  return {
    cypher: `MATCH (a:Person {name: $from}), (b:Person {name: $to})
MATCH p = allShortestPaths((a)-[:${CONNECTION_TYPES.join('|')}*..${maxHops}]-(b))
WITH p LIMIT 10
RETURN length(p) AS length, [x IN nodes(p) | ${node('x')}] AS nodes, [r IN relationships(p) | type(r)] AS relationships`,
    params: { from, to },
  };
}
