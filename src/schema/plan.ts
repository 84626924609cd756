// Reading a resolver's GraphQL selection into the plain tree that src/neo4j/cypher/plan.ts turns
// into Cypher, and the resolvers that read planned relations from their parent record or, where
// the parent was not planned (node(id) and nodes(ids), path nodes, ctx.plan off), batch-load
// them: one Cypher for all parents at that path, whatever their number.
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { fieldForKeys, planKey, TYPES, type FieldSelection, type Selection } from '../neo4j/cypher/plan.ts';
import type { Context } from '../server/context.ts';

function collectFields(info: GraphQLResolveInfo, type: GraphQLObjectType, nodes: readonly FieldNode[]): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  const seenFragments = new Set<string>();
  const included = (node: { directives?: readonly unknown[] }) => {
    if (!node.directives?.length) return true;
    const skip = getDirectiveValues(GraphQLSkipDirective, node as FieldNode, info.variableValues);
    if (skip?.if === true) return false;
    const include = getDirectiveValues(GraphQLIncludeDirective, node as FieldNode, info.variableValues);
    return include?.if !== false;
  };
  const applies = (condition: string | undefined) => {
    if (!condition || condition === type.name) return true;
    const abstract = info.schema.getType(condition);
    return !!abstract && isAbstractType(abstract) && info.schema.isSubType(abstract, type);
  };
  const visit = (set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (!included(sel)) continue;
      if (sel.kind === 'Field') {
        const key = sel.alias?.value ?? sel.name.value;
        out.set(key, [...(out.get(key) ?? []), sel]);
      } else if (sel.kind === 'InlineFragment') {
        if (applies(sel.typeCondition?.name.value)) visit(sel.selectionSet);
      } else {
        const fragment = info.fragments[sel.name.value];
        if (!fragment || seenFragments.has(sel.name.value)) continue;
        seenFragments.add(sel.name.value);
        if (applies(fragment.typeCondition.name.value)) visit(fragment.selectionSet);
      }
    }
  };
  for (const node of nodes) if (node.selectionSet) visit(node.selectionSet);
  return out;
}

function toSelection(info: GraphQLResolveInfo, type: GraphQLObjectType, nodes: readonly FieldNode[], deep: boolean): Selection {
  const fields = new Map<string, FieldSelection>();
  for (const [key, fieldNodes] of collectFields(info, type, nodes)) {
    const name = fieldNodes[0]!.name.value;
    if (name.startsWith('__')) continue;
    const def = type.getFields()[name];
    if (!def) continue;
    const named = getNamedType(def.type);
    fields.set(key, {
      name,
      args: getArgumentValues(def, fieldNodes[0]!, info.variableValues),
      selection: isObjectType(named) ? toSelection(info, named, fieldNodes, deep) : null,
    });
  }
  // Without planning (deep false), a batch load reads its own level only; relations below are
  // left to their resolvers.
  return { type: type.name, fields, deep };
}

/**
 * The selection of the current field's object type, or of the type found by following `path`
 * (field names, e.g. ['edges', 'node'] in a connection). Null where nothing is selected there.
 */
export function selectionOf(info: GraphQLResolveInfo, ctx: Context, path: string[] = [], concrete?: string): Selection | null {
  let type = getNamedType(info.returnType);
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const step of path) {
    if (!isObjectType(type)) return null;
    const next = [...collectFields(info, type, nodes).values()].filter((n) => n[0]!.name.value === step).flat();
    if (!next.length) return null;
    const def = type.getFields()[step];
    if (!def) return null;
    type = getNamedType(def.type);
    nodes = next;
  }
  // Under an interface (search hits' node), the selection as seen by one concrete type.
  if (concrete && isAbstractType(type)) {
    const named = info.schema.getType(concrete);
    if (named && isObjectType(named)) type = named;
  }
  if (!isObjectType(type) || !TYPES[type.name]) return null;
  return toSelection(info, type, nodes, ctx.plan);
}

/** The current field as the planner sees it (for batch loads by parent keys). */
function currentField(info: GraphQLResolveInfo, ctx: Context, args: Record<string, unknown>): FieldSelection {
  const named = getNamedType(info.returnType);
  return { name: info.fieldName, args, selection: isObjectType(named) ? toSelection(info, named, info.fieldNodes, ctx.plan) : null };
}

/** The response path without list indices: all parents at one place of the result share it. */
function pathKey(info: GraphQLResolveInfo): string {
  const keys: string[] = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) if (typeof p.key === 'string') keys.push(p.key);
  return keys.reverse().join('.');
}

/** The planned value of this field in its parent record, or undefined where it was not planned. */
export function planned<T>(parent: object, info: GraphQLResolveInfo): T | undefined {
  const key = planKey(info.path.key as string);
  return key in parent ? ((parent as Record<string, unknown>)[key] as T) : undefined;
}

/**
 * Resolver of a relation field of a node type: the planned value, else one batch load for every
 * parent at this path (the batch plans the field's own selection in turn).
 */
export function relation<P extends object, T>(parentType: string, keyOf: (parent: P) => string, empty: T) {
  return (parent: P, args: Record<string, unknown>, ctx: Context, info: GraphQLResolveInfo): T | Promise<T> => {
    const value = planned<T>(parent, info);
    if (value !== undefined) return value ?? empty;
    const loader = ctx.loader<string, T>(`${parentType}.${pathKey(info)}`, async (keys) => {
      const query = fieldForKeys(parentType, currentField(info, ctx, args), keys);
      if (!query) throw new Error(`${parentType}.${info.fieldName} has no plan`);
      const rows = await ctx.executor.read<{ key: string; value: unknown }>(query);
      const byKey = new Map(rows.map((r) => [r.key, query.decode(r.value) as T]));
      return keys.map((k) => byKey.get(k) ?? empty);
    });
    return loader.load(keyOf(parent)).then((v) => v ?? empty);
  };
}

/** True when the current field's selection asks for `name` directly (e.g. totalCount). */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return false;
  return [...collectFields(info, type, info.fieldNodes).values()].some((nodes) => nodes[0]!.name.value === name);
}
