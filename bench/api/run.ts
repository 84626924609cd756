// npm run bench:api [-- --count 10000 --duration 10 --connections 8 --quick]
//
// Loads a synthetic corpus (src/gen/generate.ts; kept in .neo4j/bench-api-corpus-N and loaded
// once into the embedded Neo4j at .neo4j/bench-api, bolt 7790, http 7576), starts our server and
// a @neo4j/graphql server over the same Neo4j (each in its own process, 127.0.0.1 only), and runs
// five dashboard-shaped operations against each with autocannon (in 4 rounds that take turns). For each operation it prints
// requests/s and p50/p99 latency for both and the ratio (floor: ours ≥ 1.5×), then the time of one
// request at a time (p50) for our API against the same data fetched with hand-written Cypher
// through the driver alone (floor: ours ≤ 1.3×; in executeRead, and also shown in auto-commit
// transactions as our server reads). Without --quick it also measures our server
// loading level by level (one round trip per level, the dataloader way) instead of one planned
// Cypher per root field. Every run is bounded: ~10 s per autocannon run, ~5 s per timing loop.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import neo4j, { type Driver } from 'neo4j-driver';
import { writeCorpus } from '../../src/gen/generate.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { ensureSchema } from '../../src/ingest/stages/load.ts';
// The driver's per-query stack capture stays off for the baseline too, as in our executor's reads.
import { Executor, withoutStackCapture } from '../../src/neo4j/executor.ts';
import { fulltextStatements } from '../../src/neo4j/fulltext.ts';
import { projectRoot, startEmbedded } from '../../src/neo4j/server.ts';
import { operations, type BenchParams, type Operation } from './operations.ts';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8' },
    timing: { type: 'string', default: '5' },
    quick: { type: 'boolean', default: false },
  },
});
const COUNT = Number(args.count);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const TIMING = Number(args.timing);
const ROUNDS = 4;
const BOLT_PORT = 7790;
const HTTP_PORT = 7576;
const PORTS = { ours: 4790, 'ours-levels': 4791, 'neo4j-graphql': 4792 } as const;
type ServerKind = keyof typeof PORTS;

const say = (line = '') => process.stdout.write(`${line}\n`);
const home = path.join(projectRoot, '.neo4j', 'bench-api');
const corpus = path.join(projectRoot, '.neo4j', `bench-api-corpus-${COUNT}-${args.seed}`);
const marker = path.join(home, 'bench-corpus.json');
/** What ingest writes; a graph loaded by another version is loaded again. 2: Month, CO_ATTENDED. */
const LOAD_VERSION = 2;

async function main() {
  if (!existsSync(path.join(corpus, 'manifest.json'))) {
    say(`Generating ${COUNT} bulletins into ${path.relative(projectRoot, corpus)} …`);
    writeCorpus({ count: COUNT, out: corpus, seed: args.seed });
  }
  say(`Starting Neo4j (home ${path.relative(projectRoot, home)}, bolt ${BOLT_PORT}, http ${HTTP_PORT}) …`);
  const server = await startEmbedded({ home, boltPort: BOLT_PORT, httpPort: HTTP_PORT, heap: '2g', pageCache: '1g' });
  const children: ChildProcess[] = [];
  const driver = neo4j.driver(server.boltUrl, neo4j.auth.basic('neo4j', ''), { disableLosslessIntegers: true });
  try {
    const executor = Executor.connect(server.target);
    await load(executor);
    const params = await chooseParams(executor);
    await executor.close();
    say('Ours reads what ingest keeps for it (meetings linked to Month nodes, CO_ATTENDED counts per pair of people);');
    say('@neo4j/graphql reads the raw relations (its type definitions, bench/api/neo4j-graphql.ts); the hand-written Cypher reads what ours reads.');
    say(`Parameters: organization ${params.organization}, person ${params.person}, search “${params.text}”, months ${params.from}…${params.to}`);

    const kinds: ServerKind[] = args.quick ? ['ours', 'neo4j-graphql'] : ['ours', 'neo4j-graphql', 'ours-levels'];
    for (const kind of kinds) children.push(await startServer(kind, server.boltUrl));

    const results: Row[] = [];
    for (const op of operations(params)) results.push(await measure(op, kinds, driver));
    report(results, kinds);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await driver.close();
    await server.stop();
  }
}

async function load(executor: Executor) {
  const [existing] = await executor.read<{ bulletins: number }>({ cypher: 'MATCH (b:Bulletin) RETURN count(b) AS bulletins', params: {} });
  const bulletins = existing?.bulletins ?? 0;
  const expected = existsSync(marker) ? (JSON.parse(readFileSync(marker, 'utf8')) as { corpus: string; bulletins: number; load?: number }) : null;
  if (expected && expected.corpus === path.basename(corpus) && expected.bulletins === bulletins && expected.load === LOAD_VERSION) {
    say(`Corpus already loaded: ${bulletins} bulletins.`);
    return;
  }
  say('Loading the corpus (once; later runs reuse it) …');
  for (;;) {
    const [row] = await executor.write<{ n: number }>({ cypher: 'MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n', params: {} });
    if (!row || row.n === 0) break;
  }
  await ensureSchema(executor);
  for (const s of fulltextStatements()) await executor.write(s);
  const started = performance.now();
  const summary = await ingestPaths(executor, [corpus]);
  await executor.write({ cypher: 'CALL db.awaitIndexes(600)', params: {} });
  const [after] = await executor.read<{ loaded: number }>({ cypher: 'MATCH (b:Bulletin) RETURN count(b) AS loaded', params: {} });
  const loaded = after?.loaded ?? 0;
  say(`Loaded ${loaded} bulletins (${summary.skipped + summary.failed} not loaded) in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  writeFileSync(marker, JSON.stringify({ corpus: path.basename(corpus), bulletins: loaded, load: LOAD_VERSION }));
}

async function chooseParams(executor: Executor): Promise<BenchParams> {
  const [org] = await executor.read<{ name: string }>({
    cypher: 'MATCH (o:Organization)-[:CONVENED]->(m:Meeting) WITH o, count(m) AS c ORDER BY c DESC, o.name LIMIT 1 RETURN o.name AS name',
    params: {},
  });
  // A person with many meetings, not the single busiest: the 20th by meetings attended.
  const [person] = await executor.read<{ name: string }>({
    cypher: 'MATCH (p:Person)-[:ATTENDED]->(m:Meeting) WITH p, count(m) AS c ORDER BY c DESC, p.name SKIP 19 LIMIT 1 RETURN p.name AS name',
    params: {},
  });
  // Whole months: from the first day of the first month with meetings to the last day of the last.
  const [range] = await executor.read<{ from: string; to: string }>({
    cypher: `MATCH (m:Meeting) WHERE m.date IS NOT NULL WITH min(m.date) AS first, max(m.date) AS last
RETURN toString(date.truncate('month', first)) AS from, toString(date.truncate('month', last) + duration('P1M') - duration('P1D')) AS to`,
    params: {},
  });
  return { organization: org!.name, person: person!.name, text: person!.name, from: range!.from, to: range!.to };
}

function startServer(kind: ServerKind, bolt: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(projectRoot, 'bench', 'api', 'serve.ts'), [kind, String(PORTS[kind]), bolt], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start`)), 60_000);
    child.once('message', () => {
      clearTimeout(timer);
      resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

interface Row {
  name: string;
  sizes: Record<string, number>;
  load: Partial<Record<ServerKind, Measured>>;
  /** Median milliseconds of one request at a time. */
  time: { ours: number; cypher: number; autoCommit: number };
}

const body = (kind: ServerKind, op: Operation) => JSON.stringify(kind === 'neo4j-graphql' ? op.neo4jGraphql : op.ours);
const urlOf = (kind: ServerKind) => `http://127.0.0.1:${PORTS[kind]}/graphql`;

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One POST over a kept-alive connection (node:http: less client overhead than fetch), the body as text. */
function postRaw(kind: ServerKind, op: Operation): Promise<string> {
  const payload = body(kind, op);
  return new Promise((resolve, reject) => {
    const req = http.request(urlOf(kind), { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function post(kind: ServerKind, op: Operation): Promise<any> {
  const res = await fetch(urlOf(kind), { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(kind, op) });
  const json = (await res.json()) as { data?: unknown; errors?: unknown };
  if (json.errors) throw new Error(`${kind} ${op.name}: ${JSON.stringify(json.errors).slice(0, 500)}`);
  return json.data;
}

async function cannon(kind: ServerKind, op: Operation, duration: number): Promise<Measured> {
  const result = await autocannon({
    url: urlOf(kind),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body(kind, op),
    connections: CONNECTIONS,
    duration,
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/**
 * Median ms of each of `fns` called one at a time, alternating between them for `seconds` (so a
 * load spike on the shared machine hits both alike).
 */
async function timeLoops(fns: (() => Promise<unknown>)[], seconds: number): Promise<number[]> {
  const samples: number[][] = fns.map(() => []);
  for (let i = 0; i < 20; i++) for (const fn of fns) await fn(); // warm up
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    for (const [i, fn] of fns.entries()) {
      const t = performance.now();
      await fn();
      samples[i]!.push(performance.now() - t);
    }
  }
  return samples.map((s) => {
    s.sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)]!;
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The hand-written Cypher in a managed read transaction (executeRead, the driver's way for reads): the floor's baseline. */
async function runCypher(driver: Driver, op: Operation) {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => (await withoutStackCapture(() => tx.run(op.cypher.cypher, op.cypher.params))).records.map((r) => r.toObject()));
  } finally {
    await session.close();
  }
}

/**
 * The same in an auto-commit transaction, as our server reads (one round trip instead of two):
 * printed beside the baseline so that the round trip our server saves is not taken for less overhead.
 */
async function runCypherAutoCommit(driver: Driver, op: Operation) {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return (await withoutStackCapture(() => session.run(op.cypher.cypher, op.cypher.params))).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

async function measure(op: Operation, kinds: ServerKind[], driver: Driver): Promise<Row> {
  say(`\n${op.name}`);
  const sizes: Record<string, number> = {};
  for (const kind of kinds) sizes[kind] = kind === 'neo4j-graphql' ? op.size.neo4jGraphql(await post(kind, op)) : op.size.ours(await post(kind, op));
  sizes.cypher = op.size.cypher(await runCypher(driver, op));
  say(`  items: ${Object.entries(sizes).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  // ROUNDS short runs per server, the servers taking turns in a rotating order, so that other
  // work on the machine weighs on each alike; requests/s over all rounds, median p50/p99.
  const rounds: Record<string, Measured[]> = Object.fromEntries(kinds.map((k) => [k, []]));
  for (const kind of kinds) await cannon(kind, op, 2); // warm up
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[(i + round) % kinds.length]!;
      rounds[kind]!.push(await cannon(kind, op, DURATION / ROUNDS));
    }
  }
  const load: Row['load'] = {};
  for (const kind of kinds) {
    const runs = rounds[kind]!;
    const m = (load[kind] = {
      rps: runs.reduce((n, r) => n + r.rps, 0) / runs.length,
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      errors: runs.reduce((n, r) => n + r.errors, 0),
    });
    say(`  ${kind.padEnd(14)} ${m.rps.toFixed(0).padStart(6)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms${m.errors ? `  (${m.errors} errors)` : ''}`);
  }
  const [ours, cypher, autoCommit] = (await timeLoops([() => postRaw('ours', op), () => runCypher(driver, op), () => runCypherAutoCommit(driver, op)], TIMING * 2)) as [number, number, number];
  say(`  one at a time: ours ${ours.toFixed(2)} ms, hand-written Cypher ${cypher.toFixed(2)} ms (auto-commit ${autoCommit.toFixed(2)} ms)`);
  return { name: op.name, sizes, load, time: { ours, cypher, autoCommit } };
}

function report(rows: Row[], kinds: ServerKind[]) {
  say(`\n${COUNT} bulletins, ${CONNECTIONS} connections, ${DURATION} s per run (requests/s; p50/p99 ms)`);
  const head = ['operation', 'ours', '@neo4j/graphql', 'ratio', ...(kinds.includes('ours-levels') ? ['levels'] : []), 'ours 1×1', 'Cypher 1×1', 'time ratio', 'auto-commit 1×1', 'ratio to it'];
  const lines = rows.map((r) => {
    const o = r.load.ours!;
    const n = r.load['neo4j-graphql']!;
    const l = r.load['ours-levels'];
    return [
      r.name,
      `${o.rps.toFixed(0)} (${o.p50}/${o.p99})`,
      `${n.rps.toFixed(0)} (${n.p50}/${n.p99})`,
      `${(o.rps / n.rps).toFixed(2)}×`,
      ...(l ? [`${l.rps.toFixed(0)} (${l.p50}/${l.p99})`] : []),
      `${r.time.ours.toFixed(2)} ms`,
      `${r.time.cypher.toFixed(2)} ms`,
      `${(r.time.ours / r.time.cypher).toFixed(2)}×`,
      `${r.time.autoCommit.toFixed(2)} ms`,
      `${(r.time.ours / r.time.autoCommit).toFixed(2)}×`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  say(fmt(head));
  for (const l of lines) say(fmt(l));
  const throughput = rows.every((r) => r.load.ours!.rps >= 1.5 * r.load['neo4j-graphql']!.rps);
  const time = rows.every((r) => r.time.ours <= 1.3 * r.time.cypher);
  say(`\nFloor ≥ 1.5× @neo4j/graphql throughput on every operation: ${throughput ? 'met' : 'NOT met'}`);
  say(`Floor ≤ 1.3× the hand-written Cypher time on every operation: ${time ? 'met' : 'NOT met'}`);
  say('(The hand-written Cypher runs in executeRead; ours reads in auto-commit transactions, one round trip fewer: the last two columns compare like with like.)');
  process.exitCode = throughput && time ? 0 : 1;
}

await main();
