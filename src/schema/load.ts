// Batch loading for the schema: one Cypher round trip per batch of keys, results in key order.
import { nodesByKey, related, type NodeKind } from '../neo4j/cypher/read.ts';
import type { Context } from '../server/context.ts';

export async function loadNodes<T>(ctx: Context, kind: NodeKind, keys: readonly string[]): Promise<(T | Error)[]> {
  const rows = await ctx.executor.read<{ key: string; node: T }>(nodesByKey(kind, keys));
  const byKey = new Map(rows.map((r) => [r.key, r.node]));
  return keys.map((k) => byKey.get(k) ?? new Error(`${kind} ${k} not found`));
}

export interface RelatedRow<T> {
  node: T;
  rel: Record<string, unknown>;
}

/** For each key, the rows the pattern finds, in key order (an empty list where none). */
export async function loadRelated<T>(
  ctx: Context,
  kind: NodeKind,
  from: NodeKind,
  pattern: string,
  keys: readonly string[],
  order = '',
): Promise<RelatedRow<T>[][]> {
  const rows = await ctx.executor.read<{ key: string; node: T; rel: Record<string, unknown> | null }>(related(kind, from, pattern, keys, order));
  const grouped = new Map<string, RelatedRow<T>[]>(keys.map((k) => [k, []]));
  for (const r of rows) grouped.get(r.key)?.push({ node: r.node, rel: r.rel ?? {} });
  return keys.map((k) => grouped.get(k)!);
}
