// toPlain: Neo4j values become JSON-friendly; plain lists (planned answers) are passed through.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../src/neo4j/executor.ts';

describe('toPlain', () => {
  it('passes lists of plain values through as they are', () => {
    const rows = [['甲', '2020-01-01', [['乙', 3, null]]], ['丙', null, []]];
    expect(toPlain(rows)).toBe(rows);
  });

  it('turns temporal values and integers into strings and numbers, however deep', () => {
    const day = new neo4j.types.Date(2020, 5, 10);
    const rows = [['甲', [[day, neo4j.int(7)]]], ['乙', undefined]];
    expect(toPlain(rows)).toEqual([['甲', [['2020-05-10', 7]]], ['乙', null]]);
    expect(rows[0]![1]).toEqual([[day, neo4j.int(7)]]); // the driver's list is left alone
    expect(toPlain({ a: [day], b: { c: neo4j.int(2) } })).toEqual({ a: ['2020-05-10'], b: { c: 2 } });
  });
});
