// Evidence: the sentence of a bulletin that a fact was read from.
import { builder } from '../builder.ts';
import { BulletinRef } from '../refs.ts';
import type { EvidenceRecord } from '../records.ts';

export const EvidenceType = builder.objectRef<EvidenceRecord>('Evidence').implement({
  description: 'Where a fact was read (出处): a span of a bulletin\'s normalized text.',
  fields: (t) => ({
    bulletin: t.field({ description: 'The bulletin (通稿) the sentence is in.', type: BulletinRef, resolve: (e) => e.bulletin }),
    start: t.exposeInt('start', { description: 'Offset of the sentence in Bulletin.text (characters).' }),
    end: t.exposeInt('end', { description: 'End offset, exclusive.' }),
    sentence: t.string({
      description: 'The sentence itself.',
      resolve: async (e, _args, ctx) => {
        const b = await BulletinRef.getDataloader(ctx).load(e.bulletin);
        return b.text.slice(e.start, e.end);
      },
    }),
  }),
});

