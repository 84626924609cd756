// Organization (机构): ministries, their party groups, provincial bodies, working groups.
import { simplify } from '../../ingest/stages/normalize.ts';
import { canonicalKnown } from '../../ingest/stages/extract-organizations.ts';
import { builder } from '../builder.ts';
import { loadRelated } from '../load.ts';
import { MeetingRef, OrganizationRef, PostRef } from '../refs.ts';
import type { MeetingRecord, OrganizationRecord, PostRecord } from '../records.ts';
import { pageOf } from './connection.ts';

OrganizationRef.implement({
  description: 'An organization (机构); one node per canonical name, with its aliases (工信部 → 工业和信息化部).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Canonical simplified name.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names seen for it.' }),
    meetings: t.loadableList({
      type: MeetingRef,
      description: 'Meetings it convened (召开), latest first.',
      load: async (names: string[], ctx) =>
        (await loadRelated<MeetingRecord>(ctx, 'meeting', 'organization', '(a)-[r:CONVENED]->(b:Meeting)', names, 'ORDER BY b.date DESC, b.key')).map((rows) =>
          rows.map((r) => r.node),
        ),
      resolve: (o) => o.name,
    }),
    posts: t.loadableList({
      type: PostRef,
      description: 'Posts at this organization (部长, 副部长 …).',
      load: async (names: string[], ctx) =>
        (await loadRelated<PostRecord>(ctx, 'post', 'organization', '(a)<-[r:OF]-(b:Post)', names, 'ORDER BY b.title')).map((rows) => rows.map((r) => r.node)),
      resolve: (o) => o.name,
    }),
    parent: t.loadable({
      type: OrganizationRef,
      nullable: true,
      description: 'The body it belongs to (部党组 → 部).',
      load: async (names: string[], ctx) =>
        (await loadRelated<OrganizationRecord>(ctx, 'organization', 'organization', '(a)-[r:PART_OF]->(b:Organization)', names)).map((rows) => rows[0]?.node ?? null),
      resolve: (o) => o.name,
    }),
    units: t.loadableList({
      type: OrganizationRef,
      description: 'Bodies that belong to it.',
      load: async (names: string[], ctx) =>
        (await loadRelated<OrganizationRecord>(ctx, 'organization', 'organization', '(a)<-[r:PART_OF]-(b:Organization)', names, 'ORDER BY b.name')).map((rows) =>
          rows.map((r) => r.node),
        ),
      resolve: (o) => o.name,
    }),
  }),
});

builder.queryFields((t) => ({
  organization: t.field({
    type: OrganizationRef,
    nullable: true,
    description: 'An organization by name or alias, simplified or traditional.',
    args: { name: t.arg.string({ required: true }) },
    resolve: async (_root, { name }, ctx) => {
      const wanted = canonicalKnown(simplify(name.trim()));
      const [row] = await ctx.executor.read<{ name: string }>({
        cypher: 'MATCH (o:Organization) WHERE o.name = $name OR $name IN coalesce(o.aliases, []) RETURN o.name AS name ORDER BY o.name = $name DESC LIMIT 1',
        params: { name: wanted },
      });
      return row ? (OrganizationRef.getDataloader(ctx).load(row.name) as Promise<OrganizationRecord>) : null;
    },
  }),
  organizations: t.connection(
    {
      type: OrganizationRef,
      description: 'Organizations, ordered by name.',
      args: { nameContains: t.arg.string({ required: false }), nameStartsWith: t.arg.string({ required: false }) },
      resolve: (_root, args, ctx) => pageOf<OrganizationRecord>(ctx, 'organization', args, { contains: args.nameContains, startsWith: args.nameStartsWith }),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount }) }) },
  ),
}));
