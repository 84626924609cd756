// The ready Cypher queries of docs/browser.md: the Neo4j Browser test runs each on the seed and
// checks the captions it draws; scripts/screenshots.ts takes docs/screenshots/browser-<file>.png
// of each. Keep the three in step: change a query here and in docs/browser.md together.

export interface BrowserQuery {
  /** docs/screenshots/browser-<file>.png */
  file: string;
  title: string;
  cypher: string;
  /** Node captions the graph view must show on the seed (with neo4j/browser-style.grass). */
  expectCaptions: string[];
}

export const BROWSER_QUERIES: BrowserQuery[] = [
  {
    file: 'meeting-attendees',
    title: 'Who attended a meeting',
    cypher: `MATCH (m:Meeting) WHERE m.name CONTAINS '动员部署会'
MATCH (p:Person)-[a:ATTENDED]->(m)
OPTIONAL MATCH (o:Organization)-[c:CONVENED]->(m)
RETURN m, a, p, o, c`,
    expectCaptions: ['苗圩', '范小建', '工业和信息化部', '动员部署会'],
  },
  {
    file: 'person-posts',
    title: "A person's posts over time",
    cypher: `MATCH (p:Person {name: '苗圩'})-[h:HELD]->(post:Post)-[of:OF]->(o:Organization)
RETURN p, h, post, of, o
ORDER BY h.firstSeen`,
    expectCaptions: ['苗圩', '部长', '党组书记', '组长'],
  },
  {
    file: 'co-attendance',
    title: 'Co-attendance around a person',
    cypher: `MATCH (p:Person {name: '苗圩'})-[a1:ATTENDED]->(m:Meeting)<-[a2:ATTENDED]-(other:Person)
OPTIONAL MATCH (other)-[h:HELD]->(post:Post)
RETURN p, a1, m, a2, other, h, post`,
    expectCaptions: ['苗圩', '范小建', '动员部署会'],
  },
  {
    file: 'bulletin-evidence',
    title: 'One bulletin with everything it evidences',
    cypher: `MATCH (b:Bulletin {key: '000_0e1c59be9f5b0e63'})
MATCH (x)-[r]->(y) WHERE b.key IN r.sources
RETURN b, x, r, y`,
    expectCaptions: ['苗圩', '范小建', '工业和信息化部', '指出', '强调'],
  },
];
