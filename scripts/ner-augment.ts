// Mention-replacement augmentation for scripts/learn-ner.ts: extra learning sentences made from the
// learning split by putting, in place of each person (and, if asked, organization) mention, another
// mention of the same type drawn from the learning split, or for people a name made up from the
// learning split's name statistics (surname, given-name characters; two- and three-character
// names, compound surnames, transliterated names recombined from their parts). The tagger then sees
// each context with names it has not memorized, so that it learns the context rather than the name.
//
// A replacement is drawn from mentions of the same fold as the sentence (see learnVocabularies in
// learn-ner.ts), so that a sentence learned with the names of the other folds meets a replacement
// "known" to that lexicon about as often as an original mention is. Organizations are drawn from
// the same corpus only (each corpus bounds them its own way); people from all corpora.
import { dictionaries } from '../src/ingest/dict/index.ts';
import type { EntityType } from '../src/ingest/stages/recognize.ts';
import type { Corpus, Sample, Span } from './eval-ner.ts';

export interface AugmentOptions {
  /** Augmented copies per corpus profile (0: none). */
  copies: (c: Corpus) => number;
  /** Types whose mentions are replaced. */
  types: ReadonlySet<EntityType>;
  /** Share of replaced person names (of two or more characters) that are made up rather than drawn. */
  synth: number;
  seed: number;
  folds: number;
  foldOf: (s: Sample) => number;
}

export interface Augmented {
  corpus: Corpus;
  sample: Sample;
  fold: number;
}

/** A seeded xorshift generator of numbers in [0, 1): the same learning run for the same seed. */
export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const HAN_NAME = /^[\u3400-\u9fff·•]+$/;
const HAN = /^[\u3400-\u9fff]+$/;

export function augmentSamples(learn: Corpus[], o: AugmentOptions): Augmented[] {
  // Two-character surnames: the project's list (src/ingest/dict/surnames.txt), as extraction reads it.
  const COMPOUND = dictionaries().compoundSurnames;
  const random = rng(o.seed * 7919 + 17);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(random() * a.length)]!;

  // Pools: people per fold (all corpora); organizations per corpus and fold.
  const people: string[][] = Array.from({ length: o.folds }, () => []);
  const orgs = new Map<Corpus, string[][]>();
  const surnames: string[] = [];
  const given1: string[] = [];
  const given2: string[] = [];
  const givenOnly: string[] = [];
  const compounds: string[] = [];
  const translitParts: string[] = [];
  for (const c of learn) {
    const op: string[][] = Array.from({ length: o.folds }, () => []);
    orgs.set(c, op);
    for (const s of c.samples) {
      const fold = o.foldOf(s);
      for (const sp of s.spans) {
        const w = s.text.slice(sp.start, sp.end);
        if (sp.type === 'ORG' && w.length >= 2) op[fold]!.push(w);
        if (sp.type !== 'PER' || !HAN_NAME.test(w)) continue;
        if (w.length >= 2 && w.length <= 12) people[fold]!.push(w);
        if (/[·•]/.test(w)) {
          for (const part of w.split(/[·•]/)) if (part.length >= 2) translitParts.push(part);
          continue;
        }
        if (!HAN.test(w) || /^[小老阿]/.test(w)) continue;
        if (COMPOUND.has(w.slice(0, 2)) && w.length >= 3 && w.length <= 4) {
          compounds.push(w.slice(0, 2));
          continue;
        }
        if (w.length === 3) {
          surnames.push(w[0]!);
          given1.push(w[1]!);
          given2.push(w[2]!);
        } else if (w.length === 2) {
          surnames.push(w[0]!);
          givenOnly.push(w[1]!);
        }
      }
    }
  }
  if (!compounds.length) compounds.push(...COMPOUND);

  const makeName = (): string => {
    const r = random();
    if (r < 0.04) return pick(compounds) + (random() < 0.5 ? pick(givenOnly) : pick(given1) + pick(given2));
    if (r < 0.3) return pick(surnames) + pick(givenOnly);
    return pick(surnames) + pick(given1) + pick(given2);
  };
  const replacePerson = (w: string, fold: number): string => {
    if (w.length === 1) return pick(surnames);
    if (/[·•]/.test(w) && translitParts.length && random() < 0.5) {
      const parts = w.split(/[·•]/).length;
      const sep = w.includes('•') ? '•' : '·';
      return Array.from({ length: Math.max(2, parts) }, () => pick(translitParts)).join(sep);
    }
    if (random() < o.synth) return makeName();
    const pool = people[fold]!.length ? people[fold]! : people.flat();
    return pick(pool);
  };

  const out: Augmented[] = [];
  for (const c of learn) {
    const copies = o.copies(c);
    if (!copies) continue;
    const op = orgs.get(c)!;
    for (const s of c.samples) {
      const targets = s.spans.filter((sp) => o.types.has(sp.type as EntityType));
      if (!targets.length) continue;
      const fold = o.foldOf(s);
      for (let k = 0; k < copies; k++) {
        const spans = [...s.spans].sort((a, b) => a.start - b.start);
        let text = '';
        let at = 0;
        const outSpans: Span[] = [];
        for (const sp of spans) {
          text += s.text.slice(at, sp.start);
          const w = s.text.slice(sp.start, sp.end);
          let r = w;
          if (o.types.has(sp.type as EntityType)) {
            if (sp.type === 'PER' && HAN_NAME.test(w)) r = replacePerson(w, fold);
            else if (sp.type === 'ORG') {
              const pool = op[fold]!.length ? op[fold]! : op.flat();
              if (pool.length) r = pick(pool);
            }
          }
          outSpans.push({ type: sp.type, start: text.length, end: text.length + r.length });
          text += r;
          at = sp.end;
        }
        text += s.text.slice(at);
        out.push({ corpus: c, sample: { text, spans: outSpans }, fold });
      }
    }
  }
  return out;
}
