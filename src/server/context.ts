// The per-request context: the one executor of the process and the request's loaders (the
// dataloader plugin keeps them per context object, so batching never crosses requests).
import type { Executor } from '../neo4j/executor.ts';

export interface Context {
  executor: Executor;
  /** True when the request carried the configured API token (needed for mutations). */
  authorized: boolean;
}
