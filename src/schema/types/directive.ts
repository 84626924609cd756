// Directive (部署要求): what a meeting or a speaker ordered, with its enumerated items.
import type { DirectiveItem } from '../../ingest/types.ts';
import { builder } from '../builder.ts';
import { relation } from '../plan.ts';
import { DirectiveRef, MeetingRef, PersonRef } from '../refs.ts';
import { parseEvidence, type DirectiveRecord, type MeetingRecord, type PersonRecord } from '../records.ts';
import { EvidenceType } from './evidence.ts';

const DirectiveItemType = builder.objectRef<DirectiveItem>('DirectiveItem').implement({
  description: 'One enumerated item (一是…, 二是…).',
  fields: (t) => ({
    ordinal: t.exposeInt('ordinal', { description: 'Its number: 1 for 一是, 2 for 二是 …' }),
    text: t.exposeString('text', { description: 'The item\'s text, from its marker to the next.' }),
  }),
});

DirectiveRef.implement({
  description: 'A directive: a 会议指出/强调/要求 paragraph or a speaker\'s 指出/强调.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key (meeting and order).' }),
    kind: t.exposeString('kind', { description: 'The verb: 指出, 强调, 要求, 认为, 号召 …' }),
    ordinal: t.exposeInt('ordinal', { description: 'Order within the meeting, from 1.' }),
    text: t.exposeString('text', { description: 'The directive\'s words after 会议指出，/某某强调，' }),
    items: t.field({ description: 'Enumerated items (一是…二是…), in order; empty when there are none.', type: [DirectiveItemType], resolve: (d) => d.items }),
    meeting: t.field({ description: 'The meeting that issued it.', 
      type: MeetingRef,
      resolve: async (d, args, ctx, info) => (await relation<DirectiveRecord, MeetingRecord | null>('Directive', (x) => x.key, null)(d, args, ctx, info)) ?? d.meeting,
    }),
    speaker: t.field({
      type: PersonRef,
      nullable: true,
      description: 'The person who said it; null for 会议指出.',
      resolve: relation<DirectiveRecord, PersonRecord | null>('Directive', (x) => x.key, null),
    }),
    evidence: t.field({
      type: [EvidenceType],
      description: 'The sentences the directive was read from (the meeting’s ISSUED relationship).',
      resolve: async (d, args, ctx, info) => parseEvidence(await relation<DirectiveRecord, string[]>('Directive', (x) => x.key, [])(d, args, ctx, info)),
    }),
  }),
});
