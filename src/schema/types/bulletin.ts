// Bulletin (通稿): one ingested release, its text and what it reports.
import { nodesForKeys } from '../../neo4j/cypher/plan.ts';
import { builder } from '../builder.ts';
import { highlight } from '../highlight.ts';
import { relation, selectionOf } from '../plan.ts';
import { BulletinRef, MeetingRef, PersonRef } from '../refs.ts';
import type { BulletinRecord, MeetingRecord, PersonRecord } from '../records.ts';
import { pageComplexity, pageOf } from './connection.ts';

export const SpanInput = builder.inputType('SpanInput', {
  description: 'A span of Bulletin.text, as Evidence gives it (start inclusive, end exclusive).',
  fields: (t) => ({
    start: t.int({ description: 'Offset of the span\'s first character in Bulletin.text.', required: true }),
    end: t.int({ description: 'Offset after the span\'s last character (exclusive).', required: true }),
  }),
});

BulletinRef.implement({
  description: 'A bulletin (通稿) as ingested; every fact\'s evidence points into its text.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The source file name without extension.' }),
    source: t.exposeString('source', { description: 'The file name it was read from.' }),
    title: t.exposeString('title', { description: 'The title (标题), simplified.' }),
    publishedAt: t.field({ description: 'The publish date printed on the page (发布日期), or null.', type: 'Date', nullable: true, resolve: (b) => b.publishedAt }),
    contentHash: t.exposeString('contentHash', { description: 'sha256 of the normalized text: the same content is not ingested twice.' }),
    text: t.exposeString('text', { description: 'Normalized simplified text; evidence offsets point here.' }),
    originalText: t.exposeString('originalText', { description: 'The text in its own script (traditional stays traditional).' }),
    highlighted: t.string({
      description: 'Bulletin.text as HTML: escaped, with the given spans (e.g. evidence start/end) wrapped in <mark>…</mark>.',
      args: { spans: t.arg({ type: [SpanInput], required: false }) },
      resolve: (b, { spans }) => highlight(b.text, spans ?? []),
    }),
    meetings: t.field({
      type: [MeetingRef],
      description: 'Meetings it reports.',
      resolve: relation<BulletinRecord, MeetingRecord[]>('Bulletin', (b) => b.key, []),
    }),
    people: t.field({
      type: [PersonRef],
      description: 'Everyone the bulletin names.',
      resolve: relation<BulletinRecord, PersonRecord[]>('Bulletin', (b) => b.key, []),
    }),
  }),
});

export const BulletinOrderEnum = builder.enumType('BulletinOrder', {
  description: 'How bulletins are listed; ties by key.',
  values: {
    TITLE: { description: 'By title (default).', value: 'NAME' },
    PUBLISHED_DESC: { description: 'Latest published first; undated last.', value: 'DATE_DESC' },
    PUBLISHED_ASC: { description: 'Earliest published first; undated last.', value: 'DATE_ASC' },
  } as const,
});

builder.queryFields((t) => ({
  bulletin: t.field({
    type: BulletinRef,
    nullable: true,
    description: 'A bulletin by its key (the file name without extension), or null.',
    args: { key: t.arg.string({ required: true }) },
    resolve: async (_root, { key }, ctx, info) => {
      const query = nodesForKeys(selectionOf(info, ctx)!, [key]);
      const [row] = await ctx.executor.read<{ node: unknown }>(query);
      return row ? (query.decode(row.node) as BulletinRecord) : null;
    },
  }),
  bulletins: t.connection(
    {
      type: BulletinRef,
      description: 'Bulletins, by title unless orderBy says otherwise.',
      args: {
        titleContains: t.arg.string({ required: false }),
        orderBy: t.arg({ type: BulletinOrderEnum, required: false, defaultValue: 'NAME' }),
      },
      complexity: pageComplexity,
      resolve: (_root, args, ctx, info) => pageOf<BulletinRecord>(ctx, info, 'bulletin', args, { contains: args.titleContains, orderBy: args.orderBy }),
    },
    { fields: (c) => ({ totalCount: c.int({ description: 'How many match, over all pages.', resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount }) }) },
  ),
}));
