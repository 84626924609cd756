// Tenure: a person holding a post, with the first and last day the bulletins show it (任职), and
// postHolders: who held a post on a given day.
import { canonicalKnown } from '../../ingest/stages/extract-organizations.ts';
import { simplify } from '../../ingest/stages/normalize.ts';
import { HELD_EVIDENCE_CAP } from '../../neo4j/cypher/bulletin.ts';
import { PlanBuilder } from '../../neo4j/cypher/plan.ts';
import { postHolders } from '../../neo4j/cypher/read.ts';
import { builder } from '../builder.ts';
import { planned, selectionOf } from '../plan.ts';
import { OrganizationRef, PersonRef, PostRef } from '../refs.ts';
import { parseEvidence, type OrganizationRecord, type PersonRecord, type PostRecord, type TenureRecord } from '../records.ts';
import { EvidenceType } from './evidence.ts';

export type TenureRow = TenureRecord & { title: string; organization: string };

export const TenureType = builder.objectRef<TenureRow>('Tenure').implement({
  description: 'A post held by a person, as the bulletins evidence it.',
  fields: (t) => ({
    person: t.field({ description: 'Who held the post.', type: PersonRef, resolve: (h, _a, _c, info) => planned<PersonRecord>(h, info) ?? h.person }),
    post: t.field({ description: 'The post (职务).', type: PostRef, resolve: (h, _a, _c, info) => planned<PostRecord>(h, info) ?? h.post }),
    title: t.exposeString('title', { description: 'The bare title (职务), e.g. 部长.' }),
    organization: t.field({ description: 'The organization the post is at (机构).', type: OrganizationRef, resolve: (h, _a, _c, info) => planned<OrganizationRecord>(h, info) ?? h.organization }),
    firstSeen: t.field({ type: 'Date', nullable: true, description: 'The earliest day a bulletin shows the post held.', resolve: (h) => h.firstSeen }),
    lastSeen: t.field({ type: 'Date', nullable: true, description: 'The latest such day.', resolve: (h) => h.lastSeen }),
    evidence: t.field({ description: `Sentences that name the person with this post: those of up to ${HELD_EVIDENCE_CAP} bulletins (the smallest keys); a leader may be named so in thousands.`, type: [EvidenceType], resolve: (h) => parseEvidence(h.evidence) }),
  }),
});

builder.queryFields((t) => ({
  postHolders: t.field({
    type: [TenureType],
    description:
      'Who held a post: title (部长) at an organization (name or alias, simplified or traditional). With `at`, only those ' +
      'whose evidence spans that day (firstSeen ≤ at ≤ lastSeen); without, everyone, earliest first.',
    args: {
      title: t.arg.string({ required: true }),
      organization: t.arg.string({ required: true }),
      at: t.arg({ type: 'Date', required: false }),
    },
    resolve: async (_root, { title, organization, at }, ctx, info) => {
      const selection = selectionOf(info, ctx)!;
      const plan = new PlanBuilder();
      const projection = plan.root(selection, { p: 'p', r: 'r', q: 'q' });
      const query = postHolders(
        { title: simplify(title.trim()), organization: canonicalKnown(simplify(organization.trim())), at: at ?? null },
        () => projection,
      );
      const rows = await ctx.executor.read<{ tenure: unknown }>({ cypher: query.cypher, params: { ...plan.params, ...query.params } });
      return rows.map((r) => projection.decode(r.tenure) as TenureRow);
    },
  }),
}));
