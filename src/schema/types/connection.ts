// Relay cursor connections over one label: stable order, first/after, a maximum page size and
// totalCount for dashboards.
import { resolveOffsetConnection } from '@pothos/plugin-relay';
// Made through yoga so that the error class is the one yoga checks (graphql ships CJS and ESM builds).
import { createGraphQLError } from 'graphql-yoga';
import { listNodes, type NodeKind } from '../../neo4j/cypher/read.ts';
import { simplify } from '../../ingest/stages/normalize.ts';
import { canonicalKnown } from '../../ingest/stages/extract-organizations.ts';
import type { Context } from '../../server/context.ts';

export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageFilters {
  contains?: string | null;
  startsWith?: string | null;
  from?: string | null;
  to?: string | null;
  organizer?: string | null;
  kindIs?: string | null;
}

export async function pageOf<T>(ctx: Context, kind: NodeKind, args: PageArgs, filters: PageFilters = {}) {
  if ((args.first ?? 0) > MAX_PAGE_SIZE || (args.last ?? 0) > MAX_PAGE_SIZE) {
    throw createGraphQLError(`A page holds at most ${MAX_PAGE_SIZE} items; ask for fewer with first.`, {
      extensions: { code: 'PAGE_TOO_LARGE' },
    });
  }
  const text = (s: string | null | undefined) => (s ? simplify(s.trim()) : null);
  let totalCount = 0;
  const connection = await resolveOffsetConnection({ args: { ...args, first: args.first ?? (args.last ? undefined : 20) }, defaultSize: 20, maxSize: MAX_PAGE_SIZE }, async ({ offset, limit }) => {
    const [row] = await ctx.executor.read<{ total: number; nodes: T[] }>(
      listNodes(kind, { ...filters, contains: text(filters.contains), startsWith: text(filters.startsWith), organizer: filters.organizer ? canonicalKnown(text(filters.organizer)!) : null, skip: offset, limit }),
    );
    totalCount = row?.total ?? 0;
    return row?.nodes ?? [];
  });
  return Object.assign(connection, { totalCount });
}
