// The only module that calls the driver: it picks read or write transactions, closes sessions in
// `finally`, turns Neo4j values into plain JSON-friendly values and counts round trips (for the
// N+1 test and benchmarks).
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Neo4jTarget } from './config.ts';

export interface CypherQuery {
  cypher: string;
  params: Record<string, unknown>;
}

export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
}

export class Executor {
  /** Cypher statements sent since creation (or the last reset). */
  queryCount = 0;

  private constructor(
    readonly driver: Driver,
    readonly database: string | undefined,
  ) {}

  static connect(target: Neo4jTarget, options: { transactionTimeoutMs?: number } = {}): Executor {
    // With auth off (the embedded default) Neo4j accepts any basic token.
    const auth = neo4j.auth.basic(target.user, target.password);
    const driver = neo4j.driver(target.uri, auth, {
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 10_000,
      // Retry transient failures for a few seconds, not the driver's 30: with Neo4j gone, a
      // request should get its error (and an ingest stop, to be rerun) rather than hang.
      maxTransactionRetryTime: 5_000,
      maxConnectionPoolSize: 50,
      logging: undefined,
    });
    const executor = new Executor(driver, target.database);
    executor.transactionTimeoutMs = options.transactionTimeoutMs ?? 30_000;
    return executor;
  }

  private transactionTimeoutMs = 30_000;

  async read<T = Record<string, unknown>>(query: CypherQuery): Promise<T[]> {
    return this.run('READ', query);
  }

  async write<T = Record<string, unknown>>(query: CypherQuery): Promise<T[]> {
    return this.run('WRITE', query);
  }

  /** Several statements in one managed write transaction (retried as a whole on transient errors). */
  async writeTransaction<T>(work: (run: (query: CypherQuery) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(
        (tx: ManagedTransaction) =>
          work(async (query) => {
            this.queryCount++;
            const result = await tx.run(query.cypher, query.params);
            return result.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
          }),
        { timeout: this.transactionTimeoutMs },
      );
    } catch (error) {
      throw mapError(error);
    } finally {
      await session.close();
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.driver.verifyConnectivity({ database: this.database });
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async run<T>(mode: 'READ' | 'WRITE', query: CypherQuery): Promise<T[]> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    this.queryCount++;
    try {
      const work = async (tx: ManagedTransaction) => {
        const result = await tx.run(query.cypher, query.params);
        return result.records.map((r) => toPlain(r.toObject()) as T);
      };
      const config = { timeout: this.transactionTimeoutMs };
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      throw mapError(error);
    } finally {
      await session.close();
    }
  }
}

function mapError(error: unknown): unknown {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED/.test(String(error))) {
    return new DatabaseUnavailableError(`Neo4j is not reachable: ${(error as Error).message}`, { cause: error });
  }
  return error;
}

/** Neo4j temporal and graph values → strings and plain objects. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value !== 'object') return value;
  if (neo4j.isDate(value as never) || neo4j.isDateTime(value as never) || neo4j.isLocalDateTime(value as never)) {
    return String(value);
  }
  if (neo4j.isInt(value as never)) return (value as { toNumber(): number }).toNumber();
  const node = value as { labels?: string[]; properties?: Record<string, unknown>; type?: string };
  if (node.properties && (node.labels || node.type)) return toPlain(node.properties);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
  return out;
}
