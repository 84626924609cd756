// npm run gen -- --count N --out DIR [--seed S]
// Writes a synthetic corpus of bulletins (src/gen/generate.ts) and DIR/manifest.json with the
// ground truth of each file and the careers of the recurring officials.
import { parseArgs } from 'node:util';
import { writeCorpus } from '../src/gen/generate.ts';

const USAGE = 'Usage: npm run gen -- --count N --out DIR [--seed S] [--quiet]';

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        count: { type: 'string', short: 'n' },
        out: { type: 'string', short: 'o' },
        seed: { type: 'string', short: 's', default: '1' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const count = Number(values.count);
  if (!values.out || !Number.isInteger(count) || count < 0) {
    console.error(USAGE);
    return 2;
  }
  const started = performance.now();
  const progress = values.quiet
    ? undefined
    : (done: number) => {
        if (done % 10_000 === 0) process.stderr.write(`  ${done} files, ${((performance.now() - started) / 1000).toFixed(1)} s, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB\n`);
      };
  const summary = writeCorpus({ count, out: values.out, seed: values.seed, onProgress: progress });
  const seconds = (performance.now() - started) / 1000;
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(
    `${summary.files} files (${(summary.bytes / 2 ** 20).toFixed(1)} MiB) and manifest.json in ${values.out}: ` +
      `${summary.organizations} organizations, ${summary.officials} officials, seed ${JSON.stringify(values.seed)}, ` +
      `${seconds.toFixed(1)} s, rss ${rss.toFixed(0)} MiB`,
  );
  return 0;
}

process.exitCode = main();
