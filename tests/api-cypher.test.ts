// The API's Cypher builders and HTML helpers, without a database: values travel as parameters,
// user text never becomes Cypher or markup.
import { describe, expect, it } from 'vitest';
import { fieldForKeys, nodesForKeys, PlanBuilder, type Selection } from '../src/neo4j/cypher/plan.ts';
import { listNodes, shortestPaths } from '../src/neo4j/cypher/read.ts';
import { lucenePhrase, luceneQuery, searchNodes } from '../src/neo4j/cypher/search.ts';
import { fulltextStatements } from '../src/neo4j/fulltext.ts';
import { escapeHtml, highlight, mergeSpans, snippet } from '../src/schema/highlight.ts';
import { searchTerms } from '../src/schema/types/search.ts';

const sel = (type: string, fields: Record<string, [string, Record<string, unknown>, Selection | null]>): Selection => ({
  type,
  fields: new Map(Object.entries(fields).map(([key, [name, args, selection]]) => [key, { name, args, selection }])),
});

describe('the planner', () => {
  it('nests relations as COLLECT subqueries in one statement, records as positional lists', () => {
    const person = sel('Person', { name: ['name', {}, null], posts: ['posts', {}, sel('Tenure', { title: ['title', {}, null], organization: ['organization', {}, sel('Organization', {})] })] });
    const meeting = sel('Meeting', { who: ['attendees', { as: 'chair' }, sel('Participation', { person: ['person', {}, person] })] });
    const q = nodesForKeys(meeting, ['k1']);
    expect(q.cypher.match(/COLLECT \{ MATCH/g)).toHaveLength(3);
    expect(q.cypher).toContain('head(COLLECT {');
    expect(q.cypher).not.toContain('who');
    expect(q.cypher).toMatch(/WHERE v\d+\.as = \$p0/);
    expect(q.params).toMatchObject({ p0: 'chair', keys: ['k1'] });
    // [key, attendees: [[person: [name, posts: [[title, organization: [name]]]]]]]
    expect(q.decode(['k1', [[['苗圩', [['部长', ['工业和信息化部']]]]]]])).toEqual({
      key: 'k1',
      '@who': [{ '@person': { name: '苗圩', '@posts': [{ title: '部长', '@organization': { name: '工业和信息化部' } }] } }],
    });
  });

  it('takes arguments as parameters; response keys never enter the Cypher', () => {
    const b = new PlanBuilder();
    const co = sel('Person', { co: ['coAttendees', { first: 7 }, sel('CoAttendance', { count: ['count', {}, null] })] });
    const { pre, expr, decode } = b.root(co, { n: 'n' });
    // Counts only: read from the pairs kept at load time.
    expect(pre).toBe('');
    expect(expr).toMatch(/^\[n\.name, COLLECT \{ MATCH \(n\)-\[r\d+:CO_ATTENDED\]-.* LIMIT toInteger\(\$p0\)/s);
    expect(b.params).toEqual({ p0: 7 });
    expect(decode(['甲', [[3]]])).toEqual({ name: '甲', '@co': [{ count: 3 }] });
    // With the meetings: an aggregating subquery, computed in a WITH ahead of the record that holds it.
    const withMeetings = sel('Person', { co: ['coAttendees', { first: 7 }, sel('CoAttendance', { meetings: ['meetings', {}, sel('Meeting', {})] })] });
    const grouped = new PlanBuilder().root(withMeetings, { n: 'n' });
    expect(grouped.pre).toMatch(/^WITH \*, COLLECT \{ MATCH \(n\)-\[:ATTENDED\].* LIMIT toInteger\(\$p0\)/s);
    expect(grouped.expr).toMatch(/^\[n\.name, h\d+\]$/);
    const evil = sel('Person', { 'x`]) MATCH (n) DETACH DELETE n //': ['posts', {}, sel('Tenure', {})] });
    expect(nodesForKeys(evil, ['甲']).cypher).not.toContain('DETACH');
  });

  it('projects bulletin texts only when a field reads them', () => {
    expect(nodesForKeys(sel('Bulletin', { title: ['title', {}, null] }), ['b']).cypher).not.toContain('.text');
    expect(nodesForKeys(sel('Bulletin', { h: ['highlighted', {}, null] }), ['b']).cypher).toContain('n.text');
  });

  it('loads one field for many parents in one statement', () => {
    const q = fieldForKeys('Person', { name: 'meetings', args: {}, selection: sel('Participation', { as: ['as', {}, null] }) }, ['甲', '乙']);
    expect(q?.cypher).toMatch(/^UNWIND \$keys AS key MATCH \(n:Person \{name: key\}\) RETURN key, COLLECT/);
    expect(q?.params.keys).toEqual(['甲', '乙']);
    expect(q?.decode([['chair'], ['attendee']])).toEqual([{ as: 'chair' }, { as: 'attendee' }]);
    expect(fieldForKeys('Person', { name: 'nope', args: {}, selection: null }, ['甲'])).toBeNull();
  });
});

describe('shared node subtrees', () => {
  const person = sel('Person', { name: ['name', {}, null], posts: ['posts', {}, sel('Tenure', { title: ['title', {}, null] })] });
  const page = sel('Meeting', { name: ['name', {}, null], attendees: ['attendees', {}, sel('Participation', { as: ['as', {}, null], person: ['person', {}, person] })] });

  function planPage(selection: Selection) {
    const b = new PlanBuilder({ share: true });
    const projection = b.root(selection, { n: 'n' });
    const q = listNodes('meeting', { skip: 0, limit: 20, withTotal: false }, () => ({ ...projection, tables: (from) => b.tablesFor(from, projection.refs ?? []) }));
    return { b, projection, q };
  }

  it('projects a node that reads relations once per page, the records naming it by key', () => {
    const { b, projection, q } = planPage(page);
    // The posts are read in the table, once per distinct person; an attendance holds the name.
    expect(q.cypher.match(/:HELD\]/g)).toHaveLength(1);
    expect(q.cypher).toMatch(/WITH page, \[COLLECT \{ UNWIND page\[\.\.toInteger\(\$limit\)\] AS n MATCH \(v\d+:Person\)-\[v\d+:ATTENDED\]->\(n\) WITH DISTINCT v\d+\.name AS k\d+ MATCH \(x\d+:Person \{name: k\d+\}\)/);
    expect(q.cypher).toMatch(/RETURN \[v\d+\.as, v\d+\.name\] ORDER BY/);
    expect(q.cypher).toContain('CASE WHEN pageIndex = 0 THEN shared END AS shared');
    const shared = b.decodeTables([[['甲', ['甲', [['部长']]]]]]);
    const rows = [['k1', '会一', [['chair', '甲']]], ['k2', '会二', [['attendee', '甲'], ['attendee', '乙']]]].map((raw) => projection.decode(raw, shared) as any);
    expect(rows[0]).toEqual({ key: 'k1', name: '会一', '@attendees': [{ as: 'chair', '@person': { name: '甲', '@posts': [{ title: '部长' }] } }] });
    // The same person is one record wherever named; one the table lacks is null.
    expect(rows[1]['@attendees'][0]['@person']).toBe(rows[0]['@attendees'][0]['@person']);
    expect(rows[1]['@attendees'][1]['@person']).toBeNull();
  });

  it('projects in place what has no relations below, and what a builder does not hand up', () => {
    const names = sel('Meeting', { attendees: ['attendees', {}, sel('Participation', { person: ['person', {}, sel('Person', { name: ['name', {}, null] })] })] });
    expect(planPage(names).q.cypher).not.toContain('shared');
    // Under a person's timeline (its own builder), a meeting with attendees stays in place.
    const timeline = sel('Person', {
      timeline: ['timeline', {}, sel('TimelineEntry', { participation: ['participation', {}, sel('Participation', { meeting: ['meeting', {}, page] })] })],
    });
    const b = new PlanBuilder({ share: true });
    const { refs } = b.root(timeline, { n: 'n' });
    expect(refs).toEqual([]);
    expect(b.tablesFor('UNWIND $keys AS n', [])).toEqual([]);
  });
});

describe('lists', () => {
  it('filters with parameters, orders stably, and skips the count when not asked', () => {
    const q = listNodes('meeting', { attendee: '苗圩', role: 'chair', skip: 0, limit: 20, orderBy: 'DATE_ASC', withTotal: false });
    expect(q.cypher).toContain('$attendee');
    expect(q.cypher).not.toContain('苗圩');
    expect(q.cypher).toContain('ORDER BY n.date IS NULL, n.date, n.key SKIP');
    expect(q.params).toMatchObject({ attendee: '苗圩', role: 'chair', contains: null });
    expect(listNodes('person', { skip: 0, limit: 5, orderBy: 'MEETINGS' }).cypher).toContain('COUNT { (n)-[:ATTENDED]->(:Meeting) } DESC, n.name');
  });

  it('finds the node after the page but projects only the page', () => {
    const q = listNodes('meeting', { skip: 0, limit: 20, withTotal: false }, (v) => ({ pre: '', expr: `[${v}.key, COLLECT { MATCH (${v})<-[:ATTENDED]-(p) RETURN p.name }]`, decode: (raw) => raw }));
    expect(q.cypher).toContain('LIMIT toInteger($limit) + 1\n');
    const unwind = q.cypher.indexOf('UNWIND page[..toInteger($limit)] AS n');
    expect(unwind).toBeGreaterThan(0);
    expect(q.cypher.indexOf('COLLECT {')).toBeGreaterThan(unwind);
    expect(q.cypher).toContain('size(page) > toInteger($limit) AS more');
  });

  it('bounds shortest paths with a checked integer', () => {
    expect(shortestPaths('甲', '乙', 4).cypher).toContain('*..4]');
    expect(() => shortestPaths('甲', '乙', 7)).toThrow(RangeError);
    expect(() => shortestPaths('甲', '乙', 2.5)).toThrow(RangeError);
  });
});

describe('search', () => {
  it('sends each term as an escaped Lucene phrase, all required, aliases as alternatives', () => {
    expect(lucenePhrase('苗圩')).toBe('"苗圩"');
    expect(lucenePhrase('a"b(c)*:\\')).toBe('"a\\"b\\(c\\)\\*\\:\\\\"');
    expect(luceneQuery([['王建平'], ['务虚会']])).toBe('"王建平" AND "务虚会"');
    expect(luceneQuery(searchTerms('工信部'))).toBe('("工信部" OR "工业和信息化部")');
    expect(searchTerms(' 範小建  會議 ')).toEqual([['范小建'], ['会议']]);
  });

  it('queries the per-kind indexes with the text as a parameter', () => {
    const q = searchNodes('"x" AND "y"', 'x', ['PERSON', 'BULLETIN'], 5);
    expect(q.cypher).toContain("queryNodes('search_person', $query");
    expect(q.cypher).toContain("queryNodes('search_bulletin', $query");
    expect(q.cypher).not.toContain('search_meeting');
    expect(q.params).toEqual({ query: '"x" AND "y"', exact: 'x', first: 5 });
  });

  it('creates the indexes with the analyzer that handles Chinese', () => {
    const statements = fulltextStatements();
    expect(statements).toHaveLength(5);
    for (const s of statements) expect(s.cypher).toMatch(/CREATE FULLTEXT INDEX search_\w+ IF NOT EXISTS .*'standard-no-stop-words'/s);
  });
});

describe('highlighting', () => {
  it('escapes HTML and wraps merged spans in <mark>', () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    expect(mergeSpans([{ start: 5, end: 8 }, { start: 0, end: 2 }, { start: 1, end: 3 }, { start: 9, end: 9 }, { start: -4, end: 99 }].slice(0, 4), 10)).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 8 },
    ]);
    expect(highlight('a<b>c&d', [{ start: 1, end: 4 }])).toBe('a<mark>&lt;b&gt;</mark>c&amp;d');
    expect(highlight('abc', [{ start: -5, end: 50 }])).toBe('<mark>abc</mark>');
  });

  it('cuts a snippet around the first match and marks every match in it', () => {
    const text = '甲'.repeat(100) + '苗圩同志作动员讲话，苗圩<强调>' + '乙'.repeat(100);
    const s = snippet(text, ['苗圩'], 10);
    expect(s).toBe(`…${'甲'.repeat(10)}<mark>苗圩</mark>同志作动员讲话，<mark>苗圩</mark>…`);
    expect(snippet('短文本<b>', ['文本'])).toBe('短<mark>文本</mark>&lt;b&gt;');
  });
});
