// Vitest global setup of the `int` project: gives the test run its own Neo4j, unless NEO4J_URI
// points at one (then that is used as is, and tests that need the embedded server skip).
//   NEO4J_TEST_BOLT_PORT (7688), NEO4J_TEST_HTTP_PORT (7475), NEO4J_TEST_HEAP (512m),
//   NEO4J_TEST_HOME (<root>/.neo4j/test; set it, and the ports, to run two test runs at once)
// Its data folder is wiped at every start.
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { externalTarget, type Neo4jTarget } from '../src/neo4j/config.ts';
import { projectRoot, startEmbedded } from '../src/neo4j/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the integration tests' Neo4j is. */
    neo4j: Neo4jTarget;
    /** http://127.0.0.1:PORT of the embedded test server; null when NEO4J_URI is used. */
    neo4jHttpUrl: string | null;
  }
}

const testHome = path.resolve(process.env.NEO4J_TEST_HOME || path.join(projectRoot, '.neo4j', 'test'));

function port(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name}=${raw} is not a port number`);
  return value;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = externalTarget();
  if (external) {
    console.warn(`[neo4j] NEO4J_URI is set: integration tests use ${external.uri} and DELETE ALL ITS NODES`);
    project.provide('neo4j', external);
    project.provide('neo4jHttpUrl', null);
    return async () => {};
  }
  const neo4j = await startEmbedded({
    home: testHome,
    boltPort: port('NEO4J_TEST_BOLT_PORT', 7688),
    httpPort: port('NEO4J_TEST_HTTP_PORT', 7475),
    heap: process.env.NEO4J_TEST_HEAP ?? '512m',
    pageCache: '64m',
    wipeData: true,
    log: (line) => console.log(`[neo4j] ${line}`),
  });
  project.provide('neo4j', neo4j.target);
  project.provide('neo4jHttpUrl', neo4j.httpUrl);
  return () => neo4j.stop();
}
