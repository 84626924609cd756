// The only module that calls the driver: it picks read or write transactions (a read is one
// statement in an auto-commit transaction: one round trip), closes sessions in `finally`, turns
// Neo4j values into plain JSON-friendly values and counts round trips (for the N+1 test and
// benchmarks).
import neo4j, { isRetryableError, type Driver, type ManagedTransaction } from 'neo4j-driver';
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

  /** How long transient failures are retried (the driver's maxTransactionRetryTime for writes). */
  private static readonly RETRY_MS = 5_000;

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

  /**
   * One read statement in an auto-commit transaction: RUN and PULL in one round trip, where a
   * managed transaction (executeRead) adds BEGIN and a COMMIT round trip for the same isolation of
   * a single statement. Transient failures are retried as executeRead would (the records are all
   * read before anything is returned, so a retry never hands out half an answer).
   */
  private async readAutoCommit<T>(query: CypherQuery): Promise<T[]> {
    const deadline = performance.now() + Executor.RETRY_MS;
    for (let attempt = 0; ; attempt++) {
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
      try {
        const result = await withoutStackCapture(() => session.run(query.cypher, query.params, { timeout: this.transactionTimeoutMs }));
        return result.records.map((r) => toPlain(r.toObject()) as T);
      } catch (error) {
        if (!isRetryableError(error as Error) || performance.now() > deadline) throw mapError(error);
      } finally {
        await session.close();
      }
      // The driver's back-off: 1 s doubling, ±20 % jitter, within the deadline.
      const delay = Math.min(1000 * 2 ** attempt * (0.8 + Math.random() * 0.4), Math.max(0, deadline - performance.now()));
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private async run<T>(mode: 'READ' | 'WRITE', query: CypherQuery): Promise<T[]> {
    this.queryCount++;
    if (mode === 'READ') return this.readAutoCommit(query);
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      const work = async (tx: ManagedTransaction) => {
        const result = await tx.run(query.cypher, query.params);
        return result.records.map((r) => toPlain(r.toObject()) as T);
      };
      return await session.executeWrite(work, { timeout: this.transactionTimeoutMs });
    } catch (error) {
      throw mapError(error);
    } finally {
      await session.close();
    }
  }
}

/**
 * Runs `start` with stack traces off. The driver records a stack for every Result (new Error().stack,
 * to show where a query was run when it fails); under tsx each one is mapped through source maps,
 * a measurable part of a small read's time in the server. Our errors say which statement failed.
 */
export function withoutStackCapture<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
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
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    // Planned answers are lists of strings, numbers and lists: kept as they are, copied only from
    // the first element that changes (a page of meetings is thousands of small lists).
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      const plain = v === null || typeof v !== 'object' ? (v ?? null) : toPlain(v);
      if (out === null && plain !== v) out = value.slice(0, i);
      if (out !== null) out.push(plain);
    }
    return out ?? value;
  }
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
