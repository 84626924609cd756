// search(): full-text search across people, organizations, meetings, directives and bulletins,
// ranked, each hit with the matched text in context.
import { brandWithType } from '@pothos/core';
import { createGraphQLError } from 'graphql-yoga';
import { canonicalKnown } from '../../ingest/stages/extract-organizations.ts';
import { simplify } from '../../ingest/stages/normalize.ts';
import { luceneQuery, searchNodes } from '../../neo4j/cypher/search.ts';
import type { SearchKind } from '../../neo4j/fulltext.ts';
import { builder } from '../builder.ts';
import { snippet } from '../highlight.ts';
import { PlanBuilder, type Projection } from '../../neo4j/cypher/plan.ts';
import { selectionOf } from '../plan.ts';
import { checkPageSize } from './connection.ts';

export const SearchKindEnum = builder.enumType('SearchKind', {
  description: 'What a search hit is.',
  values: ['PERSON', 'ORGANIZATION', 'MEETING', 'DIRECTIVE', 'BULLETIN'] as const,
});

const TYPE_OF: Record<SearchKind, string> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  MEETING: 'Meeting',
  DIRECTIVE: 'Directive',
  BULLETIN: 'Bulletin',
};

interface HitRecord {
  kind: SearchKind;
  score: number;
  snippet: string;
  node: object;
}

const SearchHitType = builder.objectRef<HitRecord>('SearchHit').implement({
  description: 'One search result: what it is, how well it matched, and where.',
  fields: (t) => ({
    kind: t.field({ description: 'What kind of node matched.', type: SearchKindEnum, resolve: (h) => h.kind }),
    score: t.exposeFloat('score', { description: 'Lucene relevance within its kind; exact name matches come first whatever their score.' }),
    snippet: t.exposeString('snippet', { description: 'The matched text in context, HTML-escaped, matches wrapped in <mark>…</mark>.' }),
    node: t.field({ description: 'The node that matched.', type: builder.nodeInterfaceRef(), resolve: (h) => h.node as never }),
  }),
});

/** The user's terms, simplified; each with its other known spellings (工信部 → 工业和信息化部). */
export function searchTerms(text: string): string[][] {
  return simplify(text)
    .split(/\s+/)
    .filter(Boolean)
    .map((term) => {
      const canonical = canonicalKnown(term);
      return canonical === term ? [term] : [term, canonical];
    });
}

builder.queryFields((t) => ({
  search: t.field({
    type: [SearchHitType],
    description:
      'Full-text search (全文检索), simplified or traditional input. Every whitespace-separated term must occur as written ' +
      '(a substring, characters in order); an organization alias also finds the canonical name. Best first.',
    args: {
      text: t.arg.string({ required: true }),
      kinds: t.arg({ type: [SearchKindEnum], required: false, description: 'Only these kinds (default all).' }),
      first: t.arg.int({ required: false, defaultValue: 20, description: 'At most 100.' }),
    },
    complexity: (args) => ({ field: 5, multiplier: args.first ?? 20 }),
    resolve: async (_root, args, ctx, info) => {
      checkPageSize(args.first, 'search');
      const first = args.first ?? 20;
      const terms = searchTerms(args.text);
      if (!terms.length || first === 0) return [];
      const kinds = [...new Set(args.kinds?.length ? args.kinds : (Object.keys(TYPE_OF) as SearchKind[]))];
      // Each kind's node is projected for what the query selects on that type (… on Person { … }).
      const plan = new PlanBuilder();
      const projections = new Map<SearchKind, Projection>();
      for (const kind of kinds) {
        const selection = selectionOf(info, ctx, ['node'], TYPE_OF[kind]);
        if (selection) projections.set(kind, plan.root(selection, { n: 'node' }));
      }
      const query = searchNodes(luceneQuery(terms), terms.length === 1 ? terms[0]!.at(-1)! : simplify(args.text.trim()), kinds, first, (kind) =>
        // Without a selection under node, the node is not read at all.
        projections.get(kind) ?? { pre: '', expr: `null`, decode: () => ({}) },
      );
      const rows = await ctx.executor
        .read<{ kind: SearchKind; score: number; exact: boolean; text: string; node: unknown }>({ cypher: query.cypher, params: { ...plan.params, ...query.params } })
        .catch((error: unknown) => {
          if (!/no such fulltext schema index/i.test(String((error as Error).message))) throw error;
          throw createGraphQLError('Full-text search is not set up on this database: its indexes (src/neo4j/fulltext.ts) are missing.', {
            extensions: { code: 'SEARCH_UNAVAILABLE' },
          });
        });
      rows.sort((a, b) => Number(b.exact) - Number(a.exact) || b.score - a.score);
      return rows.slice(0, first).map((r) => {
        const node = (projections.get(r.kind)?.decode(r.node) ?? r.node) as object;
        brandWithType(node, TYPE_OF[r.kind] as never);
        return { kind: r.kind, score: r.score, snippet: snippet(r.text ?? '', terms.flat()), node };
      });
    },
  }),
}));
