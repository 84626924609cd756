// Schema builder configuration only: plugins, scalars, the context type and the complexity limits.
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import { createGraphQLError } from 'graphql-yoga';
import type { Context } from '../server/context.ts';

/** Checked before the first root field runs, so a refused query never reaches Neo4j. */
export const LIMITS = { depth: 12, breadth: 150, complexity: 25_000 };

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: { Date: { Input: string; Output: string } };
  DefaultFieldNullability: false;
}>({
  plugins: [ErrorsPlugin, RelayPlugin, DataloaderPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeTypeOptions: { description: 'Anything with a global id: look it up again with node(id).' },
    idFieldOptions: { description: 'Global id (opaque): pass it to node(id).' },
    cursorFieldOptions: { description: 'Where this edge stands in the list: pass it as after to get the next page.' },
    nodeFieldOptions: { description: 'The item.' },
    pageInfoFieldOptions: { description: 'Whether there are more pages, and the cursors at both ends.' },
    hasNextPageFieldOptions: { description: 'True when a later page exists.' },
    hasPreviousPageFieldOptions: { description: 'True when an earlier page exists.' },
    startCursorFieldOptions: { description: 'The cursor of the first edge of this page.' },
    endCursorFieldOptions: { description: 'The cursor of the last edge of this page: pass it as after.' },
    pageInfoTypeOptions: { description: 'Paging state of a connection (Relay).' },
    nodeQueryOptions: { description: 'Any node by its global id.' },
    nodesQueryOptions: { description: 'Nodes by their global ids, in the order given.' },
    // A connection's own complexity multiplies by its page size; its edges add nothing more.
    edgesFieldOptions: { description: 'The items of this page, each with its cursor.', complexity: { field: 0, multiplier: 1 } },
  },
  errors: { defaultTypes: [] },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 5,
    limit: LIMITS,
    complexityError: (kind, result) =>
      createGraphQLError(
        `Query refused: its ${kind.toLowerCase()} is ${result[kind === 'Depth' ? 'depth' : kind === 'Breadth' ? 'breadth' : 'complexity']}, ` +
          `the limit is ${kind === 'Depth' ? result.maxDepth : kind === 'Breadth' ? result.maxBreadth : result.maxComplexity}. Ask for less (fewer levels, fields or items).`,
        { extensions: { code: 'QUERY_TOO_COMPLEX', ...result } },
      ),
  },
});

builder.scalarType('Date', {
  description: 'A calendar day, YYYY-MM-DD.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
      // A GraphQLError, so that masking keeps the message (it hides other errors' messages).
      throw createGraphQLError('Date must be YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return value;
  },
});

builder.queryType({ description: 'Read the bulletin graph.' });
builder.mutationType({ description: 'Change the graph; needs `Authorization: Bearer <KG_API_TOKEN>`.' });
