// Meeting (会议): what was convened, when, by whom, who took part and what it directed.
import { builder } from '../builder.ts';
import { loadRelated } from '../load.ts';
import { BulletinRef, CampaignRef, DirectiveRef, MeetingRef, OrganizationRef } from '../refs.ts';
import type { AttendanceRecord, BulletinRecord, CampaignRecord, DirectiveRecord, MeetingRecord, PersonRecord } from '../records.ts';
import type { Attendance } from '../../ingest/types.ts';
import { ParticipationType, RoleEnum } from './participation.ts';
import { pageOf } from './connection.ts';

const AttendanceType = builder.objectRef<Attendance>('Attendance').implement({
  description: 'Attendance as printed (共800余人在主会场参加会议).',
  fields: (t) => ({
    count: t.exposeInt('count', { nullable: true, description: 'Head count, or null where not printed.' }),
    approximate: t.exposeBoolean('approximate', { description: 'True for 余/约/多 counts.' }),
    mainVenue: t.exposeBoolean('mainVenue', { description: 'A main venue (主会场) is named.' }),
    branchVenues: t.exposeBoolean('branchVenues', { description: 'Branch venues (分会场) are named.' }),
  }),
});

MeetingRef.implement({
  description: 'A meeting (会议) reported by one or more bulletins.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key (organizer, date and name hashed).' }),
    name: t.exposeString('name', { description: 'Name as printed, e.g. “不忘初心、牢记使命”主题教育动员部署会.' }),
    kind: t.exposeString('kind', { description: 'Kind (会议类型): 动员部署会, 干部大会, 务虚会 …' }),
    date: t.field({ type: 'Date', nullable: true, resolve: (m) => m.date }),
    dateEnd: t.field({ type: 'Date', nullable: true, description: 'Last day of a multi-day meeting.', resolve: (m) => m.dateEnd }),
    form: t.exposeString('form', { nullable: true, description: 'Form (形式): 电视电话会议, 视频会议, or null.' }),
    attendance: t.field({ type: AttendanceType, resolve: (m) => m.attendance }),
    organizer: t.field({
      type: OrganizationRef,
      nullable: true,
      description: 'The body that convened it (召开单位).',
      resolve: (m) => m.organizer,
    }),
    attendees: t.loadableList({
      type: ParticipationType,
      description: 'People who took part, chair first.',
      byPath: true,
      args: { as: t.arg({ type: RoleEnum, required: false, description: 'Only this role.' }) },
      load: async (keys: string[], ctx, args) =>
        (
          await loadRelated<PersonRecord>(ctx, 'person', 'meeting', '(a)<-[r:ATTENDED]-(b:Person)', keys,
            "ORDER BY CASE r.as WHEN 'chair' THEN 0 WHEN 'speaker' THEN 1 ELSE 2 END, b.name")
        ).map((rows, i) =>
          rows
            .map(({ node, rel }): AttendanceRecord => ({ person: node.name, meeting: keys[i]!, as: rel.as as AttendanceRecord['as'], evidence: rel.evidence as string[] }))
            .filter((a) => !args.as || a.as === args.as),
        ),
      resolve: (m) => m.key,
    }),
    directives: t.loadableList({
      type: DirectiveRef,
      description: 'What the meeting directed (会议指出/强调/要求), in order.',
      load: async (keys: string[], ctx) =>
        (await loadRelated<DirectiveRecord>(ctx, 'directive', 'meeting', '(a)-[r:ISSUED]->(b:Directive)', keys, 'ORDER BY b.ordinal')).map((rows) =>
          rows.map((r) => r.node),
        ),
      resolve: (m) => m.key,
    }),
    campaign: t.loadable({
      type: CampaignRef,
      nullable: true,
      description: 'The campaign the meeting belongs to (主题教育 …).',
      load: async (keys: string[], ctx) =>
        (await loadRelated<CampaignRecord>(ctx, 'campaign', 'meeting', '(a)-[r:PART_OF]->(b:Campaign)', keys)).map((rows) => rows[0]?.node ?? null),
      resolve: (m) => m.key,
    }),
    sources: t.loadableList({
      type: BulletinRef,
      description: 'Bulletins that report the meeting.',
      load: async (keys: string[], ctx) =>
        (await loadRelated<BulletinRecord>(ctx, 'bulletin', 'meeting', '(a)-[r:REPORTED_IN]->(b:Bulletin)', keys)).map((rows) => rows.map((r) => r.node)),
      resolve: (m) => m.key,
    }),
  }),
});

builder.queryFields((t) => ({
  meeting: t.field({
    type: MeetingRef,
    nullable: true,
    args: { key: t.arg.string({ required: true }) },
    resolve: (_root, { key }, ctx) => MeetingRef.getDataloader(ctx).load(key).catch(() => null) as Promise<MeetingRecord | null>,
  }),
  meetings: t.connection(
    {
      type: MeetingRef,
      description: 'Meetings, latest first.',
      args: {
        nameContains: t.arg.string({ required: false }),
        from: t.arg({ type: 'Date', required: false, description: 'On or after this day.' }),
        to: t.arg({ type: 'Date', required: false, description: 'On or before this day.' }),
        organizer: t.arg.string({ required: false, description: 'Exact organizer name.' }),
        kind: t.arg.string({ required: false, description: 'Exact kind, e.g. 务虚会.' }),
      },
      resolve: (_root, args, ctx) =>
        pageOf<MeetingRecord>(ctx, 'meeting', args, { contains: args.nameContains, from: args.from, to: args.to, organizer: args.organizer, kindIs: args.kind }),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount }) }) },
  ),
}));
