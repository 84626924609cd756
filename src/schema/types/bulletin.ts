// Bulletin (通稿): one ingested release, its text and what it reports.
import { builder } from '../builder.ts';
import { loadRelated } from '../load.ts';
import { BulletinRef, MeetingRef, PersonRef } from '../refs.ts';
import type { BulletinRecord, MeetingRecord, PersonRecord } from '../records.ts';
import { pageOf } from './connection.ts';

BulletinRef.implement({
  description: 'A bulletin (通稿) as ingested; every fact\'s evidence points into its text.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The source file name without extension.' }),
    source: t.exposeString('source'),
    title: t.exposeString('title'),
    publishedAt: t.field({ type: 'Date', nullable: true, resolve: (b) => b.publishedAt }),
    contentHash: t.exposeString('contentHash'),
    text: t.exposeString('text', { description: 'Normalized simplified text; evidence offsets point here.' }),
    originalText: t.exposeString('originalText', { description: 'The text in its own script (traditional stays traditional).' }),
    meetings: t.loadableList({
      type: MeetingRef,
      load: async (keys: string[], ctx) =>
        (await loadRelated<MeetingRecord>(ctx, 'meeting', 'bulletin', '(a)<-[r:REPORTED_IN]-(b:Meeting)', keys)).map((rows) => rows.map((r) => r.node)),
      resolve: (b) => b.key,
    }),
    people: t.loadableList({
      type: PersonRef,
      description: 'Everyone the bulletin names.',
      load: async (keys: string[], ctx) =>
        (await loadRelated<PersonRecord>(ctx, 'person', 'bulletin', '(a)<-[r:MENTIONED_IN]-(b:Person)', keys, 'ORDER BY b.name')).map((rows) => rows.map((r) => r.node)),
      resolve: (b) => b.key,
    }),
  }),
});

builder.queryFields((t) => ({
  bulletin: t.field({
    type: BulletinRef,
    nullable: true,
    args: { key: t.arg.string({ required: true }) },
    resolve: (_root, { key }, ctx) => BulletinRef.getDataloader(ctx).load(key).catch(() => null) as Promise<BulletinRecord | null>,
  }),
  bulletins: t.connection(
    {
      type: BulletinRef,
      description: 'Bulletins, ordered by title.',
      args: { titleContains: t.arg.string({ required: false }) },
      resolve: (_root, args, ctx) => pageOf<BulletinRecord>(ctx, 'bulletin', args, { contains: args.titleContains }),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount }) }) },
  ),
}));
