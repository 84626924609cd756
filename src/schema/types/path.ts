// connection(): how two people are linked, through meetings they shared and the posts and
// organizations between them (shortest paths, bounded).
import { brandWithType } from '@pothos/core';
import { createGraphQLError } from 'graphql-yoga';
import { simplify } from '../../ingest/stages/normalize.ts';
import { shortestPaths } from '../../neo4j/cypher/read.ts';
import { builder } from '../builder.ts';

export const MAX_HOPS = 6;

interface PathRecord {
  length: number;
  nodes: object[];
  relationships: string[];
}

const GraphPathType = builder.objectRef<PathRecord>('GraphPath').implement({
  description: 'A path through the graph: its nodes in order and the relationship types between them.',
  fields: (t) => ({
    length: t.exposeInt('length', { description: 'Number of relationships.' }),
    nodes: t.field({ description: 'The nodes along the path, from the first person to the second.', type: [builder.nodeInterfaceRef()], resolve: (p) => p.nodes as never }),
    relationships: t.exposeStringList('relationships', { description: 'ATTENDED, HELD, OF or CONVENED, between nodes[i] and nodes[i+1].' }),
  }),
});

builder.queryFields((t) => ({
  connection: t.field({
    type: [GraphPathType],
    description:
      'The shortest paths (at most 10) between two people through meetings (ATTENDED), posts (HELD) and organizations ' +
      '(OF, CONVENED), at most maxHops relationships long (1 to 6). Empty when there is none within the bound.',
    args: {
      from: t.arg.string({ required: true }),
      to: t.arg.string({ required: true }),
      maxHops: t.arg.int({ required: false, defaultValue: 4 }),
    },
    complexity: 50,
    resolve: async (_root, args, ctx) => {
      const hops = args.maxHops ?? 4;
      if (!Number.isInteger(hops) || hops < 1 || hops > MAX_HOPS) {
        throw createGraphQLError(`maxHops must be between 1 and ${MAX_HOPS}.`, { extensions: { code: 'BAD_USER_INPUT' } });
      }
      const from = simplify(args.from.trim());
      const to = simplify(args.to.trim());
      if (from === to) return [];
      const rows = await ctx.executor.read<{ length: number; nodes: { type: string; node: object }[]; relationships: string[] }>(shortestPaths(from, to, hops));
      return rows.map((r) => ({
        length: r.length,
        relationships: r.relationships,
        nodes: r.nodes.map(({ type, node }) => {
          brandWithType(node, type as never);
          return node;
        }),
      }));
    },
  }),
}));
