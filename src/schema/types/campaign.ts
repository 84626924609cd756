// Campaign (主题活动): a drive such as “不忘初心、牢记使命”主题教育.
import { builder } from '../builder.ts';
import { loadRelated } from '../load.ts';
import { CampaignRef, MeetingRef } from '../refs.ts';
import type { MeetingRecord } from '../records.ts';

CampaignRef.implement({
  description: 'A campaign or drive named in quotes (主题教育, 专项行动).',
  fields: (t) => ({
    name: t.exposeString('name'),
    meetings: t.loadableList({
      type: MeetingRef,
      description: 'Meetings held under it.',
      load: async (names: string[], ctx) =>
        (await loadRelated<MeetingRecord>(ctx, 'meeting', 'campaign', '(a)<-[r:PART_OF]-(b:Meeting)', names, 'ORDER BY b.date DESC')).map((rows) => rows.map((r) => r.node)),
      resolve: (c) => c.name,
    }),
  }),
});
