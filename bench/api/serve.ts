// One benchmark server in its own process, on 127.0.0.1 only:
//   node --import tsx bench/api/serve.ts <ours|ours-levels|neo4j-graphql> <port> <bolt url>
// Both are graphql-yoga over node:http, so the difference is the schema and how it reads Neo4j.
import { createServer as createHttpServer } from 'node:http';
import { createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';
import { Executor } from '../../src/neo4j/executor.ts';
import { createServer } from '../../src/server/yoga.ts';
import { neo4jGraphqlSchema } from './neo4j-graphql.ts';

const [kind, port, bolt] = process.argv.slice(2) as [string, string, string];
let handler: Parameters<typeof createHttpServer>[1];
let close: () => Promise<void>;

if (kind === 'ours' || kind === 'ours-levels') {
  const executor = Executor.connect({ uri: bolt, user: 'neo4j', password: '', database: undefined, external: true });
  handler = createServer({ executor, plan: kind === 'ours' }) as unknown as typeof handler;
  close = () => executor.close();
} else if (kind === 'neo4j-graphql') {
  const driver = neo4j.driver(bolt, neo4j.auth.basic('neo4j', ''), { maxConnectionPoolSize: 50 });
  const schema = await neo4jGraphqlSchema(driver);
  handler = createYoga({ schema, logging: false, graphiql: false, landingPage: false }) as unknown as typeof handler;
  close = () => driver.close();
} else {
  throw new Error(`unknown server ${kind}`);
}

const http = createHttpServer(handler);
http.keepAliveTimeout = 60_000;
http.listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => {
  http.close();
  void close().finally(() => process.exit(0));
});
