// The comparison server: the same graph served by @neo4j/graphql (v7) from equivalent type
// definitions (@relationship for relations, @cypher where the library needs custom Cypher, as its
// users would write it, @fulltext over the same indexes).
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';

export const TYPE_DEFS = /* GraphQL */ `
  type Held @relationshipProperties {
    firstSeen: Date
    lastSeen: Date
    evidence: [String!]
  }

  type Attended @relationshipProperties {
    as: String
    evidence: [String!]
  }

  type Person @node @fulltext(indexes: [{ indexName: "search_person", queryName: "searchPeople", fields: ["name"] }]) {
    name: String!
    posts: [Post!]! @relationship(type: "HELD", direction: OUT, properties: "Held")
    meetings: [Meeting!]! @relationship(type: "ATTENDED", direction: OUT, properties: "Attended")
    directives: [Directive!]! @relationship(type: "GAVE", direction: OUT)
    coAttendees(first: Int = 10): [CoAttendance!]!
      @cypher(
        statement: """
        MATCH (this)-[:ATTENDED]->(m) WITH this, m, m.date AS day
        MATCH (m)<-[:ATTENDED]-(p) WHERE p <> this
        WITH p, count(*) AS count, max(day) AS last
        ORDER BY count DESC, last DESC, p.name LIMIT $first
        RETURN {name: p.name, count: count, lastDate: toString(last)} AS co
        """
        columnName: "co"
      )
  }

  type CoAttendance {
    name: String!
    count: Int!
    lastDate: String
  }

  type Post @node {
    key: String!
    title: String!
    organization: [Organization!]! @relationship(type: "OF", direction: OUT)
    holders: [Person!]! @relationship(type: "HELD", direction: IN, properties: "Held")
  }

  type Organization @node @fulltext(indexes: [{ indexName: "search_organization", queryName: "searchOrganizations", fields: ["name"] }]) {
    name: String!
    aliases: [String!]
    meetings: [Meeting!]! @relationship(type: "CONVENED", direction: OUT)
    posts: [Post!]! @relationship(type: "OF", direction: IN)
  }

  type Meeting @node @fulltext(indexes: [{ indexName: "search_meeting", queryName: "searchMeetings", fields: ["name"] }]) {
    key: String!
    name: String!
    kind: String
    date: Date
    form: String
    organizer: String
    attendees: [Person!]! @relationship(type: "ATTENDED", direction: IN, properties: "Attended")
    directives: [Directive!]! @relationship(type: "ISSUED", direction: OUT)
    convenedBy: [Organization!]! @relationship(type: "CONVENED", direction: IN)
  }

  type Directive @node @fulltext(indexes: [{ indexName: "search_directive", queryName: "searchDirectives", fields: ["text"] }]) {
    key: String!
    kind: String!
    ordinal: Int
    text: String!
    meeting: [Meeting!]! @relationship(type: "ISSUED", direction: IN)
  }

  type Bulletin @node @fulltext(indexes: [{ indexName: "search_bulletin", queryName: "searchBulletins", fields: ["title", "text"] }]) {
    key: String!
    title: String!
    text: String!
    publishedAt: Date
  }

  type Bucket {
    key: String!
    count: Int!
  }

  type Query {
    meetingsByMonth(from: Date!, to: Date!): [Bucket!]!
      @cypher(
        statement: """
        MATCH (m:Meeting) WHERE m.date >= $from AND m.date <= $to
        WITH m.date.year AS year, m.date.month AS month, count(*) AS count
        WITH toString(year) + '-' + right('0' + toString(month), 2) AS key, count ORDER BY key
        RETURN {key: key, count: count} AS bucket
        """
        columnName: "bucket"
      )
  }
`;

export async function neo4jGraphqlSchema(driver: Driver) {
  return new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver }).getSchema();
}
