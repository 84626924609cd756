// Post (职务): a title at an organization, e.g. 部长 of 工业和信息化部.
import { builder } from '../builder.ts';
import { relation } from '../plan.ts';
import { OrganizationRef, PostRef } from '../refs.ts';
import type { OrganizationRecord, PostRecord } from '../records.ts';
import { TenureType, type TenureRow } from './tenure.ts';

PostRef.implement({
  description: 'A post (职务): a bare title at one organization.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'title@organization' }),
    title: t.exposeString('title', { description: 'The bare title: 部长, 副部长, 组长, 党组书记 …' }),
    organization: t.field({ description: 'The organization the post is at.', 
      type: OrganizationRef,
      resolve: async (p, args, ctx, info) =>
        (await relation<PostRecord, OrganizationRecord | null>('Post', (x) => x.key, null)(p, args, ctx, info)) ?? p.organization,
    }),
    holders: t.field({
      type: [TenureType],
      description: 'Who held it, earliest evidence first.',
      resolve: relation<PostRecord, TenureRow[]>('Post', (p) => p.key, []),
    }),
  }),
});
