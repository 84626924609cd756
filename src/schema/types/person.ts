// Person (人物): an official named by the bulletins; their posts, meetings, timeline and network.
import { simplify } from '../../ingest/stages/normalize.ts';
import { nodesForKeys } from '../../neo4j/cypher/plan.ts';
import { builder } from '../builder.ts';
import { planned, relation, selectionOf } from '../plan.ts';
import { BulletinRef, DirectiveRef, MeetingRef, PersonRef } from '../refs.ts';
import type { AttendanceRecord, BulletinRecord, DirectiveRecord, MeetingRecord, PersonRecord, TenureRecord } from '../records.ts';
import { pageComplexity, pageOf, checkPageSize } from './connection.ts';
import { ParticipationType, RoleEnum } from './participation.ts';
import { TenureType, type TenureRow } from './tenure.ts';

interface TimelineRecord {
  date: string | null;
  kind: 'tenure' | 'participation';
  tenure: TenureRow | null;
  participation: AttendanceRecord | null;
}

const TimelineEntryType = builder.objectRef<TimelineRecord>('TimelineEntry').implement({
  description: 'One dated step of a career: a post first seen (tenure) or a meeting attended (participation); exactly one of the two is set.',
  fields: (t) => ({
    date: t.field({ type: 'Date', nullable: true, description: 'The meeting day, or the day the post was first seen.', resolve: (e) => e.date }),
    tenure: t.field({ description: 'Set when the entry is a post seen on that day.', type: TenureType, nullable: true, resolve: (e) => e.tenure }),
    participation: t.field({ description: 'Set when the entry is a meeting on that day.', type: ParticipationType, nullable: true, resolve: (e) => e.participation }),
  }),
});

interface CoAttendanceRecord {
  person: string;
  count: number;
  lastDate: string | null;
  /** Meeting keys, where the meetings were not planned. */
  meetings?: string[];
}

const CoAttendanceType = builder.objectRef<CoAttendanceRecord>('CoAttendance').implement({
  description: 'Someone who sat in the same meetings (同场参会): how often, when last, and which meetings.',
  fields: (t) => ({
    person: t.field({ description: 'Someone who sat in the same meetings (同场参会).', type: PersonRef, resolve: (c, _a, _ctx, info) => planned<PersonRecord>(c, info) ?? c.person }),
    count: t.exposeInt('count', { description: 'Meetings both attended.' }),
    lastDate: t.field({ type: 'Date', nullable: true, description: 'The latest of those meetings.', resolve: (c) => c.lastDate }),
    meetings: t.field({
      type: [MeetingRef],
      description: 'Those meetings, latest first.',
      resolve: (c, _a, _ctx, info) => planned<MeetingRecord[]>(c, info) ?? c.meetings ?? [],
    }),
  }),
});

PersonRef.implement({
  description: 'A person (人物) named in the bulletins; one node per name.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Simplified name (姓名).' }),
    posts: t.field({
      type: [TenureType],
      description: 'Posts held (职务), earliest evidence first.',
      resolve: relation<PersonRecord, TenureRow[]>('Person', (p) => p.name, []),
    }),
    meetings: t.field({
      type: [ParticipationType],
      description: 'Meetings attended (参会), latest first.',
      resolve: relation<PersonRecord, AttendanceRecord[]>('Person', (p) => p.name, []),
    }),
    timeline: t.field({
      type: [TimelineEntryType],
      description: 'Posts (at the day first seen) and meetings, in date order; undated steps last.',
      resolve: relation<PersonRecord, TimelineRecord[]>('Person', (p) => p.name, []),
    }),
    coAttendees: t.field({
      type: [CoAttendanceType],
      description: 'People who attended the same meetings, most shared meetings first (then latest, then name).',
      args: { first: t.arg.int({ required: false, defaultValue: 20, description: 'At most 100.' }) },
      complexity: (args) => ({ field: 2, multiplier: args.first ?? 20 }),
      resolve: (p, args, ctx, info) => {
        checkPageSize(args.first, 'coAttendees');
        return relation<PersonRecord, CoAttendanceRecord[]>('Person', (x) => x.name, [])(p, args, ctx, info);
      },
    }),
    directives: t.field({
      type: [DirectiveRef],
      description: 'Directives this person gave (讲话要点).',
      resolve: relation<PersonRecord, DirectiveRecord[]>('Person', (p) => p.name, []),
    }),
    mentionedIn: t.field({
      type: [BulletinRef],
      description: 'Bulletins that name this person.',
      resolve: relation<PersonRecord, BulletinRecord[]>('Person', (p) => p.name, []),
    }),
  }),
});

export const PersonOrderEnum = builder.enumType('PersonOrder', {
  description: 'How people are listed.',
  values: { NAME: { description: 'By name (default).' }, MEETINGS: { description: 'Most meetings attended first, then by name.' } } as const,
});

builder.queryFields((t) => ({
  person: t.field({
    type: PersonRef,
    nullable: true,
    description: 'A person by name; traditional input matches too (張克儉 → 张克俭).',
    args: { name: t.arg.string({ required: true }) },
    resolve: async (_root, { name }, ctx, info) => {
      const query = nodesForKeys(selectionOf(info, ctx)!, [simplify(name.trim())]);
      const [row] = await ctx.executor.read<{ node: unknown }>(query);
      return row ? (query.decode(row.node) as PersonRecord) : null;
    },
  }),
  people: t.connection(
    {
      type: PersonRef,
      description: 'People, by name or by number of meetings; filters combine with AND.',
      args: {
        nameContains: t.arg.string({ required: false }),
        nameStartsWith: t.arg.string({ required: false }),
        organization: t.arg.string({ required: false, description: 'Held a post at this organization (name or alias).' }),
        title: t.arg.string({ required: false, description: 'Held a post with this title (部长); with organization, the same post.' }),
        role: t.arg({ type: RoleEnum, required: false, description: 'Took part in some meeting in this role.' }),
        campaign: t.arg.string({ required: false, description: 'Attended a meeting of this campaign.' }),
        orderBy: t.arg({ type: PersonOrderEnum, required: false, defaultValue: 'NAME' }),
      },
      complexity: pageComplexity,
      resolve: (_root, args, ctx, info) =>
        pageOf<PersonRecord>(ctx, info, 'person', args, {
          contains: args.nameContains,
          startsWith: args.nameStartsWith,
          organization: args.organization,
          title: args.title,
          role: args.role,
          campaign: args.campaign,
          orderBy: args.orderBy,
        }),
    },
    { fields: (c) => ({ totalCount: c.int({ description: 'How many match, over all pages.', resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount }) }) },
  ),
}));
