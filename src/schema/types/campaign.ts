// Campaign (主题活动): a drive such as “不忘初心、牢记使命”主题教育.
import { builder } from '../builder.ts';
import { relation } from '../plan.ts';
import { CampaignRef, MeetingRef } from '../refs.ts';
import type { CampaignRecord, MeetingRecord } from '../records.ts';

CampaignRef.implement({
  description: 'A campaign or drive named in quotes (主题教育, 专项行动).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The campaign\'s name with its quotes, e.g. “不忘初心、牢记使命”主题教育.' }),
    meetings: t.field({
      type: [MeetingRef],
      description: 'Meetings held under it, latest first.',
      resolve: relation<CampaignRecord, MeetingRecord[]>('Campaign', (c) => c.name, []),
    }),
  }),
});
