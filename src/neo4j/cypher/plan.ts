// One Cypher per operation: turns a GraphQL selection (already collected into a plain tree by
// src/schema/plan.ts) into one nested projection, relations as COLLECT subqueries. Pure: it only
// builds {cypher, params} and the function that decodes the answer; values are parameters, and
// the only names spliced in are our own (labels, relationship types, generated variables).
//
// Records travel as positional lists ([name, date, [attendee, …]]), not maps: the driver decodes
// lists far faster than maps (no key strings), which halved the time of a page of meetings with
// their attendees and posts; `decode` turns them back into records, relations under planKey
// (their response key, which never enters the Cypher).
//
// Each GraphQL object type the planner knows has a TypePlan: the scalars it projects (its key, and
// the other properties only when selected, so that nothing is read or sent for nothing) and, per
// relation field, how to reach the related rows from the type's Cypher variables. A field without a
// plan is left out; its resolver then loads it (src/schema/plan.ts), so the planner is an
// optimisation and never a condition for an answer.
import type { CypherQuery } from '../executor.ts';

export interface FieldSelection {
  /** The schema field name. */
  name: string;
  args: Record<string, unknown>;
  /** The sub-selection, null for scalars and for fields of abstract type. */
  selection: Selection | null;
}

export interface Selection {
  /** The object type name. */
  type: string;
  /** By response key (alias or field name). */
  fields: Map<string, FieldSelection>;
  /**
   * False: project this level only (relations are left to their resolvers, which batch-load them
   * level by level), with the keys those resolvers need. Default true.
   */
  deep?: boolean;
}

/** The key a planned relation lands under in its parent record (never a property name). */
export function planKey(responseKey: string): string {
  // Memoized: resolvers look a planned relation up by this key for every parent object, and a
  // string made afresh each time is hashed afresh for the property lookup.
  let key = PLAN_KEYS.get(responseKey);
  if (key === undefined) PLAN_KEYS.set(responseKey, (key = `@${responseKey}`));
  return key;
}
const PLAN_KEYS = new Map<string, string>();

type Vars = Record<string, string>;
/** The decoded records of the statement's shared tables (see PlanBuilder.shared): per table, by node key. */
export type Shared = Map<unknown, unknown>[];
export type Decode = (raw: unknown, shared?: Shared) => unknown;

/**
 * Where a planned value holds keys of a shared table's nodes: the MATCH clauses that reach those
 * nodes from the variables of the record holding the value (the relations' own patterns and
 * filters), and the key expression.
 */
export interface Ref {
  table: number;
  match: string;
  key: string;
}

/** An expression and how to decode its value. */
export interface Planned {
  expr: string;
  decode: Decode;
  /** The shared tables whose keys the value holds, and where. */
  refs?: Ref[];
}

/** A record expression, the clause (or '') that must come before the RETURN holding it, and its decoder. */
export interface Projection extends Planned {
  pre: string;
}

/** A node subtree projected once per distinct node of a statement, for every place that refers to it by key. */
interface SharedTable {
  label: string;
  property: string;
  /** The node's variable in `pre` and `expr`. */
  x: string;
  pre: string;
  expr: string;
  decode: Decode;
}

/** A query whose one planned column (node, value, …) is decoded by `decode`. */
export interface PlannedQuery extends CypherQuery {
  decode: Decode;
}

/** A decoder of positional lists: scalars by name, then planned relations under their keys. */
function record(names: string[], planned: [key: string, decode: Decode][]): Decode {
  const n = names.length;
  return (raw, shared) => {
    const values = raw as unknown[];
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) out[names[i]!] = values[i];
    for (let j = 0; j < planned.length; j++) out[planned[j]![0]] = planned[j]![1](values[n + j], shared);
    return out;
  };
}

const identity: Decode = (raw) => raw;

export class PlanBuilder {
  readonly params: Record<string, unknown> = {};
  private names = 0;
  private scopes: string[][] = [[]];
  private readonly tables: SharedTable[] = [];
  private sharing: boolean;

  /**
   * `share`: project a node subtree that reads relations once per distinct node of the statement
   * (see shared); only for statements whose RETURN makes the tables (listNodes, with tablesFor).
   */
  constructor(options: { share?: boolean } = {}) {
    this.sharing = options.share ?? false;
  }

  /** A fresh Cypher variable name. */
  fresh(prefix = 'v'): string {
    return `${prefix}${this.names++}`;
  }

  /** A value as a parameter: returns `$pN`. */
  param(value: unknown): string {
    const name = `p${Object.keys(this.params).length}`;
    this.params[name] = value === undefined ? null : value;
    return `$${name}`;
  }

  /**
   * An expression computed in a `WITH *, … AS hN` clause ahead of the current scope's RETURN, for
   * subqueries that aggregate: Neo4j 5.26 takes an aggregate function inside a COLLECT subquery
   * within a map or list for an aggregation of the enclosing RETURN ("implicit grouping
   * expressions").
   */
  hoist(expr: string): string {
    const name = this.fresh('h');
    this.scopes.at(-1)!.push(`${expr} AS ${name}`);
    return name;
  }

  /** Builds an expression in a scope of its own; returns it with the clause to put before its RETURN. */
  scope(build: () => string): { pre: string; expr: string } {
    this.scopes.push([]);
    try {
      const expr = build();
      const hoisted = this.scopes.at(-1)!;
      return { pre: hoisted.length ? `WITH *, ${hoisted.join(', ')}` : '', expr };
    } finally {
      this.scopes.pop();
    }
  }

  /** `project` in a scope of its own, for a RETURN. */
  root(selection: Selection, vars: Vars): Projection {
    let projected: Planned = { expr: '', decode: identity };
    const { pre, expr } = this.scope(() => (projected = this.project(selection, vars)).expr);
    return { pre, expr, decode: projected.decode, refs: projected.refs };
  }

  /** The list expression for one record of `selection.type`, bound to `vars`, and its decoder. */
  project(selection: Selection, vars: Vars): Planned {
    const plan = TYPES[selection.type];
    if (!plan) throw new Error(`no plan for type ${selection.type}`);
    const scalars = plan.scalars(vars, selection);
    const planned: [string, string, Decode, Ref[]][] = [];
    if (selection.deep !== false) {
      for (const [responseKey, field] of selection.fields) {
        const build = plan.fields[field.name];
        if (!build) continue;
        const tables = this.tables.length;
        const hoisted = this.scopes.at(-1)!.length;
        let result = build(vars, field, this);
        // A builder that does not hand up the keys of the shared nodes below it (timeline,
        // coAttendees) is built again with its subtrees in place.
        const handed = new Set(result?.refs?.map((r) => r.table));
        if (result && this.tables.length > tables && !this.tables.slice(tables).every((_, i) => handed.has(tables + i))) {
          this.tables.length = tables;
          this.scopes.at(-1)!.length = hoisted;
          result = this.unshared(() => build(vars, field, this));
        }
        if (result) planned.push([planKey(responseKey), result.expr, result.decode, result.refs ?? []]);
      }
    }
    return {
      expr: `[${[...scalars.map(([, expr]) => expr), ...planned.map(([, expr]) => expr)].join(', ')}]`,
      decode: record(scalars.map(([name]) => name), planned.map(([key, , decode]) => [key, decode])),
      refs: planned.flatMap(([, , , refs]) => refs),
    };
  }

  /** `build` with sharing off: every node subtree in it is projected in place. */
  unshared<T>(build: () => T): T {
    const was = this.sharing;
    this.sharing = false;
    try {
      return build();
    } finally {
      this.sharing = was;
    }
  }

  /**
   * A node (variable `n`) as its key, its projection going to a table of the statement that
   * projects each distinct node once, where sharing is on and the selection reads relations of
   * the node. A page of meetings names the same people again and again (a ministry's leaders
   * attend most of its meetings: 26 people in 138 attendances); each one's posts are then read,
   * sent and decoded once instead of once per attendance. Null where the node is projected in place.
   */
  shared(selection: Selection, n: string): Planned | null {
    if (!this.sharing || selection.deep === false) return null;
    const plan = TYPES[selection.type];
    const keyOf = NODE_KEYS[selection.type];
    if (!plan || !keyOf || ![...selection.fields.values()].some((f) => f.selection && plan.fields[f.name])) return null;
    const x = this.fresh('x');
    // Tables are not nested: a shared node's own subtree is projected in its table, in place.
    const projection = this.unshared(() => this.root(selection, { n: x }));
    const table = this.tables.push({ label: keyOf[0], property: keyOf[1], x, pre: projection.pre, expr: projection.expr, decode: projection.decode }) - 1;
    return {
      expr: `${n}.${keyOf[1]}`,
      decode: (raw, shared) => (raw == null ? null : (shared?.[table]?.get(raw) ?? null)),
      refs: [{ table, match: '', key: `${n}.${keyOf[1]}` }],
    };
  }

  /**
   * The expression of each shared table: `from` (clauses binding the root variables of the records
   * with `refs`, e.g. UNWIND over a page) followed by the relations' MATCH clauses down to the
   * shared nodes, then [[key, record], …] for each distinct one. Rows stream after it: only the
   * tables are held together, never the records. Empty without sharing.
   */
  tablesFor(from: string, refs: Ref[]): string[] {
    return this.tables.map((t, i) => {
      // Each table is made at one place of the tree, so exactly one ref leads to it.
      const [ref, ...more] = refs.filter((r) => r.table === i);
      if (!ref || more.length) throw new Error(`shared table ${i} (${t.label}) must be referred to from one place`);
      const k = this.fresh('k');
      return `COLLECT { ${from}${ref.match} WITH DISTINCT ${ref.key} AS ${k} MATCH (${t.x}:${t.label} {${t.property}: ${k}})${t.pre ? ` ${t.pre}` : ''} RETURN [${k}, ${t.expr}] }`;
    });
  }

  /** The tables as tablesFor's expressions return them, decoded: per table, records by key. */
  decodeTables(raw: unknown): Shared {
    return this.tables.map((t, i) => new Map(((raw as unknown[][][] | null)?.[i] ?? []).map(([key, value]) => [key, t.decode(value)])));
  }

  /** The value of one field of `parentType` (for batch loading a field whose parent was not planned). */
  field(parentType: string, vars: Vars, field: FieldSelection): Planned | null {
    return TYPES[parentType]?.fields[field.name]?.(vars, field, this) ?? null;
  }
}

export interface TypePlan {
  /** [name, expression] of the selection's scalars (and the keys resolvers need). */
  scalars: (v: Vars, selection: Selection) => [string, string][];
  fields: Record<string, (v: Vars, field: FieldSelection, b: PlanBuilder) => Planned | null>;
}

/** True when the selection asks for the field (under any alias). */
const selects = (selection: Selection, name: string) => [...selection.fields.values()].some((f) => f.name === name);

/** Entries for the selected ones of these fields (expensive or long ones are read only when asked). */
const pick = (selection: Selection, exprs: Record<string, string>): [string, string][] =>
  Object.entries(exprs).filter(([name]) => selects(selection, name));

/** Ids an edge type's resolvers load by when its relations are not planned. */
const ids = (selection: Selection, exprs: Record<string, string>): [string, string][] =>
  selection.deep === false ? Object.entries(exprs).filter(([name]) => selects(selection, name)) : [];

const date = (e: string) => `toString(${e})`;

/**
 * A relation: rows the MATCH finds from the parent's variables, projected as `type`. `match` gets
 * fresh variables `w` for the child and may point one of them at a parent variable instead.
 */
function relation(
  type: string,
  list: boolean,
  match: (v: Vars, w: Vars, field: FieldSelection, b: PlanBuilder) => string,
  options: { vars?: string[]; order?: (w: Vars) => string } = {},
) {
  return (v: Vars, field: FieldSelection, b: PlanBuilder): Planned | null => {
    if (!field.selection) return null;
    const w: Vars = {};
    for (const name of options.vars ?? ['n']) w[name] = b.fresh();
    const matched = match(v, w, field, b);
    const node = w.n && !options.vars ? b.shared(field.selection, w.n) : null;
    const { pre, expr, decode, refs = [] } = node ? { pre: '', ...node } : b.root(field.selection, w);
    const body = `${matched}${pre ? ` ${pre}` : ''} RETURN ${expr}${options.order ? ` ORDER BY ${options.order(w)}` : ''}`;
    // For a to-one relation, without its LIMIT 1: a table may hold a node no record names (where
    // the relation finds several), never miss one.
    const reached = refs.map((r) => ({ ...r, match: ` ${matched}${r.match}` }));
    if (list) return { expr: `COLLECT { ${body} }`, decode: (raw, shared) => (raw as unknown[]).map((one) => decode(one, shared)), refs: reached };
    return { expr: `head(COLLECT { ${body} LIMIT 1 })`, decode: (raw, shared) => (raw == null ? null : decode(raw, shared)), refs: reached };
  };
}

/** The evidence spans on the one relationship the pattern finds (it names the relationship r). */
function evidence(pattern: (v: Vars, r: string) => string) {
  return (v: Vars, _field: FieldSelection, b: PlanBuilder): Planned => {
    const r = b.fresh('r');
    return { expr: `coalesce(head(COLLECT { MATCH ${pattern(v, r)} RETURN ${r}.evidence }), [])`, decode: identity };
  };
}

/** The same row seen as another type (Tenure.person is the person the tenure belongs to). */
function inline(vars: (v: Vars) => Vars) {
  return (v: Vars, field: FieldSelection, b: PlanBuilder) => {
    if (!field.selection) return null;
    const w = vars(v);
    return b.shared(field.selection, w.n!) ?? b.project(field.selection, w);
  };
}

const ATTENDED_ORDER = (r: string, p: string) => `CASE ${r}.as WHEN 'chair' THEN 0 WHEN 'speaker' THEN 1 ELSE 2 END, ${p}.name`;

export const TYPES: Record<string, TypePlan> = {
  Person: {
    scalars: ({ n }) => [['name', `${n}.name`]],
    fields: {
      posts: relation('Tenure', true, ({ n }, w) => ((w.p = n!), `MATCH (${n})-[${w.r}:HELD]->(${w.q}:Post)`), {
        vars: ['p', 'r', 'q'],
        order: (w) => `${w.r}.firstSeen, ${w.q}.key`,
      }),
      meetings: relation('Participation', true, ({ n }, w) => ((w.p = n!), `MATCH (${n})-[${w.r}:ATTENDED]->(${w.m}:Meeting)`), {
        vars: ['p', 'r', 'm'],
        order: (w) => `${w.m}.date DESC, ${w.m}.key`,
      }),
      directives: relation('Directive', true, ({ n }, w) => `MATCH (${n})-[:GAVE]->(${w.n}:Directive)`, { order: (w) => `${w.n}.meeting, ${w.n}.ordinal` }),
      mentionedIn: relation('Bulletin', true, ({ n }, w) => `MATCH (${n})-[:MENTIONED_IN]->(${w.n}:Bulletin)`, { order: (w) => `${w.n}.key` }),
      timeline: (v, field, b) => {
        if (!field.selection) return null;
        const tenure = [...field.selection.fields.values()].find((f) => f.name === 'tenure')?.selection;
        const part = [...field.selection.fields.values()].find((f) => f.name === 'participation')?.selection;
        const [r, q, d, o, k, e] = ['r', 'q', 'd', 'o', 'k', 'e'].map((x) => b.fresh(x)) as [string, string, string, string, string, string];
        const t = b.root(tenure ?? { type: 'Tenure', fields: new Map() }, { p: v.n!, r, q });
        const m = b.root(part ?? { type: 'Participation', fields: new Map() }, { p: v.n!, r, m: q });
        const expr = `COLLECT { CALL (${v.n}) {
  MATCH (${v.n})-[${r}:HELD]->(${q}:Post)${t.pre ? ` ${t.pre}` : ''} RETURN ${r}.firstSeen AS ${d}, 0 AS ${o}, ${q}.key AS ${k}, [${date(`${r}.firstSeen`)}, ${t.expr}, null] AS ${e}
  UNION ALL
  MATCH (${v.n})-[${r}:ATTENDED]->(${q}:Meeting)${m.pre ? ` ${m.pre}` : ''} RETURN ${q}.date AS ${d}, 1 AS ${o}, ${q}.key AS ${k}, [${date(`${q}.date`)}, null, ${m.expr}] AS ${e}
} RETURN ${e} ORDER BY ${d}, ${o}, ${k} }`;
        const entry = (raw: unknown[]) => ({
          date: raw[0],
          tenure: raw[1] == null ? null : t.decode(raw[1]),
          participation: raw[2] == null ? null : m.decode(raw[2]),
        });
        return { expr, decode: (raw) => (raw as unknown[][]).map(entry) };
      },
      coAttendees: (v, field, b) => {
        if (!field.selection) return null;
        const sel = field.selection;
        const [m, d, p, ms, c, last, x] = ['m', 'd', 'p', 'ms', 'c', 'last', 'x'].map((name) => b.fresh(name)) as [string, string, string, string, string, string, string];
        const first = b.param(Number(field.args.first ?? 20));
        // The meetings themselves are collected (latest first) only when asked for; else the pair's counts.
        const withMeetings = selects(sel, 'meetings');
        let decodeOne: (raw: unknown) => unknown = () => null;
        const row = b.scope(() => {
          const entries = [...pick(sel, { count: c, lastDate: date(last) }), ...ids(sel, { person: `${p}.name`, meetings: `[${x} IN ${ms} | ${x}.key]` })];
          const planned: [string, string, Decode][] = [];
          for (const [key, f] of sel.deep === false ? [] : sel.fields) {
            if (!f.selection) continue;
            if (f.name === 'person') {
              const person = b.project(f.selection, { n: p });
              planned.push([planKey(key), person.expr, person.decode]);
            }
            if (f.name === 'meetings') {
              const meeting = b.root(f.selection, { n: x });
              planned.push([planKey(key), `COLLECT { UNWIND ${ms} AS ${x} ${meeting.pre ? `${meeting.pre} ` : ''}RETURN ${meeting.expr} }`, (raw) => (raw as unknown[]).map((one) => meeting.decode(one))]);
            }
          }
          decodeOne = record(entries.map(([name]) => name), planned.map(([key, , decode]) => [key, decode]));
          return `[${[...entries.map(([, expr]) => expr), ...planned.map(([, expr]) => expr)].join(', ')}]`;
        });
        if (!withMeetings) {
          // Counts and latest dates kept per pair at load time (CO_ATTENDED, src/neo4j/cypher/derived.ts):
          // one relationship read per co-attendee instead of every attendance of every shared meeting.
          const r = b.fresh('r');
          return {
            expr: `COLLECT { MATCH (${v.n})-[${r}:CO_ATTENDED]-(${p}) WITH ${p}, ${r}.count AS ${c}, ${r}.last AS ${last}
  ORDER BY ${c} DESC, ${last} DESC, ${p}.name LIMIT toInteger(${first})
  ${row.pre ? `${row.pre} ` : ''}RETURN ${row.expr} }`,
            decode: (raw) => (raw as unknown[]).map((one) => decodeOne(one)),
          };
        }
        // With the meetings: from the attendances, grouped. Aggregates: computed ahead of the
        // enclosing RETURN (see hoist). Each meeting's date is read once, not once per co-attendee;
        // ATTENDED always joins a Person to a Meeting, so no labels.
        const expr = b.hoist(`COLLECT { MATCH (${v.n})-[:ATTENDED]->(${m}) WITH ${m}, ${m}.date AS ${d} MATCH (${m})<-[:ATTENDED]-(${p}) WHERE ${p} <> ${v.n}
  WITH ${p}, ${m} ORDER BY ${d} DESC, ${m}.key
  WITH ${p}, collect(${m}) AS ${ms}
  WITH ${p}, ${ms}, size(${ms}) AS ${c}, ${ms}[0].date AS ${last}
  ORDER BY ${c} DESC, ${last} DESC, ${p}.name LIMIT toInteger(${first})
  ${row.pre ? `${row.pre} ` : ''}RETURN ${row.expr} }`);
        return { expr, decode: (raw) => (raw as unknown[]).map((one) => decodeOne(one)) };
      },
    },
  },
  Organization: {
    scalars: ({ n }, selection) => [['name', `${n}.name`], ...pick(selection, { aliases: `coalesce(${n}.aliases, [])` })],
    fields: {
      meetings: relation('Meeting', true, ({ n }, w) => `MATCH (${n})-[:CONVENED]->(${w.n}:Meeting)`, { order: (w) => `${w.n}.date DESC, ${w.n}.key` }),
      posts: relation('Post', true, ({ n }, w) => `MATCH (${n})<-[:OF]-(${w.n}:Post)`, { order: (w) => `${w.n}.title, ${w.n}.key` }),
      parent: relation('Organization', false, ({ n }, w) => `MATCH (${n})-[:PART_OF]->(${w.n}:Organization)`),
      units: relation('Organization', true, ({ n }, w) => `MATCH (${n})<-[:PART_OF]-(${w.n}:Organization)`, { order: (w) => `${w.n}.name` }),
      parentEvidence: evidence(({ n }, r) => `(${n})-[${r}:PART_OF]->(:Organization)`),
    },
  },
  Post: {
    scalars: ({ n }, selection) => [['key', `${n}.key`], ...pick(selection, { title: `${n}.title` }), ...ids(selection, { organization: `${n}.organization` })],
    fields: {
      organization: relation('Organization', false, ({ n }, w) => `MATCH (${n})-[:OF]->(${w.n}:Organization)`),
      holders: relation('Tenure', true, ({ n }, w) => ((w.q = n!), `MATCH (${w.p}:Person)-[${w.r}:HELD]->(${n})`), {
        vars: ['p', 'r', 'q'],
        order: (w) => `${w.r}.firstSeen, ${w.p}.name`,
      }),
    },
  },
  Tenure: {
    scalars: ({ p, r, q }, selection) => [
      ...pick(selection, {
        title: `${q}.title`,
        firstSeen: date(`${r}.firstSeen`),
        lastSeen: date(`${r}.lastSeen`),
        evidence: `coalesce(${r}.evidence, [])`,
      }),
      ...ids(selection, { person: `${p}.name`, post: `${q}.key`, organization: `${q}.organization` }),
    ],
    fields: {
      person: inline(({ p }) => ({ n: p! })),
      post: inline(({ q }) => ({ n: q! })),
      organization: relation('Organization', false, ({ q }, w) => `MATCH (${q})-[:OF]->(${w.n}:Organization)`),
    },
  },
  Participation: {
    scalars: ({ p, r, m }, selection) => [
      ...pick(selection, { as: `${r}.as`, evidence: `coalesce(${r}.evidence, [])` }),
      ...ids(selection, { person: `${p}.name`, meeting: `${m}.key` }),
    ],
    fields: {
      person: inline(({ p }) => ({ n: p! })),
      meeting: inline(({ m }) => ({ n: m! })),
    },
  },
  Meeting: {
    scalars: ({ n }, selection) => [
      ['key', `${n}.key`],
      ...pick(selection, {
        name: `${n}.name`,
        kind: `${n}.kind`,
        form: `${n}.form`,
        date: date(`${n}.date`),
        dateEnd: date(`${n}.dateEnd`),
        attendance: `{count: ${n}.attendanceCount, approximate: coalesce(${n}.attendanceApproximate, false), mainVenue: coalesce(${n}.mainVenue, false), branchVenues: coalesce(${n}.branchVenues, false)}`,
      }),
    ],
    fields: {
      organizer: relation('Organization', false, ({ n }, w) => `MATCH (${n})<-[:CONVENED]-(${w.n}:Organization)`),
      attendees: relation(
        'Participation',
        true,
        ({ n }, w, field, b) =>
          ((w.m = n!), `MATCH (${w.p}:Person)-[${w.r}:ATTENDED]->(${n})${field.args.as ? ` WHERE ${w.r}.as = ${b.param(field.args.as)}` : ''}`),
        { vars: ['p', 'r', 'm'], order: (w) => ATTENDED_ORDER(w.r!, w.p!) },
      ),
      directives: relation('Directive', true, ({ n }, w) => `MATCH (${n})-[:ISSUED]->(${w.n}:Directive)`, { order: (w) => `${w.n}.ordinal` }),
      campaign: relation('Campaign', false, ({ n }, w) => `MATCH (${n})-[:PART_OF]->(${w.n}:Campaign)`),
      sources: relation('Bulletin', true, ({ n }, w) => `MATCH (${n})-[:REPORTED_IN]->(${w.n}:Bulletin)`, { order: (w) => `${w.n}.key` }),
      organizerEvidence: evidence(({ n }, r) => `(${n})<-[${r}:CONVENED]-(:Organization)`),
      campaignEvidence: evidence(({ n }, r) => `(${n})-[${r}:PART_OF]->(:Campaign)`),
    },
  },
  Directive: {
    scalars: ({ n }, selection) => [
      ['key', `${n}.key`],
      ...pick(selection, {
        kind: `${n}.kind`,
        ordinal: `${n}.ordinal`,
        text: `${n}.text`,
        items: `[i IN range(0, size(coalesce(${n}.items, [])) - 1) | {ordinal: i + 1, text: ${n}.items[i]}]`,
      }),
      ...ids(selection, { meeting: `${n}.meeting` }),
    ],
    fields: {
      meeting: relation('Meeting', false, ({ n }, w) => `MATCH (${n})<-[:ISSUED]-(${w.n}:Meeting)`),
      speaker: relation('Person', false, ({ n }, w) => `MATCH (${n})<-[:GAVE]-(${w.n}:Person)`),
      evidence: evidence(({ n }, r) => `(${n})<-[${r}:ISSUED]-(:Meeting)`),
    },
  },
  Campaign: {
    scalars: ({ n }) => [['name', `${n}.name`]],
    fields: {
      meetings: relation('Meeting', true, ({ n }, w) => `MATCH (${n})<-[:PART_OF]-(${w.n}:Meeting)`, { order: (w) => `${w.n}.date DESC, ${w.n}.key` }),
    },
  },
  Bulletin: {
    // The texts are long: projected only when a field that reads them is selected.
    scalars: ({ n }, selection) => {
      const entries: [string, string][] = [['key', `${n}.key`], ['source', `${n}.source`], ['title', `${n}.title`], ['contentHash', `${n}.contentHash`], ['publishedAt', date(`${n}.publishedAt`)]];
      if (selects(selection, 'text') || selects(selection, 'highlighted')) entries.push(['text', `${n}.text`]);
      if (selects(selection, 'originalText')) entries.push(['originalText', `coalesce(${n}.originalText, ${n}.text)`]);
      return entries;
    },
    fields: {
      meetings: relation('Meeting', true, ({ n }, w) => `MATCH (${n})<-[:REPORTED_IN]-(${w.n}:Meeting)`, { order: (w) => `${w.n}.date DESC, ${w.n}.key` }),
      people: relation('Person', true, ({ n }, w) => `MATCH (${n})<-[:MENTIONED_IN]-(${w.n}:Person)`, { order: (w) => `${w.n}.name` }),
    },
  },
};

/** Label and key property of the node types, for batch loads of a field by parent keys. */
export const NODE_KEYS: Record<string, [label: string, property: string]> = {
  Person: ['Person', 'name'],
  Organization: ['Organization', 'name'],
  Post: ['Post', 'key'],
  Meeting: ['Meeting', 'key'],
  Directive: ['Directive', 'key'],
  Campaign: ['Campaign', 'name'],
  Bulletin: ['Bulletin', 'key'],
};

/**
 * One field for many parents (the parents were not planned, e.g. under node(id) or search): rows
 * {key, value}, one per parent key found; `decode` each value. Null when the field has no plan.
 */
export function fieldForKeys(parentType: string, field: FieldSelection, keys: readonly string[]): PlannedQuery | null {
  const [label, prop] = NODE_KEYS[parentType] ?? [];
  if (!label) return null;
  const b = new PlanBuilder();
  let decode: Decode = identity;
  const { pre, expr } = b.scope(() => {
    const planned = b.field(parentType, { n: 'n' }, field);
    if (!planned) return '';
    decode = planned.decode;
    return planned.expr;
  });
  if (!expr) return null;
  return { cypher: `UNWIND $keys AS key MATCH (n:${label} {${prop}: key})${pre ? ` ${pre}` : ''} RETURN key, ${expr} AS value`, params: { ...b.params, keys }, decode };
}

/** Nodes by key, each projected for `selection`: rows {key, node}; `decode` each node. */
export function nodesForKeys(selection: Selection, keys: readonly string[]): PlannedQuery {
  const [label, prop] = NODE_KEYS[selection.type]!;
  const b = new PlanBuilder();
  const { pre, expr, decode } = b.root(selection, { n: 'n' });
  return { cypher: `UNWIND $keys AS key MATCH (n:${label} {${prop}: key})${pre ? ` ${pre}` : ''} RETURN key, ${expr} AS node`, params: { ...b.params, keys }, decode };
}
