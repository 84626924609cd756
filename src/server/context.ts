// The per-request context: the one executor of the process and the request's loaders (kept per
// context object, so batching and caching never cross requests).
import DataLoader from 'dataloader';
import type { Executor } from '../neo4j/executor.ts';

export interface Context {
  executor: Executor;
  /** True when the request carried the configured API token (needed for mutations). */
  authorized: boolean;
  /**
   * True: each root field plans its whole selection into one Cypher (src/schema/plan.ts). False:
   * every relation is batch-loaded level by level (one round trip per level); kept to compare.
   */
  plan: boolean;
  /** The request's loader of that name, created on first use; batches the keys of one tick. */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V>;
}

export function createContext(executor: Executor, options: { authorized: boolean; plan?: boolean }): Context {
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return {
    executor,
    authorized: options.authorized,
    plan: options.plan ?? true,
    loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
      let loader = loaders.get(name) as DataLoader<K, V> | undefined;
      if (!loader) {
        loader = new DataLoader<K, V>(batch);
        loaders.set(name, loader as DataLoader<unknown, unknown>);
      }
      return loader;
    },
  };
}
