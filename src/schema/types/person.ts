// Person (人物): an official named by the bulletins.
import { simplify } from '../../ingest/stages/normalize.ts';
import type { RelatedRow } from '../load.ts';
import { loadRelated } from '../load.ts';
import { builder } from '../builder.ts';
import { BulletinRef, DirectiveRef, PersonRef } from '../refs.ts';
import type { AttendanceRecord, BulletinRecord, DirectiveRecord, MeetingRecord, PersonRecord, PostRecord, TenureRecord } from '../records.ts';
import { ParticipationType, RoleEnum } from './participation.ts';
import { TenureType } from './tenure.ts';
import { pageOf } from './connection.ts';

type TenureRow = TenureRecord & { title: string; organization: string };

export function tenures(rows: RelatedRow<PostRecord>[], person: string): TenureRow[] {
  return rows.map(({ node, rel }) => ({
    person,
    post: node.key,
    title: node.title,
    organization: node.organization,
    firstSeen: (rel.firstSeen as string | null) ?? null,
    lastSeen: (rel.lastSeen as string | null) ?? null,
    evidence: (rel.evidence as string[]) ?? [],
  }));
}

PersonRef.implement({
  description: 'A person (人物) named in the bulletins; one node per name.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Simplified name (姓名).' }),
    posts: t.loadableList({
      type: TenureType,
      description: 'Posts held (职务), earliest evidence first.',
      load: async (names: string[], ctx) =>
        (await loadRelated<PostRecord>(ctx, 'post', 'person', '(a)-[r:HELD]->(b:Post)', names, 'ORDER BY r.firstSeen, b.key')).map(
          (rows, i) => tenures(rows, names[i]!),
        ),
      resolve: (p) => p.name,
    }),
    meetings: t.loadableList({
      type: ParticipationType,
      description: 'Meetings attended (参会), latest first.',
      load: async (names: string[], ctx) =>
        (await loadRelated<MeetingRecord>(ctx, 'meeting', 'person', '(a)-[r:ATTENDED]->(b:Meeting)', names, 'ORDER BY b.date DESC, b.key')).map(
          (rows, i) => rows.map(({ node, rel }): AttendanceRecord => ({ person: names[i]!, meeting: node.key, as: rel.as as AttendanceRecord['as'], evidence: rel.evidence as string[] })),
        ),
      resolve: (p) => p.name,
    }),
    directives: t.loadableList({
      type: DirectiveRef,
      description: 'Directives this person gave (讲话要点).',
      load: async (names: string[], ctx) =>
        (await loadRelated<DirectiveRecord>(ctx, 'directive', 'person', '(a)-[r:GAVE]->(b:Directive)', names)).map((rows) => rows.map((r) => r.node)),
      resolve: (p) => p.name,
    }),
    mentionedIn: t.loadableList({
      type: BulletinRef,
      description: 'Bulletins that name this person.',
      load: async (names: string[], ctx) =>
        (await loadRelated<BulletinRecord>(ctx, 'bulletin', 'person', '(a)-[r:MENTIONED_IN]->(b:Bulletin)', names)).map((rows) => rows.map((r) => r.node)),
      resolve: (p) => p.name,
    }),
  }),
});

builder.queryFields((t) => ({
  person: t.field({
    type: PersonRef,
    nullable: true,
    description: 'A person by name; traditional input matches too (張克儉 → 张克俭).',
    args: { name: t.arg.string({ required: true }) },
    resolve: async (_root, { name }, ctx) => {
      const found = await PersonRef.getDataloader(ctx).load(simplify(name.trim())).catch(() => null);
      return found as PersonRecord | null;
    },
  }),
  people: t.connection(
    {
      type: PersonRef,
      description: 'People, ordered by name.',
      args: {
        nameContains: t.arg.string({ required: false }),
        nameStartsWith: t.arg.string({ required: false }),
      },
      resolve: (_root, args, ctx) => pageOf<PersonRecord>(ctx, 'person', args, { contains: args.nameContains, startsWith: args.nameStartsWith }),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount }) }) },
  ),
}));

void RoleEnum;
