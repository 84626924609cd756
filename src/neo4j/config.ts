// Where the graph lives. NEO4J_URI points everything at an existing Neo4j and starts nothing;
// without it the project runs its own embedded Community server (src/neo4j/server.ts).

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
  /** True when the URI came from NEO4J_URI: nothing is started or stopped locally. */
  external: boolean;
}

export const DEFAULT_BOLT_PORT = 7687;
export const DEFAULT_HTTP_PORT = 7474;

export function externalTarget(env: NodeJS.ProcessEnv = process.env): Neo4jTarget | null {
  const uri = env.NEO4J_URI?.trim();
  if (!uri) return null;
  return {
    uri,
    user: env.NEO4J_USER ?? 'neo4j',
    password: env.NEO4J_PASSWORD ?? '',
    database: env.NEO4J_DATABASE || undefined,
    external: true,
  };
}

export function localTarget(boltPort: number): Neo4jTarget {
  // Auth is off on the embedded default; the driver still sends a basic token, which Neo4j ignores.
  return { uri: `bolt://127.0.0.1:${boltPort}`, user: 'neo4j', password: '', database: undefined, external: false };
}
