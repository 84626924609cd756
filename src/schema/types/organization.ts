// Organization (机构): ministries, their party groups, provincial bodies, working groups.
import { simplify } from '../../ingest/stages/normalize.ts';
import { canonicalKnown } from '../../ingest/stages/extract-organizations.ts';
import { PlanBuilder } from '../../neo4j/cypher/plan.ts';
import { organizationByName } from '../../neo4j/cypher/read.ts';
import { builder } from '../builder.ts';
import { relation, selectionOf } from '../plan.ts';
import { MeetingRef, OrganizationRef, PostRef } from '../refs.ts';
import { parseEvidence, type MeetingRecord, type OrganizationRecord, type PostRecord } from '../records.ts';
import { EvidenceType } from './evidence.ts';
import { pageComplexity, pageOf } from './connection.ts';

OrganizationRef.implement({
  description: 'An organization (机构); one node per canonical name, with its aliases (工信部 → 工业和信息化部).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Canonical simplified name.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names seen for it.' }),
    meetings: t.field({
      type: [MeetingRef],
      description: 'Meetings it convened (召开), latest first.',
      resolve: relation<OrganizationRecord, MeetingRecord[]>('Organization', (o) => o.name, []),
    }),
    posts: t.field({
      type: [PostRef],
      description: 'Posts at this organization (部长, 副部长 …).',
      resolve: relation<OrganizationRecord, PostRecord[]>('Organization', (o) => o.name, []),
    }),
    parent: t.field({
      type: OrganizationRef,
      nullable: true,
      description: 'The body it belongs to (部党组 → 部).',
      resolve: relation<OrganizationRecord, OrganizationRecord | null>('Organization', (o) => o.name, null),
    }),
    parentEvidence: t.field({
      type: [EvidenceType],
      description: 'Where the bulletins tie it to its parent.',
      resolve: async (o, args, ctx, info) => parseEvidence(await relation<OrganizationRecord, string[]>('Organization', (x) => x.name, [])(o, args, ctx, info)),
    }),
    units: t.field({
      type: [OrganizationRef],
      description: 'Bodies that belong to it.',
      resolve: relation<OrganizationRecord, OrganizationRecord[]>('Organization', (o) => o.name, []),
    }),
  }),
});

export const OrganizationOrderEnum = builder.enumType('OrganizationOrder', {
  description: 'How organizations are listed.',
  values: { NAME: { description: 'By name (default).' }, MEETINGS: { description: 'Most meetings convened first, then by name.' } } as const,
});

builder.queryFields((t) => ({
  organization: t.field({
    type: OrganizationRef,
    nullable: true,
    description: 'An organization by name or alias, simplified or traditional.',
    args: { name: t.arg.string({ required: true }) },
    resolve: async (_root, { name }, ctx, info) => {
      const selection = selectionOf(info, ctx)!;
      const plan = new PlanBuilder();
      const projection = plan.root(selection, { n: 'n' });
      const query = organizationByName(canonicalKnown(simplify(name.trim())), () => projection);
      const [row] = await ctx.executor.read<{ node: unknown }>({ cypher: query.cypher, params: { ...plan.params, ...query.params } });
      return row ? (projection.decode(row.node) as OrganizationRecord) : null;
    },
  }),
  organizations: t.connection(
    {
      type: OrganizationRef,
      description: 'Organizations, by name or by number of meetings convened.',
      args: {
        nameContains: t.arg.string({ required: false }),
        nameStartsWith: t.arg.string({ required: false }),
        orderBy: t.arg({ type: OrganizationOrderEnum, required: false, defaultValue: 'NAME' }),
      },
      complexity: pageComplexity,
      resolve: (_root, args, ctx, info) =>
        pageOf<OrganizationRecord>(ctx, info, 'organization', args, { contains: args.nameContains, startsWith: args.nameStartsWith, orderBy: args.orderBy }),
    },
    { fields: (c) => ({ totalCount: c.int({ description: 'How many match, over all pages.', resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount }) }) },
  ),
}));
