// Stage 4, segment: the normalized text → paragraphs and sentences with their offsets, and
// nodejieba word segmentation with our own user dictionary (posts, organizations, meeting kinds).
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import { userDictionaryWords } from '../dict/index.ts';
import type { Evidence } from '../types.ts';

export interface Sentence extends Evidence {
  /** Index of the paragraph the sentence is in. */
  paragraph: number;
}

export interface Paragraph {
  text: string;
  start: number;
  end: number;
  sentences: Sentence[];
}

/** Splits at sentence ends (。！？；) kept with the sentence, and at closing quotes that follow them. */
export function segmentSentences(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    const end = offset + line.length;
    offset = end + 1;
    if (!line.trim()) continue;
    const sentences: Sentence[] = [];
    const re = /[^。！？；!?;]*(?:[。！？；!?;]+[”’」』）)]*|$)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line)) && m[0].length > 0) {
      const s = m[0];
      const lead = s.length - s.trimStart().length;
      const body = s.trim();
      if (body) {
        sentences.push({ sentence: body, start: start + m.index + lead, end: start + m.index + lead + body.length, paragraph: paragraphs.length });
      }
    }
    paragraphs.push({ text: line, start, end, sentences });
  }
  return paragraphs;
}

let jiebaReady = false;

/** Loads nodejieba once with its default dictionaries plus ours. */
export function loadSegmenter(): void {
  if (jiebaReady) return;
  const dir = join(tmpdir(), 'bulletin-graph');
  mkdirSync(dir, { recursive: true });
  const userDict = join(dir, `user-dict-${process.pid}.utf8`);
  // nodejieba reads the user dictionary from a file: one word, a frequency and a tag a line.
  writeFileSync(userDict, [...new Set(userDictionaryWords())].map((w) => `${w} 100000 nt`).join('\n') + '\n');
  nodejieba.load({ userDict });
  jiebaReady = true;
}

export function words(text: string): string[] {
  loadSegmenter();
  return nodejieba.cut(text);
}

export interface TaggedWord {
  word: string;
  tag: string;
  start: number;
}

/** Words with part-of-speech tags (nr = person name) and their offsets in `text`. */
export function tagWords(text: string): TaggedWord[] {
  loadSegmenter();
  let at = 0;
  return nodejieba.tag(text).map(({ word, tag }) => {
    const start = text.indexOf(word, at);
    at = start < 0 ? at : start + word.length;
    return { word, tag, start: start < 0 ? at : start };
  });
}
