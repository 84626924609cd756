// npm run bench:ingest -- --count 10000 [--keep] [--workers N] [--batch N]
// Generates a corpus (npm run gen's generator), ingests it into a fresh embedded Neo4j with the
// real command, and prints end-to-end bulletins/s, extraction-only bulletins/s on the same files,
// nodes and relationships written, the CPU time per bulletin of the ingest process and of Neo4j
// (and of Neo4j's threads by kind: JIT compiler, GC, Bolt workers, Lucene merges),
// the ingest process's peak memory, and the graph's size on disk.
// Floors (the scale issue): ≥ 300 bulletins/s end to end at 10,000; peak memory at 100,000 no
// more than 1.2× that at 10,000 (run both counts and compare the printed peaks).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from '../src/gen/generate.ts';
import { createExtractPool, defaultWorkers } from '../src/ingest/extract-pool.ts';
import { listInputs } from '../src/ingest/inputs.ts';
import { Executor } from '../src/neo4j/executor.ts';
import { projectRoot, startEmbedded } from '../src/neo4j/server.ts';
import { cpuMs, jvmThreadCpuMs } from './proc-cpu.ts';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '10000' }, keep: { type: 'boolean' }, workers: { type: 'string' }, batch: { type: 'string' } },
});
const count = Number(values.count);
const workers = values.workers ? Number(values.workers) : defaultWorkers();
const corpus = join(projectRoot, '.artifacts', `bench-corpus-${count}`);
const home = join(projectRoot, '.neo4j', 'bench-ingest');

if (!existsSync(join(corpus, 'manifest.json'))) {
  const t = performance.now();
  writeCorpus({ count, out: corpus, seed: 'bench' });
  console.log(`generated ${count} bulletins in ${((performance.now() - t) / 1000).toFixed(1)} s: ${corpus}`);
}

// Extraction alone, same files, same number of worker threads.
const files = await listInputs([corpus]);
{
  const pool = createExtractPool(workers);
  const t = performance.now();
  const cpu = process.cpuUsage();
  const window: Promise<unknown>[] = [];
  for (const f of files) {
    window.push(pool.extract(f));
    if (window.length >= workers * 8) await window.shift();
  }
  await Promise.all(window);
  await pool.close();
  const s = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  console.log(`extraction only: ${files.length} bulletins in ${s.toFixed(1)} s = ${(files.length / s).toFixed(0)} bulletins/s (${workers} worker threads; CPU ${((used.user + used.system) / 1000 / files.length).toFixed(2)} ms per bulletin)`);
}

const neo4j = await startEmbedded({ home, boltPort: 7992, httpPort: 7982, heap: '2g', pageCache: '1g', wipeData: true });
try {
  const env = { ...process.env, NEO4J_URI: neo4j.target.uri, NEO4J_PASSWORD: '' };
  const t = performance.now();
  const child = spawn('node', [join(projectRoot, 'bin/bulletin-graph.js'), 'ingest', corpus, '--json', '--workers', String(workers), ...(values.batch ? ['--batch', values.batch] : []), '--report', join(corpus, 'report.json')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let peakKb = 0;
  let ingestCpuMs = 0;
  const neo4jCpuStart = cpuMs(neo4j.pid);
  const neo4jThreadsStart = jvmThreadCpuMs(neo4j.pid);
  const poll = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      peakKb = Math.max(peakKb, Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0));
      ingestCpuMs = cpuMs(child.pid!);
    } catch {
      // the process has ended
    }
  }, 100);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  const seconds = (performance.now() - t) / 1000;
  const summary = JSON.parse(out);
  const db = Executor.connect(neo4j.target);
  const [n] = await db.read<{ nodes: number }>({ cypher: 'MATCH (n) RETURN count(n) AS nodes', params: {} });
  const [r] = await db.read<{ rels: number }>({ cypher: 'MATCH ()-[r]->() RETURN count(r) AS rels', params: {} });
  await db.close();
  const disk = execFileSync('du', ['-sk', join(home, 'data')], { encoding: 'utf8' }).split('\t')[0];
  console.log(`end to end: ${summary.ingested} ingested, ${summary.skipped} skipped in ${seconds.toFixed(1)} s = ${(summary.total / seconds).toFixed(0)} bulletins/s (floor 300 at 10,000)`);
  console.log(`written: ${n!.nodes} nodes, ${r!.rels} relationships; graph on disk ${(Number(disk) / 1024).toFixed(0)} MiB`);
  // CPU time says more than the rate on a shared machine: what a run costs whatever else runs.
  const neo4jCpu = cpuMs(neo4j.pid) - neo4jCpuStart;
  const neo4jThreads = [...jvmThreadCpuMs(neo4j.pid)].map(([kind, ms]) => [kind, ms - (neo4jThreadsStart.get(kind) ?? 0)] as const);
  console.log(`CPU per bulletin: ingest process ${(ingestCpuMs / summary.total).toFixed(2)} ms (extraction workers included), Neo4j ${(neo4jCpu / summary.total).toFixed(2)} ms; on two idle cores that bounds the rate at ${((2 * 1000 * summary.total) / (ingestCpuMs + neo4jCpu)).toFixed(0)} bulletins/s`);
  // Where Neo4j's CPU went: on a fresh server the JIT compiling its code is much of it.
  console.log(`Neo4j CPU per bulletin by thread: ${neo4jThreads.sort((a, b) => b[1] - a[1]).map(([kind, ms]) => `${kind} ${(ms / summary.total).toFixed(2)} ms`).join(', ')}`);
  console.log(`peak memory of the ingest process: ${(peakKb / 1024).toFixed(0)} MiB (compare 100,000 with 10,000: floor ≤ 1.2×)`);
} finally {
  await neo4j.stop();
  if (!values.keep) rmSync(home, { recursive: true, force: true });
}
