// Named-entity recognition of people (PER), posts (TITLE), organizations (ORG) and places (LOC): a
// character tagger (BMES tags, first-order Viterbi decoding under the BMES constraints) whose
// weights are a structured averaged perceptron learned by scripts/learn-ner.ts and committed under
// ../dict/learned/. Nothing here reads ../shared.
//
// Features per character (hashed into one table of int8 weights): character n-grams in a window of
// two on each side, character classes, how likely each character is in a person name and how
// name-like the two- and three-character strings around it are (a table learned from nodejieba's
// word list, learned/name-chars.txt), nodejieba's words and part-of-speech tags (nr person, ns
// place, nt organization, x unknown word; the word itself and its neighbours), and matches of
// vocabularies: post titles and organization endings (learned/titles.txt, learned/org-suffixes.txt),
// names of people and organizations seen in the learning data (learned/known-entities.bin.gz, as
// hashes only) and the project's own dictionaries (../dict/*.txt). Names in the project's
// leaders.txt are always taken as people.
//
// The model was learned from three corpora with different annotation conventions (news with
// person/organization/place only, news with posts too, résumés). Each feature has a shared weight and may
// have a weight per corpus ("profile"); the default profile, 'general', uses the shared weights
// alone, which were also trained on their own so that they stand as a general model. A corpus
// profile adds that corpus's weights, transitions and entity biases and returns only the types the
// corpus annotates, so that the tagger can be scored against that corpus (scripts/eval-ner.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import nodejieba from 'nodejieba';
import { dictionaries } from '../dict/index.ts';
import { loadSegmenter } from './segment.ts';

export type EntityType = 'PER' | 'TITLE' | 'ORG' | 'LOC';

export interface Entity {
  type: EntityType;
  start: number;
  /** Exclusive. */
  end: number;
  text: string;
}

/** LOC (places) is learned so that places are told apart from organizations and people. */
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'TITLE', 'ORG', 'LOC'];
/** Profiles: 0 is the shared (general) model; the others add one corpus's conventions. */
export const PROFILES = ['general', 'cluener', 'pd', 'resume'] as const;
export type Profile = (typeof PROFILES)[number];

// ---------------------------------------------------------------------------------------------
// Tags: 0 = O; for entity type k (index in ENTITY_TYPES): B = 1+4k, M = 2+4k, E = 3+4k, S = 4+4k.
export const NT = 1 + 4 * ENTITY_TYPES.length;
if (NT !== 17) throw new Error('recognize: the emission loop is unrolled for 17 tags');
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
export const NF = 39;

/** Final avalanche of a 32-bit hash. */
function fin(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));

export interface Encoded {
  /** Per padded position: a hash of the normalized character. */
  hashes: Int32Array;
  /** Per padded position: the character class (see charClass). */
  classes: Uint8Array;
  /** Per padded position: the name-character buckets (see nameTable). */
  names: Uint16Array;
  /** Per padded position: vocabulary matches (see lexiconMatches). */
  lex: Int32Array;
  /** Per padded position: a hash of nodejieba's part-of-speech tag of the word the character is in. */
  ptag: Int32Array;
  /** Per padded position: where the character is in its word (0 B, 1 M, 2 E, 3 S, 4 padding) | word length (capped at 7) << 3. */
  wpos: Uint8Array;
  /** Per padded position: hashes of the word the character is in, of the word before it and of the word after it. */
  word: Int32Array;
  wprev: Int32Array;
  wnext: Int32Array;
  /** Per padded position: the tags of the word before and of the word after. */
  pprev: Int32Array;
  pnext: Int32Array;
  /** Per padded position: how name-like the two- and three-character strings around it are (see nameSpans). */
  cand: Uint16Array;
}

/** Padded character hashes, classes and name buckets of a text. Reuses `into` when it is large enough. */
export function encode(text: string, into?: Encoded, lexicon: Lexicon = runtimeLexicon()): Encoded {
  const n = text.length;
  const len = n + 2 * PAD;
  const e: Encoded =
    into && into.hashes.length >= len
      ? into
      : {
          hashes: new Int32Array(len * 2),
          classes: new Uint8Array(len * 2),
          names: new Uint16Array(len * 2),
          lex: new Int32Array(len * 2),
          ptag: new Int32Array(len * 2),
          wpos: new Uint8Array(len * 2),
          word: new Int32Array(len * 2),
          wprev: new Int32Array(len * 2),
          wnext: new Int32Array(len * 2),
          pprev: new Int32Array(len * 2),
          pnext: new Int32Array(len * 2),
          cand: new Uint16Array(len * 2),
        };
  const { hashes, classes, names } = e;
  const table = nameTable();
  for (let i = 0; i < PAD; i++) {
    hashes[i] = fin(PAD_L * 0x9e3779b1);
    hashes[n + PAD + i] = fin(PAD_R * 0x9e3779b1);
    classes[i] = 5;
    classes[n + PAD + i] = 5;
    names[i] = 0;
    names[n + PAD + i] = 0;
  }
  for (let i = 0; i < n; i++) {
    const raw = text.charCodeAt(i);
    const c = normCode(raw);
    hashes[i + PAD] = fin(Math.imul(c, 0x9e3779b1) ^ 0x5bd1e995);
    classes[i + PAD] = charClass(raw, c);
    names[i + PAD] = table[raw]!;
  }
  lexiconMatches(text, lexicon, e.lex);
  wordsOf(text, e);
  nameSpans(n, e);
  return e;
}

/** log2 of the share a name-character bucket stands for (bucket 1: ≥ 1/2 … 7: < 1/64; 0: never). */
const BUCKET_LOG = [-9, -0.5, -1.5, -2.5, -3.5, -4.5, -5.5, -7];
/** A summed log-share → 1 (unlikely) … 7 (likely); 0 where a character is not Han. */
const scoreLevel = (v: number) => Math.max(1, Math.min(7, Math.round(8 + v / 1.5)));

/**
 * How much the two- and three-character strings at each position look like a Chinese name, judged
 * from the name-character table alone (surname share of the first character, given-name share of
 * the others): bits 0-2 / 3-5 the level of the three / two characters starting here, 6-8 / 9-11 of
 * those ending here, 12-14 of the three whose middle this is.
 */
function nameSpans(n: number, e: Encoded): void {
  const { names: N, classes: C, cand } = e;
  cand.fill(0, 0, n + 2 * PAD);
  for (let i = 0; i < n; i++) {
    const p = i + PAD;
    if (C[p] !== 0) continue;
    const sur = BUCKET_LOG[N[p]! & 7]!;
    for (const L of [3, 2]) {
      if (i + L > n) continue;
      let v = sur;
      let ok = true;
      for (let k = 1; k < L; k++) {
        if (C[p + k] !== 0) {
          ok = false;
          break;
        }
        v += BUCKET_LOG[(N[p + k]! >> 3) & 7]!;
      }
      if (!ok) continue;
      const lv = scoreLevel(L === 3 ? v : v + 1.5);
      if (L === 3) {
        cand[p] = cand[p]! | lv;
        cand[p + 2] = cand[p + 2]! | (lv << 6);
        cand[p + 1] = cand[p + 1]! | (lv << 12);
      } else {
        cand[p] = cand[p]! | (lv << 3);
        cand[p + 1] = cand[p + 1]! | (lv << 9);
      }
    }
  }
}

/** A hash of a string's normalized characters. */
function strHash(w: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < w.length; k++) h = stepHash(h, normCode(w.charCodeAt(k)));
  return fin(h ^ Math.imul(w.length, 0x9e3779b1));
}
const PAD_WORD = 0x2c1b3c6d;
const PAD_TAG = 0x297a2d39;

/**
 * nodejieba's words and part-of-speech tags (nr person, ns place, nt organization, …), loaded with
 * the project's dictionaries as segment.ts loads it, written per character into e.
 */
function wordsOf(text: string, e: Encoded): void {
  const n = text.length;
  for (let i = 0; i < PAD; i++) {
    for (const p of [i, n + PAD + i]) {
      e.ptag[p] = PAD_TAG;
      e.wpos[p] = 4;
      e.word[p] = PAD_WORD;
      e.wprev[p] = PAD_WORD;
      e.wnext[p] = PAD_WORD;
      e.pprev[p] = PAD_TAG;
      e.pnext[p] = PAD_TAG;
    }
  }
  loadSegmenter();
  const tagged = nodejieba.tag(text);
  const starts: number[] = [];
  const ends: number[] = [];
  const wh: number[] = [];
  const th: number[] = [];
  let at = 0;
  for (const { word, tag } of tagged) {
    let s = text.startsWith(word, at) ? at : text.indexOf(word, at);
    if (s < 0) continue;
    // characters the segmenter skipped (it keeps them all as far as we know) count as one-character words
    for (; at < s; at++) {
      starts.push(at);
      ends.push(at + 1);
      wh.push(strHash(text[at]!));
      th.push(PAD_TAG);
    }
    starts.push(s);
    ends.push(s + word.length);
    wh.push(strHash(word));
    th.push(strHash(tag));
    at = s + word.length;
  }
  for (; at < n; at++) {
    starts.push(at);
    ends.push(at + 1);
    wh.push(strHash(text[at]!));
    th.push(PAD_TAG);
  }
  for (let w = 0; w < starts.length; w++) {
    const s = starts[w]!;
    const L = ends[w]! - s;
    const lenBits = Math.min(L, 7) << 3;
    for (let i = s; i < s + L; i++) {
      const p = i + PAD;
      e.ptag[p] = th[w]!;
      e.wpos[p] = (L === 1 ? 3 : i === s ? 0 : i === s + L - 1 ? 2 : 1) | lenBits;
      e.word[p] = wh[w]!;
      e.wprev[p] = w > 0 ? wh[w - 1]! : PAD_WORD;
      e.wnext[p] = w + 1 < starts.length ? wh[w + 1]! : PAD_WORD;
      e.pprev[p] = w > 0 ? th[w - 1]! : PAD_TAG;
      e.pnext[p] = w + 1 < starts.length ? th[w + 1]! : PAD_TAG;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabularies: post titles, organization endings, organization names, places. Each entry is a
// string and a kind; a text is scanned for every entry ending at each position.

export const LEX_TITLE = 1;
export const LEX_ORG_SUFFIX = 2;
export const LEX_ORG = 4;
export const LEX_PLACE = 8;
export const LEX_SURNAME = 16;
export const LEX_PERSON = 32;
/** A person's name seen in the learning data (learned/known-entities.bin.gz). */
export const LEX_NAME = 64;
const LEX_MORE = 128;
const LEX_MAX = 8;

export interface Lexicon {
  keys: Int32Array;
  kinds: Uint8Array;
  mask: number;
}

const stepHash = (h: number, c: number) => Math.imul(h ^ c, 0x01000193);
const keyOf = (h: number, len: number) => fin(h ^ Math.imul(len, 0x9e3779b1)) | 1;

export function buildLexicon(entries: Iterable<[string, number]>, extra?: LexiconKeys): Lexicon {
  const list = [...entries].filter(([w]) => w.length >= 1 && w.length <= LEX_MAX);
  let size = 1024;
  const total = list.reduce((n, [w]) => n + w.length, 0) + (extra?.keys.length ?? 0);
  while (size < total * 2) size *= 2;
  const lex: Lexicon = { keys: new Int32Array(size), kinds: new Uint8Array(size), mask: size - 1 };
  // Every ending of an entry goes in too (marked LEX_MORE), so that the scan, which grows a string
  // leftwards from each position, stops as soon as no entry ends with it.
  for (const [w, kind] of list) {
    let h = 0x811c9dc5;
    for (let k = w.length - 1; k >= 0; k--) {
      h = stepHash(h, normCode(w.charCodeAt(k)));
      const len = w.length - k;
      const key = keyOf(h, len);
      let slot = key & lex.mask;
      while (lex.keys[slot] !== 0 && lex.keys[slot] !== key) slot = (slot + 1) & lex.mask;
      lex.keys[slot] = key;
      lex.kinds[slot] = lex.kinds[slot]! | (k === 0 ? kind : LEX_MORE);
    }
  }
  if (extra) {
    for (let i = 0; i < extra.keys.length; i++) {
      const key = extra.keys[i]!;
      let slot = key & lex.mask;
      while (lex.keys[slot] !== 0 && lex.keys[slot] !== key) slot = (slot + 1) & lex.mask;
      lex.keys[slot] = key;
      lex.kinds[slot] = lex.kinds[slot]! | extra.kinds[i]!;
    }
  }
  return lex;
}

/**
 * A vocabulary as its hashed keys alone (no text): what the learned list of known names and
 * organizations is kept as (learned/known-entities.bin.gz), to be merged into a lexicon.
 */
export interface LexiconKeys {
  keys: Int32Array;
  kinds: Uint8Array;
}

export function lexiconKeys(entries: Iterable<[string, number]>): LexiconKeys {
  const lex = buildLexicon(entries);
  const idx: number[] = [];
  for (let i = 0; i < lex.keys.length; i++) if (lex.keys[i] !== 0) idx.push(i);
  return { keys: Int32Array.from(idx, (i) => lex.keys[i]!), kinds: Uint8Array.from(idx, (i) => lex.kinds[i]!) };
}

/** Bytes: count (uint32 LE), then the keys (int32 LE), then the kinds (uint8). */
export function encodeLexiconKeys(k: LexiconKeys): Buffer {
  const n = k.keys.length;
  const buf = Buffer.alloc(4 + 5 * n);
  buf.writeUInt32LE(n, 0);
  for (let i = 0; i < n; i++) buf.writeInt32LE(k.keys[i]!, 4 + 4 * i);
  for (let i = 0; i < n; i++) buf[4 + 4 * n + i] = k.kinds[i]!;
  return buf;
}

export function decodeLexiconKeys(buf: Buffer): LexiconKeys {
  const n = buf.readUInt32LE(0);
  if (buf.length !== 4 + 5 * n) throw new Error('recognize: learned known-entities file has the wrong size');
  const keys = new Int32Array(n);
  for (let i = 0; i < n; i++) keys[i] = buf.readInt32LE(4 + 4 * i);
  return { keys, kinds: Uint8Array.from(buf.subarray(4 + 4 * n)) };
}

/**
 * Writes, per padded position, the vocabulary matches around it: bits 0-2 the length of the longest
 * title starting here, 3-5 of the longest title ending here, 6 inside a title; 7-9 the longest
 * organization ending ending here; 10-12 / 13-15 / 16 the same as 0-6 for organization names;
 * 17 / 18 a place starting / ending here; 19 / 20 a compound surname starting / ending here; 21 / 22
 * a known person (the project's list of national leaders) starting / ending here; 23-25 / 26-28 / 29
 * the same as 0-6 for names of people seen in the learning data.
 */
function lexiconMatches(text: string, lex: Lexicon, out: Int32Array): void {
  const n = text.length;
  out.fill(0, 0, n + 2 * PAD);
  const { keys, kinds, mask } = lex;
  for (let e = 0; e < n; e++) {
    let h = 0x811c9dc5;
    const lo = Math.max(0, e - LEX_MAX + 1);
    for (let s = e; s >= lo; s--) {
      const c = text.charCodeAt(s);
      if (c < 0x3400) break; // vocabularies are Han only
      h = stepHash(h, normCode(c));
      const len = e - s + 1;
      const key = keyOf(h, len);
      let slot = key & mask;
      let kind = 0;
      while (keys[slot] !== 0) {
        if (keys[slot] === key) {
          kind = kinds[slot]!;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (!kind) break; // no entry ends with this string
      kind &= ~LEX_MORE;
      if (!kind) continue;
      const L = Math.min(len, 7);
      const ps = s + PAD;
      const pe = e + PAD;
      if (kind & LEX_TITLE) {
        if ((out[ps]! & 7) < L) out[ps] = (out[ps]! & ~7) | L;
        if (((out[pe]! >> 3) & 7) < L) out[pe] = (out[pe]! & ~(7 << 3)) | (L << 3);
        for (let p = ps + 1; p < pe; p++) out[p] = out[p]! | (1 << 6);
      }
      if (kind & LEX_ORG_SUFFIX && ((out[pe]! >> 7) & 7) < L) out[pe] = (out[pe]! & ~(7 << 7)) | (L << 7);
      if (kind & LEX_ORG) {
        if (((out[ps]! >> 10) & 7) < L) out[ps] = (out[ps]! & ~(7 << 10)) | (L << 10);
        if (((out[pe]! >> 13) & 7) < L) out[pe] = (out[pe]! & ~(7 << 13)) | (L << 13);
        for (let p = ps + 1; p < pe; p++) out[p] = out[p]! | (1 << 16);
      }
      if (kind & LEX_PLACE) {
        out[ps] = out[ps]! | (1 << 17);
        out[pe] = out[pe]! | (1 << 18);
      }
      if (kind & LEX_SURNAME) {
        out[ps] = out[ps]! | (1 << 19);
        out[pe] = out[pe]! | (1 << 20);
      }
      if (kind & LEX_PERSON) {
        out[ps] = out[ps]! | (1 << 21);
        out[pe] = out[pe]! | (1 << 22);
      }
      if (kind & LEX_NAME) {
        if (((out[ps]! >> 23) & 7) < L) out[ps] = (out[ps]! & ~(7 << 23)) | (L << 23);
        if (((out[pe]! >> 26) & 7) < L) out[pe] = (out[pe]! & ~(7 << 26)) | (L << 26);
        for (let p = ps + 1; p < pe; p++) out[p] = out[p]! | (1 << 29);
      }
    }
  }
}

export const LEARNED_TITLES = 'titles.txt';
export const LEARNED_ORG_SUFFIXES = 'org-suffixes.txt';
export const LEARNED_KNOWN = 'known-entities.bin.gz';
let lexicon: Lexicon | undefined;

/** The vocabulary entries of the project's dictionaries (../dict/*.txt). */
export function projectLexiconEntries(): [string, number][] {
  const d = dictionaries();
  return [
    ...d.titles.map((w): [string, number] => [w, LEX_TITLE]),
    ...d.orgSuffixes.map((w): [string, number] => [w, LEX_ORG_SUFFIX]),
    ...d.localBodies.map((w): [string, number] => [w, LEX_ORG_SUFFIX]),
    ...d.orgNames.map((w): [string, number] => [w, LEX_ORG]),
    ...d.provinces.map((w): [string, number] => [w, LEX_PLACE]),
    ...[...d.compoundSurnames].map((w): [string, number] => [w, LEX_SURNAME]),
    ...[...d.leaders].map((w): [string, number] => [w, LEX_PERSON]),
  ];
}

/** The learned vocabularies and the project's dictionaries. */
export function runtimeLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const learned = (name: string, kind: number): [string, number][] =>
    readFileSync(learnedDir(name), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map((l): [string, number] => [l, kind]);
  const known = decodeLexiconKeys(gunzipSync(readFileSync(learnedDir(LEARNED_KNOWN))));
  return (lexicon = buildLexicon([...projectLexiconEntries(), ...learned(LEARNED_TITLES, LEX_TITLE), ...learned(LEARNED_ORG_SUFFIXES, LEX_ORG_SUFFIX)], known));
}

/** For the learner: use this lexicon instead of the committed one. */
export function setLexicon(l: Lexicon | undefined): void {
  lexicon = l;
}

// A distinct seed per template and profile.
const SEEDS = new Int32Array(64 * 8);
for (let i = 0; i < SEEDS.length; i++) SEEDS[i] = fin(Math.imul(i + 1, 0x27d4eb2f));

/**
 * Writes NF bucket indices (already multiplied by NT) per position into out[outOffset + i*NF ...],
 * for the given profile (0 = shared weights).
 */
export function features(enc: Encoded, n: number, profile: number, mask: number, out: Int32Array, outOffset = 0): void {
  const { hashes: H, classes: C, names: N, lex: X, ptag: P, wpos: B, word: Wd, wprev: Wp, wnext: Wn, pprev: Pp, pnext: Pn, cand: K } = enc;
  const sd = profile << 6;
  const S = SEEDS;
  for (let i = 0; i < n; i++) {
    const j = i + PAD;
    const hm2 = H[j - 2]!;
    const hm1 = H[j - 1]!;
    const h0 = H[j]!;
    const h1 = H[j + 1]!;
    const h2 = H[j + 2]!;
    const km1 = C[j - 1]!;
    const k1 = C[j + 1]!;
    const shape = C[j - 2]! | (km1 << 3) | (C[j]! << 6) | (k1 << 9) | (C[j + 2]! << 12);
    // name-character classes: surname (bits 0-2), given-name (3-5), transliteration (6-8) buckets
    const nm2 = N[j - 2]!;
    const nm1 = N[j - 1]!;
    const n0 = N[j]!;
    const n1 = N[j + 1]!;
    const n2 = N[j + 2]!;
    const o = outOffset + i * NF;
    out[o] = (fin(S[sd]! ^ h0) & mask) * NT;
    out[o + 1] = (fin(S[sd + 1]! ^ hm1) & mask) * NT;
    out[o + 2] = (fin(S[sd + 2]! ^ h1) & mask) * NT;
    out[o + 3] = (fin(S[sd + 3]! ^ hm2) & mask) * NT;
    out[o + 4] = (fin(S[sd + 4]! ^ h2) & mask) * NT;
    out[o + 5] = (fin(S[sd + 5]! ^ hm1 ^ rotl(h0, 11)) & mask) * NT;
    out[o + 6] = (fin(S[sd + 6]! ^ h0 ^ rotl(h1, 11)) & mask) * NT;
    out[o + 7] = (fin(S[sd + 7]! ^ hm2 ^ rotl(hm1, 11)) & mask) * NT;
    out[o + 8] = (fin(S[sd + 8]! ^ h1 ^ rotl(h2, 11)) & mask) * NT;
    out[o + 9] = (fin(S[sd + 9]! ^ hm1 ^ rotl(h1, 11)) & mask) * NT;
    out[o + 10] = (fin(S[sd + 10]! ^ hm1 ^ rotl(h0, 11) ^ rotl(h1, 22)) & mask) * NT;
    out[o + 11] = (fin(S[sd + 11]! ^ hm2 ^ rotl(hm1, 11) ^ rotl(h0, 22)) & mask) * NT;
    out[o + 12] = (fin(S[sd + 12]! ^ h0 ^ rotl(h1, 11) ^ rotl(h2, 22)) & mask) * NT;
    out[o + 13] = (S[sd + 13]! & mask) * NT;
    out[o + 14] = (fin(S[sd + 14]! ^ shape) & mask) * NT;
    out[o + 15] = (fin(S[sd + 15]! ^ h0 ^ rotl(km1 | (k1 << 3), 7)) & mask) * NT;
    out[o + 16] = (fin(S[sd + 16]! ^ hm2 ^ rotl(h0, 11)) & mask) * NT;
    out[o + 17] = (fin(S[sd + 17]! ^ ((n0 & 7) | (n1 & 0x38) | ((n2 & 0x38) << 3))) & mask) * NT;
    out[o + 18] = (fin(S[sd + 18]! ^ ((nm1 & 7) | (n0 & 0x38) | ((n1 & 0x38) << 3))) & mask) * NT;
    out[o + 19] = (fin(S[sd + 19]! ^ ((nm2 & 7) | (nm1 & 0x38) | ((n0 & 0x38) << 3))) & mask) * NT;
    out[o + 20] = (fin(S[sd + 20]! ^ hm1 ^ rotl((n0 & 7) | (n1 & 0x38), 13)) & mask) * NT;
    out[o + 21] = (fin(S[sd + 21]! ^ ((nm1 & 0x1c0) | ((n0 & 0x1c0) << 3) | ((n1 & 0x1c0) << 6))) & mask) * NT;
    // vocabulary matches
    const xm1 = X[j - 1]!;
    const x0 = X[j]!;
    const x1 = X[j + 1]!;
    out[o + 22] = (fin(S[sd + 22]! ^ (x0 & 0x7f) ^ ((xm1 & 0x38) << 4) ^ ((x1 & 7) << 10)) & mask) * NT;
    out[o + 23] = (fin(S[sd + 23]! ^ ((x0 >> 7) & 7) ^ (((x1 >> 7) & 7) << 3) ^ (((x0 >> 17) & 15) << 6) ^ (((xm1 >> 19) & 15) << 12)) & mask) * NT;
    out[o + 24] = (fin(S[sd + 24]! ^ ((x0 >> 10) & 0x7f) ^ (((xm1 >> 13) & 7) << 7) ^ (((x1 >> 10) & 7) << 10)) & mask) * NT;
    out[o + 25] = (fin(S[sd + 25]! ^ h0 ^ rotl((xm1 >> 3) & 7, 5)) & mask) * NT;
    // nodejieba's words and tags
    const t0 = P[j]!;
    const b0 = B[j]! & 7;
    const bl0 = B[j]!;
    out[o + 26] = (fin(S[sd + 26]! ^ t0 ^ rotl(bl0, 17)) & mask) * NT;
    out[o + 27] = (fin(S[sd + 27]! ^ t0 ^ rotl(b0, 17) ^ rotl(P[j - 1]!, 7) ^ rotl(B[j - 1]! & 7, 20)) & mask) * NT;
    out[o + 28] = (fin(S[sd + 28]! ^ t0 ^ rotl(b0, 17) ^ rotl(P[j + 1]!, 7) ^ rotl(B[j + 1]! & 7, 20)) & mask) * NT;
    out[o + 29] = (fin(S[sd + 29]! ^ Wd[j]! ^ rotl(b0, 17)) & mask) * NT;
    out[o + 30] = (fin(S[sd + 30]! ^ Wp[j]! ^ rotl(b0, 17)) & mask) * NT;
    out[o + 31] = (fin(S[sd + 31]! ^ Wn[j]! ^ rotl(b0, 17)) & mask) * NT;
    out[o + 32] = (fin(S[sd + 32]! ^ h0 ^ rotl(t0, 9) ^ rotl(b0, 23)) & mask) * NT;
    out[o + 33] = (fin(S[sd + 33]! ^ Pp[j]! ^ rotl(t0, 9) ^ rotl(b0, 23)) & mask) * NT;
    out[o + 34] = (fin(S[sd + 34]! ^ Pn[j]! ^ rotl(t0, 9) ^ rotl(b0, 23)) & mask) * NT;
    // names of people seen in the learning data
    out[o + 35] = (fin(S[sd + 35]! ^ ((x0 >>> 23) & 0x7f) ^ (((xm1 >>> 26) & 7) << 7) ^ (((x1 >>> 23) & 7) << 10)) & mask) * NT;
    // how name-like the strings around are
    const c0 = K[j]!;
    out[o + 36] = (fin(S[sd + 36]! ^ c0) & mask) * NT;
    out[o + 37] = (fin(S[sd + 37]! ^ (c0 & 0x3f) ^ rotl(t0, 6) ^ rotl(bl0, 27)) & mask) * NT;
    out[o + 38] = (fin(S[sd + 38]! ^ (c0 & 0x3f) ^ ((K[j - 1]! & 0xe00) << 6) ^ ((K[j - 2]! & 0x1c0) << 9) ^ rotl(hm1, 20)) & mask) * NT;
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
const NO = OUTER_TO.length;
const outerTrans = new Float64Array(NO * NO);
const vPrev = new Float64Array(NT);
const vCur = new Float64Array(NT);
const fromBuf = new Float64Array(NO);
/** All tags allowed. */
const ALL_TAGS = 2 ** NT - 1;

export function viterbi(
  em: Int32Array | Float32Array | Float64Array,
  n: number,
  trans: Float64Array,
  transStart: Float64Array,
  transEnd: Float64Array,
  tags: Uint8Array,
  allowedMask?: Uint32Array,
): void {
  if (n === 0) return;
  if (backBuf.length < n * NT) backBuf = new Uint8Array(n * NT * 2);
  const back = backBuf;
  let prev = vPrev;
  let cur = vCur;
  const NEG = -1e30;
  const OT = outerTrans;
  const fr = fromBuf;
  for (let a = 0; a < NO; a++) for (let b = 0; b < NO; b++) OT[a * NO + b] = trans[OUTER_FROM[b]! * NT + OUTER_TO[a]!]!;
  for (let t = 0; t < NT; t++) {
    const ok = allowed(-1, t) && (!allowedMask || (allowedMask[0]! >>> t) & 1);
    prev[t] = ok ? em[t]! + transStart[t]! : NEG;
  }
  for (let i = 1; i < n; i++) {
    const m = allowedMask ? allowedMask[i]! : ALL_TAGS;
    const eo = i * NT;
    const bo = i * NT;
    // outer targets (O, B-*, S-*): from O, E-*, S-*
    for (let b = 0; b < NO; b++) fr[b] = prev[OUTER_FROM[b]!]!;
    for (let a = 0; a < NO; a++) {
      const t = OUTER_TO[a]!;
      if (!((m >>> t) & 1)) {
        cur[t] = NEG;
        continue;
      }
      const ob = a * NO;
      let best = fr[0]! + OT[ob]!;
      let arg = 0;
      for (let b = 1; b < NO; b++) {
        const v = fr[b]! + OT[ob + b]!;
        if (v > best) {
          best = v;
          arg = b;
        }
      }
      cur[t] = best + em[eo + t]!;
      back[bo + t] = OUTER_FROM[arg]!;
    }
    // inner targets: M-k, E-k from B-k, M-k
    for (let k = 0; k < NK; k++) {
      const B = 1 + 4 * k;
      const M = B + 1;
      for (let t = M; t <= M + 1; t++) {
        if (!((m >>> t) & 1)) {
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
  /** Per profile, the types its corpus annotates; recognizing with a profile returns only those. */
  profileTypes?: string[][];
  /** Per profile and type (in weight units): added to the score of starting an entity of that type. */
  bias?: number[][];
  /** Per profile: no feature weights of its own (the profile still has its transitions, biases and types). */
  sharedOnly?: boolean[];
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
 * a transliterated foreign name (see scripts/learn-ner.ts). File lines: character, tab, code in base 36.
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
  transCache.clear();
}

export interface RecognizeOptions {
  /** Annotation conventions to follow; 'general' (the default) uses the shared weights only. */
  profile?: Profile;
}

let encBuf: Encoded | undefined;
let featBuf = new Int32Array(0);
let emBuf: Int32Array | Float32Array = new Int32Array(0);
let tagBuf = new Uint8Array(0);

/** The entities of a text, in order; offsets are UTF-16 indices into text. */
export function recognize(text: string, options: RecognizeOptions = {}): Entity[] {
  const n = text.length;
  if (n === 0) return [];
  const profile = Math.max(0, PROFILES.indexOf(options.profile ?? 'general'));
  const enc = (encBuf = encode(text, encBuf));
  return decode(text, enc.lex, emissionsInto(enc, n, profile), profile);
}

/** Emission scores em[i*NT + t] of an encoded text of n characters, in a reused buffer. */
function emissionsInto(enc: Encoded, n: number, profile: number): Int32Array | Float32Array {
  const m = loadModel();
  const own = profile !== 0 && !m.meta.sharedOnly?.[profile];
  const nProfiles = own ? 2 : 1;
  if (featBuf.length < n * NF * nProfiles) featBuf = new Int32Array(n * NF * nProfiles * 2);
  if (emBuf.length < n * NT || (m.weights instanceof Float32Array) !== (emBuf instanceof Float32Array)) {
    emBuf = m.weights instanceof Float32Array ? new Float32Array(n * NT * 2) : new Int32Array(n * NT * 2);
  }
  features(enc, n, 0, m.mask, featBuf, 0);
  if (own) features(enc, n, profile, m.mask, featBuf, n * NF);
  const W = m.weights;
  const em = emBuf;
  const F = featBuf;
  // this loop is most of the time taken: the 17 tags (NT) unrolled into locals
  for (let i = 0; i < n; i++) {
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0, a16 = 0;
    for (let p = 0; p < nProfiles; p++) {
      const fo = p * n * NF + i * NF;
      for (let f = 0; f < NF; f++) {
        const w = F[fo + f]!;
        a0 += W[w + 0]!;
        a1 += W[w + 1]!;
        a2 += W[w + 2]!;
        a3 += W[w + 3]!;
        a4 += W[w + 4]!;
        a5 += W[w + 5]!;
        a6 += W[w + 6]!;
        a7 += W[w + 7]!;
        a8 += W[w + 8]!;
        a9 += W[w + 9]!;
        a10 += W[w + 10]!;
        a11 += W[w + 11]!;
        a12 += W[w + 12]!;
        a13 += W[w + 13]!;
        a14 += W[w + 14]!;
        a15 += W[w + 15]!;
        a16 += W[w + 16]!;
      }
    }
    const eo = i * NT;
    em[eo + 0] = a0;
    em[eo + 1] = a1;
    em[eo + 2] = a2;
    em[eo + 3] = a3;
    em[eo + 4] = a4;
    em[eo + 5] = a5;
    em[eo + 6] = a6;
    em[eo + 7] = a7;
    em[eo + 8] = a8;
    em[eo + 9] = a9;
    em[eo + 10] = a10;
    em[eo + 11] = a11;
    em[eo + 12] = a12;
    em[eo + 13] = a13;
    em[eo + 14] = a14;
    em[eo + 15] = a15;
    em[eo + 16] = a16;
  }
  return em;
}

function decode(text: string, lex: Int32Array, em: Int32Array | Float32Array | Float64Array, profile: number): Entity[] {
  const n = text.length;
  const m = loadModel();
  if (tagBuf.length < n) tagBuf = new Uint8Array(n * 2);
  const tr = transitionsFor(m, profile);
  viterbi(em, n, tr.trans, tr.start, tr.end, tagBuf);
  const spans = spansOf(tagBuf, n);
  const known = knownPeople(lex, n);
  const out: Entity[] = [];
  const pd = PD_RULES && PROFILES[profile] === 'pd';
  for (const s of known.length ? withKnownPeople(spans, known) : spans) {
    if (pd && s.type === 'PER') trimPdPerson(text, s);
    if (!tr.types || tr.types.includes(s.type)) out.push({ ...s, text: text.slice(s.start, s.end) });
  }
  return out;
}

/**
 * For the learner, which tunes transitions and biases: a text's vocabulary matches and emission
 * scores under the current model (copies), to decode again and again with decodeEmissions.
 */
export function emissions(text: string, profile: Profile): { lex: Int32Array; em: Int32Array | Float32Array } {
  const n = text.length;
  const p = Math.max(0, PROFILES.indexOf(profile));
  const enc = (encBuf = encode(text, encBuf));
  return { lex: enc.lex.slice(0, n + 2 * PAD), em: emissionsInto(enc, n, p).slice(0, n * NT) };
}

/** recognize() from emissions(): the current model's transitions, biases and profile types applied. */
export function decodeEmissions(text: string, e: { lex: Int32Array; em: Int32Array | Float32Array }, profile: Profile): Entity[] {
  if (!text.length) return [];
  return decode(text, e.lex, e.em, Math.max(0, PROFILES.indexOf(profile)));
}

type Span = { type: EntityType; start: number; end: number };

// People's Daily's convention (profile 'pd' only): a person is the name alone, without 小/老 before
// it or a form of address after it (江主席 → 江, 陈老师 → 陈, 胡老 → 胡, 老于 → 于, 王某 → 王).
// NER_NO_PD_RULES=1 turns this off, to measure it (scripts/ner-errors.ts --load).
const PD_RULES = !process.env.NER_NO_PD_RULES;
const PD_ADDRESS = ['主席', '总理', '老师', '先生', '小姐', '女士', '同志', '师傅', '大娘', '大爷', '大妈', '大姐', '大哥', '大嫂', '教授', '书记', '老', '某', '总'];
const isSurnameAt = (w: string, i: number) => dictionaries().surnames.has(w[i]!) || dictionaries().compoundSurnames.has(w.slice(i, i + 2));

/** Narrows a person span `s` of `text` to People's Daily's bounds (see above), in place. */
export function trimPdPerson(text: string, s: Span): void {
  let w = text.slice(s.start, s.end);
  if (w.length >= 2 && (w[0] === '小' || w[0] === '老') && (isSurnameAt(w, 1) || w.length >= 4)) {
    s.start++;
    w = w.slice(1);
  }
  for (const a of PD_ADDRESS) {
    if (w.length > a.length && w.endsWith(a) && isSurnameAt(w, 0) && (a.length > 1 || w.length === 2)) {
      s.end -= a.length;
      return;
    }
  }
}

/** Spans of the project's known people (leaders.txt) that the vocabulary scan found. */
function knownPeople(lex: Int32Array, n: number): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < n; i++) {
    if (!((lex[i + PAD]! >> 21) & 1)) continue;
    for (let e = i + 1; e < Math.min(n, i + LEX_MAX); e++) {
      if ((lex[e + PAD]! >> 22) & 1) {
        out.push({ type: 'PER', start: i, end: e + 1 });
        i = e;
        break;
      }
    }
  }
  return out;
}

/** A known person wins over the tagger's spans that overlap it. */
function withKnownPeople(spans: Span[], known: Span[]): Span[] {
  const kept = spans.filter((s) => !known.some((k) => s.start < k.end && k.start < s.end));
  return [...kept, ...known].sort((a, b) => a.start - b.start);
}

const transCache = new Map<Model, Map<number, { trans: Float64Array; start: Float64Array; end: Float64Array; types: string[] | undefined }>>();

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
    for (let i = 0; i < NT * NT; i++) trans[i] = trans[i]! + src[i]! / m.meta.scale;
    for (let i = 0; i < NT; i++) {
      start[i] = start[i]! + src[NT * NT + i]! / m.meta.scale;
      end[i] = end[i]! + src[NT * NT + NT + i]! / m.meta.scale;
    }
  }
  const bias = m.meta.bias?.[profile];
  if (bias) {
    for (let k = 0; k < NK; k++) {
      const v = (bias[k] ?? 0) / m.meta.scale;
      for (const t of [tagB(k), tagS(k)]) {
        start[t] = start[t]! + v;
        for (let a = 0; a < NT; a++) trans[a * NT + t] = trans[a * NT + t]! + v;
      }
    }
  }
  const types = profile ? m.meta.profileTypes?.[profile] : undefined;
  tr = { trans, start, end, types: types && types.length < ENTITY_TYPES.length ? types : undefined };
  byProfile.set(profile, tr);
  return tr;
}
