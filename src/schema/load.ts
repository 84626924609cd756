// Nodes by key for the loadable refs (node(id), ids that fields return): one Cypher round trip per
// batch of keys, results in key order. Relations are planned or batch-loaded in plan.ts.
import { nodesByKey, type NodeKind } from '../neo4j/cypher/read.ts';
import type { Context } from '../server/context.ts';

export async function loadNodes<T>(ctx: Context, kind: NodeKind, keys: readonly string[]): Promise<(T | Error)[]> {
  const rows = await ctx.executor.read<{ key: string; node: T }>(nodesByKey(kind, keys));
  const byKey = new Map(rows.map((r) => [r.key, r.node]));
  return keys.map((k) => byKey.get(k) ?? new Error(`${kind} ${k} not found`));
}
