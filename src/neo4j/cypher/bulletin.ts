// Cypher that writes and removes bulletins' facts. Every relationship carries
//   sources:  the keys of the bulletins that evidence it,
//   evidence: "bulletinKey:start:end" spans of Bulletin.text,
// so a bulletin's facts can be replaced or removed without touching what others evidence.
// One exception keeps writes flat: a post held (HELD) may be evidenced by most bulletins (a leader
// named in nearly every one), and rewriting an ever-longer list on each of them made ingest
// quadratic. HELD keeps a count of its bulletins (support), first/last day seen, and at most
// HELD_EVIDENCE_CAP sources and spans (the smallest keys, so the set is the same in any write
// order); the full record sits on each bulletin's side, in (:Person)-[:MENTIONED_IN {held}]->(:Bulletin),
// from which removeBulletin recomputes the relationship.
// Two relationships are structure, not evidence, and carry neither: (:Post)-[:OF]->(:Organization)
// (the post's key names its organization) and (:Organization)-[:PART_OF]->(:Organization); an
// evidence list on them would grow with every bulletin that names a ministry.
// Relationships to the bulletin itself are created, not merged: its node is new or was just
// removed with everything it evidenced.
import { postKey, type ExtractionResult } from '../../ingest/types.ts';
import type { CypherQuery } from '../executor.ts';

/**
 * Adds the row's bulletin to what evidences the fact. Every row carries its bulletin's key as
 * row.bk, so one statement writes a batch of bulletins. Appending is enough: a bulletin is only
 * written when it is new or after removeBulletin took its old evidence out (src/ingest/stages/load.ts).
 */
const EVIDENCE = (r: string) => `
  ${r}.sources = coalesce(${r}.sources, []) + row.bk,
  ${r}.evidence = coalesce(${r}.evidence, []) + row.evidence`;

const span = (bulletin: string, e: { start: number; end: number }) => `${bulletin}:${e.start}:${e.end}`;

/** How many sources and evidence spans a HELD relationship keeps (see the top of this file); a
 * constant written into the Cypher (LIMIT wants an integer; driver numbers are floats). */
export const HELD_EVIDENCE_CAP = 20;

/**
 * `list` plus `added`, keeping the HELD_EVIDENCE_CAP smallest (as they come while under the cap).
 * A full list whose largest element is below everything added stays as it is, without the sort:
 * bulletins mostly come in key order, so for a post named in many of them that is nearly every row.
 */
const CAPPED = (list: string, added: string) => `CASE WHEN size(coalesce(${list}, [])) + size(${added}) <= ${HELD_EVIDENCE_CAP} THEN coalesce(${list}, []) + ${added}
      WHEN size(${list}) >= ${HELD_EVIDENCE_CAP} AND all(a IN ${added} WHERE a > reduce(m = ${list}[0], e IN ${list} | CASE WHEN e > m THEN e ELSE m END)) THEN ${list}
      ELSE COLLECT { UNWIND coalesce(${list}, []) + ${added} AS e WITH DISTINCT e RETURN e ORDER BY e LIMIT ${HELD_EVIDENCE_CAP} } END`;

/** The highest confidence any bulletin gave the fact. */
const CONFIDENCE = (x: string) => `${x}.confidence = CASE WHEN ${x}.confidence IS NULL OR row.confidence > ${x}.confidence THEN row.confidence ELSE ${x}.confidence END`;

/** The stored content hash of each of the keys that is in the graph. */
export function bulletinStates(keys: string[]): CypherQuery {
  return {
    cypher: 'UNWIND $keys AS key MATCH (b:Bulletin {key: key}) RETURN key, b.contentHash AS contentHash, b.extractorVersion AS extractorVersion',
    params: { keys },
  };
}

interface Helpers {
  ev: (e: { start: number; end: number }) => string[];
  /** The day a person's posts were seen: their first meeting's date, else the bulletin's. */
  postDate: (p: ExtractionResult['people'][number]) => string | null;
}

function helpers(result: ExtractionResult): Helpers {
  const key = result.bulletin.key;
  const meetingDate = new Map(result.meetings.map((m) => [m.key, m.date]));
  // The day a fact was seen: the meeting's date, else the publish date.
  const factDate = result.meetings.find((m) => m.date)?.date ?? result.bulletin.publishedAt ?? null;
  return {
    ev: (e) => [span(key, e)],
    postDate: (p) => p.participation.map((x) => meetingDate.get(x.meeting)).find(Boolean) ?? factDate,
  };
}

/** One row per person and post in a bulletin (extraction keeps a person's posts distinct by key). */
function heldRows(people: ExtractionResult['people'], ev: Helpers['ev'], postDate: Helpers['postDate']) {
  return people.flatMap((p) =>
    p.posts.map((post) => ({
      person: p.name, key: postKey(post), date: postDate(p), evidence: ev(post.evidence), confidence: post.confidence,
    })),
  );
}

/** The statements that write a batch of extractions (distinct keys), in order; run them in one transaction. */
export function writeExtractions(results: ExtractionResult[], ingestedAt: string): CypherQuery[] {
  const at = results.map(helpers);
  const each = <T>(rows: (r: ExtractionResult, at: Helpers) => T[]) =>
    results.flatMap((r, i) => rows(r, at[i]!).map((row) => ({ bk: r.bulletin.key, ...row })));
  const params = { ingestedAt };

  return [
    {
      cypher: `
UNWIND $rows AS row
MERGE (b:Bulletin {key: row.bk})
SET b.source = row.source, b.title = row.title, b.publishedAt = CASE WHEN row.publishedAt IS NULL THEN null ELSE date(row.publishedAt) END,
    b.contentHash = row.contentHash, b.extractorVersion = row.extractorVersion, b.text = row.text, b.originalText = row.originalText, b.ingestedAt = datetime($ingestedAt)`,
      params: {
        ...params,
        rows: each(({ bulletin: b }) => [
          { source: b.source, title: b.title, publishedAt: b.publishedAt, contentHash: b.contentHash, extractorVersion: b.extractorVersion, text: b.text,
            // Stored only where it differs (traditional, garbled): most bulletins would hold their text twice.
            originalText: b.originalText === b.text ? null : b.originalText },
        ]),
      },
    },
    {
      cypher: `
UNWIND $rows AS row
MATCH (b:Bulletin {key: row.bk})
MERGE (o:Organization {name: row.name})
SET o.aliases = reduce(acc = coalesce(o.aliases, []), a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END),
    ${CONFIDENCE('o')}
CREATE (o)-[r:MENTIONED_IN]->(b)
SET ${EVIDENCE('r')}`,
      params: {
        ...params,
        rows: each((result, { ev }) => result.organizations.map((o) => ({ name: o.name, aliases: o.aliases, evidence: ev(o.evidence), confidence: o.confidence }))),
      },
    },
    // Structure apart from the evidence above: merging parents (Organization) after matching or
    // merging organizations makes Neo4j materialise every row (Eager); here only these few rows.
    {
      cypher: `
UNWIND $rows AS row
MATCH (o:Organization {name: row.name})
MERGE (p:Organization {name: row.parent})
MERGE (o)-[:PART_OF]->(p)`,
      params: { rows: results.flatMap((r) => r.organizations.filter((o) => o.parent).map((o) => ({ name: o.name, parent: o.parent }))) },
    },
    {
      cypher: `
UNWIND $rows AS row
MATCH (b:Bulletin {key: row.bk})
MERGE (m:Meeting {key: row.key})
SET m.name = row.name, m.kind = row.kind,
    m.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END,
    m.dateEnd = CASE WHEN row.dateEnd IS NULL THEN null ELSE date(row.dateEnd) END,
    m.form = row.form, m.organizer = row.organizer, m.attendanceCount = row.count,
    m.attendanceApproximate = row.approximate, m.mainVenue = row.mainVenue, m.branchVenues = row.branchVenues,
    ${CONFIDENCE('m')}
CREATE (m)-[r:REPORTED_IN]->(b)
SET ${EVIDENCE('r')}`,
      params: {
        ...params,
        rows: each((result, { ev }) => result.meetings.map((m) => ({
          key: m.key, name: m.name, kind: m.kind, date: m.date, dateEnd: m.dateEnd, form: m.form, organizer: m.organizer,
          count: m.attendance.count, approximate: m.attendance.approximate, mainVenue: m.attendance.mainVenue,
          branchVenues: m.attendance.branchVenues, evidence: ev(m.evidence), confidence: m.confidence,
        }))),
      },
    },
    // Organizers and campaigns of meetings, each on its own: merged in the statement above they
    // made Neo4j materialise every row twice (Eager: the same relationship property read and set).
    {
      cypher: `
UNWIND $rows AS row
MATCH (m:Meeting {key: row.key})
MERGE (o:Organization {name: row.organizer})
MERGE (o)-[r:CONVENED]->(m)
SET ${EVIDENCE('r')}`,
      params: { rows: each((result, { ev }) => result.meetings.filter((m) => m.organizer).map((m) => ({ key: m.key, organizer: m.organizer, evidence: ev(m.evidence) }))) },
    },
    {
      cypher: `
UNWIND $rows AS row
MATCH (m:Meeting {key: row.key})
MERGE (c:Campaign {name: row.campaign})
MERGE (m)-[r:PART_OF]->(c)
SET ${EVIDENCE('r')}`,
      params: { rows: each((result, { ev }) => result.meetings.filter((m) => m.campaign).map((m) => ({ key: m.key, campaign: m.campaign, evidence: ev(m.evidence) }))) },
    },
    {
      cypher: `
UNWIND $rows AS row
MATCH (b:Bulletin {key: row.bk})
MERGE (c:Campaign {name: row.name})
CREATE (c)-[r:MENTIONED_IN]->(b)
SET ${EVIDENCE('r')}`,
      params: { ...params, rows: each((result, { ev }) => result.campaigns.map((c) => ({ name: c.name, evidence: ev(c.evidence) }))) },
    },
    {
      cypher: `
UNWIND $rows AS row
MATCH (b:Bulletin {key: row.bk})
MERGE (p:Person {name: row.name})
SET ${CONFIDENCE('p')}
CREATE (p)-[r:MENTIONED_IN]->(b)
SET ${EVIDENCE('r')}, r.mentionedOnly = row.mentioned, r.held = row.held`,
      params: {
        ...params,
        rows: each((result, { ev, postDate }) => result.people.map((p) => ({
          name: p.name, mentioned: p.mentioned, confidence: p.confidence, evidence: p.mentions.flatMap(ev),
          // What this bulletin says of the person's posts: "postKey|day|start:end" (day may be empty).
          held: p.posts.length ? p.posts.map((post) => `${postKey(post)}|${postDate(p) ?? ''}|${post.evidence.start}:${post.evidence.end}`) : null,
        }))),
      },
    },
    // Posts and their organizations first, once per key: merged in the HELD statement, setting a
    // post's properties where it also read them made Neo4j materialise every row (Eager).
    {
      cypher: `
UNWIND $rows AS row
MERGE (o:Organization {name: row.org})
MERGE (post:Post {key: row.key})
SET post.title = row.title, post.organization = row.org
MERGE (post)-[:OF]->(o)`,
      params: {
        // row.org, not row.organization: Neo4j cannot tell that row is no node, so reading
        // row.organization after setting post.organization would make it materialise every row.
        rows: [...new Map(results.flatMap((r) => r.people.flatMap((p) => p.posts.map((post) => [postKey(post), { key: postKey(post), title: post.title, org: post.organization }] as const)))).values()],
      },
    },
    {
      cypher: `
UNWIND $rows AS row
MATCH (p:Person {name: row.person}), (post:Post {key: row.key})
MERGE (p)-[r:HELD]->(post)
SET r.support = coalesce(r.support, 0) + 1,
    r.sources = ${CAPPED('r.sources', '[row.bk]')},
    r.evidence = ${CAPPED('r.evidence', 'row.evidence')},
    ${CONFIDENCE('r')},
    // Kept up as each day comes; removeBulletin recomputes them from the bulletins' records.
    r.firstSeen = CASE WHEN row.date IS NULL THEN r.firstSeen WHEN r.firstSeen IS NULL OR date(row.date) < r.firstSeen THEN date(row.date) ELSE r.firstSeen END,
    r.lastSeen = CASE WHEN row.date IS NULL THEN r.lastSeen WHEN r.lastSeen IS NULL OR date(row.date) > r.lastSeen THEN date(row.date) ELSE r.lastSeen END`,
      params: {
        ...params,
        rows: each((result, { ev, postDate }) => heldRows(result.people, ev, postDate)),
      },
    },
    {
      cypher: `
UNWIND $rows AS row
MATCH (p:Person {name: row.person}), (m:Meeting {key: row.meeting})
MERGE (p)-[r:ATTENDED]->(m)
SET ${EVIDENCE('r')}, ${CONFIDENCE('r')},
    r.roles = coalesce(r.roles, []) + (row.bk + '|' + row.as),
    // The strongest role any bulletin gives; removeBulletin recomputes it from roles.
    r.as = CASE WHEN r.as = 'chair' OR row.as = 'chair' THEN 'chair' WHEN r.as = 'speaker' OR row.as = 'speaker' THEN 'speaker' ELSE 'attendee' END`,
      params: {
        ...params,
        rows: each((result, { ev }) => result.people.flatMap((p) =>
          p.participation.map((x) => ({ person: p.name, meeting: x.meeting, as: x.as, evidence: ev(x.evidence), confidence: x.confidence })),
        )),
      },
    },
    {
      cypher: `
UNWIND $rows AS row
MATCH (m:Meeting {key: row.mk})
MERGE (d:Directive {key: row.key})
SET d.kind = row.kind, d.ordinal = row.ordinal, d.text = row.text, d.items = row.items, d.speaker = row.speaker, d.meeting = row.mk,
    ${CONFIDENCE('d')}
MERGE (m)-[r:ISSUED]->(d)
SET ${EVIDENCE('r')}`,
      params: {
        ...params,
        rows: each((result, { ev }) => result.directives.map((d) => ({
          // row.mk, not row.meeting: see row.org above.
          key: d.key, mk: d.meeting, kind: d.kind, ordinal: d.ordinal, text: d.text,
          items: d.items.map((i) => i.text), speaker: d.speaker, evidence: ev(d.evidence), confidence: d.confidence,
        }))),
      },
    },
    // Speakers apart, like organizers: one statement for both was planned with an Eager.
    {
      cypher: `
UNWIND $rows AS row
MATCH (p:Person {name: row.speaker}), (d:Directive {key: row.key})
MERGE (p)-[r:GAVE]->(d)
SET ${EVIDENCE('r')}`,
      params: { rows: each((result, { ev }) => result.directives.filter((d) => d.speaker).map((d) => ({ key: d.key, speaker: d.speaker, evidence: ev(d.evidence) }))) },
    },
  ];
}

/**
 * A graph written before HELD was capped keeps on HELD every source, span and day seen
 * (`seen`: "bulletinKey|date"), and no record on the bulletins' side. This moves those records to
 * each bulletin's MENTIONED_IN (held), then caps HELD; a batch of relationships per run, until it
 * returns 0. Without it, replacing such a bulletin would leave its old evidence on HELD.
 */
export function migrateLegacyHeld(): CypherQuery {
  return {
    cypher: `
MATCH (p:Person)-[r:HELD]->(post:Post) WHERE r.support IS NULL
WITH p, r, post LIMIT 2000
CALL (p, r, post) {
  UNWIND coalesce(r.sources, []) AS bk
  WITH DISTINCT p, r, post, bk
  MATCH (p)-[mi:MENTIONED_IN]->(:Bulletin {key: bk})
  WITH mi, post, [e IN coalesce(r.evidence, []) WHERE e STARTS WITH bk + ':' | substring(e, size(bk) + 1)] AS spans,
       coalesce(head([s IN coalesce(r.seen, []) WHERE s STARTS WITH bk + '|' | split(s, '|')[1]]), '') AS day
  SET mi.held = coalesce(mi.held, []) + [s IN spans | post.key + '|' + day + '|' + s]
}
WITH r,
     size(COLLECT { UNWIND coalesce(r.sources, []) AS k RETURN DISTINCT k }) AS support,
     COLLECT { UNWIND coalesce(r.sources, []) AS k WITH DISTINCT k RETURN k ORDER BY k LIMIT ${HELD_EVIDENCE_CAP} } AS sources,
     COLLECT { UNWIND coalesce(r.evidence, []) AS e WITH DISTINCT e RETURN e ORDER BY e LIMIT ${HELD_EVIDENCE_CAP} } AS evidence
SET r.support = support, r.sources = sources, r.evidence = evidence
REMOVE r.seen
RETURN count(r) AS migrated`,
    params: {},
  };
}

/** Each (person, post key, day) the bulletin $key records in its MENTIONED_IN (held). */
const HELD_OF_BULLETIN = `MATCH (:Bulletin {key: $key})<-[mi:MENTIONED_IN]-(p:Person)
UNWIND coalesce(mi.held, []) AS h
WITH p, split(h, '|')[0] AS postKey, split(h, '|')[1] AS day
WITH DISTINCT p, postKey, day`;

/**
 * Removes what one bulletin evidences: its keys leave every relationship's sources; relationships
 * no other bulletin evidences go, then nodes left with no relationship, then the bulletin.
 */
export function removeBulletin(key: string): CypherQuery[] {
  return [
    // HELD first, from the bulletin's own records (its capped lists may not name it). Most
    // bulletins of a popular post are neither among its kept sources nor on its first or last day:
    // for those the count goes down by one and nothing else changes.
    {
      cypher: `
${HELD_OF_BULLETIN}
MATCH (p)-[r:HELD]->(:Post {key: postKey})
WHERE NOT $key IN r.sources AND (day = '' OR (r.firstSeen < date(day) AND date(day) < r.lastSeen))
SET r.support = r.support - 1`,
      params: { key },
    },
    // The others: what the other bulletins still say of each post, or the relationship goes, and a
    // post nobody holds.
    {
      cypher: `
${HELD_OF_BULLETIN}
MATCH (p)-[r:HELD]->(post:Post {key: postKey})
WHERE $key IN r.sources OR (day <> '' AND NOT (r.firstSeen < date(day) AND date(day) < r.lastSeen))
CALL (p, postKey) {
  OPTIONAL MATCH (p)-[m:MENTIONED_IN]->(b:Bulletin) WHERE b.key <> $key AND m.held IS NOT NULL
  UNWIND coalesce(m.held, []) AS h
  WITH b.key AS bk, split(h, '|') AS f WHERE f[0] = postKey
  WITH bk, CASE f[1] WHEN '' THEN null ELSE date(f[1]) END AS day, bk + ':' + f[2] AS span ORDER BY span
  RETURN count(DISTINCT bk) AS support, min(day) AS first, max(day) AS last, collect(DISTINCT span)[0..${HELD_EVIDENCE_CAP}] AS evidence, collect(DISTINCT bk) AS keys
}
FOREACH (_ IN CASE WHEN support = 0 THEN [1] ELSE [] END | DELETE r)
FOREACH (_ IN CASE WHEN support = 0 THEN [] ELSE [1] END |
  SET r.support = support, r.firstSeen = first, r.lastSeen = last, r.evidence = evidence,
      r.sources = COLLECT { UNWIND keys AS k RETURN k ORDER BY k LIMIT ${HELD_EVIDENCE_CAP} })
WITH DISTINCT post WHERE NOT EXISTS { (post)<-[:HELD]-() }
DETACH DELETE post`,
      params: { key },
    },
    {
      cypher: `
MATCH (b:Bulletin {key: $key})<-[:MENTIONED_IN|REPORTED_IN]-(n)
MATCH (n)-[r]-(x) WHERE $key IN r.sources AND NOT r:HELD
WITH collect(DISTINCT r) AS rels, collect(DISTINCT n) + collect(DISTINCT x) AS touched
FOREACH (r IN rels |
  SET r.sources = [s IN r.sources WHERE s <> $key],
      r.evidence = [e IN r.evidence WHERE NOT e STARTS WITH $key + ':'],
      r.roles = CASE WHEN r.roles IS NULL THEN null ELSE [s IN r.roles WHERE NOT s STARTS WITH $key + '|'] END)
WITH rels, touched
UNWIND rels AS r
// The strongest role the other bulletins still give.
FOREACH (_ IN CASE WHEN r.roles IS NULL OR size(r.sources) = 0 THEN [] ELSE [1] END |
  SET r.as = CASE WHEN any(x IN r.roles WHERE x ENDS WITH '|chair') THEN 'chair' WHEN any(x IN r.roles WHERE x ENDS WITH '|speaker') THEN 'speaker' ELSE 'attendee' END)
WITH r, touched WHERE size(r.sources) = 0
DELETE r
WITH DISTINCT touched
UNWIND touched AS t
WITH DISTINCT t WHERE NOT t:Bulletin AND NOT EXISTS { MATCH (t)-[e]-() WHERE e.sources IS NOT NULL }
DETACH DELETE t`,
      params: { key },
    },
    { cypher: 'MATCH (b:Bulletin {key: $key}) DETACH DELETE b', params: { key } },
  ];
}
