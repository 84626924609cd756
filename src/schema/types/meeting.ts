// Meeting (会议): what was convened, when, by whom, who took part and what it directed.
import type { GraphQLResolveInfo } from 'graphql';
import type { Attendance } from '../../ingest/types.ts';
import type { Context } from '../../server/context.ts';
import { nodesForKeys } from '../../neo4j/cypher/plan.ts';
import { builder } from '../builder.ts';
import { relation, selectionOf } from '../plan.ts';
import { BulletinRef, CampaignRef, DirectiveRef, MeetingRef, OrganizationRef } from '../refs.ts';
import { parseEvidence, type AttendanceRecord, type BulletinRecord, type CampaignRecord, type DirectiveRecord, type MeetingRecord, type OrganizationRecord } from '../records.ts';
import { pageComplexity, pageOf } from './connection.ts';
import { EvidenceType } from './evidence.ts';
import { ParticipationType, RoleEnum } from './participation.ts';

const AttendanceType = builder.objectRef<Attendance>('Attendance').implement({
  description: 'Attendance as printed (共800余人在主会场参加会议).',
  fields: (t) => ({
    count: t.exposeInt('count', { nullable: true, description: 'Head count, or null where not printed.' }),
    approximate: t.exposeBoolean('approximate', { description: 'True for 余/约/多 counts.' }),
    mainVenue: t.exposeBoolean('mainVenue', { description: 'A main venue (主会场) is named.' }),
    branchVenues: t.exposeBoolean('branchVenues', { description: 'Branch venues (分会场) are named.' }),
  }),
});

const evidenceOf = async (m: MeetingRecord, args: object, ctx: Context, info: GraphQLResolveInfo) =>
  parseEvidence(await relation<MeetingRecord, string[]>('Meeting', (x) => x.key, [])(m, args as Record<string, unknown>, ctx, info));

MeetingRef.implement({
  description: 'A meeting (会议) reported by one or more bulletins.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key (organizer, date and name hashed).' }),
    name: t.exposeString('name', { description: 'Name as printed, e.g. “不忘初心、牢记使命”主题教育动员部署会.' }),
    kind: t.exposeString('kind', { description: 'Kind (会议类型): 动员部署会, 干部大会, 务虚会 …' }),
    date: t.field({ description: 'The day it was held (YYYY-MM-DD), with the year taken from context where the text leaves it out.', type: 'Date', nullable: true, resolve: (m) => m.date }),
    dateEnd: t.field({ type: 'Date', nullable: true, description: 'Last day of a multi-day meeting.', resolve: (m) => m.dateEnd }),
    form: t.exposeString('form', { nullable: true, description: 'Form (形式): 电视电话会议, 视频会议, or null.' }),
    attendance: t.field({ description: 'Head count and venues as printed.', type: AttendanceType, resolve: (m) => m.attendance }),
    organizer: t.field({
      type: OrganizationRef,
      nullable: true,
      description: 'The body that convened it (召开单位).',
      resolve: relation<MeetingRecord, OrganizationRecord | null>('Meeting', (m) => m.key, null),
    }),
    organizerEvidence: t.field({
      type: [EvidenceType],
      description: 'Where the bulletins say who convened it.',
      resolve: (m, args, ctx, info) => evidenceOf(m, args, ctx, info),
    }),
    attendees: t.field({
      type: [ParticipationType],
      description: 'People who took part, chair first, then speakers, then by name.',
      args: { as: t.arg({ type: RoleEnum, required: false, description: 'Only this role.' }) },
      resolve: relation<MeetingRecord, AttendanceRecord[]>('Meeting', (m) => m.key, []),
    }),
    directives: t.field({
      type: [DirectiveRef],
      description: 'What the meeting directed (会议指出/强调/要求), in order.',
      resolve: relation<MeetingRecord, DirectiveRecord[]>('Meeting', (m) => m.key, []),
    }),
    campaign: t.field({
      type: CampaignRef,
      nullable: true,
      description: 'The campaign the meeting belongs to (主题教育 …).',
      resolve: relation<MeetingRecord, CampaignRecord | null>('Meeting', (m) => m.key, null),
    }),
    campaignEvidence: t.field({
      type: [EvidenceType],
      description: 'Where the bulletins tie it to its campaign.',
      resolve: (m, args, ctx, info) => evidenceOf(m, args, ctx, info),
    }),
    sources: t.field({
      type: [BulletinRef],
      description: 'Bulletins that report the meeting.',
      resolve: relation<MeetingRecord, BulletinRecord[]>('Meeting', (m) => m.key, []),
    }),
  }),
});

export const MeetingOrderEnum = builder.enumType('MeetingOrder', {
  description: 'How meetings are listed; undated meetings come last, ties by key.',
  values: {
    DATE_DESC: { description: 'Latest first (default).' },
    DATE_ASC: { description: 'Earliest first.' },
    NAME: { description: 'By name.' },
  } as const,
});

builder.queryFields((t) => ({
  meeting: t.field({
    type: MeetingRef,
    nullable: true,
    description: 'A meeting by its key, or null.',
    args: { key: t.arg.string({ required: true }) },
    resolve: async (_root, { key }, ctx, info) => {
      const query = nodesForKeys(selectionOf(info, ctx)!, [key]);
      const [row] = await ctx.executor.read<{ node: unknown }>(query);
      return row ? (query.decode(row.node) as MeetingRecord) : null;
    },
  }),
  meetings: t.connection(
    {
      type: MeetingRef,
      description: 'Meetings, latest first unless orderBy says otherwise; filters combine with AND.',
      args: {
        nameContains: t.arg.string({ required: false }),
        from: t.arg({ type: 'Date', required: false, description: 'On or after this day.' }),
        to: t.arg({ type: 'Date', required: false, description: 'On or before this day.' }),
        organizer: t.arg.string({ required: false, description: 'Organizer by name or alias (工信部).' }),
        kind: t.arg.string({ required: false, description: 'Exact kind, e.g. 务虚会.' }),
        campaign: t.arg.string({ required: false, description: 'Exact campaign name.' }),
        attendee: t.arg.string({ required: false, description: 'Attended by this person (simplified or traditional).' }),
        as: t.arg({ type: RoleEnum, required: false, description: 'With attendee: in this role; alone: someone took part in this role.' }),
        orderBy: t.arg({ type: MeetingOrderEnum, required: false, defaultValue: 'DATE_DESC' }),
      },
      complexity: pageComplexity,
      resolve: (_root, args, ctx, info) =>
        pageOf<MeetingRecord>(ctx, info, 'meeting', args, {
          contains: args.nameContains,
          from: args.from,
          to: args.to,
          organizer: args.organizer,
          kindIs: args.kind,
          campaign: args.campaign,
          attendee: args.attendee,
          role: args.as,
          orderBy: args.orderBy,
        }),
    },
    { fields: (c) => ({ totalCount: c.int({ description: 'How many match, over all pages.', resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount }) }) },
  ),
}));
