// The graphql-yoga instance: schema, per-request context, limits, GraphiQL served from the
// package (no CDN), /health (alive) and /ready (Neo4j answers). main.ts only listens.
//
// Limits, all checked before anything reaches Neo4j: request body size (25 MB, limitBody),
// document size in tokens and aliases (GraphQL Armor, at parse and validation), depth, breadth and
// cost (Pothos complexity plugin, before the first root field runs; list fields count as `first`
// items), page sizes (at most 100, in the resolvers before their query), and the executor's
// transaction timeout (30 s) for the rest.
import { useGraphQlJit } from '@envelop/graphql-jit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createGraphQLError, createYoga, maskError, type Plugin, type YogaServerOptions } from 'graphql-yoga';
import { DatabaseUnavailableError, type Executor } from '../neo4j/executor.ts';
import { schema } from '../schema/index.ts';
import { createContext, type Context } from './context.ts';
import { EXAMPLES } from './examples.ts';
import { explorerResponse } from './explorer/serve.ts';

export const DOCUMENT_LIMITS = { aliases: 30, tokens: 4000 };

/** Request bodies larger than this are refused (yoga's default; a bulletin's text is at most 1,000,000 characters). */
export const MAX_BODY_BYTES = 25_000_000;

export interface YogaOptions {
  executor: Executor;
  /** When set, mutations need `Authorization: Bearer <token>`; unset, mutations are refused. */
  apiToken?: string;
  /** Masked errors (production: "Unexpected error.") or detailed ones with the original message (development). */
  maskErrors?: boolean;
  cors?: string[] | false;
  /** Plan one Cypher per root field (default) or load level by level (for comparison). */
  plan?: boolean;
  /** Execute through graphql-jit's compiled queries (default) or graphql-js (for comparison). */
  jit?: boolean;
  /** Largest request body in bytes (MAX_BODY_BYTES). */
  maxBodyBytes?: number;
}

const bodyTooLarge = () => createGraphQLError('Request body too large', { extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' } });

/**
 * yoga's request body limit, at no cost where the size is declared. yoga's own (maxRequestBodySize)
 * pipes every body through a counting TransformStream into a new Request: about 0.3 ms of a
 * request's 0.5 ms over HTTP here, more than the rest of yoga's handling of a small query. A body
 * with a valid Content-Length is checked by that number (node:http reads exactly that many bytes);
 * one without (chunked) is still counted as it streams in, as yoga does.
 */
function limitBody(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared != null) {
        // Only one non-negative integer: anything else (a list, as in request smuggling) is refused.
        if (!/^\d+$/.test(declared)) throw createGraphQLError('Content-Length header is invalid.', { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });
        if (Number(declared) > limit) throw bodyTooLarge();
        return;
      }
      const body = request.body;
      if (!requestParser || !body) return;
      let read = 0;
      const counted = body.pipeThrough(
        new fetchAPI.TransformStream({
          transform(chunk: Uint8Array, controller) {
            read += chunk.byteLength;
            if (read > limit) controller.error(bodyTooLarge());
            else controller.enqueue(chunk);
          },
        }),
      );
      // @ts-expect-error duplex is needed for a streamed body and missing from the types
      setRequestParser((req) => requestParser(new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, signal: req.signal, body: counted, duplex: 'half' })));
    },
  };
}

/** Neo4j being away is no internal error: say so, with a code a dashboard can act on. */
const databaseAware: NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean>>['maskError'] = (error, message, isDev) => {
  let cause: unknown = error;
  for (let depth = 0; cause && depth < 5; depth++) {
    if (cause instanceof DatabaseUnavailableError) {
      return createGraphQLError('Neo4j is not reachable; try again shortly.', { extensions: { code: 'DATABASE_UNAVAILABLE' } });
    }
    cause = (cause as { originalError?: unknown; cause?: unknown }).originalError ?? (cause as { cause?: unknown }).cause;
  }
  return maskError(error, message, isDev);
};

export function createServer({ executor, apiToken, maskErrors = true, cors, plan = true, jit = true, maxBodyBytes = MAX_BODY_BYTES }: YogaOptions) {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    // yoga's own liveness check: 200 while the process serves, whatever Neo4j does.
    healthCheckEndpoint: '/health',
    landingPage: false,
    // Replaced by limitBody (below), which keeps the limit without its cost on every request.
    maxRequestBodySize: false,
    maskedErrors: { isDev: !maskErrors, maskError: databaseAware },
    cors: cors === false ? false : cors ? { origin: cors } : undefined,
    logging: false,
    context: ({ request }): Context =>
      createContext(executor, { authorized: !!apiToken && request.headers.get('authorization') === `Bearer ${apiToken}`, plan }),
    renderGraphiQL,
    graphiql: {
      title: 'bulletin-graph',
      defaultQuery: EXAMPLES[0]!.query,
      defaultTabs: EXAMPLES.map((e) => ({ query: e.query, variables: e.variables ? JSON.stringify(e.variables, null, 2) : null })),
    },
    plugins: [
      // Large answers (a page of meetings with attendees and posts is thousands of objects) are
      // built by code compiled per query instead of graphql-js's generic walk.
      ...(jit ? [useGraphQlJit()] : []),
      maxTokensPlugin({ n: DOCUMENT_LIMITS.tokens, exposeLimits: true }),
      maxAliasesPlugin({ n: DOCUMENT_LIMITS.aliases, exposeLimits: true }),
      limitBody(maxBodyBytes),
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
