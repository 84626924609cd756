// The node types as loadable refs, declared apart from their fields so that types that point at
// each other can be defined one a file without import cycles.
import type {
  BulletinRecord,
  CampaignRecord,
  DirectiveRecord,
  MeetingRecord,
  OrganizationRecord,
  PersonRecord,
  PostRecord,
} from './records.ts';
import { builder } from './builder.ts';
import { loadNodes } from './load.ts';

export const PersonRef = builder.loadableNodeRef('Person', {
  id: { resolve: (p: PersonRecord) => p.name },
  load: (keys: string[], ctx) => loadNodes<PersonRecord>(ctx, 'person', keys),
});

export const OrganizationRef = builder.loadableNodeRef('Organization', {
  id: { resolve: (o: OrganizationRecord) => o.name },
  load: (keys: string[], ctx) => loadNodes<OrganizationRecord>(ctx, 'organization', keys),
});

export const PostRef = builder.loadableNodeRef('Post', {
  id: { resolve: (p: PostRecord) => p.key },
  load: (keys: string[], ctx) => loadNodes<PostRecord>(ctx, 'post', keys),
});

export const MeetingRef = builder.loadableNodeRef('Meeting', {
  id: { resolve: (m: MeetingRecord) => m.key },
  load: (keys: string[], ctx) => loadNodes<MeetingRecord>(ctx, 'meeting', keys),
});

export const DirectiveRef = builder.loadableNodeRef('Directive', {
  id: { resolve: (d: DirectiveRecord) => d.key },
  load: (keys: string[], ctx) => loadNodes<DirectiveRecord>(ctx, 'directive', keys),
});

export const CampaignRef = builder.loadableNodeRef('Campaign', {
  id: { resolve: (c: CampaignRecord) => c.name },
  load: (keys: string[], ctx) => loadNodes<CampaignRecord>(ctx, 'campaign', keys),
});

export const BulletinRef = builder.loadableNodeRef('Bulletin', {
  id: { resolve: (b: BulletinRecord) => b.key },
  load: (keys: string[], ctx) => loadNodes<BulletinRecord>(ctx, 'bulletin', keys),
});
