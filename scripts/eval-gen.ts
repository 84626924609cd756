// npm run eval:gen [-- --count N --seed S --dir DIR]
// Scores the extractor on a generated corpus (src/gen/generate.ts) against the generator's own
// answers (manifest.json): people, posts (person, title, organization), roles (chair, speaker,
// attendee or mentioned), the first meeting's date and organizer. The templates are ours and the
// extractor was tuned on them, so read it as a regression check over many shapes at once (a rule
// that breaks one template shows here), not as an estimate for real bulletins (npm run eval).
// Without --dir it writes the corpus (default 1,000 bulletins, seed "bench") to a temporary folder.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prf, type Tally } from '../eval/score.ts';
import { writeCorpus, type FileTruth } from '../src/gen/generate.ts';
import { extractFile } from '../src/ingest/pipeline.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' }, seed: { type: 'string', default: 'bench' }, dir: { type: 'string' } } });
const dir = values.dir ?? mkdtempSync(join(tmpdir(), 'bg-eval-gen-'));
if (!values.dir) writeCorpus({ count: Number(values.count), out: dir, seed: values.seed });

const MEASURES = ['people', 'posts', 'roles', 'dates', 'organizers'] as const;
const tally = Object.fromEntries(MEASURES.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<(typeof MEASURES)[number], Tally>;
const count = (k: (typeof MEASURES)[number], gold: string[], predicted: string[]) => {
  const g = new Set(gold);
  const p = new Set(predicted);
  for (const x of p) g.has(x) ? tally[k].tp++ : tally[k].fp++;
  for (const x of g) if (!p.has(x)) tally[k].fn++;
};

const files = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: FileTruth[] }).files;
const started = performance.now();
let failed = 0;
for (const f of files) {
  let r;
  try {
    r = await extractFile(join(dir, f.file));
  } catch (error) {
    failed++;
    console.log(`${f.file}: ${(error as Error).message}`);
    continue;
  }
  count('people', f.people.map((p) => p.name), r.people.map((p) => p.name));
  count('posts', f.people.flatMap((p) => p.posts.map(([t, o]) => `${p.name}|${t}|${o}`)), r.people.flatMap((p) => p.posts.map((x) => `${p.name}|${x.title}|${x.organization}`)));
  count('roles', f.people.map((p) => `${p.name}|${p.role}`), r.people.map((p) => `${p.name}|${p.mentioned ? 'mentioned' : p.participation[0]?.as}`));
  count('dates', [String(f.meeting.date)], [String(r.meetings[0]?.date ?? null)]);
  count('organizers', [String(f.meeting.organizer)], [String(r.meetings[0]?.organizer ?? null)]);
}

console.log(`\nGenerated corpus: ${files.length} bulletins in ${dir} (${((performance.now() - started) / 1000).toFixed(1)} s${failed ? `, ${failed} failed` : ''})\n`);
console.log('measure        gold  pred    P      R      F1');
for (const k of MEASURES) {
  const t = tally[k];
  const { precision, recall, f1 } = prf(t);
  console.log(`${k.padEnd(13)} ${String(t.tp + t.fn).padStart(5)} ${String(t.tp + t.fp).padStart(5)}  ${precision.toFixed(3)}  ${recall.toFixed(3)}  ${f1.toFixed(3)}`);
}
if (!values.dir) rmSync(dir, { recursive: true, force: true });
