// npm run eval: runs the extractor over the labeled set (eval/labeled) and prints precision,
// recall and F1 for people, posts, participation, meeting dates and organizers, against the floors.
//   npm run eval -- --verbose     also lists every miss and every extra, file by file
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile } from '../src/ingest/pipeline.ts';
import { FLOORS, MEASURES, prf, scoreFile, type Gold, type Measure, type Tally } from '../eval/score.ts';

const dir = fileURLToPath(new URL('../eval/labeled/', import.meta.url));
const verbose = process.argv.includes('--verbose');
const totals = Object.fromEntries(MEASURES.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<Measure, Tally>;
const started = performance.now();
let files = 0;
const failures: string[] = [];

for (const name of readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort()) {
  const gold = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Gold;
  files++;
  let result;
  try {
    result = await extractFile(join(dir, gold.file));
  } catch (error) {
    failures.push(`${gold.file}: ${(error as Error).message}`);
    for (const k of MEASURES) totals[k].fn += 0;
    continue;
  }
  const scores = scoreFile(gold, result);
  for (const k of MEASURES) {
    totals[k].tp += scores[k].tp;
    totals[k].fp += scores[k].fp;
    totals[k].fn += scores[k].fn;
  }
  if (verbose) {
    const lines = MEASURES.flatMap((k) => [
      ...scores[k].missing.map((x) => `  - ${k}: missing ${x}`),
      ...scores[k].extra.map((x) => `  + ${k}: extra   ${x}`),
    ]);
    if (lines.length) console.log(`${gold.file} (${gold.form}, ${gold.script}, ${gold.encoding})\n${lines.join('\n')}`);
  }
}

const pct = (x: number) => x.toFixed(3);
console.log(`\nLabeled set: ${files} bulletins in eval/labeled (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
console.log('measure        gold  pred    P      R      F1     floor');
let below = 0;
for (const k of MEASURES) {
  const t = totals[k];
  const { precision, recall, f1 } = prf(t);
  const floor = FLOORS[k];
  const mark = floor === undefined ? '' : f1 >= floor ? `≥ ${floor} met` : `≥ ${floor} NOT MET`;
  if (floor !== undefined && f1 < floor) below++;
  console.log(`${k.padEnd(13)} ${String(t.tp + t.fn).padStart(5)} ${String(t.tp + t.fp).padStart(5)}  ${pct(precision)}  ${pct(recall)}  ${pct(f1)}  ${mark}`);
}
for (const f of failures) console.log(`failed: ${f}`);
console.log(below ? `\n${below} measure(s) below the floor.` : '\nAll floors met.');
