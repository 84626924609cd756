// The bulletin-graph command. Each subcommand has its own --help; main() returns the exit code.
import { parseArgs } from 'node:util';
import { printSchema } from 'graphql';
import { Executor } from './neo4j/executor.ts';
import { connectTarget, ensureJars } from './neo4j/server.ts';
import { toContract } from './ingest/contract.ts';
import { writeFile } from 'node:fs/promises';
import { ingestPaths, summaryLine } from './ingest/ingest.ts';
import { listInputs } from './ingest/inputs.ts';
import { createProgress } from './ingest/progress.ts';
import { extractFile } from './ingest/pipeline.ts';
import { InputError } from './ingest/report.ts';
import { ensureSchema } from './ingest/stages/load.ts';

const HELP: Record<string, string> = {
  main: `Usage: bulletin-graph <command> [options]

Commands:
  serve                      Start Neo4j (embedded unless NEO4J_URI is set), ingest seeds/, serve GraphQL
  ingest <files|folders…>    Extract bulletins and write them into Neo4j
  extract <files…> [--json]  Print what would be written, without touching the database
  neo4j <install|start>      Fetch the embedded Neo4j's jars, or run it in the foreground
  schema                     Print the GraphQL schema (SDL)

Run 'bulletin-graph <command> --help' for a command's options.
Environment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, NEO4J_BOLT_PORT, NEO4J_HTTP_PORT,
NEO4J_HEAP, NEO4J_PAGECACHE, PORT, HOST, SEEDS, KG_API_TOKEN, CORS_ORIGINS, NODE_ENV, DEBUG (see README).`,
  serve: `Usage: bulletin-graph serve

Starts Neo4j (the embedded default, or the one NEO4J_URI names), creates constraints and indexes,
ingests every bulletin in seeds/ (SEEDS=path,path to change, SEEDS= for none), and serves
GraphQL and GraphiQL at http://localhost:4000/graphql (PORT, HOST). Ctrl-C stops both.`,
  ingest: `Usage: bulletin-graph ingest <files, folders or globs…> [options]

Reads each bulletin (.txt and .html inside folders, recursively; globs such as 'data/**/*.html'),
extracts its facts on worker threads and writes them into Neo4j in batches, one transaction per
batch. The same content again is skipped; changed content under the same file name replaces that
bulletin's facts; a rerun after an interrupted run finishes the job. A file that cannot be read
as a bulletin is reported with its reason and the rest still go in.

Options:
  --json            Print the summary as JSON (no progress output)
  --report <file>   Where to write the report of skipped and failed files (default ingest-report.json)
  --workers <n>     Extraction threads (default: one per core)
  --batch <n>       Bulletins per transaction (default 250)

Exit code: 0 when every file went in (or was unchanged), 1 when any was skipped or failed.`,
  extract: `Usage: bulletin-graph extract <files…> [--json] [--evidence]

Prints what ingest would write, without touching the database.

Options:
  --json      One JSON object per file (an array when several files): bulletin, meetings, people,
              organizations, directives, campaigns (the contract in the README)
  --evidence  Include the source sentence and offsets of every fact`,
  neo4j: `Usage: bulletin-graph neo4j <install|start>

  install   Resolve the embedded Neo4j's jars from Maven Central into neo4j/lib (needs mvn, Java 17)
  start     Run the embedded Neo4j in the foreground until Ctrl-C (ignores nothing: NEO4J_URI set
            means there is nothing to start)`,
  schema: `Usage: bulletin-graph schema

Prints the GraphQL schema in SDL.`,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP.main);
    return command ? 0 : 1;
  }
  if (!(command in HELP) || command === 'main') {
    console.error(`Unknown command '${command}'.\n\n${HELP.main}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        evidence: { type: 'boolean' },
        report: { type: 'string' },
        workers: { type: 'string' },
        batch: { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP[command]}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP[command]);
    return 0;
  }
  switch (command) {
    case 'serve': {
      const { serve, serveOptionsFromEnv } = await import('./server/main.ts');
      await serve(serveOptionsFromEnv());
      return new Promise<number>(() => {}); // runs until a signal stops it
    }
    case 'extract':
      return extract(positionals, !!values.json, !!values.evidence);
    case 'ingest':
      return ingest(positionals, {
        json: !!values.json,
        report: values.report ?? 'ingest-report.json',
        workers: values.workers === undefined ? undefined : Number(values.workers),
        batch: values.batch === undefined ? undefined : Number(values.batch),
      });
    case 'neo4j':
      return neo4jCommand(positionals[0]);
    case 'schema': {
      const { schema } = await import('./schema/index.ts');
      console.log(printSchema(schema));
      return 0;
    }
  }
  return 2;
}

async function extract(paths: string[], json: boolean, evidence: boolean): Promise<number> {
  if (paths.length === 0) {
    console.error(`extract needs at least one file.\n\n${HELP.extract}`);
    return 2;
  }
  const files = await listInputs(paths);
  const outputs: unknown[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const result = await extractFile(file);
      if (json) outputs.push(toContract(result, { evidence }));
      else {
        console.log(`${file}: ${result.bulletin.title || '(untitled)'}`);
        for (const m of result.meetings) console.log(`  meeting ${m.date ?? '????-??-??'} ${m.organizer ?? '?'} ${m.name} [${m.kind}]`);
        for (const p of result.people) {
          const posts = p.posts.map((x) => `${x.organization} ${x.title}`).join('、');
          const roles = p.participation.map((x) => x.as).join(',') || 'mentioned';
          console.log(`  person ${p.name} (${roles})${posts ? ` — ${posts}` : ''}`);
        }
        console.log(`  ${result.directives.length} directive(s), ${result.organizations.length} organization(s), campaigns: ${result.campaigns.map((c) => c.name).join('、') || 'none'}`);
      }
    } catch (error) {
      failed++;
      const reason = error instanceof InputError ? error.reason : (error as Error).message;
      console.error(`${file}: ${reason}`);
    }
  }
  if (json) console.log(JSON.stringify(outputs.length === 1 && files.length === 1 ? outputs[0] : outputs, null, 2));
  return failed ? 1 : 0;
}

interface IngestCliOptions {
  json: boolean;
  report: string;
  workers: number | undefined;
  batch: number | undefined;
}

async function ingest(paths: string[], options: IngestCliOptions): Promise<number> {
  if (paths.length === 0) {
    console.error(`ingest needs at least one file, folder or glob.\n\n${HELP.ingest}`);
    return 2;
  }
  for (const [name, value] of [['--workers', options.workers], ['--batch', options.batch]] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      console.error(`${name} takes a whole number of at least 1.\n\n${HELP.ingest}`);
      return 2;
    }
  }
  const neo4j = await connectTarget({ log: options.json ? undefined : (l) => console.error(l) });
  const executor = Executor.connect(neo4j.target);
  let exit = 0;
  // Ctrl-C: stop cleanly; what was written stays, and a rerun finishes the job.
  const interrupted = () => {
    console.error('\nInterrupted: batches written so far stay; run the same command again to finish.');
    void executor.close().finally(() => neo4j.stop().finally(() => process.exit(130)));
  };
  process.once('SIGINT', interrupted);
  try {
    await ensureSchema(executor);
    const summary = await ingestPaths(executor, paths, {
      workers: options.workers,
      batchSize: options.batch,
      progress: (total) => createProgress(total, options.json ? null : process.stderr),
      onFile: (r) => {
        if (!options.json && (r.reason || r.warning)) console.error(`${r.source}: ${r.reason ?? r.warning}`);
      },
    });
    await writeFile(options.report, JSON.stringify({ ...summary, finishedAt: new Date().toISOString() }, null, 2) + '\n');
    if (options.json) console.log(JSON.stringify(summary, null, 2));
    else {
      console.log(`${summaryLine(summary)} in ${summary.seconds.toFixed(1)} s (${(summary.total / Math.max(summary.seconds, 0.001)).toFixed(0)}/s)`);
      if (summary.problems.length) console.log(`Report of the ${summary.problems.length} file(s) not ingested: ${options.report}`);
    }
    exit = summary.skipped || summary.failed ? 1 : 0;
  } catch (error) {
    console.error(`Ingest stopped: ${(error as Error).message}\nWhat was written stays; run the same command again to finish.`);
    exit = 1;
  } finally {
    process.off('SIGINT', interrupted);
    await executor.close();
    await neo4j.stop();
  }
  return exit;
}

async function neo4jCommand(sub: string | undefined): Promise<number> {
  if (sub === 'install') {
    console.log(`Neo4j jars in ${await ensureJars((l) => console.log(l))}`);
    return 0;
  }
  if (sub === 'start') {
    const neo4j = await connectTarget({ log: (l) => console.log(l) });
    if (!neo4j.embedded) {
      console.log(`NEO4J_URI is set (${neo4j.target.uri}): nothing to start.`);
      return 0;
    }
    console.log(`Neo4j is up: ${neo4j.embedded.boltUrl}\nNeo4j Browser: ${neo4j.embedded.browserUrl}\nCtrl-C stops it.`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await neo4j.stop();
    return 0;
  }
  console.error(HELP.neo4j);
  return 2;
}
