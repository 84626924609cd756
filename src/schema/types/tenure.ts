// Tenure: a person holding a post, with the first and last day the bulletins show it (任职).
import { builder } from '../builder.ts';
import { OrganizationRef, PersonRef, PostRef } from '../refs.ts';
import { parseEvidence, type TenureRecord } from '../records.ts';
import { EvidenceType } from './evidence.ts';

export const TenureType = builder.objectRef<TenureRecord & { title: string; organization: string }>('Tenure').implement({
  description: 'A post held by a person, as the bulletins evidence it.',
  fields: (t) => ({
    person: t.field({ type: PersonRef, resolve: (h) => h.person }),
    post: t.field({ type: PostRef, resolve: (h) => h.post }),
    title: t.exposeString('title', { description: 'The bare title (职务), e.g. 部长.' }),
    organization: t.field({ type: OrganizationRef, resolve: (h) => h.organization }),
    firstSeen: t.field({ type: 'Date', nullable: true, resolve: (h) => h.firstSeen }),
    lastSeen: t.field({ type: 'Date', nullable: true, resolve: (h) => h.lastSeen }),
    evidence: t.field({ type: [EvidenceType], resolve: (h) => parseEvidence(h.evidence) }),
  }),
});
