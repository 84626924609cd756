// The GraphQL server survives Neo4j going away: requests get a clear error, /ready turns false,
// and it recovers by itself when Neo4j is back. Uses a Neo4j of its own that it can stop.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalTarget } from '../src/neo4j/config.ts';
import { Executor } from '../src/neo4j/executor.ts';
import { startEmbedded, type EmbeddedNeo4j } from '../src/neo4j/server.ts';
import { ingestPaths } from '../src/ingest/ingest.ts';
import { ensureSchema } from '../src/ingest/stages/load.ts';
import { createServer } from '../src/server/yoga.ts';

const SEED = new URL('../seeds/000_0e1c59be9f5b0e63.txt', import.meta.url).pathname;
const home = mkdtempSync(join(tmpdir(), 'bg-outage-'));
const ports = { boltPort: Number(process.env.NEO4J_OUTAGE_BOLT_PORT ?? 7693), httpPort: Number(process.env.NEO4J_OUTAGE_HTTP_PORT ?? 7483) };
const QUERY = JSON.stringify({ query: '{ people(first: 5) { totalCount } }' });

let neo4j: EmbeddedNeo4j;
let executor: Executor;
let yoga: ReturnType<typeof createServer>;
const ask = async () => (await yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY })).json() as Promise<any>;
const ready = async () => (await yoga.fetch('http://localhost/ready')).status;

describe.skipIf(externalTarget() !== null)('when Neo4j goes away', () => {
  beforeAll(async () => {
    neo4j = await startEmbedded({ home, ...ports, heap: '256m', pageCache: '32m', wipeData: true });
    executor = Executor.connect(neo4j.target);
    await ensureSchema(executor);
    await ingestPaths(executor, [SEED]);
    yoga = createServer({ executor, maskErrors: true });
  }, 180_000);
  afterAll(async () => {
    await executor?.close();
    await neo4j?.stop();
  });

  it('answers while Neo4j is up', async () => {
    expect(await ready()).toBe(200);
    expect((await ask()).data.people.totalCount).toBe(3);
  });

  it('gives a clear error and /ready 503 while Neo4j is down, then recovers by itself', async () => {
    await neo4j.stop();
    expect(await ready()).toBe(503);
    const down = await ask();
    expect(down.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(down.errors?.[0]?.message).toMatch(/Neo4j is not reachable/);
    // The same data folder, the same ports: the server's driver reconnects on its own.
    neo4j = await startEmbedded({ home, ...ports, heap: '256m', pageCache: '32m' });
    let status = 0;
    for (let i = 0; i < 60 && status !== 200; i++) {
      status = await ready();
      if (status !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe(200);
    expect((await ask()).data.people.totalCount).toBe(3);
  }, 180_000);
});
