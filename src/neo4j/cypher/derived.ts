// Structure derived from the facts at load time, so that two dashboard reads cost Neo4j little:
//   (:Meeting)-[:IN_MONTH]->(:Month {key: 'YYYY-MM'})   meetings per month are Month degrees;
//   (:Person)-[:CO_ATTENDED {count, last}]->(:Person)   one per pair of people who attended a
//     meeting together (from the lower name to the higher): how many meetings, the latest date.
// Neither is evidence (no sources): both are functions of ATTENDED and Meeting.date, kept exact by
// these statements in the same transaction as the writes and removals they follow (see
// src/ingest/stages/load.ts), and rebuilt whole by rebuildDerived for a graph loaded before them.
//
// Concurrency (two ingests at once, a deletion during an ingest): each statement write-locks a
// meeting (LOCK) before it reads the meeting's attendees, and a pair before it recounts it, so
// transactions that touch the same meeting or pair take turns and each reads what the other
// committed. An attendance is new to a batch when every bulletin evidencing it is one the batch
// writes (an older one would have stayed: a replaced bulletin's evidence is removed first). Counts
// are added with `c.count = c.count + n`, which Neo4j locks before reading.
import type { ExtractionResult } from '../../ingest/types.ts';
import type { CypherQuery } from '../executor.ts';

const MONTH = (date: string) => `left(toString(${date}), 7)`;

/** Takes the write lock on x until the transaction ends, leaving it as it was. */
const LOCK = (x: string) => `SET ${x}.\`_lock\` = true REMOVE ${x}.\`_lock\``;

/** The unordered pair {p, o} as (a, b) with a.name < b.name. */
const ORDERED_PAIR = `CASE WHEN p.name < o.name THEN p ELSE o END AS a, CASE WHEN p.name < o.name THEN o ELSE p END AS b`;

/**
 * From rows (m, p) of the people p whose attendance of meeting m changes: m locked, then each of
 * them paired with every other attendee of m, as rows (m, p, o), a pair of two changing people once.
 */
const PAIRS_AROUND = (changing: string) => `WITH m, collect(p) AS ${changing}
${LOCK('m')}
WITH m, ${changing}
MATCH (m)<-[:ATTENDED]-(o)
WITH m, ${changing}, collect(o) AS everyone
UNWIND ${changing} AS p
UNWIND everyone AS o
WITH m, p, o WHERE p <> o AND (NOT o IN ${changing} OR p.name < o.name)`;

/** After a batch's writes: month links of its meetings, co-attendance of its new attendances. */
export function deriveAfterWrite(results: ExtractionResult[]): CypherQuery[] {
  const keys = results.map((r) => r.bulletin.key);
  const meetings = [...new Set(results.flatMap((r) => r.meetings.map((m) => m.key)))];
  const seen = new Set<string>();
  const attendances: { person: string; meeting: string }[] = [];
  for (const r of results) {
    for (const p of r.people) {
      for (const x of p.participation) {
        const id = `${p.name}\u0000${x.meeting}`;
        if (!seen.has(id)) attendances.push({ person: p.name, meeting: x.meeting }), seen.add(id);
      }
    }
  }
  return [
    {
      cypher: `
UNWIND $meetings AS key
MATCH (m:Meeting {key: key})
WITH m, CASE WHEN m.date IS NULL THEN null ELSE ${MONTH('m.date')} END AS month
CALL (m, month) { MATCH (m)-[r:IN_MONTH]->(x:Month) WHERE month IS NULL OR x.key <> month DELETE r }
WITH m, month WHERE month IS NOT NULL
MERGE (mo:Month {key: month})
MERGE (m)-[:IN_MONTH]->(mo)`,
      params: { meetings },
    },
    {
      // New attendances of each meeting, paired with every other attendee (new ones once per pair).
      cypher: `
UNWIND $rows AS row
MATCH (p:Person {name: row.person})-[r:ATTENDED]->(m:Meeting {key: row.meeting})
WHERE all(s IN r.sources WHERE s IN $keys)
${PAIRS_AROUND('fresh')}
WITH ${ORDERED_PAIR}, m.date AS day
WITH a, b, count(*) AS n, max(day) AS last
MERGE (a)-[c:CO_ATTENDED]->(b)
SET c.count = coalesce(c.count, 0) + n,
    c.last = CASE WHEN c.last IS NULL OR last > c.last THEN last ELSE c.last END`,
      params: { rows: attendances, keys },
    },
  ];
}

/**
 * Before removeBulletin(key): the pairs of the attendances that only this bulletin evidences (they
 * are about to go) get their count and latest date recomputed from the attendances that stay, and
 * go when none is left.
 */
export function deriveBeforeRemove(key: string): CypherQuery[] {
  return [
    {
      cypher: `
MATCH (:Bulletin {key: $key})<-[:REPORTED_IN]-(m:Meeting)<-[r:ATTENDED]-(p:Person)
WHERE all(s IN r.sources WHERE s = $key)
${PAIRS_AROUND('leaving')}
WITH DISTINCT ${ORDERED_PAIR}
MATCH (a)-[c:CO_ATTENDED]->(b)
${LOCK('c')}
WITH a, b, c
CALL (a, b, c) {
  OPTIONAL MATCH (a)-[r1:ATTENDED]->(x)<-[r2:ATTENDED]-(b)
  WHERE any(s IN r1.sources WHERE s <> $key) AND any(s IN r2.sources WHERE s <> $key)
  WITH c, count(x) AS n, max(x.date) AS last
  FOREACH (_ IN CASE WHEN n = 0 THEN [1] ELSE [] END | DELETE c)
  FOREACH (_ IN CASE WHEN n > 0 THEN [1] ELSE [] END | SET c.count = n, c.last = last)
}`,
      params: { key },
    },
  ];
}

/** After removeBulletin: months left without meetings go (their meetings went with DETACH DELETE). */
export function deriveAfterRemove(): CypherQuery[] {
  return [{ cypher: 'MATCH (mo:Month) WHERE NOT EXISTS { (mo)<-[:IN_MONTH]-() } DELETE mo', params: {} }];
}

/** True when the graph has dated meetings but no Month at all: it was loaded before the derived structure. */
export const NEEDS_DERIVED: CypherQuery = {
  cypher: 'RETURN NOT EXISTS { MATCH (:Month) } AND EXISTS { MATCH (m:Meeting) WHERE m.date IS NOT NULL } AS needed',
  params: {},
};

/** The whole derived structure from the facts, replacing what there is (one transaction each). */
export function rebuildDerived(): CypherQuery[] {
  return [
    { cypher: 'MATCH ()-[c:CO_ATTENDED]->() DELETE c', params: {} },
    { cypher: 'MATCH (mo:Month) DETACH DELETE mo', params: {} },
    { cypher: `MATCH (m:Meeting) WHERE m.date IS NOT NULL MERGE (mo:Month {key: ${MONTH('m.date')}}) MERGE (m)-[:IN_MONTH]->(mo)`, params: {} },
    {
      cypher: `MATCH (a:Person)-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(b:Person) WHERE a.name < b.name
WITH a, b, count(*) AS n, max(m.date) AS last
CREATE (a)-[:CO_ATTENDED {count: n, last: last}]->(b)`,
      params: {},
    },
  ];
}
