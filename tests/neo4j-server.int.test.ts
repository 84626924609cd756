// The Neo4j that the integration tests get, and the embedded server manager's failure paths.
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Executor } from '../src/neo4j/executor.ts';
import { browserUrlFor, startEmbedded } from '../src/neo4j/server.ts';
import { freshGraph } from './helpers/graph.ts';

const target = inject('neo4j');
const httpUrl = inject('neo4jHttpUrl');
const embedded = !target.external;

let db: Executor;
beforeAll(async () => {
  db = await freshGraph();
});
afterAll(async () => {
  await db?.close();
});

describe('the test Neo4j', () => {
  it('answers Cypher, and starts each file with an empty graph', async () => {
    const [before] = await db.read<{ n: number }>({ cypher: 'MATCH (n) RETURN count(n) AS n', params: {} });
    expect(before?.n).toBe(0);
    await db.write({ cypher: 'CREATE (:Probe {name: $name})', params: { name: '国务院公报' } });
    const rows = await db.read<{ name: string }>({ cypher: 'MATCH (p:Probe) RETURN p.name AS name', params: {} });
    expect(rows).toEqual([{ name: '国务院公报' }]);
  });

  it.runIf(embedded)('is a local Neo4j 5 Community server', async () => {
    const [row] = await db.read<{ version: string; edition: string }>({
      cypher: 'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
      params: {},
    });
    expect(row?.edition).toBe('community');
    expect(row?.version).toMatch(/^5\./);
  });

  it.runIf(embedded)('serves Neo4j Browser, preset to connect without a password', async () => {
    const url = browserUrlFor(httpUrl!, target.uri);
    expect(url).toBe(`${httpUrl}/browser/?connectURL=${target.uri}&preselectAuthMethod=NO_AUTH`);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/<title>Neo4j Browser<\/title>/);
  });
});

describe.runIf(embedded)('startEmbedded failures', () => {
  let home: string;
  beforeAll(async () => {
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'bulletin-graph-neo4j-'));
  });
  afterAll(async () => {
    await fs.rm(home, { recursive: true, force: true });
  });

  it('refuses a taken port, naming it', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(
        startEmbedded({ home, boltPort: taken, httpPort: await freePort(), startTimeoutMs: 5_000 }),
      ).rejects.toThrow(new RegExp(`port ${taken} is taken; set NEO4J_BOLT_PORT`));
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('reports an early exit with the tail of the console log', async () => {
    // A 1 KB heap makes the JVM quit at once.
    const error = await startEmbedded({
      home,
      boltPort: await freePort(),
      httpPort: await freePort(),
      heap: '1k',
      startTimeoutMs: 30_000,
    }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/Neo4j exited while starting/);
    expect((error as Error).message).toMatch(/heap/i);
    expect((error as Error).message).toContain(path.join(home, 'logs', 'console.log'));
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
