// Stage 1, read: bytes → text. Detects UTF-8, GB18030/GBK and Big5, and refuses what is not text.
import iconv from 'iconv-lite';
import { InputError } from '../report.ts';

export interface DecodedInput {
  source: string;
  text: string;
  encoding: 'utf-8' | 'gb18030' | 'big5';
  /** Something worth telling that did not stop the file (a truncated last character). */
  warning?: string;
}

/** Where UTF-8 breaks: valid multi-byte sequences, invalid bytes, and a cut-off sequence at the end. */
function utf8Check(bytes: Uint8Array): { multibyte: number; invalid: number; cutAt: number | null } {
  // Only 3-byte sequences of the CJK blocks count: GBK pairs form valid 2-byte UTF-8 by chance.
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need === 0) {
      i++;
      continue;
    }
    if (need < 0) {
      invalid++;
      i++;
      continue;
    }
    if (i + need >= bytes.length) {
      // The file ends inside this character.
      let ok = true;
      for (let k = i + 1; k < bytes.length; k++) if ((bytes[k]! & 0xc0) !== 0x80) ok = false;
      if (ok) return { multibyte, invalid, cutAt: i };
    }
    let ok = true;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) ok = false;
    if (ok) {
      if (need === 2 && b >= 0xe3 && b <= 0xe9) multibyte++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid, cutAt: null };
}

/** Files larger than this are not bulletins; reading them would only cost memory. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

// Frequent characters of the genre in each script: a decoding that yields many of them is right.
const SIMPLIFIED_COMMON = '的是在和了会议部要党组长作工业信息化开展强调指出中国委员主题教育学习领导发展建设国家';
const TRADITIONAL_COMMON = '的是在和了會議部要黨組長作工業資訊化開展強調指出中國委員主題教育學習領導發展建設國家';

/** Per UTF-16 unit, what it adds to a decoding's score: in one list or both, or U+FFFD (each list counts it). */
const WEIGHT = (() => {
  const w = new Int8Array(0x10000);
  for (const list of [SIMPLIFIED_COMMON, TRADITIONAL_COMMON]) for (const ch of new Set(list)) w[ch.charCodeAt(0)]! += 1;
  w[0xfffd] = -10;
  return w;
})();

/** The score against both lists (a replacement character costs 5 a list); a loop by UTF-16 unit
 * rather than a string per character: the lists are of single units, and so is U+FFFD. */
function score(text: string): number {
  let s = 0;
  for (let i = 0; i < text.length; i++) s += WEIGHT[text.charCodeAt(i)]!;
  return s;
}

export function decode(source: string, bytes: Uint8Array): DecodedInput {
  if (bytes.length === 0) throw new InputError(source, 'empty file');
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new InputError(source, `too large (${bytes.length} bytes; a bulletin is under ${MAX_INPUT_BYTES} bytes)`);
  }
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of sample) if (b === 0 || (b < 9 && b !== 0) || (b > 13 && b < 32 && b !== 27)) control++;
  if (control > sample.length * 0.02) throw new InputError(source, 'binary content (not text)');

  try {
    let text = utf8.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { source, text, encoding: 'utf-8' };
  } catch {
    // not UTF-8 throughout: cut off, mixed, or one of the legacy Chinese encodings
  }
  const check = utf8Check(bytes);
  if (check.cutAt !== null && check.invalid === 0) {
    const text = utf8.decode(bytes.subarray(0, check.cutAt)).replace(/^\ufeff/, '');
    return { source, text, encoding: 'utf-8', warning: 'truncated: the file ends inside a character' };
  }
  if (check.multibyte >= 50 && check.invalid >= 20 && check.multibyte > check.invalid / 4) {
    throw new InputError(source, `mixed encodings: ${check.multibyte} UTF-8 characters beside ${check.invalid} bytes that are not UTF-8`);
  }
  const buffer = Buffer.from(bytes);
  const gb = iconv.decode(buffer, 'gb18030');
  const big5 = iconv.decode(buffer, 'big5');
  const gbScore = score(gb);
  const big5Score = score(big5);
  return big5Score > gbScore
    ? { source, text: big5, encoding: 'big5' }
    : { source, text: gb, encoding: 'gb18030' };
}
