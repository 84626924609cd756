// Named-entity recognition of people (PER), posts (TITLE) and organizations (ORG): a character
// tagger (BMES tags, first-order Viterbi decoding) whose weights are an averaged perceptron learned
// by scripts/learn-ner.ts and committed under ../dict/learned/. Features are character n-grams
// around each position, hashed into a fixed table; nothing here reads ../shared at run time.
//
// The model was learned from three corpora with different annotation conventions (news with
// person/organization only, news with posts too, résumés). Each feature has a shared weight and a
// weight per corpus ("profile"); the default profile uses the shared weights alone, which were also
// trained on their own so that they stand as a general model. A profile adds one corpus's weights
// so that the tagger follows that corpus's conventions (used to score it against that corpus).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export type EntityType = 'PER' | 'TITLE' | 'ORG';

export interface Entity {
  type: EntityType;
  start: number;
  /** Exclusive. */
  end: number;
  text: string;
}

export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'TITLE', 'ORG'];
/** Profiles: 0 is the shared (general) model; the others add one corpus's conventions. */
export const PROFILES = ['general', 'cluener', 'pd', 'resume'] as const;
export type Profile = (typeof PROFILES)[number];

// ---------------------------------------------------------------------------------------------
// Tags: 0 = O; for entity type k (index in ENTITY_TYPES): B = 1+4k, M = 2+4k, E = 3+4k, S = 4+4k.
export const NT = 1 + 4 * ENTITY_TYPES.length;
const NK = ENTITY_TYPES.length;
export const tagB = (k: number) => 1 + 4 * k;
export const tagM = (k: number) => 2 + 4 * k;
export const tagE = (k: number) => 3 + 4 * k;
export const tagS = (k: number) => 4 + 4 * k;
/** Tags that may start a span or stand outside one: O, B-*, S-*. */
const OUTER_TO: number[] = [0, ...ENTITY_TYPES.flatMap((_, k) => [tagB(k), tagS(k)])];
/** Tags after which an outer tag may come: O, E-*, S-*. */
const OUTER_FROM: number[] = [0, ...ENTITY_TYPES.flatMap((_, k) => [tagE(k), tagS(k)])];

/** Whether tag b may follow tag a (a = -1 for the start of the text). */
export function allowed(a: number, b: number): boolean {
  const bInner = b !== 0 && ((b - 1) % 4 === 1 || (b - 1) % 4 === 2); // M or E
  if (a < 0) return !bInner;
  const aOpen = a !== 0 && ((a - 1) % 4 === 0 || (a - 1) % 4 === 1); // B or M
  if (aOpen) return bInner && Math.floor((a - 1) / 4) === Math.floor((b - 1) / 4);
  return !bInner;
}
/** Whether the text may end on tag a. */
export const allowedEnd = (a: number) => a === 0 || (a - 1) % 4 >= 2;

// ---------------------------------------------------------------------------------------------
// Features.

/** Normalized code of one UTF-16 unit: full width → ASCII, digits → '0', A–Z → a–z, spaces → ' '. */
export function normCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  if (c >= 48 && c <= 57) return 48;
  if (c >= 65 && c <= 90) return c + 32;
  if (c === 0x3000 || c === 9 || c === 10 || c === 13 || c === 0xa0) return 32;
  return c;
}

/** 0 Han, 1 digit (any script), 2 Latin letter, 3 space, 4 other (punctuation, symbols), 5 padding. */
function charClass(raw: number, c: number): number {
  if (c >= 0x4e00 && c <= 0x9fff) {
    // 〇一二三四五六七八九十百千万 count as digits
    return CN_DIGITS.has(raw) ? 1 : 0;
  }
  if (c === 48) return 1;
  if (c >= 97 && c <= 122) return 2;
  if (c === 32) return 3;
  if (c === PAD_L || c === PAD_R) return 5;
  if (c >= 0x3400 && c <= 0x4dbf) return 0;
  return 4;
}
const CN_DIGITS = new Set([...'〇零一二三四五六七八九十百千万亿两'].map((s) => s.charCodeAt(0)));
const PAD_L = 1;
const PAD_R = 2;
const PAD = 2;

/** Templates per position (the number of hashed features each position gets per profile). */
export const NF = 22;

function mix(t: number, a: number, b: number, c: number): number {
  let h = Math.imul(t + 0x165667b1, 0x9e3779b1);
  h = Math.imul(h ^ a, 0x85ebca77);
  h ^= h >>> 13;
  h = Math.imul(h ^ b, 0xc2b2ae3d);
  h ^= h >>> 16;
  h = Math.imul(h ^ c, 0x27d4eb2f);
  h ^= h >>> 15;
  return h >>> 0;
}

/** Padded normalized codes and classes of a text. */
export function encode(text: string): { codes: Int32Array; classes: Uint8Array; names: Uint16Array } {
  const n = text.length;
  const codes = new Int32Array(n + 2 * PAD);
  const classes = new Uint8Array(n + 2 * PAD);
  const names = new Uint16Array(n + 2 * PAD);
  const table = nameTable();
  for (let i = 0; i < PAD; i++) {
    codes[i] = PAD_L;
    codes[n + PAD + i] = PAD_R;
    classes[i] = 5;
    classes[n + PAD + i] = 5;
  }
  for (let i = 0; i < n; i++) {
    const raw = text.charCodeAt(i);
    const c = normCode(raw);
    codes[i + PAD] = c;
    classes[i + PAD] = charClass(raw, c);
    names[i + PAD] = table[raw]!;
  }
  return { codes, classes, names };
}

/**
 * Writes NF bucket indices (already multiplied by NT) per position into out[i*NF ...], for the
 * given profile (0 = shared weights).
 */
export function features(
  codes: Int32Array,
  classes: Uint8Array,
  names: Uint16Array,
  n: number,
  profile: number,
  mask: number,
  out: Int32Array,
  outOffset = 0,
): void {
  const s = profile << 6;
  for (let i = 0; i < n; i++) {
    const j = i + PAD;
    const cm2 = codes[j - 2]!;
    const cm1 = codes[j - 1]!;
    const c0 = codes[j]!;
    const c1 = codes[j + 1]!;
    const c2 = codes[j + 2]!;
    const shape = classes[j - 2]! | (classes[j - 1]! << 3) | (classes[j]! << 6) | (classes[j + 1]! << 9) | (classes[j + 2]! << 12);
    const o = outOffset + i * NF;
    out[o] = (mix(s | 0, c0, 0, 0) & mask) * NT;
    out[o + 1] = (mix(s | 1, cm1, 0, 0) & mask) * NT;
    out[o + 2] = (mix(s | 2, c1, 0, 0) & mask) * NT;
    out[o + 3] = (mix(s | 3, cm2, 0, 0) & mask) * NT;
    out[o + 4] = (mix(s | 4, c2, 0, 0) & mask) * NT;
    out[o + 5] = (mix(s | 5, cm1, c0, 0) & mask) * NT;
    out[o + 6] = (mix(s | 6, c0, c1, 0) & mask) * NT;
    out[o + 7] = (mix(s | 7, cm2, cm1, 0) & mask) * NT;
    out[o + 8] = (mix(s | 8, c1, c2, 0) & mask) * NT;
    out[o + 9] = (mix(s | 9, cm1, c1, 0) & mask) * NT;
    out[o + 10] = (mix(s | 10, cm1, c0, c1) & mask) * NT;
    out[o + 11] = (mix(s | 11, cm2, cm1, c0) & mask) * NT;
    out[o + 12] = (mix(s | 12, c0, c1, c2) & mask) * NT;
    out[o + 13] = (mix(s | 13, 0, 0, 0) & mask) * NT;
    out[o + 14] = (mix(s | 14, shape, 0, 0) & mask) * NT;
    out[o + 15] = (mix(s | 15, c0, classes[j - 1]!, classes[j + 1]!) & mask) * NT;
    out[o + 16] = (mix(s | 16, cm2, c0, 0) & mask) * NT;
    // name-character classes: surname (bits 0-2), given-name (3-5), transliteration (6-8) buckets
    const nm2 = names[j - 2]!;
    const nm1 = names[j - 1]!;
    const n0 = names[j]!;
    const n1 = names[j + 1]!;
    const n2 = names[j + 2]!;
    out[o + 17] = (mix(s | 17, n0 & 7, (n1 >> 3) & 7, (n2 >> 3) & 7) & mask) * NT;
    out[o + 18] = (mix(s | 18, nm1 & 7, (n0 >> 3) & 7, (n1 >> 3) & 7) & mask) * NT;
    out[o + 19] = (mix(s | 19, nm2 & 7, (nm1 >> 3) & 7, (n0 >> 3) & 7) & mask) * NT;
    out[o + 20] = (mix(s | 20, n0 & 7, (n1 >> 3) & 7, cm1) & mask) * NT;
    out[o + 21] = (mix(s | 21, (nm1 >> 6) & 7, (n0 >> 6) & 7, (n1 >> 6) & 7) & mask) * NT;
  }
}

// ---------------------------------------------------------------------------------------------
// Decoding.

/**
 * First-order Viterbi over emission scores em[i*NT + t] and transitions trans[a*NT + b]
 * (start scores in transStart, end scores in transEnd). allowedMask, if given, limits the tags at
 * position i to the bits set in allowedMask[i]. Writes the best tag sequence into tags.
 */
let backBuf = new Uint8Array(0);
const vPrev = new Float64Array(16);
const vCur = new Float64Array(16);

export function viterbi(
  em: Int32Array | Float32Array | Float64Array,
  n: number,
  trans: Float64Array,
  transStart: Float64Array,
  transEnd: Float64Array,
  tags: Uint8Array,
  allowedMask?: Uint16Array,
): void {
  if (n === 0) return;
  if (backBuf.length < n * NT) backBuf = new Uint8Array(n * NT * 2);
  const back = backBuf;
  let prev = vPrev;
  let cur = vCur;
  const NEG = -1e30;
  for (let t = 0; t < NT; t++) {
    const ok = allowed(-1, t) && (!allowedMask || (allowedMask[0]! >> t) & 1);
    prev[t] = ok ? em[t]! + transStart[t]! : NEG;
  }
  for (let i = 1; i < n; i++) {
    const m = allowedMask ? allowedMask[i]! : 0xffff;
    const eo = i * NT;
    const bo = i * NT;
    // outer targets: from O, E-*, S-*
    for (let a = 0; a < OUTER_TO.length; a++) {
      const t = OUTER_TO[a]!;
      if (!((m >> t) & 1)) {
        cur[t] = NEG;
        continue;
      }
      let best = NEG;
      let arg = 0;
      for (let b = 0; b < OUTER_FROM.length; b++) {
        const p = OUTER_FROM[b]!;
        const v = prev[p]! + trans[p * NT + t]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      cur[t] = best + em[eo + t]!;
      back[bo + t] = arg;
    }
    // inner targets: M-k, E-k from B-k, M-k
    for (let k = 0; k < NK; k++) {
      const B = 1 + 4 * k;
      const M = B + 1;
      for (let t = M; t <= M + 1; t++) {
        if (!((m >> t) & 1)) {
          cur[t] = NEG;
          continue;
        }
        const vb = prev[B]! + trans[B * NT + t]!;
        const vm = prev[M]! + trans[M * NT + t]!;
        if (vb >= vm) {
          cur[t] = vb + em[eo + t]!;
          back[bo + t] = B;
        } else {
          cur[t] = vm + em[eo + t]!;
          back[bo + t] = M;
        }
      }
    }
    const sw = prev;
    prev = cur;
    cur = sw;
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < NT; t++) {
    if (!allowedEnd(t)) continue;
    const v = prev[t]! + transEnd[t]!;
    if (v > best) {
      best = v;
      arg = t;
    }
  }
  tags[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * NT + tags[i]!]!;
}

/** Spans of a well-formed BMES tag sequence. */
export function spansOf(tags: Uint8Array, n: number): { type: EntityType; start: number; end: number }[] {
  const out: { type: EntityType; start: number; end: number }[] = [];
  let start = -1;
  for (let i = 0; i < n; i++) {
    const t = tags[i]!;
    if (t === 0) {
      start = -1;
      continue;
    }
    const k = Math.floor((t - 1) / 4);
    const pos = (t - 1) % 4;
    if (pos === 0) start = i;
    else if (pos === 3) out.push({ type: ENTITY_TYPES[k]!, start: i, end: i + 1 });
    else if (pos === 2 && start >= 0) {
      out.push({ type: ENTITY_TYPES[k]!, start, end: i + 1 });
      start = -1;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The learned model.

export interface ModelMeta {
  version: number;
  hashBits: number;
  nf: number;
  tags: number;
  /** Weight of one int8 unit. */
  scale: number;
  profiles: string[];
  /** Per profile: NT*NT transitions, then NT start, then NT end scores (in weight units). */
  transitions: number[][];
  /** Per profile, the types its corpus annotates; decoding with a profile yields only those. */
  profileTypes?: string[][];
  trainedOn: string;
}

export interface Model {
  meta: ModelMeta;
  mask: number;
  /** Bucket-major int8 weights: weights[bucket*NT + tag] (float while learning). */
  weights: Int8Array | Float32Array;
}

const learnedDir = (name: string) => fileURLToPath(new URL(`../dict/learned/${name}`, import.meta.url));
export const MODEL_META = 'ner-model.json';
export const MODEL_WEIGHTS = 'ner-weights.bin.gz';

let model: Model | undefined;
export const NAME_CHARS = 'name-chars.txt';
let names: Uint16Array | undefined;

/**
 * Per UTF-16 code: 3-bit buckets of how likely the character is as a surname, in a given name, in
 * a transliterated foreign name (see scripts/learn-ner.ts). File lines: character, tab, bucket code.
 */
export function nameTable(): Uint16Array {
  if (names) return names;
  const t = new Uint16Array(65536);
  for (const line of readFileSync(learnedDir(NAME_CHARS), 'utf8').split('\n')) {
    const [ch, v] = line.split('\t');
    if (ch && v && ch.length === 1) t[ch.charCodeAt(0)] = Number.parseInt(v, 36);
  }
  return (names = t);
}

/** For the learner: use this table instead of the committed one. */
export function setNameTable(t: Uint16Array | undefined): void {
  names = t;
}

export function loadModel(): Model {
  if (model) return model;
  const meta = JSON.parse(readFileSync(learnedDir(MODEL_META), 'utf8')) as ModelMeta;
  if (meta.nf !== NF || meta.tags !== NT) throw new Error('recognize: learned model does not match the feature set; run npm run learn:ner');
  const buf = gunzipSync(readFileSync(learnedDir(MODEL_WEIGHTS)));
  const weights = new Int8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  if (weights.length !== (1 << meta.hashBits) * NT) throw new Error('recognize: learned weights have the wrong size');
  model = { meta, mask: (1 << meta.hashBits) - 1, weights };
  return model;
}

/** For tests and the learner: use this model instead of the committed one. */
export function setModel(m: Model | undefined): void {
  model = m;
}

export interface RecognizeOptions {
  /** Annotation conventions to follow; 'general' (the default) uses the shared weights only. */
  profile?: Profile;
}

let featBuf = new Int32Array(0);
let emBuf: Int32Array | Float32Array = new Int32Array(0);
let tagBuf = new Uint8Array(0);

/** The entities of a text, in order; offsets are UTF-16 indices into text. */
export function recognize(text: string, options: RecognizeOptions = {}): Entity[] {
  const n = text.length;
  if (n === 0) return [];
  const m = loadModel();
  const profile = Math.max(0, PROFILES.indexOf(options.profile ?? 'general'));
  const { codes, classes, names: nb } = encode(text);
  const nProfiles = profile === 0 ? 1 : 2;
  if (featBuf.length < n * NF * nProfiles) featBuf = new Int32Array(n * NF * nProfiles * 2);
  if (emBuf.length < n * NT || (m.weights instanceof Float32Array) !== (emBuf instanceof Float32Array)) {
    emBuf = m.weights instanceof Float32Array ? new Float32Array(n * NT * 2) : new Int32Array(n * NT * 2);
  }
  if (tagBuf.length < n) tagBuf = new Uint8Array(n * 2);
  features(codes, classes, nb, n, 0, m.mask, featBuf, 0);
  if (profile) features(codes, classes, nb, n, profile, m.mask, featBuf, n * NF);
  const W = m.weights;
  const em = emBuf;
  const F = featBuf;
  // 13 tags unrolled (NT === 13): this loop is most of the time taken.
  for (let i = 0; i < n; i++) {
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0;
    for (let p = 0; p < nProfiles; p++) {
      const fo = p * n * NF + i * NF;
      for (let f = 0; f < NF; f++) {
        const w = F[fo + f]!;
        a0 += W[w]!;
        a1 += W[w+1]!;
        a2 += W[w+2]!;
        a3 += W[w+3]!;
        a4 += W[w+4]!;
        a5 += W[w+5]!;
        a6 += W[w+6]!;
        a7 += W[w+7]!;
        a8 += W[w+8]!;
        a9 += W[w+9]!;
        a10 += W[w+10]!;
        a11 += W[w+11]!;
        a12 += W[w+12]!;
      }
    }
    const eo = i * NT;
    em[eo] = a0;
    em[eo+1] = a1;
    em[eo+2] = a2;
    em[eo+3] = a3;
    em[eo+4] = a4;
    em[eo+5] = a5;
    em[eo+6] = a6;
    em[eo+7] = a7;
    em[eo+8] = a8;
    em[eo+9] = a9;
    em[eo+10] = a10;
    em[eo+11] = a11;
    em[eo+12] = a12;
  }
  const tr = transitionsFor(m, profile);
  viterbi(em, n, tr.trans, tr.start, tr.end, tagBuf, tr.mask === 0xffff ? undefined : constMask(tr.mask, n));
  return spansOf(tagBuf, n).map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
}

const transCache = new Map<Model, Map<number, { trans: Float64Array; start: Float64Array; end: Float64Array; mask: number }>>();
let maskBuf = new Uint16Array(0);

function constMask(mask: number, n: number): Uint16Array {
  if (maskBuf.length < n) maskBuf = new Uint16Array(n * 2);
  maskBuf.fill(mask, 0, n);
  return maskBuf;
}

function transitionsFor(m: Model, profile: number) {
  let byProfile = transCache.get(m);
  if (!byProfile) transCache.set(m, (byProfile = new Map()));
  let tr = byProfile.get(profile);
  if (tr) return tr;
  const trans = new Float64Array(NT * NT);
  const start = new Float64Array(NT);
  const end = new Float64Array(NT);
  for (const p of profile === 0 ? [0] : [0, profile]) {
    const src = m.meta.transitions[p];
    if (!src) continue;
    for (let i = 0; i < NT * NT; i++) trans[i] += src[i]! / m.meta.scale;
    for (let i = 0; i < NT; i++) {
      start[i] += src[NT * NT + i]! / m.meta.scale;
      end[i] += src[NT * NT + NT + i]! / m.meta.scale;
    }
  }
  let mask = 0xffff;
  const types = m.meta.profileTypes?.[profile];
  if (types) {
    mask = 1;
    ENTITY_TYPES.forEach((t, k) => {
      if (types.includes(t)) mask |= (1 << tagB(k)) | (1 << tagM(k)) | (1 << tagE(k)) | (1 << tagS(k));
    });
  }
  tr = { trans, start, end, mask };
  byProfile.set(profile, tr);
  return tr;
}
