// Post (职务): a title at an organization, e.g. 部长 of 工业和信息化部.
import { builder } from '../builder.ts';
import { loadRelated } from '../load.ts';
import { OrganizationRef, PostRef } from '../refs.ts';
import type { PersonRecord } from '../records.ts';
import { TenureType } from './tenure.ts';

PostRef.implement({
  description: 'A post (职务): a bare title at one organization.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'title@organization' }),
    title: t.exposeString('title', { description: 'The bare title: 部长, 副部长, 组长, 党组书记 …' }),
    organization: t.field({ type: OrganizationRef, resolve: (p) => p.organization }),
    holders: t.loadableList({
      type: TenureType,
      description: 'Who held it, earliest evidence first.',
      load: async (keys: string[], ctx) =>
        (await loadRelated<PersonRecord>(ctx, 'person', 'post', '(a)<-[r:HELD]-(b:Person)', keys, 'ORDER BY r.firstSeen, b.name')).map((rows, i) =>
          rows.map(({ node, rel }) => {
            const [title = '', ...org] = keys[i]!.split('@');
            return {
              person: node.name,
              post: keys[i]!,
              title,
              organization: org.join('@'),
              firstSeen: (rel.firstSeen as string | null) ?? null,
              lastSeen: (rel.lastSeen as string | null) ?? null,
              evidence: (rel.evidence as string[]) ?? [],
            };
          }),
        ),
      resolve: (p) => p.key,
    }),
  }),
});
