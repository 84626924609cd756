// The embedded default: a real Neo4j Community server that the project assembles from Maven Central
// (neo4j/pom.xml → neo4j/lib/*.jar) and runs as a child `java` process, unless NEO4J_URI points at a
// Neo4j of the user's own (then nothing is started).
//
// Layout of a home folder (default <root>/.neo4j/default, git-ignored):
//   conf/neo4j.conf        rewritten on every start from the options
//   data/                  the store; survives restarts (unless `wipeData`)
//   logs/console.log       the JVM's stdout/stderr, appended; also debug.log, neo4j.log from Neo4j
//   run/neo4j.pid          written (and removed on a clean stop) by Neo4j itself
//   run/owner.json         written by us: java pid, owning Node pid, ports
//
// A Neo4j still running on the same home from an earlier run is handled like this: if the Node
// process that started it is still alive, start fails with an error naming both pids (two servers
// cannot share one store); if its owner is gone (an orphan, e.g. Node was SIGKILLed), it is stopped
// (SIGTERM, then SIGKILL) and a fresh one is started with the current options. It is never reused,
// because its ports, heap and settings may differ from what was asked for.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import createDebug from 'debug';
import { DEFAULT_BOLT_PORT, DEFAULT_HTTP_PORT, externalTarget, localTarget, type Neo4jTarget } from './config.ts';
import { Executor } from './executor.ts';

const debug = createDebug('bulletin-graph:neo4j');

/** Absolute path of the repository (this file is <root>/src/neo4j/server.ts). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const neo4jProjectDir = path.join(projectRoot, 'neo4j');
export const libDir = path.join(neo4jProjectDir, 'lib');
export const defaultHome = path.join(projectRoot, '.neo4j', 'default');

const MIN_JAVA = 17;
const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';
const LIB_MARKER = '.complete';

export interface EmbeddedOptions {
  /** Home folder (conf, data, logs, run). Default <root>/.neo4j/default. */
  home?: string;
  /** Default env NEO4J_BOLT_PORT or 7687. */
  boltPort?: number;
  /** Default env NEO4J_HTTP_PORT or 7474. */
  httpPort?: number;
  /** JVM heap (-Xms and -Xmx), e.g. '512m', '2g'. Default env NEO4J_HEAP or '512m'. */
  heap?: string;
  /** server.memory.pagecache.size. Default env NEO4J_PAGECACHE or '128m'. */
  pageCache?: string;
  /** How long to wait for Bolt and HTTP to answer. Default 120000. */
  startTimeoutMs?: number;
  /** Delete HOME/data before starting (a clean graph, as the test run wants). Default false. */
  wipeData?: boolean;
  /** Progress lines for humans (the debug namespace bulletin-graph:neo4j gets them as well). */
  log?: (line: string) => void;
}

export interface EmbeddedNeo4j {
  target: Neo4jTarget;
  /** bolt://127.0.0.1:PORT */
  boltUrl: string;
  /** http://127.0.0.1:PORT */
  httpUrl: string;
  /** Neo4j Browser, preset to connect to boltUrl without a password. */
  browserUrl: string;
  home: string;
  pid: number;
  /** Milliseconds from spawning java until Bolt and HTTP answered. */
  startMs: number;
  /** Settles when the java process ends (after stop(), or if Neo4j dies on its own). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, wait up to 30 s, then SIGKILL. Safe to call more than once. */
  stop(): Promise<void>;
}

export interface ConnectedTarget {
  target: Neo4jTarget;
  embedded: EmbeddedNeo4j | null;
  stop(): Promise<void>;
}

/** External Neo4j when NEO4J_URI is set (starts nothing); otherwise the embedded default. */
export async function connectTarget(opts: EmbeddedOptions = {}): Promise<ConnectedTarget> {
  const external = externalTarget();
  if (external) {
    debug('NEO4J_URI is set: using %s, starting nothing', external.uri);
    return { target: external, embedded: null, stop: async () => {} };
  }
  await ensureJars(opts.log);
  const embedded = await startEmbedded(opts);
  return { target: embedded.target, embedded, stop: () => embedded.stop() };
}

/** The Browser URL that opens ready to connect to `boltUrl` with auth off. */
export function browserUrlFor(httpUrl: string, boltUrl: string): string {
  // Browser 5 reads `connectURL` (alias `dbms`) as the connection URL and `preselectAuthMethod`
  // (NATIVE | NO_AUTH | SSO) for its connect form, which connects at once when it is NO_AUTH.
  // bolt://127.0.0.1:PORT needs no escaping in a query string, so the URL stays readable.
  return `${httpUrl}/browser/?connectURL=${boltUrl}&preselectAuthMethod=NO_AUTH`;
}

// ---------------------------------------------------------------------------------------------
// Java and the jars

let javaChecked: Promise<{ java: string; major: number }> | undefined;

/** The java executable ($JAVA_HOME/bin/java or `java`), checked to be Java 17 or newer. */
export function checkJava(): Promise<{ java: string; major: number }> {
  javaChecked ??= (async () => {
    const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
    let output: string;
    try {
      const { stdout, stderr } = await run(java, ['-version'], { timeoutMs: 30_000 });
      output = stderr + stdout;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error(
          `Java ${MIN_JAVA} or newer is needed to run the embedded Neo4j, but \`${java}\` was not found. ` +
            'Install a JDK or JRE 17 or 21 (e.g. `apt-get install openjdk-17-jre-headless`) or set JAVA_HOME; ' +
            'or set NEO4J_URI to use a Neo4j you run yourself.',
        );
      }
      throw new Error(`\`${java} -version\` failed: ${(error as Error).message}`);
    }
    const m = /version "(\d+)(?:\.(\d+))?/.exec(output);
    if (!m) throw new Error(`Could not read the Java version from \`${java} -version\`:\n${output.trim()}`);
    const first = Number(m[1]);
    const major = first === 1 ? Number(m[2]) : first;
    if (major < MIN_JAVA) {
      throw new Error(
        `Neo4j 5 needs Java ${MIN_JAVA} or newer, but \`${java}\` is Java ${major}. ` +
          'Install a JDK or JRE 17 or 21 and put it first on PATH or set JAVA_HOME; or set NEO4J_URI.',
      );
    }
    if (major > 21) debug('Java %d: Neo4j 5.26 is only supported on Java 17 and 21', major);
    debug('java %s is Java %d', java, major);
    return { java, major };
  })();
  javaChecked.catch(() => (javaChecked = undefined));
  return javaChecked;
}

function pomVersions(pom: string): { server: string; browser: string } {
  const server = /<artifactId>neo4j<\/artifactId>\s*<version>([^<]+)<\/version>/.exec(pom)?.[1];
  const browser = /<artifactId>neo4j-browser<\/artifactId>\s*<version>([^<]+)<\/version>/.exec(pom)?.[1];
  if (!server || !browser) throw new Error('neo4j/pom.xml does not declare org.neo4j:neo4j and neo4j-browser versions');
  return { server, browser };
}

/**
 * Makes sure neo4j/lib holds the jars of neo4j/pom.xml, running Maven if not; returns the lib dir.
 * Maven copies into a temporary folder that replaces neo4j/lib only when complete, with a marker
 * holding the pom's hash, so an interrupted download or a changed pom is fetched again.
 */
export async function ensureJars(log?: (line: string) => void): Promise<string> {
  await checkJava();
  const pom = await fsp.readFile(path.join(neo4jProjectDir, 'pom.xml'), 'utf8');
  const hash = createHash('sha256').update(pom).digest('hex');
  const versions = pomVersions(pom);
  if (await jarsReady(hash, versions)) return libDir;

  const workDir = path.join(projectRoot, '.neo4j');
  await fsp.mkdir(workDir, { recursive: true });
  const release = await acquireLock(path.join(workDir, 'lib.lock'), log);
  try {
    if (await jarsReady(hash, versions)) return libDir; // another process fetched them meanwhile
    const tmp = path.join(workDir, `lib-download-${process.pid}`);
    await fsp.rm(tmp, { recursive: true, force: true });
    say(log, `Fetching Neo4j ${versions.server} jars with Maven into neo4j/lib (first run only; a cold ~/.m2 takes a few minutes)…`);
    const started = Date.now();
    const mvn = process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
    const args = ['-q', '-B', 'dependency:copy-dependencies', `-DoutputDirectory=${tmp}`, '-DincludeScope=runtime'];
    try {
      await run(mvn, args, { cwd: neo4jProjectDir, timeoutMs: 30 * 60_000 });
    } catch (error) {
      await fsp.rm(tmp, { recursive: true, force: true });
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error(
          'Maven (`mvn`) is needed once to fetch the Neo4j jars from Maven Central into neo4j/lib, but it was not found. ' +
            'Install Maven 3 (e.g. `apt-get install maven`), or set NEO4J_URI to use a Neo4j you run yourself.',
        );
      }
      const out = error as { stdout?: string; stderr?: string };
      throw new Error(
        `\`mvn ${args.join(' ')}\` failed in ${neo4jProjectDir}:\n${tail(`${out.stdout ?? ''}${out.stderr ?? ''}`, 40) || (error as Error).message}`,
      );
    }
    const serverJar = `neo4j-server-${versions.server}.jar`;
    if (!fs.existsSync(path.join(tmp, serverJar))) {
      throw new Error(`Maven finished but ${serverJar} is not among the copied jars in ${tmp}`);
    }
    await fsp.writeFile(path.join(tmp, LIB_MARKER), `${hash}\n`);
    const old = path.join(workDir, `lib-old-${process.pid}`);
    if (fs.existsSync(libDir)) await fsp.rename(libDir, old);
    await fsp.rename(tmp, libDir);
    await fsp.rm(old, { recursive: true, force: true });
    const count = (await fsp.readdir(libDir)).filter((f) => f.endsWith('.jar')).length;
    say(log, `Fetched ${count} jars in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return libDir;
  } finally {
    await release();
  }
}

async function jarsReady(hash: string, versions: { server: string; browser: string }): Promise<boolean> {
  const marker = await fsp.readFile(path.join(libDir, LIB_MARKER), 'utf8').catch(() => null);
  if (marker !== null) return marker.trim() === hash;
  // A lib folder filled by hand (`mvn dependency:copy-dependencies` as in the pom's comment):
  // accept it when it holds the pom's versions, and mark it.
  const needed = [`neo4j-server-${versions.server}.jar`, `neo4j-browser-${versions.browser}.jar`];
  if (!needed.every((jar) => fs.existsSync(path.join(libDir, jar)))) return false;
  await fsp.writeFile(path.join(libDir, LIB_MARKER), `${hash}\n`).catch(() => {});
  return true;
}

async function acquireLock(lock: string, log?: (line: string) => void): Promise<() => Promise<void>> {
  const deadline = Date.now() + 40 * 60_000;
  let told = false;
  for (;;) {
    try {
      await fsp.mkdir(lock);
      await fsp.writeFile(path.join(lock, 'pid'), String(process.pid));
      return () => fsp.rm(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(await fsp.readFile(path.join(lock, 'pid'), 'utf8').catch(() => '0'));
    const age = Date.now() - ((await fsp.stat(lock).catch(() => null))?.mtimeMs ?? 0);
    if ((holder > 0 && !isAlive(holder)) || age > 35 * 60_000) {
      debug('removing stale lock %s (holder %d)', lock, holder);
      await fsp.rm(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock} (held by pid ${holder})`);
    if (!told) say(log, `Waiting for process ${holder}, which is fetching the Neo4j jars…`);
    told = true;
    await sleep(1000);
  }
}

// ---------------------------------------------------------------------------------------------
// The server

// Like the flags the neo4j launcher passes (minus profiling and pre-touch), accepted by Java 17 and 21.
const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
  // The JIT's second tier (C2) for the hottest methods only: on two cores its compiling is most of
  // a fresh server's warm-up (JFR: 27,000 methods compiled, 69 s of compile time in a 67 s load),
  // paid by every write behind it. Paired on a quiet machine (bench:ingest, 10,000 bulletins):
  // 196 and 199 bulletins/s with these (20 times the default), 178-183 with the default, 166 with
  // 100 times the default, 146-166 with the first tier alone. NEO4J_JVM_OPTS can set them back.
  '-XX:Tier4InvocationThreshold=100000',
  '-XX:Tier4MinInvocationThreshold=60000',
  '-XX:Tier4CompileThreshold=120000',
  '-XX:Tier4BackEdgeThreshold=1000000',
];

function neo4jConf(home: string, o: { boltPort: number; httpPort: number; pageCache: string }): string {
  const dir = (name: string) => path.join(home, name).replaceAll('\\', '/');
  return [
    '# Written by bulletin-graph (src/neo4j/server.ts) on every start: edits here are overwritten.',
    '# Heap is set with -Xms/-Xmx on the java command line (server.memory.heap.* and',
    '# server.jvm.additional only apply to the neo4j launcher script, which is not used).',
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${o.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${o.boltPort}`,
    `server.http.listen_address=127.0.0.1:${o.httpPort}`,
    `server.http.advertised_address=127.0.0.1:${o.httpPort}`,
    'server.https.enabled=false',
    'dbms.security.auth_enabled=false',
    `server.directories.data=${dir('data')}`,
    `server.directories.logs=${dir('logs')}`,
    `server.directories.run=${dir('run')}`,
    `server.directories.import=${dir('import')}`,
    `server.memory.pagecache.size=${o.pageCache}`,
    '# Keep transaction logs small: no preallocated 256 MB files, nothing kept beyond recovery.',
    'db.tx_log.rotation.size=64M',
    'db.tx_log.preallocate=false',
    'db.tx_log.rotation.retention_policy=keep_none',
    'dbms.usage_report.enabled=false',
    'client.allow_telemetry=false',
    '# Neo4j Browser: fetch guides and remote content from nowhere but this machine.',
    'browser.remote_content_hostname_whitelist=localhost',
    '# Bolt shutdown otherwise idles 2 × 5 s in Netty quiet periods.',
    'internal.dbms.bolt.netty_server_shutdown_quiet_period=0',
    '# A bulk ingest changes the statistics every few seconds, and with the default (10s) each write',
    '# statement was planned again and again (spikes of 0.5-1.5 s per batch). Our statements anchor on',
    '# unique keys, so their plans do not depend on the statistics.',
    'dbms.cypher.min_replan_interval=5m',
    '# Full-text indexes merge their Lucene segments ten at a time, not two (Neo4j 5.26 default):',
    '# each commit adds a segment, and with two every text was rewritten again and again (merging',
    '# was 7 % of Neo4j CPU in an ingest, and much of its JIT work). A search reads a few more',
    '# segments. An internal setting of the pinned version (neo4j/pom.xml).',
    'internal.dbms.index.lucene.merge_factor=10',
    // More settings, one per line or separated by ';' (e.g. dbms.cypher.min_replan_interval=60s).
    ...(process.env.NEO4J_SETTINGS ?? '').split(/[;\n]/).map((l) => l.trim()).filter(Boolean),
    '',
  ].join('\n');
}

interface Running {
  child: ChildProcess;
  exited: Promise<void>;
}

const running = new Set<Running>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort when the owner did not call stop(): ask Neo4j to shut down cleanly on its own.
  process.on('exit', () => {
    for (const r of running) {
      try {
        if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGTERM');
      } catch {
        /* already gone */
      }
    }
  });
}

/** Starts Neo4j Community on HOME and waits until Bolt and HTTP answer. */
export async function startEmbedded(opts: EmbeddedOptions = {}): Promise<EmbeddedNeo4j> {
  const home = path.resolve(opts.home ?? defaultHome);
  const boltPort = opts.boltPort ?? envPort('NEO4J_BOLT_PORT', DEFAULT_BOLT_PORT);
  const httpPort = opts.httpPort ?? envPort('NEO4J_HTTP_PORT', DEFAULT_HTTP_PORT);
  const heap = memorySize('heap', opts.heap ?? process.env.NEO4J_HEAP ?? '512m');
  const pageCache = memorySize('page cache', opts.pageCache ?? process.env.NEO4J_PAGECACHE ?? '128m');
  const timeoutMs = opts.startTimeoutMs ?? 120_000;
  const log = opts.log;
  if (boltPort === httpPort) throw new Error(`Bolt and HTTP ports must differ (both are ${boltPort})`);

  const { java } = await checkJava();
  const lib = await ensureJars(log);

  await stopOrphans(home, log);
  if (opts.wipeData) await fsp.rm(path.join(home, 'data'), { recursive: true, force: true });
  await assertPortFree(boltPort, 'NEO4J_BOLT_PORT');
  await assertPortFree(httpPort, 'NEO4J_HTTP_PORT');

  for (const sub of ['conf', 'data', 'logs', 'run', 'import']) await fsp.mkdir(path.join(home, sub), { recursive: true });
  await fsp.writeFile(path.join(home, 'conf', 'neo4j.conf'), neo4jConf(home, { boltPort, httpPort, pageCache }));
  await fsp.rm(path.join(home, 'run', 'neo4j.pid'), { force: true }); // a leftover from an unclean stop

  const consoleLog = path.join(home, 'logs', 'console.log');
  await fsp.appendFile(consoleLog, `\n===== bulletin-graph starting Neo4j at ${new Date().toISOString()} =====\n`);
  const logOffset = (await fsp.stat(consoleLog)).size;
  const fd = fs.openSync(consoleLog, 'a');

  const args = [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    ...JVM_FLAGS,
    // Extra flags for the embedded server's JVM (e.g. a collector or compiler setting), space-separated.
    ...(process.env.NEO4J_JVM_OPTS ?? '').split(/\s+/).filter(Boolean),
    '-cp',
    path.join(lib, '*'),
    ENTRY_POINT,
    `--home-dir=${home}`,
    `--config-dir=${path.join(home, 'conf')}`,
    '--console-mode',
  ];
  const env = { ...process.env };
  delete env.NEO4J_HOME;
  delete env.NEO4J_CONF;
  debug('spawning %s %s', java, args.join(' '));
  say(log, `Starting Neo4j (home ${displayPath(home)}, bolt ${boltPort}, http ${httpPort}, heap ${heap})…`);
  const spawnedAt = Date.now();
  // Same process group as Node (not detached): Ctrl-C in a terminal reaches Neo4j too.
  const child = spawn(java, args, { cwd: home, env, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  const spawnError = new Promise<Error>((resolve) =>
    child.on('error', (error) => {
      debug('java process error: %s', error.message);
      resolve(error);
    }),
  );
  const exitInfo = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const exited = exitInfo.then(() => {});
  const entry: Running = { child, exited };
  running.add(entry);
  installExitHook();
  void exitInfo.then(({ code, signal }) => {
    running.delete(entry);
    debug('Neo4j pid %d exited (%s)', child.pid, signal ? `signal ${signal}` : `code ${code}`);
  });
  const pid = child.pid;
  if (pid === undefined) {
    running.delete(entry);
    throw new Error(`Could not start ${java}: ${(await spawnError).message}`);
  }
  await fsp.writeFile(
    path.join(home, 'run', 'owner.json'),
    JSON.stringify({ javaPid: pid, ownerPid: process.pid, boltPort, httpPort, startedAt: new Date().toISOString() }, null, 2) + '\n',
  );

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        debug('stopping Neo4j pid %d', pid);
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        const done = await Promise.race([
          exited.then(() => true),
          new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 30_000))),
        ]);
        clearTimeout(timer);
        if (!done) {
          debug('Neo4j pid %d did not stop within 30 s: SIGKILL', pid);
          child.kill('SIGKILL');
          await exited;
        }
      }
      running.delete(entry);
      await fsp.rm(path.join(home, 'run', 'owner.json'), { force: true });
      debug('Neo4j pid %d stopped', pid);
    })();
    return stopping;
  };

  const target = localTarget(boltPort);
  const boltUrl = target.uri;
  const httpUrl = `http://127.0.0.1:${httpPort}`;
  try {
    await waitUntilReady({ target, httpUrl, boltPort, httpPort, child, exited, spawnError, timeoutMs });
  } catch (error) {
    await stop();
    const logTail = tail(await readFrom(consoleLog, logOffset), 30);
    throw new Error(
      `${(error as Error).message}\n--- last lines of ${consoleLog} ---\n${logTail || '(empty)'}\n--- see also ${path.join(home, 'logs', 'debug.log')}`,
      { cause: error },
    );
  }
  const startMs = Date.now() - spawnedAt;
  const browserUrl = browserUrlFor(httpUrl, boltUrl);
  say(log, `Neo4j ready in ${(startMs / 1000).toFixed(1)} s: ${boltUrl}, Browser ${browserUrl}`);
  return { target, boltUrl, httpUrl, browserUrl, home, pid, startMs, exited: exitInfo, stop };
}

async function waitUntilReady(o: {
  target: Neo4jTarget;
  httpUrl: string;
  boltPort: number;
  httpPort: number;
  child: ChildProcess;
  exited: Promise<void>;
  spawnError: Promise<Error>;
  timeoutMs: number;
}): Promise<void> {
  const deadline = Date.now() + o.timeoutMs;
  let failure: Error | undefined;
  void o.spawnError.then((e) => (failure = new Error(`Could not run java: ${e.message}`)));
  void o.exited.then(() => {
    failure ??= new Error(
      `Neo4j exited while starting (${o.child.signalCode ? `signal ${o.child.signalCode}` : `exit code ${o.child.exitCode}`})`,
    );
  });
  const check = () => {
    if (failure) throw failure;
    if (Date.now() > deadline) {
      throw new Error(`Neo4j was not ready (Bolt port ${o.boltPort}, HTTP port ${o.httpPort}) within ${o.timeoutMs / 1000} s`);
    }
  };
  // 1. the Bolt port accepts connections (cheap to poll)
  while (!(await canConnect(o.boltPort))) {
    check();
    await sleep(200);
  }
  // 2. the default database answers a query
  const executor = Executor.connect(o.target);
  try {
    for (;;) {
      check();
      if (await executor.ping()) {
        try {
          await executor.read({ cypher: 'RETURN 1 AS ok', params: {} });
          break;
        } catch (error) {
          debug('not ready yet: %s', (error as Error).message);
        }
      }
      await sleep(250);
    }
  } finally {
    await executor.close();
  }
  // 3. HTTP (Neo4j Browser) answers: it opens just after Bolt
  for (;;) {
    check();
    try {
      const res = await fetch(`${o.httpUrl}/`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      /* not yet */
    }
    await sleep(200);
  }
}

/** A Neo4j java process running on `home`, by pid (owner.json, run/neo4j.pid, and on Linux /proc). */
export function findNeo4jOnHome(home: string): { pid: number; ownerPid: number | null }[] {
  home = path.resolve(home);
  const candidates = new Set<number>();
  let owner: { javaPid?: number; ownerPid?: number } = {};
  try {
    owner = JSON.parse(fs.readFileSync(path.join(home, 'run', 'owner.json'), 'utf8'));
    if (owner.javaPid) candidates.add(owner.javaPid);
  } catch {
    /* none */
  }
  const pidFile = Number(readText(path.join(home, 'run', 'neo4j.pid')).trim());
  if (pidFile > 0) candidates.add(pidFile);
  if (process.platform === 'linux') {
    for (const name of safeReaddir('/proc')) if (/^\d+$/.test(name)) candidates.add(Number(name));
  }
  const found: { pid: number; ownerPid: number | null }[] = [];
  for (const pid of candidates) {
    const args = processArgs(pid);
    if (args && args.includes(ENTRY_POINT) && args.includes(`--home-dir=${home}`)) {
      found.push({ pid, ownerPid: owner.javaPid === pid && owner.ownerPid ? owner.ownerPid : null });
    }
  }
  return found;
}

async function stopOrphans(home: string, log?: (line: string) => void): Promise<void> {
  for (const { pid, ownerPid } of findNeo4jOnHome(home)) {
    const ownerAlive = ownerPid !== null && isAlive(ownerPid) && /node|tsx|vitest/.test((processArgs(ownerPid) ?? ['node']).join(' '));
    if (ownerAlive) {
      throw new Error(
        `Neo4j is already running on ${home} (java pid ${pid}, started by ${ownerPid === process.pid ? 'this process' : `process ${ownerPid}`}). ` +
          'Stop that process first, or point NEO4J_URI at its Bolt port to share it.',
      );
    }
    say(log, `Stopping a Neo4j left running on ${home} by an earlier run (pid ${pid})…`);
    await killAndWait(pid);
  }
}

async function killAndWait(pid: number): Promise<void> {
  const gone = async (ms: number) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (!isAlive(pid)) return true;
      await sleep(100);
    }
    return !isAlive(pid);
  };
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  if (await gone(30_000)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  if (!(await gone(10_000))) throw new Error(`Could not stop the earlier Neo4j (pid ${pid})`);
}

async function assertPortFree(port: number, envName: string): Promise<void> {
  const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    const server = net.createServer();
    server.once('error', (e: NodeJS.ErrnoException) => resolve(e));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(null)));
  });
  if (!error) return;
  if (error.code === 'EADDRINUSE') {
    throw new Error(
      `port ${port} is taken; set ${envName} to a free port (another Neo4j or program listens on ${port}), ` +
        'or set NEO4J_URI to use a Neo4j that is already running',
    );
  }
  throw new Error(`cannot listen on 127.0.0.1:${port} (${error.code ?? error.message}); set ${envName} to another port`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function envPort(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name}=${raw} is not a port number`);
  return port;
}

function memorySize(what: string, value: string): string {
  const v = value.trim();
  if (!/^\d+[kmgKMG]?$/.test(v)) throw new Error(`Neo4j ${what} size "${value}" should look like 512m or 2g`);
  return v.toLowerCase();
}

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

function say(log: ((line: string) => void) | undefined, line: string): void {
  debug(line);
  log?.(line);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a process, split into arguments (approximately, off Linux). */
function processArgs(pid: number): string[] | null {
  if (process.platform === 'linux') {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      return null;
    }
  }
  if (!isAlive(pid)) return null;
  try {
    // macOS and friends: no /proc
    const out = execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return out ? out.split(/\s+/) : null;
  } catch {
    return null;
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

async function readFrom(file: string, offset: number): Promise<string> {
  try {
    const handle = await fsp.open(file, 'r');
    try {
      const { size } = await handle.stat();
      const start = Math.max(offset, size - 64 * 1024);
      const buffer = Buffer.alloc(Math.max(0, size - start));
      await handle.read(buffer, 0, buffer.length, start);
      return buffer.toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return '';
  }
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function run(
  cmd: string,
  args: string[],
  o: { cwd?: string; timeoutMs: number },
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { cwd: o.cwd, timeout: o.timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', shell: process.platform === 'win32' },
      (error, stdout, stderr) => {
        if (error) reject(Object.assign(error, { stdout, stderr }));
        else resolve({ stdout, stderr });
      },
    );
  });
}
