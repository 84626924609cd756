// stats(): dashboard counts over a date range of meetings (by month, organizer, kind; top
// attendees; most active organizations; directives by kind). Each field is one Cypher.
import type { GraphQLResolveInfo } from 'graphql';
import { PlanBuilder, type Projection } from '../../neo4j/cypher/plan.ts';
import { activeOrganizations, directivesByKind, meetingsBy, meetingsByMonth, topAttendees, type Range } from '../../neo4j/cypher/stats.ts';
import type { CypherQuery } from '../../neo4j/executor.ts';
import type { Context } from '../../server/context.ts';
import { builder } from '../builder.ts';
import { selectionOf } from '../plan.ts';
import { OrganizationRef, PersonRef } from '../refs.ts';
import type { OrganizationRecord, PersonRecord } from '../records.ts';
import { checkPageSize } from './connection.ts';

interface Bucket {
  key: string;
  count: number;
}

const BucketType = builder.objectRef<Bucket>('Bucket').implement({
  description: 'A count under a key (a month YYYY-MM, an organizer, a kind).',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The bucket: a month (YYYY-MM), an organizer, a kind …' }),
    count: t.exposeInt('count', { description: 'How many fall in it.' }),
  }),
});

const PersonCountType = builder.objectRef<{ person: PersonRecord; count: number }>('PersonCount').implement({
  description: 'A person and how many meetings of the range they attended.',
  fields: (t) => ({
    person: t.field({ type: PersonRef, description: 'The person.', resolve: (r) => r.person }),
    count: t.exposeInt('count', { description: 'How many meetings they attended in the range.' }),
  }),
});

const OrganizationCountType = builder.objectRef<{ organization: OrganizationRecord; count: number }>('OrganizationCount').implement({
  description: 'An organization and how many meetings of the range it convened.',
  fields: (t) => ({
    organization: t.field({ type: OrganizationRef, description: 'The organization.', resolve: (r) => r.organization }),
    count: t.exposeInt('count', { description: 'How many meetings it convened in the range.' }),
  }),
});

/** Rows {<field>: node, count}, the node projected for the selection under <field>. */
async function planned<T>(ctx: Context, info: GraphQLResolveInfo, field: string, build: (project: (v: string) => Projection) => CypherQuery): Promise<T[]> {
  const selection = selectionOf(info, ctx, [field]);
  const plan = new PlanBuilder();
  let decode = (raw: unknown) => raw;
  const query = build((v) => {
    const projection = selection ? plan.root(selection, { n: v }) : { pre: '', expr: `${v} {.name}`, decode };
    decode = projection.decode;
    return projection;
  });
  const rows = await ctx.executor.read<Record<string, unknown>>({ cypher: query.cypher, params: { ...plan.params, ...query.params } });
  return rows.map((row) => ({ ...row, [field]: decode(row[field]) }) as T);
}

const limit = (first: number | null | undefined, what: string) => {
  checkPageSize(first, what);
  return first ?? 10;
};

const StatsType = builder.objectRef<Range>('Stats').implement({
  description: 'Counts over the meetings of a date range (all meetings without bounds).',
  fields: (t) => ({
    from: t.field({ description: 'First day of the range, or null for no bound.', type: 'Date', nullable: true, resolve: (r) => r.from }),
    to: t.field({ description: 'Last day of the range, or null for no bound.', type: 'Date', nullable: true, resolve: (r) => r.to }),
    meetingsByMonth: t.field({
      type: [BucketType],
      description: 'Dated meetings per month (key YYYY-MM), in month order; months without meetings are absent.',
      resolve: (r, _a, ctx) => ctx.executor.read<Bucket>(meetingsByMonth(r)),
    }),
    meetingsByOrganizer: t.field({
      type: [BucketType],
      description: 'Meetings per organizer, most first.',
      args: { first: t.arg.int({ required: false, defaultValue: 10 }) },
      resolve: (r, { first }, ctx) => ctx.executor.read<Bucket>(meetingsBy('organizer', r, limit(first, 'meetingsByOrganizer'))),
    }),
    meetingsByKind: t.field({
      type: [BucketType],
      description: 'Meetings per kind (动员部署会, 务虚会 …), most first.',
      resolve: (r, _a, ctx) => ctx.executor.read<Bucket>(meetingsBy('kind', r, null)),
    }),
    topAttendees: t.field({
      type: [PersonCountType],
      description: 'People who attended the most meetings of the range.',
      args: { first: t.arg.int({ required: false, defaultValue: 10 }) },
      complexity: (args) => ({ field: 2, multiplier: args.first ?? 10 }),
      resolve: (r, { first }, ctx, info) => planned<{ person: PersonRecord; count: number }>(ctx, info, 'person', (project) => topAttendees(r, limit(first, 'topAttendees'), project)),
    }),
    activeOrganizations: t.field({
      type: [OrganizationCountType],
      description: 'Organizations that convened the most meetings of the range.',
      args: { first: t.arg.int({ required: false, defaultValue: 10 }) },
      complexity: (args) => ({ field: 2, multiplier: args.first ?? 10 }),
      resolve: (r, { first }, ctx, info) => planned<{ organization: OrganizationRecord; count: number }>(ctx, info, 'organization', (project) => activeOrganizations(r, limit(first, 'activeOrganizations'), project)),
    }),
    directivesByKind: t.field({
      type: [BucketType],
      description: 'Directives per kind (指出, 强调, 要求 …) of the range’s meetings, most first.',
      resolve: (r, _a, ctx) => ctx.executor.read<Bucket>(directivesByKind(r)),
    }),
  }),
});

builder.queryFields((t) => ({
  stats: t.field({
    type: StatsType,
    description: 'Dashboard counts; from/to bound the meetings counted (inclusive).',
    args: { from: t.arg({ type: 'Date', required: false }), to: t.arg({ type: 'Date', required: false }) },
    resolve: (_root, { from, to }) => ({ from: from ?? null, to: to ?? null }),
  }),
}));
