// The graphql-yoga instance: schema, per-request context, GraphiQL served from the package (no
// CDN), /health (alive) and /ready (Neo4j answers). main.ts only listens.
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga } from 'graphql-yoga';
import type { Executor } from '../neo4j/executor.ts';
import { schema } from '../schema/index.ts';
import type { Context } from './context.ts';
import { EXAMPLES } from './examples.ts';
import { explorerResponse } from './explorer/serve.ts';

export interface YogaOptions {
  executor: Executor;
  /** When set, mutations need `Authorization: Bearer <token>`. */
  apiToken?: string;
  /** Detailed errors (development) or masked (production). */
  maskErrors?: boolean;
  cors?: string[] | false;
}

export function createServer({ executor, apiToken, maskErrors = true, cors }: YogaOptions) {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    // yoga's own liveness check: 200 while the process serves, whatever Neo4j does.
    healthCheckEndpoint: '/health',
    landingPage: false,
    maskedErrors: maskErrors,
    cors: cors === false ? false : cors ? { origin: cors } : undefined,
    logging: false,
    context: ({ request }): Context => ({
      executor,
      authorized: !!apiToken && request.headers.get('authorization') === `Bearer ${apiToken}`,
    }),
    renderGraphiQL,
    graphiql: {
      title: 'bulletin-graph',
      defaultQuery: EXAMPLES[0]!.query,
      defaultTabs: EXAMPLES.map((e) => ({ query: e.query, variables: e.variables ? JSON.stringify(e.variables, null, 2) : null })),
    },
    plugins: [
      {
        async onRequest({ url, endResponse, fetchAPI }) {
          if (url.pathname === '/ready') {
            const ready = await executor.ping();
            endResponse(new fetchAPI.Response(JSON.stringify({ ready }), { status: ready ? 200 : 503, headers: { 'content-type': 'application/json' } }));
          } else {
            const page = explorerResponse(url.pathname);
            if (page) endResponse(page);
            else if (url.pathname === '/') endResponse(new fetchAPI.Response(null, { status: 302, headers: { location: '/graphql' } }));
          }
        },
      },
    ],
  });
}
