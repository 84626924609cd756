// Relay cursor connections over one label: stable order, first/after, a maximum page size and
// totalCount for dashboards. The nodes of a page come projected for the selection under
// edges.node, so a page and everything below it is one Cypher.
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';
// Made through yoga so that the error class is the one yoga checks (graphql ships CJS and ESM builds).
import { createGraphQLError } from 'graphql-yoga';
import { countNodes, listNodes, type ListOptions, type NodeKind, type PageProjection } from '../../neo4j/cypher/read.ts';
import { PlanBuilder, type Decode } from '../../neo4j/cypher/plan.ts';
import { simplify } from '../../ingest/stages/normalize.ts';
import { canonicalKnown } from '../../ingest/stages/extract-organizations.ts';
import type { Context } from '../../server/context.ts';
import { selectionOf, selects } from '../plan.ts';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** The filters a connection passes down: the list query's options less the paging ones. */
export type PageFilters = Omit<ListOptions, 'skip' | 'limit' | 'withTotal'>;

/** Refuses a page larger than MAX_PAGE_SIZE (before anything is read). */
export function checkPageSize(first: number | null | undefined, what = 'A page') {
  if ((first ?? 0) > MAX_PAGE_SIZE || (first ?? 0) < 0) {
    throw createGraphQLError(`${what} holds at most ${MAX_PAGE_SIZE} items; ask for fewer with first.`, {
      extensions: { code: 'PAGE_TOO_LARGE' },
    });
  }
}

/** Connection fields count as a list of `first` items for the complexity limit. */
export const pageComplexity = (args: PageArgs) => ({ field: 1, multiplier: Math.min(Math.max(args.first ?? args.last ?? DEFAULT_PAGE_SIZE, 1), 1000) });

/** Simplified, trimmed text; null for empty. */
export const simplified = (s: string | null | undefined) => (s?.trim() ? simplify(s.trim()) : null);

export async function pageOf<T>(ctx: Context, info: GraphQLResolveInfo, kind: NodeKind, args: PageArgs, filters: PageFilters = {}) {
  checkPageSize(args.first);
  checkPageSize(args.last);
  const selection = selectionOf(info, ctx, ['edges', 'node']);
  // Shared: each distinct node subtree of the page (a person with posts, named in many meetings) read once.
  const plan = new PlanBuilder({ share: true });
  let decode: Decode = (raw) => raw;
  const project = selection
    ? (v: string): PageProjection => {
        const projection = plan.root(selection, { n: v });
        decode = projection.decode;
        return { ...projection, tables: (from) => plan.tablesFor(from, projection.refs ?? []) };
      }
    : undefined;
  const withTotal = selects(info, 'totalCount');
  let totalCount = 0;
  const connection = await resolveOffsetConnection(
    { args: { ...args, first: args.first ?? (args.last ? undefined : DEFAULT_PAGE_SIZE) }, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE },
    async ({ offset, limit }) => {
      // Pothos asks for one node more than the page to tell whether another page follows; the
      // query finds that node without projecting it and says so in `more`.
      const size = limit - 1;
      const listOptions = {
          ...filters,
          contains: simplified(filters.contains),
          startsWith: simplified(filters.startsWith),
          organizer: filters.organizer ? canonicalKnown(simplified(filters.organizer)!) : null,
          organization: filters.organization ? canonicalKnown(simplified(filters.organization)!) : null,
          title: simplified(filters.title),
          attendee: simplified(filters.attendee),
          campaign: simplified(filters.campaign),
          skip: offset,
          limit: size,
          withTotal,
        };
      const query = listNodes(kind, listOptions, project);
      const rows = await ctx.executor.read<{ total: number | null; more: boolean; node: unknown; shared?: unknown }>({ cypher: query.cypher, params: { ...plan.params, ...query.params } });
      totalCount = rows[0]?.total ?? 0;
      let more = rows[0]?.more ?? false;
      if (rows.length === 0 && ((withTotal && offset > 0) || size === 0)) {
        // A page past the end has no row to carry the count; a page of no nodes (first: 0), no
        // row to say whether any follow.
        const total = (await ctx.executor.read<{ total: number }>(countNodes(kind, listOptions)))[0]?.total ?? 0;
        if (withTotal) totalCount = total;
        more = total > offset + size;
      }
      const shared = plan.decodeTables(rows[0]?.shared ?? null);
      const nodes: (T | null)[] = rows.map((row) => decode(row.node, shared) as T);
      // The stand-in for the node after the page: counted by Pothos for hasNextPage, never shown.
      if (more) nodes.push(null);
      return nodes as T[];
    },
  );
  return Object.assign(connection, { totalCount });
}
