// npm run learn:ner — learns the character tagger in src/ingest/stages/recognize.ts (a structured
// averaged perceptron over hashed features, BMES tags for PER/TITLE/ORG/LOC, Viterbi decoding) from
// the public NER data in ../shared/datasets, in two steps:
//   1. measuring: vocabularies, entity biases and weights learned from the learning split alone
//      (see loadCorpora in eval-ner.ts), scored on the held-out split, which it never saw;
//   2. the shipped model: the same learned from all the data, with the biases tuned in step 1, and
//      written to src/ingest/dict/learned/.
// npm run eval:ner repeats step 1 alone (the shipped model cannot be scored on text it learned from).
//
// Each corpus has its own annotation conventions, so every feature has a shared weight and one per
// corpus ("profile"); a share of sentences (--drop) is learned with the shared weights alone so that
// those stand as the general model. Where a corpus does not annotate a type (People's Daily: posts;
// CLUENER: places), at positions outside its annotated spans O and that type's tags are all taken
// as right (the learner follows the best-scoring such path).
//
// Vocabularies learned (post titles, organization endings, names of people and organizations seen;
// the names are kept only as hashes) are counted in five folds: a sentence is learned with what
// the other folds saw, so that the tagger learns how far to trust a name it has not seen in that
// very sentence.
//
// Options: --epochs=N (16) --bits=B (hash table of 2^B buckets, 20) --drop=P (0.3) --seed=S (1)
//          --runs=R (learning runs with their own seeds whose weights are averaged, 1)
//          --fdrop=P (share of feature templates left out of each step, 0) --min-count=C (features
//          seen fewer times learn nothing, 1) --shared-only=a,b (profiles without weights of their
//          own; by default the tuning decides) --no-tune --measure-only (step 1 only, nothing
//          written) --ship-only (step 2 only) --dry (do not write) --eval (also score the default
//          profile in step 1) --pd=N (learn each People's Daily sentence N times, 1)
//          --pd-frac=F (learn from that share of People's Daily's learning split, 1; for
//          learning curves) --save=FILE (write the model of step 1 and its vocabulary to FILE,
//          v8-serialized, for scripts/ner-errors.ts --load=FILE) --aug=N / --aug-pd=N / --aug-clue=N
//          (mention-replacement copies of People's Daily and CLUENER sentences, see ner-augment.ts)
//          --aug-types=PER,ORG (PER) --synth=P (share of made-up names among replacements, 0.5).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serialize } from 'node:v8';
import { gzipSync } from 'node:zlib';
import {
  ENTITY_TYPES,
  MODEL_META,
  LEARNED_ORG_SUFFIXES,
  LEARNED_TITLES,
  LEX_ORG_SUFFIX,
  LEX_TITLE,
  LEX_NAME,
  LEX_ORG,
  LEARNED_KNOWN,
  lexiconKeys,
  encodeLexiconKeys,
  type LexiconKeys,
  MODEL_WEIGHTS,
  NAME_CHARS,
  buildLexicon,
  projectLexiconEntries,
  setLexicon,
  type Lexicon,
  NF,
  NT,
  PROFILES,
  emissions,
  decodeEmissions,
  encode,
  features,
  setModel,
  setNameTable,
  tagB,
  tagE,
  tagM,
  tagS,
  viterbi,
  type EntityType,
  type Model,
  type ModelMeta,
} from '../src/ingest/stages/recognize.ts';
import { augmentSamples, rng } from './ner-augment.ts';
import { datasetsPresent, DATASETS_DIR, evaluate, formatTable, loadCorpora, scoreSpans, type Corpus, type Sample } from './eval-ner.ts';

/** The value of a `--name=value` option, if given. */
export const textArg = (name: string): string | undefined =>
  process.argv.find((x) => x.startsWith(`--${name}=`))?.slice(name.length + 3);
const arg = (name: string, dflt: number) => {
  const a = textArg(name);
  return a !== undefined ? Number(a) : dflt;
};
const EPOCHS = arg('epochs', 16);
const BITS = arg('bits', 20);
const DROP = arg('drop', 0.3);
const SEED = arg('seed', 1);
/** Learning runs (each with its own order of sentences and random draws) whose averaged weights are averaged. */
const RUNS = arg('runs', 1);
/** Corpora too small to be given feature weights of their own (they still have their own transitions and biases). */
const SHARED_ONLY = new Set((textArg('shared-only') ?? '').split(',').filter(Boolean));
/** Share of feature templates left out of each learning step (all are used when recognizing). */
const FDROP = arg('fdrop', 0);
const DRY = process.argv.includes('--dry');
/** Mention-replacement augmentation (scripts/ner-augment.ts): copies per profile, types replaced, share of made-up names. */
const AUG_COPIES: Record<string, number> = { pd: arg('aug-pd', arg('aug', 0)), cluener: arg('aug-clue', arg('aug', 0)), resume: arg('aug-resume', 0) };
const AUG_TYPES = new Set<EntityType>(
  Object.values(AUG_COPIES).some((n) => n > 0) ? ((textArg('aug-types') ?? 'PER').split(',').filter(Boolean) as EntityType[]) : [],
);
const AUG_SYNTH = arg('synth', 0.5);
const EVAL = process.argv.includes('--eval');

const OUT_DIR = fileURLToPath(new URL('../src/ingest/dict/learned/', import.meta.url));

interface TrainSent {
  n: number;
  profile: number;
  shared: Int32Array;
  own: Int32Array;
  /** Fully known tags, or undefined when mask is given. */
  gold?: Uint8Array;
  /** Allowed tags per position, for partly annotated corpora. */
  mask?: Uint32Array;
  /** Bit per tag of the types this corpus does not annotate: the corpus's own weights learn nothing of them. */
  unknownTags: number;
}

function prepare(c: Corpus, sample: Sample, mask: number, lex: Lexicon): TrainSent {
  const n = sample.text.length;
  const profile = PROFILES.indexOf(c.profile);
  const enc = encode(sample.text, undefined, lex);
  const shared = new Int32Array(n * NF);
  const own = new Int32Array(n * NF);
  features(enc, n, 0, mask, shared);
  features(enc, n, profile, mask, own);
  const tags = new Uint8Array(n);
  const known = new Uint8Array(n); // 1 inside an annotated span
  for (const s of sample.spans) {
    const k = ENTITY_TYPES.indexOf(s.type as EntityType);
    if (k < 0) continue;
    if (s.end - s.start === 1) tags[s.start] = tagS(k);
    else {
      tags[s.start] = tagB(k);
      for (let i = s.start + 1; i < s.end - 1; i++) tags[i] = tagM(k);
      tags[s.end - 1] = tagE(k);
    }
    for (let i = s.start; i < s.end; i++) known[i] = 1;
  }
  const unknown = ENTITY_TYPES.map((t, k) => (c.types.includes(t) ? -1 : k)).filter((k) => k >= 0);
  if (!unknown.length) return { n, profile, shared, own, gold: tags, unknownTags: 0 };
  let free = 1; // O
  for (const k of unknown) free |= (1 << tagB(k)) | (1 << tagM(k)) | (1 << tagE(k)) | (1 << tagS(k));
  const allowedMask = new Uint32Array(n);
  for (let i = 0; i < n; i++) allowedMask[i] = known[i] ? 1 << tags[i]! : free;
  return { n, profile, shared, own, mask: allowedMask, unknownTags: free & ~1 };
}

// ---------------------------------------------------------------------------------------------
// Name-character classes, from the word list that ships with nodejieba (not from the NER data): for
// each character, how often it begins a Chinese person name (nr, nrfg), stands in the given name,
// or appears in a transliterated foreign name (nrt), against how often it appears in any word.

const JIEBA_DICT = fileURLToPath(new URL('../node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8', import.meta.url));

/** 0 = never or rarely; 1 = ratio ≥ 1/2; 2 = ≥ 1/4; … 7 = below 1/64. */
function bucket(hits: number, total: number): number {
  if (hits < 2) return 0;
  const r = hits / Math.max(total, hits);
  return Math.min(7, 1 + Math.floor(-Math.log2(r)));
}

function learnNameChars(): string {
  const total = new Map<string, number>();
  const sur = new Map<string, number>();
  const given = new Map<string, number>();
  const translit = new Map<string, number>();
  const inc = (m: Map<string, number>, c: string) => m.set(c, (m.get(c) ?? 0) + 1);
  const han = /^[\u4e00-\u9fff]+$/;
  for (const line of readFileSync(JIEBA_DICT, 'utf8').split('\n')) {
    const [word = '', , pos = ''] = line.trim().split(' ');
    if (!han.test(word)) continue;
    for (const c of word) inc(total, c);
    if ((pos === 'nr' || pos === 'nrfg') && (word.length === 2 || word.length === 3)) {
      inc(sur, word[0]!);
      for (const c of word.slice(1)) inc(given, c);
    } else if (pos === 'nrt') for (const c of word) inc(translit, c);
  }
  const out: string[] = ["# character\tbuckets (base 36): surname | given name << 3 | transliteration << 6; learned from nodejieba's word list"];
  for (const [c, t] of [...total].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const v = bucket(sur.get(c) ?? 0, t) | (bucket(given.get(c) ?? 0, t) << 3) | (bucket(translit.get(c) ?? 0, t) << 6);
    if (v) out.push(`${c}\t${v.toString(36)}`);
  }
  return out.join('\n') + '\n';
}

function parseNameLines(text: string): Uint16Array {
  const t = new Uint16Array(65536);
  for (const line of text.split('\n')) {
    const [ch, v] = line.split('\t');
    if (ch && v && ch.length === 1) t[ch.charCodeAt(0)] = Number.parseInt(v, 36);
  }
  return t;
}

function train(learn: Corpus[], lexicons: Lexicons): { model: Model; gz: Buffer } {
  const oversample = arg('pd', 1);
  const size = 1 << BITS;
  const mask = size - 1;
  const sents: TrainSent[] = [];
  for (const c of learn) {
    const times = c.profile === 'pd' ? oversample : 1;
    c.samples.forEach((s, i) => {
      if (!s.text.length) return;
      const lex = lexicons.folds[foldOf(s)]!;
      for (let k = 0; k < times; k++) sents.push(prepare(c, s, mask, lex));
    });
    console.log(`learning from ${c.dataset} [${c.split}]: ${c.samples.length} texts, ${c.samples.reduce((n, s) => n + s.spans.length, 0)} spans`);
  }
  if (AUG_TYPES.size) {
    const extra = augmentSamples(learn, { copies: (c) => AUG_COPIES[c.profile] ?? 0, types: AUG_TYPES, synth: AUG_SYNTH, seed: SEED, folds: FOLDS, foldOf });
    for (const a of extra) sents.push(prepare(a.corpus, a.sample, mask, lexicons.folds[a.fold]!));
    console.log(`augmented: ${extra.length} sentences with ${[...AUG_TYPES].join('/')} mentions replaced (copies ${JSON.stringify(AUG_COPIES)}, made-up names ${AUG_SYNTH})`);
  }
  // Features seen fewer than MIN_COUNT times in the learning data learn nothing: rare features (most
  // word and trigram hashes) would otherwise memorize the learning sentences.
  const MIN_COUNT = arg('min-count', 1);
  const seen = new Uint8Array(size);
  for (const s of sents) {
    for (const fs of [s.shared, s.own]) for (let k = 0; k < fs.length; k++) {
      const b = fs[k]! / NT;
      if (seen[b]! < 255) seen[b]!++;
    }
  }
  const W = new Float32Array(size * NT);
  const U = new Float64Array(size * NT);
  const TL = NT * NT + 2 * NT;
  const TW = PROFILES.map(() => new Float64Array(TL));
  const TU = PROFILES.map(() => new Float64Array(TL));
  let step = 1;
  let random = rng(SEED);
  // the averaged weights and transitions of each run, averaged over the runs
  const avg = new Float32Array(size * NT);
  const transAvg = PROFILES.map(() => new Float64Array(TL));
  const order = sents.map((_, i) => i);
  let maxN = 0;
  for (const s of sents) maxN = Math.max(maxN, s.n);
  const em = new Float64Array(maxN * NT);
  const pred = new Uint8Array(maxN);
  const goldLatent = new Uint8Array(maxN);
  const trans = new Float64Array(NT * NT);
  const tStart = new Float64Array(NT);
  const tEnd = new Float64Array(NT);

  const active = new Uint8Array(NF);
  const updFeat = (fs: Int32Array, i: number, tag: number, d: number) => {
    const o = i * NF;
    const du = d * step;
    for (let f = 0; f < NF; f++) {
      if (!active[f]) continue;
      if (seen[fs[o + f]! / NT]! < MIN_COUNT) continue;
      const w = fs[o + f]! + tag;
      W[w] = W[w]! + d;
      U[w] = U[w]! + du;
    }
  };
  const updTrans = (p: number, idx: number, d: number) => {
    TW[p]![idx] = TW[p]![idx]! + d;
    TU[p]![idx] = TU[p]![idx]! + d * step;
  };

  for (let run = 0; run < RUNS; run++) {
    if (run) {
      W.fill(0);
      U.fill(0);
      for (const t of [...TW, ...TU]) t.fill(0);
      step = 1;
      random = rng(SEED + 1000 * run);
    }
    for (let epoch = 1; epoch <= EPOCHS; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let errors = 0;
      let tokens = 0;
      const te = performance.now();
      for (const si of order) {
        const s = sents[si]!;
        const n = s.n;
        const dropOwn = random() < DROP;
        const useOwn = !dropOwn && !SHARED_ONLY.has(PROFILES[s.profile]!);
        const profs = dropOwn ? [0] : [0, s.profile];
        for (let f = 0; f < NF; f++) active[f] = FDROP > 0 && random() < FDROP ? 0 : 1;
        em.fill(0, 0, n * NT);
        for (let i = 0; i < n; i++) {
          const eo = i * NT;
          for (const fs of useOwn ? [s.shared, s.own] : [s.shared]) {
            const fo = i * NF;
            for (let f = 0; f < NF; f++) {
              if (!active[f]) continue;
              const w = fs[fo + f]!;
              for (let t = 0; t < NT; t++) em[eo + t] = em[eo + t]! + W[w + t]!;
            }
          }
        }
        trans.fill(0);
        tStart.fill(0);
        tEnd.fill(0);
        for (const p of profs) {
          const src = TW[p]!;
          for (let k = 0; k < NT * NT; k++) trans[k] = trans[k]! + src[k]!;
          for (let k = 0; k < NT; k++) {
            tStart[k] = tStart[k]! + src[NT * NT + k]!;
            tEnd[k] = tEnd[k]! + src[NT * NT + NT + k]!;
          }
        }
        viterbi(em, n, trans, tStart, tEnd, pred);
        let gold: Uint8Array;
        if (s.gold) gold = s.gold;
        else {
          viterbi(em, n, trans, tStart, tEnd, goldLatent, s.mask);
          gold = goldLatent;
        }
        tokens += n;
        let wrong = false;
        for (let i = 0; i < n; i++) {
          const g = gold[i]!;
          const pr = pred[i]!;
          const gp = i ? gold[i - 1]! : -1;
          const pp = i ? pred[i - 1]! : -1;
          if (g !== pr) {
            errors++;
            wrong = true;
            updFeat(s.shared, i, g, 1);
            updFeat(s.shared, i, pr, -1);
            if (useOwn && !(((s.unknownTags >> g) | (s.unknownTags >> pr)) & 1)) {
              updFeat(s.own, i, g, 1);
              updFeat(s.own, i, pr, -1);
            }
          }
          if (g !== pr || gp !== pp) {
            const unk = s.unknownTags;
            const ownOk = !(((unk >> g) | (unk >> pr) | (gp < 0 ? 0 : unk >> gp) | (pp < 0 ? 0 : unk >> pp)) & 1);
            for (const p of profs) {
              if (p && !ownOk) continue;
              updTrans(p, gp < 0 ? NT * NT + g : gp * NT + g, 1);
              updTrans(p, pp < 0 ? NT * NT + pr : pp * NT + pr, -1);
            }
          }
        }
        if (wrong && gold[n - 1] !== pred[n - 1]) {
          for (const p of profs) {
            if (p && ((s.unknownTags >> gold[n - 1]!) | (s.unknownTags >> pred[n - 1]!)) & 1) continue;
            updTrans(p, NT * NT + NT + gold[n - 1]!, 1);
            updTrans(p, NT * NT + NT + pred[n - 1]!, -1);
          }
        }
        step++;
      }
      console.log(`${RUNS > 1 ? `run ${run + 1}, ` : ''}epoch ${epoch}: ${errors} tag errors in ${tokens} chars (${((100 * errors) / tokens).toFixed(2)}%), ${((performance.now() - te) / 1000).toFixed(1)} s`);
    }
    for (let k = 0; k < avg.length; k++) avg[k] = avg[k]! + (W[k]! - U[k]! / step) / RUNS;
    for (let p = 0; p < PROFILES.length; p++) for (let k = 0; k < TL; k++) transAvg[p]![k] = transAvg[p]![k]! + (TW[p]![k]! - TU[p]![k]! / step) / RUNS;
  }

  // Quantize to int8.
  let maxAbs = 0;
  const abs: number[] = [];
  for (let k = 0; k < avg.length; k++) {
    const v = avg[k]!;
    const a = Math.abs(v);
    if (a > maxAbs) maxAbs = a;
    if (a > 0 && (k & 63) === 0) abs.push(a);
  }
  abs.sort((a, b) => a - b);
  const clip = Math.max(arg("clip", 0) ? abs[Math.floor(abs.length * arg("clip", 0))] ?? maxAbs : maxAbs, 1e-6);
  const scale = clip / 127;
  const q = new Int8Array(avg.length);
  let nonzero = 0;
  for (let k = 0; k < avg.length; k++) {
    const v = Math.max(-127, Math.min(127, Math.round(avg[k]! / scale)));
    q[k] = v;
    if (v) nonzero++;
  }
  const transitions = PROFILES.map((_, p) => Array.from(transAvg[p]!, (w) => Number(w.toFixed(4))));
  const meta: ModelMeta = {
    version: 1,
    hashBits: BITS,
    nf: NF,
    tags: NT,
    scale,
    profiles: [...PROFILES],
    transitions,
    profileTypes: PROFILES.map((p) => learn.find((c) => c.profile === p)?.types ?? [...ENTITY_TYPES]),
    trainedOn: learn.map((c) => `${c.dataset} [${c.split}]`).join('; '),
  };
  const gz = gzipSync(Buffer.from(q.buffer), { level: 9 });
  console.log(`weights: ${nonzero} of ${q.length} nonzero (max |w| ${maxAbs.toFixed(1)}, clipped at ${clip.toFixed(1)}), ${(gz.length / 1e6).toFixed(2)} MB gzipped`);
  return { model: process.argv.includes('--float') ? { meta: { ...meta, scale: 1 }, mask, weights: avg } : { meta, mask, weights: q }, gz };
}

// ---------------------------------------------------------------------------------------------
// Vocabularies (generic: post titles and organization endings, no names). Titles are counted in
// five folds of the learning split; a sentence is learned with the titles seen in the other folds,
// so that the tagger learns how far to trust a title it has not seen in that very sentence.

interface Lexicons {
  titles: string[];
  suffixes: string[];
  /** Per fold: the lexicon to compute features of the sentences in that fold with. */
  folds: Lexicon[];
  all: Lexicon;
  /** Names of people and organizations seen in the learning split, hashed. */
  known: LexiconKeys;
}

const FOLDS = 5;
const foldIndex = new WeakMap<Sample, number>();
const foldOf = (s: Sample) => foldIndex.get(s) ?? 0;

function learnVocabularies(learn: Corpus[]): Lexicons {
  const titleCounts = new Map<string, number[]>();
  // names of people and organizations, per fold they were seen in
  const knownCounts = new Map<string, { kind: number; folds: number[] }>();

  const endCounts = new Map<string, number>();
  // the distinct organizations each ending closes: an ending kept must close at least 3, so that no
  // fragment of one name (a club's, say) is kept as an ending
  const endNames = new Map<string, Set<string>>();
  for (const c of learn) {
    c.samples.forEach((s, i) => {
      const fold = i % FOLDS;
      foldIndex.set(s, fold);
      for (const sp of s.spans) {
        const w = s.text.slice(sp.start, sp.end);
        if (!/^[\u3400-\u9fff]+$/.test(w)) continue;
        if ((sp.type === 'PER' || sp.type === 'ORG') && w.length <= 8 && (sp.type === 'ORG' || w.length >= 2)) {
          const key = `${sp.type}\t${w}`;
          const v = knownCounts.get(key) ?? { kind: sp.type === 'PER' ? LEX_NAME : LEX_ORG, folds: new Array<number>(FOLDS).fill(0) };
          v.folds[fold]!++;
          knownCounts.set(key, v);
        }
        if (sp.type === 'TITLE' && w.length >= 2 && w.length <= 8) {
          const v = titleCounts.get(w) ?? new Array<number>(FOLDS).fill(0);
          v[fold]!++;
          titleCounts.set(w, v);
        }
        if (sp.type === 'ORG') {
          for (let L = 1; L <= 4 && L < w.length; L++) {
            const end = w.slice(-L);
            endCounts.set(end, (endCounts.get(end) ?? 0) + 1);
            const names = endNames.get(end) ?? new Set<string>();
            names.add(w);
            endNames.set(end, names);
          }
        }
      }
    });
  }
  // how often each candidate ending occurs at all, to keep the endings that mostly end organizations
  const occ = new Map<string, number>();
  for (const key of endCounts.keys()) occ.set(key, 0);
  for (const c of learn) {
    for (const s of c.samples) {
      const t = s.text;
      for (let i = 0; i < t.length; i++) for (let L = 1; L <= 4 && i + L <= t.length; L++) {
        const w = t.slice(i, i + L);
        const o = occ.get(w);
        if (o !== undefined) occ.set(w, o + 1);
      }
    }
  }
  const suffixes = [...endCounts]
    .filter(([w, n]) => n >= 4 && (endNames.get(w)?.size ?? 0) >= 3 && n / Math.max(1, occ.get(w) ?? 0) >= 0.3)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
  const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
  const titles = [...titleCounts]
    .filter(([, v]) => sum(v) >= 2)
    .sort((a, b) => sum(b[1]) - sum(a[1]) || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
  const base = [...projectLexiconEntries(), ...suffixes.map((w): [string, number] => [w, LEX_ORG_SUFFIX])];
  const knownIn = (k: number) =>
    [...knownCounts].filter(([, v]) => sum(v.folds) - (k < 0 ? 0 : v.folds[k]!) >= 1).map(([key, v]): [string, number] => [key.slice(key.indexOf('\t') + 1), v.kind]);
  const folds = Array.from({ length: FOLDS }, (_, k) =>
    buildLexicon(
      [...base, ...[...titleCounts].filter(([, v]) => sum(v) - v[k]! >= 2).map(([w]): [string, number] => [w, LEX_TITLE])],
      lexiconKeys(knownIn(k)),
    ),
  );
  const known = lexiconKeys(knownIn(-1));
  const all = buildLexicon([...base, ...titles.map((w): [string, number] => [w, LEX_TITLE])], known);
  return { titles, suffixes, folds, all, known };
}

const BIAS_GRID = [-6, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 8, 10, 12];

/**
 * Per profile and type, the entity bias that gives the best F1 on the tuning corpora; and for each
 * corpus profile, whether the shared weights alone do better on its tuning corpus than with the
 * corpus's own weights added (as they may for a small corpus).
 */
function tuneBiases(m: Model, tune: Corpus[], lex: Lexicon): { bias: number[][]; sharedOnly: boolean[] } {
  const bias: number[][] = [];
  const sharedOnly: boolean[] = [];
  setLexicon(lex);
  for (let p = 0; p < PROFILES.length; p++) {
    const profile = PROFILES[p]!;
    const corpora = p === 0 ? tune : tune.filter((c) => c.profile === profile);
    if (!corpora.length) {
      bias.push(ENTITY_TYPES.map(() => 0));
      sharedOnly.push(false);
      continue;
    }
    let best: { b: number[]; shared: boolean; score: number } | undefined;
    for (const shared of p === 0 ? [true] : SHARED_ONLY.has(profile) ? [true] : [false, true]) {
      const b = ENTITY_TYPES.map(() => 0);
      // emissions do not depend on the biases: computed once, decoded for each bias tried
      setModel({ ...m, meta: { ...m.meta, sharedOnly: PROFILES.map((_, q) => q === p && shared) } });
      const ems = corpora.map((corpus) => corpus.samples.map((s) => emissions(s.text, profile)));
      const f1 = (type: EntityType) => {
        setModel({ ...m, meta: { ...m.meta, bias: PROFILES.map((_, q) => (q === p ? b : ENTITY_TYPES.map(() => 0))), sharedOnly: PROFILES.map((_, q) => q === p && shared) } });
        let g = 0;
        let pr = 0;
        let c = 0;
        for (const [ci, corpus] of corpora.entries()) {
          if (!corpus.types.includes(type)) continue;
          const sc = scoreSpans(
            corpus.samples.map((s) => s.spans),
            corpus.samples.map((s, i) => decodeEmissions(s.text, ems[ci]![i]!, profile)),
            type,
          );
          g += sc.gold;
          pr += sc.predicted;
          c += sc.correct;
        }
        return g + pr ? (2 * c) / (g + pr) : 0;
      };
      const types = ENTITY_TYPES.filter((t) => corpora.some((c) => c.types.includes(t)));
      for (let round = 0; round < 2; round++) {
        for (const type of types) {
          const k = ENTITY_TYPES.indexOf(type);
          let top = -1;
          let arg = 0;
          for (const v of BIAS_GRID) {
            b[k] = v;
            const f = f1(type);
            if (f > top + 1e-9) {
              top = f;
              arg = v;
            }
          }
          b[k] = arg;
        }
      }
      const score = types.reduce((sum, t) => sum + f1(t), 0) / types.length;
      console.log(`  tuning ${profile}${p && shared ? ' (shared weights only)' : ''}: mean F1 ${score.toFixed(3)} with biases ${JSON.stringify(b)}`);
      if (!best || score > best.score) best = { b: [...b], shared: p !== 0 && shared, score };
    }
    bias.push(best!.b);
    sharedOnly.push(best!.shared);
  }
  setModel(undefined);
  setLexicon(undefined);
  return { bias, sharedOnly };
}

type Tuned = { bias: number[][]; sharedOnly: boolean[] };

export interface Learned {
  model: Model;
  /** The int8 weights, gzipped, as they are committed. */
  gz: Buffer;
  lexicons: Lexicons;
  tuned?: Tuned;
}

/** Name-character table from nodejieba's word list (see learnNameChars), installed for encode(). */
export function prepareNameTable(): string {
  const nameLines = learnNameChars();
  setNameTable(parseNameLines(nameLines));
  return nameLines;
}

/**
 * Vocabularies, entity biases (tuned on a fifth of `learn` with a model learned from the rest,
 * unless `tuned` is given or tuning is off) and the model, all learned from `learn` alone.
 */
export function learnModel(learn: Corpus[], opts: { tune: boolean; tuned?: Tuned }): Learned {
  const lexicons = learnVocabularies(learn);
  console.log(`vocabularies: ${lexicons.titles.length} titles, ${lexicons.suffixes.length} organization endings, ${lexicons.known.keys.length} hashed keys of known names`);
  let tuned = opts.tuned;
  if (!tuned && opts.tune) {
    // Entity biases (how readily each profile starts an entity of each type) are tuned on a fifth of
    // the learning data, with a model learned from the other four fifths.
    const fit = learn.map((c) => ({ ...c, samples: c.samples.filter((_, i) => i % 5 !== 4) }));
    const tune = learn.map((c) => ({ ...c, split: `${c.split}, i % 5 == 4`, samples: c.samples.filter((_, i) => i % 5 === 4) }));
    console.log('learning a model on 4/5 of the learning data, to tune entity biases on the rest');
    const { model: a } = train(fit, lexicons);
    tuned = tuneBiases(a, tune, lexicons.folds[4]!);
    console.log(`entity biases (per profile, ${ENTITY_TYPES.join('/')}): ${JSON.stringify(tuned.bias)}; shared weights only: ${JSON.stringify(tuned.sharedOnly)}`);
  }
  console.log('learning the model on all the learning data');
  const { model, gz } = train(learn, lexicons);
  if (tuned) Object.assign(model.meta, tuned);
  return { model, gz, lexicons, tuned };
}

/** Installs a learned model and its vocabularies in place of the committed ones (undefined: back to those). */
export function useLearned(l: Learned | undefined): void {
  setModel(l?.model);
  setLexicon(l?.lexicons.all);
}

/** The learning and held-out splits of each dataset together. */
function allOf(learn: Corpus[], score: Corpus[]): Corpus[] {
  return learn.map((c) => {
    const held = score.find((d) => d.profile === c.profile);
    if (!held) return c;
    return {
      ...c,
      dataset: c.dataset === held.dataset ? c.dataset : `${c.dataset} + ${held.dataset}`,
      split: 'all',
      samples: [...c.samples, ...held.samples],
    };
  });
}

function main(): void {
  if (!datasetsPresent()) {
    console.log(`learn:ner skipped: the public NER datasets are not at ${DATASETS_DIR}.`);
    return;
  }
  const t0 = performance.now();
  const nameLines = prepareNameTable();
  const { learn: learnAll, score } = loadCorpora();
  const pdFrac = arg('pd-frac', 1);
  const learn = learnAll.map((c) => (c.profile === 'pd' && pdFrac < 1 ? { ...c, samples: c.samples.filter((_, i) => (i % 100) / 100 < pdFrac) } : c));
  const tune = !process.argv.includes('--no-tune');
  let tuned: Tuned | undefined;
  if (!process.argv.includes('--ship-only')) {
    console.log('1. measuring: learning from the learning split alone, scoring the held-out split');
    const held = learnModel(learn, { tune });
    tuned = held.tuned;
    const save = textArg('save');
    if (save) writeFileSync(save, serialize({ model: held.model, lexicon: held.lexicons.all }));
    useLearned(held);
    console.log(formatTable(evaluate(score, (c) => (EVAL ? [c.profile, 'general'] : [c.profile]))));
    useLearned(undefined);
    if (process.argv.includes('--measure-only')) return;
  }
  console.log(`2. the shipped model: learning from all the data (learning and held-out splits${tuned ? ', with the entity biases tuned above' : ''})`);
  const { model: m, gz, lexicons } = learnModel(allOf(learn, score), { tune, tuned });
  console.log(`learning took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (!DRY) {
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(OUT_DIR + NAME_CHARS, nameLines);
    writeFileSync(OUT_DIR + LEARNED_TITLES, `# Post titles seen at least twice in the learning data (scripts/learn-ner.ts), most frequent first\n${lexicons.titles.join('\n')}\n`);
    writeFileSync(OUT_DIR + LEARNED_KNOWN, gzipSync(encodeLexiconKeys(lexicons.known), { level: 9 }));
    writeFileSync(OUT_DIR + LEARNED_ORG_SUFFIXES, `# Endings of organization names in the learning data (scripts/learn-ner.ts), most frequent first\n${lexicons.suffixes.join('\n')}\n`);
    writeFileSync(OUT_DIR + MODEL_META, JSON.stringify(m.meta) + '\n');
    writeFileSync(OUT_DIR + MODEL_WEIGHTS, gz);
    console.log(`wrote ${OUT_DIR}: ${MODEL_META}, ${MODEL_WEIGHTS} (${(gz.length / 1e6).toFixed(2)} MB), ${LEARNED_KNOWN}, ${LEARNED_TITLES}, ${LEARNED_ORG_SUFFIXES}, ${NAME_CHARS}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
