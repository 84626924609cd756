// Stage 4, segment: the normalized text → paragraphs and sentences with their offsets, and
// nodejieba word segmentation with our own user dictionary (posts, organizations, meeting kinds).
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
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

/** A shared file of fixed content, replaced whole (rename), so that a thread never reads it half-written. */
function placeholder(dir: string, name: string, content: string): string {
  const path = join(dir, name);
  const tmp = `${path}.${process.pid}-${threadId}`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
  return path;
}

/** Loads nodejieba once with its default dictionary and HMM model plus our user dictionary. */
export function loadSegmenter(): void {
  if (jiebaReady) return;
  const dir = join(tmpdir(), 'bulletin-graph');
  mkdirSync(dir, { recursive: true });
  // Per thread: extraction workers share the process id, and one truncating the file while
  // another's nodejieba reads it would load a partial dictionary.
  const userDict = join(dir, `user-dict-${process.pid}-${threadId}.utf8`);
  // nodejieba reads the user dictionary from a file: one word, a frequency and a tag a line.
  writeFileSync(userDict, [...new Set(userDictionaryWords())].map((w) => `${w} 100000 nt`).join('\n') + '\n');
  // The IDF table and stop words serve only nodejieba's keyword extraction, which nothing here
  // uses; load reads them all the same (6 MB, a sixth of each worker's start-up), so it gets a
  // one-line stand-in for each. cut and tag read the dictionaries and the HMM model only.
  const idfDict = placeholder(dir, 'unused-idf.utf8', '的 1.0\n');
  const stopWordDict = placeholder(dir, 'unused-stop-words.utf8', '的\n');
  nodejieba.load({ userDict, idfDict, stopWordDict });
  // Read by load, which is synchronous; one left per thread and run would pile up in tmp.
  rmSync(userDict, { force: true });
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
