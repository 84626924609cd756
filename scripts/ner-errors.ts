// npx tsx scripts/ner-errors.ts [--out=DIR] [learner options] — the held-out errors of the
// recognizer, to read before changing it: learns a model from the learning split as eval:ner does
// (scripts/learn-ner.ts step 1; takes the learner's options, e.g. --no-tune for a quicker look),
// prints the table, and writes per dataset profile, for each held-out sentence with an error, the
// sentence, the gold spans missed and the spans predicted wrongly, to DIR/errors-<profile>.txt
// (default: ner-errors in the system's temporary folder; dataset text never goes into the
// repository). --load=FILE scores a model saved by learn-ner.ts --save=FILE instead of learning
// one (quick, for changes to decoding). Skips with a message where ../shared/datasets is absent.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import { recognize, setLexicon, setModel, type Lexicon, type Model } from '../src/ingest/stages/recognize.ts';
import { DATASETS_DIR, datasetsPresent, evaluate, formatTable, loadCorpora } from './eval-ner.ts';
import { learnModel, prepareNameTable, textArg, useLearned } from './learn-ner.ts';

async function main(): Promise<void> {
  if (!datasetsPresent()) {
    console.log(`ner-errors skipped: the public NER datasets are not at ${DATASETS_DIR}.`);
    return;
  }
  const out = textArg('out') ?? join(tmpdir(), 'ner-errors');
  mkdirSync(out, { recursive: true });
  prepareNameTable();
  const { learn, score } = loadCorpora();
  const load = textArg('load');
  if (load) {
    const saved = deserialize(readFileSync(load)) as { model: Model; lexicon: Lexicon };
    setModel(saved.model);
    setLexicon(saved.lexicon);
  } else useLearned(learnModel(learn, { tune: !process.argv.includes('--no-tune') }));
  console.log(formatTable(evaluate(score, (c) => [c.profile])));
  for (const c of score) {
    const lines: string[] = [];
    for (const s of c.samples) {
      const pred = recognize(s.text, { profile: c.profile });
      const key = (x: { type: string; start: number; end: number }) => `${x.type}:${x.start}:${x.end}`;
      const g = new Set(s.spans.filter((x) => c.types.includes(x.type as never)).map(key));
      const p = new Set(pred.map(key));
      const missed = [...g].filter((k) => !p.has(k));
      const wrong = [...p].filter((k) => !g.has(k));
      if (!missed.length && !wrong.length) continue;
      const show = (k: string) => {
        const [t, a, b] = k.split(':');
        return `${t}[${s.text.slice(Number(a), Number(b))}]@${a}`;
      };
      lines.push(s.text, `  missed: ${missed.map(show).join(' ')}`, `  wrong:  ${wrong.map(show).join(' ')}`, '');
    }
    const file = join(out, `errors-${c.profile}.txt`);
    writeFileSync(file, lines.join('\n'));
    console.log(`wrote ${file}`);
  }
  useLearned(undefined);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
