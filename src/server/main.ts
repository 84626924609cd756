// `npm start`: brings up Neo4j (embedded unless NEO4J_URI is set), creates constraints and
// indexes, ingests the bundled seeds, serves GraphQL and stops everything cleanly on Ctrl-C.
import { createServer as createHttpServer } from 'node:http';
import { join } from 'node:path';
import { Executor } from '../neo4j/executor.ts';
import { connectTarget, projectRoot } from '../neo4j/server.ts';
import { ingestPaths, summaryLine } from '../ingest/ingest.ts';
import { ensureSchema } from '../ingest/stages/load.ts';
import { createServer } from './yoga.ts';

export interface ServeOptions {
  port: number;
  host: string;
  seeds: string[];
}

export function serveOptionsFromEnv(env = process.env): ServeOptions {
  return {
    port: Number(env.PORT ?? 4000),
    host: env.HOST ?? '127.0.0.1',
    seeds: env.SEEDS === '' ? [] : (env.SEEDS?.split(',') ?? [join(projectRoot, 'seeds')]),
  };
}

export async function serve(options: ServeOptions): Promise<void> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const neo4j = await connectTarget({ log: say });
  const executor = Executor.connect(neo4j.target);
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('\nStopping…');
    http.close();
    await executor.close().catch(() => {});
    await neo4j.stop();
    process.exit(code);
  };
  const http = createHttpServer();
  try {
    await ensureSchema(executor);
    if (options.seeds.length) {
      const summary = await ingestPaths(executor, options.seeds);
      for (const f of summary.problems) say(`  ${f.source}: ${f.reason}`);
      say(`Ingested: ${summaryLine(summary)}`);
    }
    const yoga = createServer({
      executor,
      apiToken: process.env.KG_API_TOKEN,
      // Masked unless asked for details (NODE_ENV=development).
      maskErrors: process.env.NODE_ENV !== 'development',
      cors: process.env.CORS_ORIGINS ? process.env.CORS_ORIGINS.split(',') : undefined,
    });
    http.on('request', yoga);
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port, options.host, resolve);
    });
  } catch (error) {
    say(`Could not start: ${(error as Error).message}`);
    await stop(1);
    return;
  }
  const where = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host === '127.0.0.1' ? 'localhost' : options.host}:${options.port}`;
  say(`GraphQL and GraphiQL: ${where}/graphql`);
  if (neo4j.embedded) say(`Neo4j Browser:        ${neo4j.embedded.browserUrl}  (no password on the local default)`);
  else say(`Neo4j:                ${neo4j.target.uri}`);
  say(`Health:               ${where}/health, ${where}/ready`);
  say('Press Ctrl-C to stop the server and Neo4j.');
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
}
