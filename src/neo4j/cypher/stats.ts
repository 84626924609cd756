// Dashboard counts over a date range of meetings. Each is one parameterized statement; the range
// becomes a seek on the Meeting.date index (bounds are added only when given).
import type { CypherQuery } from '../executor.ts';
import type { Projection } from './plan.ts';

export interface Range {
  from: string | null;
  to: string | null;
}

/** Meetings in the range (dated meetings only when a bound is given). */
function meetingsIn({ from, to }: Range, v = 'm'): string {
  const where: string[] = [];
  if (from) where.push(`${v}.date >= date($from)`);
  if (to) where.push(`${v}.date <= date($to)`);
  return `MATCH (${v}:Meeting)${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
}

/** The last day of the month of a YYYY-MM-DD date, as DD. */
const lastDay = (day: string) => String(new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).getUTCDate()).padStart(2, '0');

/**
 * Dated meetings per month, from the Month nodes kept at load time (src/neo4j/cypher/derived.ts):
 * a month wholly in the range counts its IN_MONTH relationships (a degree Neo4j keeps, no meeting
 * read); a month the range cuts (a bound not on its first or last day) counts its meetings in range.
 */
export function meetingsByMonth({ from, to }: Range): CypherQuery {
  const where: string[] = [];
  if (from) where.push('mo.key >= $fromMonth');
  if (to) where.push('mo.key <= $toMonth');
  const cut: string[] = [];
  if (from && !from.endsWith('-01')) cut.push(from.slice(0, 7));
  if (to && to.slice(8, 10) !== lastDay(to)) cut.push(to.slice(0, 7));
  const inRange = [from ? 'm.date >= date($from)' : '', to ? 'm.date <= date($to)' : ''].filter(Boolean).join(' AND ');
  const count = cut.length
    ? `CASE WHEN mo.key IN $cut THEN COUNT { (mo)<-[:IN_MONTH]-(m) WHERE ${inRange} } ELSE COUNT { (mo)<-[:IN_MONTH]-() } END`
    : 'COUNT { (mo)<-[:IN_MONTH]-() }';
  return {
    cypher: `MATCH (mo:Month)${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
WITH mo, ${count} AS count WHERE count > 0
RETURN mo.key AS key, count ORDER BY key`,
    params: { from, to, fromMonth: from?.slice(0, 7) ?? null, toMonth: to?.slice(0, 7) ?? null, cut },
  };
}

export function meetingsBy(property: 'organizer' | 'kind', range: Range, first: number | null): CypherQuery {
  return {
    cypher: `${meetingsIn(range)} WITH m WHERE m.${property} IS NOT NULL
RETURN m.${property} AS key, count(*) AS count ORDER BY count DESC, key${first === null ? '' : ' LIMIT toInteger($first)'}`,
    params: { ...range, first },
  };
}

/** Nodes ranked by how many of the range's meetings they reach by `pattern` (node n, meeting m). */
function rankedBy(range: Range, first: number, project: (v: string) => Projection, pattern: string, name: string): CypherQuery {
  const { pre, expr } = project('n');
  return {
    cypher: `${meetingsIn(range)} MATCH ${pattern}
WITH n, count(m) AS count ORDER BY count DESC, n.name LIMIT toInteger($first)
${pre}
RETURN ${expr} AS ${name}, count`,
    params: { ...range, first },
  };
}

/** People by meetings attended in the range; `project` shapes the person. */
export function topAttendees(range: Range, first: number, project: (v: string) => Projection): CypherQuery {
  return rankedBy(range, first, project, '(n:Person)-[:ATTENDED]->(m)', 'person');
}

/** Organizations by meetings convened in the range; `project` shapes the organization. */
export function activeOrganizations(range: Range, first: number, project: (v: string) => Projection): CypherQuery {
  return rankedBy(range, first, project, '(n:Organization)-[:CONVENED]->(m)', 'organization');
}

export function directivesByKind(range: Range): CypherQuery {
  const match = range.from || range.to ? `${meetingsIn(range)} MATCH (m)-[:ISSUED]->(d:Directive)` : 'MATCH (d:Directive)';
  return {
    cypher: `${match} RETURN d.kind AS key, count(*) AS count ORDER BY count DESC, key`,
    params: { ...range },
  };
}
