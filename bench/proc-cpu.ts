// CPU time of processes and of a JVM's threads by kind, from /proc (Linux; clock ticks of 10 ms).
import { readdirSync, readFileSync } from 'node:fs';

/** User + system CPU time, in ms, from a /proc/<pid>/stat or /proc/<pid>/task/<tid>/stat line. */
function statCpuMs(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time (user + system) a process has used so far. */
export function cpuMs(pid: number): number {
  return statCpuMs(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

export type JvmThreadKind = 'JIT compiler' | 'GC and VM' | 'Bolt (statements, commits)' | 'Lucene merges' | 'other';

/** A HotSpot or Neo4j thread's kind from its name (as /proc shows it, cut to 15 characters). */
function kindOf(name: string): JvmThreadKind {
  if (/^C[12] Compiler/.test(name)) return 'JIT compiler';
  // The VM thread runs the collector's pauses (and other safepoint work).
  if (/^(GC Thread|G1 |VM Thread)/.test(name)) return 'GC and VM';
  // Bolt workers run the statements and commit them; the network threads decode what they run.
  if (/Bolt/.test(name)) return 'Bolt (statements, commits)';
  if (/^Lucene Merge/.test(name)) return 'Lucene merges';
  return 'other';
}

/**
 * CPU time so far of a JVM's live threads, by kind. A thread that ended between two readings
 * drops out of the second, so read while the work runs and compare like with like.
 */
export function jvmThreadCpuMs(pid: number): Map<JvmThreadKind, number> {
  const out = new Map<JvmThreadKind, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended
    }
    const kind = kindOf(stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
    out.set(kind, (out.get(kind) ?? 0) + statCpuMs(stat));
  }
  return out;
}
