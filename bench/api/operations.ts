// The five dashboard-shaped operations, each three ways over the same data: our API, the
// @neo4j/graphql server (equivalent type definitions), and hand-written Cypher through the driver.
import { luceneQuery } from '../../src/neo4j/cypher/search.ts';
import { searchTerms } from '../../src/schema/types/search.ts';

export interface BenchParams {
  /** An organization that convened many meetings. */
  organization: string;
  /** A person who attended many meetings. */
  person: string;
  /** Search text. */
  text: string;
  /** First day of the first month with meetings. */
  from: string;
  /** Last day of the last month with meetings. */
  to: string;
}

export interface Operation {
  name: string;
  ours: { query: string; variables: Record<string, unknown> };
  neo4jGraphql: { query: string; variables: Record<string, unknown> };
  cypher: { cypher: string; params: Record<string, unknown> };
  /** A number to compare between the three answers (how many items came back). */
  size: { ours: (data: any) => number; neo4jGraphql: (data: any) => number; cypher: (rows: any[]) => number };
}

export function operations(p: BenchParams): Operation[] {
  const lucene = luceneQuery(searchTerms(p.text));
  return [
    {
      name: 'meetings of an organization',
      ours: {
        query: `query($org: String!) { meetings(organizer: $org, first: 20) { edges { node { name date attendees { as person { name posts { title organization { name } } } } } } } }`,
        variables: { org: p.organization },
      },
      neo4jGraphql: {
        query: `query($org: String!) { organizations(where: {name: {eq: $org}}) { meetings(sort: [{date: DESC}], limit: 20) { name date attendeesConnection { edges { properties { as } node { name posts { title organization { name } } } } } } } }`,
        variables: { org: p.organization },
      },
      cypher: {
        cypher: `MATCH (:Organization {name: $org})-[:CONVENED]->(m:Meeting)
WITH m ORDER BY m.date DESC, m.key LIMIT 20
RETURN m.name AS name, toString(m.date) AS date,
  [(p:Person)-[a:ATTENDED]->(m) | {as: a.as, name: p.name, posts: [(p)-[:HELD]->(q:Post)-[:OF]->(o:Organization) | {title: q.title, organization: o.name}]}] AS attendees`,
        params: { org: p.organization },
      },
      size: {
        ours: (d) => d.meetings.edges.reduce((n: number, e: any) => n + e.node.attendees.length, 0),
        neo4jGraphql: (d) => d.organizations[0].meetings.reduce((n: number, m: any) => n + m.attendeesConnection.edges.length, 0),
        cypher: (rows) => rows.reduce((n, r) => n + r.attendees.length, 0),
      },
    },
    {
      name: "a person's timeline",
      ours: {
        query: `query($name: String!) { person(name: $name) { timeline { date tenure { title firstSeen organization { name } } participation { as meeting { name date } } } } }`,
        variables: { name: p.person },
      },
      neo4jGraphql: {
        query: `query($name: String!) { people(where: {name: {eq: $name}}) { postsConnection { edges { properties { firstSeen } node { title organization { name } } } } meetingsConnection(sort: [{node: {date: ASC}}]) { edges { properties { as } node { name date } } } } }`,
        variables: { name: p.person },
      },
      cypher: {
        cypher: `MATCH (p:Person {name: $name})
CALL (p) {
  MATCH (p)-[r:HELD]->(q:Post)-[:OF]->(o:Organization) RETURN r.firstSeen AS day, {title: q.title, firstSeen: toString(r.firstSeen), organization: o.name} AS entry
  UNION ALL
  MATCH (p)-[a:ATTENDED]->(m:Meeting) RETURN m.date AS day, {as: a.as, name: m.name, date: toString(m.date)} AS entry
}
RETURN toString(day) AS date, entry ORDER BY day`,
        params: { name: p.person },
      },
      size: {
        ours: (d) => d.person.timeline.length,
        neo4jGraphql: (d) => d.people[0].postsConnection.edges.length + d.people[0].meetingsConnection.edges.length,
        cypher: (rows) => rows.length,
      },
    },
    {
      name: 'co-attendees',
      ours: {
        query: `query($name: String!) { person(name: $name) { coAttendees(first: 10) { person { name } count lastDate } } }`,
        variables: { name: p.person },
      },
      neo4jGraphql: {
        query: `query($name: String!) { people(where: {name: {eq: $name}}) { coAttendees(first: 10) { name count lastDate } } }`,
        variables: { name: p.person },
      },
      cypher: {
        // What one would write by hand over the same graph: the pair counts kept at load time
        // (CO_ATTENDED), as ours reads them. The @neo4j/graphql server counts from the attendances
        // (its users' type definitions over the raw relations; it knows nothing of ours).
        cypher: `MATCH (:Person {name: $name})-[c:CO_ATTENDED]-(o)
WITH o, c.count AS count, c.last AS last ORDER BY count DESC, last DESC, o.name LIMIT 10
RETURN o.name AS name, count, toString(last) AS lastDate`,
        params: { name: p.person },
      },
      size: {
        ours: (d) => d.person.coAttendees.reduce((n: number, c: any) => n + c.count, 0),
        neo4jGraphql: (d) => d.people[0].coAttendees.reduce((n: number, c: any) => n + c.count, 0),
        cypher: (rows) => rows.reduce((n, r) => n + r.count, 0),
      },
    },
    {
      name: 'monthly counts',
      ours: {
        query: `query($from: Date, $to: Date) { stats(from: $from, to: $to) { meetingsByMonth { key count } } }`,
        variables: { from: p.from, to: p.to },
      },
      neo4jGraphql: {
        query: `query($from: Date!, $to: Date!) { meetingsByMonth(from: $from, to: $to) { key count } }`,
        variables: { from: p.from, to: p.to },
      },
      cypher: {
        // By hand over the same graph: Month degrees (the range is whole months). The @neo4j/graphql
        // server groups the meetings of the range.
        cypher: `MATCH (mo:Month) WHERE mo.key >= $from AND mo.key <= $to
WITH mo, COUNT { (mo)<-[:IN_MONTH]-() } AS count WHERE count > 0
RETURN mo.key AS key, count ORDER BY key`,
        params: { from: p.from.slice(0, 7), to: p.to.slice(0, 7) },
      },
      size: {
        ours: (d) => d.stats.meetingsByMonth.reduce((n: number, b: any) => n + b.count, 0),
        neo4jGraphql: (d) => d.meetingsByMonth.reduce((n: number, b: any) => n + b.count, 0),
        cypher: (rows) => rows.reduce((n, r) => n + r.count, 0),
      },
    },
    {
      name: 'full-text search',
      ours: {
        query: `query($text: String!) { search(text: $text, first: 10) { kind score snippet node { ... on Person { name } ... on Organization { name } ... on Meeting { name date } ... on Directive { kind } ... on Bulletin { title } } } }`,
        variables: { text: p.text },
      },
      neo4jGraphql: {
        // One @fulltext query per type; the client merges by score and cuts its own snippets.
        query: `query($q: String!) {
  searchPeople(phrase: $q, first: 10) { edges { score node { name } } }
  searchOrganizations(phrase: $q, first: 10) { edges { score node { name } } }
  searchMeetings(phrase: $q, first: 10) { edges { score node { name date } } }
  searchDirectives(phrase: $q, first: 10) { edges { score node { kind text } } }
  searchBulletins(phrase: $q, first: 10) { edges { score node { title text } } }
}`,
        variables: { q: lucene },
      },
      cypher: {
        cypher: `CALL () {
  CALL db.index.fulltext.queryNodes('search_person', $q, {limit: 10}) YIELD node, score RETURN 'PERSON' AS kind, score, node.name AS label, node.name AS text
  UNION ALL
  CALL db.index.fulltext.queryNodes('search_organization', $q, {limit: 10}) YIELD node, score RETURN 'ORGANIZATION' AS kind, score, node.name AS label, node.name AS text
  UNION ALL
  CALL db.index.fulltext.queryNodes('search_meeting', $q, {limit: 10}) YIELD node, score RETURN 'MEETING' AS kind, score, node.name AS label, node.name AS text
  UNION ALL
  CALL db.index.fulltext.queryNodes('search_directive', $q, {limit: 10}) YIELD node, score RETURN 'DIRECTIVE' AS kind, score, node.kind AS label, node.text AS text
  UNION ALL
  CALL db.index.fulltext.queryNodes('search_bulletin', $q, {limit: 10}) YIELD node, score RETURN 'BULLETIN' AS kind, score, node.title AS label, node.title + '\\n' + node.text AS text
}
RETURN kind, score, label, text ORDER BY score DESC LIMIT 10`,
        params: { q: lucene },
      },
      size: {
        ours: (d) => d.search.length,
        neo4jGraphql: (d) => Math.min(10, Object.values(d).reduce((n: number, c: any) => n + c.edges.length, 0)),
        cypher: (rows) => rows.length,
      },
    },
  ];
}
