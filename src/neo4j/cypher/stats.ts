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

/** Grouped by year and month as numbers, formatted once per month (half the time of formatting every date). */
export function meetingsByMonth(range: Range): CypherQuery {
  return {
    cypher: `${meetingsIn(range)} WITH m.date AS day WHERE day IS NOT NULL
WITH day.year AS year, day.month AS month, count(*) AS count
RETURN toString(year) + '-' + right('0' + toString(month), 2) AS key, count ORDER BY key`,
    params: { ...range },
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
