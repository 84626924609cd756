// npm run bench:extract [-- --count 500 --rounds 7 --seed bench]
//
// Extraction throughput on one core: ~500 synthetic bulletins (src/gen/generate.ts, ~2,000
// characters of article text each, in the corpus' mix of forms and scripts) go through the full
// extraction (extractText: parse, normalize, segment, extract) and, for comparison, through plain
// nodejieba.cut loaded with the same dictionaries. Both are warmed up, then timed over several
// rounds in alternation; the medians and the ratio extraction / cut are printed. The floor
// is ≥ 500 bulletins/s and a ratio < 4; this prints the figures and asserts nothing.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import nodejieba from 'nodejieba';
import { generateCorpus } from '../src/gen/generate.ts';
import { extractText } from '../src/ingest/pipeline.ts';
import { loadSegmenter } from '../src/ingest/stages/segment.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '500' },
    rounds: { type: 'string', default: '7' },
    seed: { type: 'string', default: 'bench' },
  },
});
const count = Number(values.count);
const rounds = Number(values.rounds);

const files = [...generateCorpus(count, values.seed)];
const inputs = files.map((f) => ({ source: f.path, text: f.text }));
/** The article text alone (what the segmenter has to read in any pipeline). */
const articles = files.map((f) => f.truth.chars);
const meanChars = articles.reduce((s, n) => s + n, 0) / articles.length;
const meanInput = inputs.reduce((s, f) => s + f.text.length, 0) / inputs.length;

loadSegmenter();

let sink = 0;
function extractAll(): void {
  for (const f of inputs) {
    try {
      sink += extractText(f.source, f.text).people.length;
    } catch {
      sink -= 1; // a file the extractor refuses still costs its time
    }
  }
}
const bodies = inputs.map((f) => extractText(f.source, f.text).bulletin.text);
function cutInputs(): void {
  for (const f of inputs) sink += nodejieba.cut(f.text).length;
}
function cutBodies(): void {
  for (const b of bodies) sink += nodejieba.cut(b).length;
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

// Warm-up: JIT, dictionary tries, OpenCC tables.
extractAll();
cutInputs();
cutBodies();

const seconds = { extract: [] as number[], cut: [] as number[], cutBody: [] as number[] };
for (let r = 0; r < rounds; r++) {
  seconds.extract.push(time(extractAll));
  seconds.cut.push(time(cutInputs));
  seconds.cutBody.push(time(cutBodies));
}

const rate = (s: number) => count / s;
const ext = median(seconds.extract);
const cut = median(seconds.cut);
const cutBody = median(seconds.cutBody);
// The best round is the one the other processes on the machine disturbed least.
const line = (label: string, s: number, all: number[]) =>
  `  ${label.padEnd(44)} ${rate(s).toFixed(0).padStart(7)} bulletins/s   ${((s / count) * 1000).toFixed(3)} ms/bulletin` +
  `   (best round ${rate(Math.min(...all)).toFixed(0)}/s)`;
console.log(
  `bench:extract — ${count} bulletins (seed ${JSON.stringify(values.seed)}), article text ${meanChars.toFixed(0)} chars, ` +
    `input ${meanInput.toFixed(0)} chars on average; ${rounds} rounds, medians; node ${process.version}, one thread`,
);
console.log(line('extractText (full extraction)', ext, seconds.extract));
console.log(line('nodejieba.cut over the same inputs', cut, seconds.cut));
console.log(line('nodejieba.cut over the article text only', cutBody, seconds.cutBody));
const ratios = seconds.extract.map((e, r) => e / seconds.cut[r]!);
console.log(`  ratio extraction / cut (same inputs):   ${(ext / cut).toFixed(2)}   (median of per-round ratios ${median(ratios).toFixed(2)})`);
console.log(`  ratio extraction / cut (article text):  ${(ext / cutBody).toFixed(2)}`);
console.log(`  load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} CPUs`);
console.log(`  floor: ≥ 500 bulletins/s and ratio < 4 — ${rate(ext) >= 500 && ext / cut < 4 ? 'met' : 'NOT met'}`);
if (sink === Number.MIN_SAFE_INTEGER) console.log(sink); // keep the work observable
