// Stage 3, normalize: one spelling for matching. Full-width letters and digits become ASCII,
// ASCII punctuation between Chinese characters becomes the Chinese form, spaces go, pinyin that
// garbled mirrors insert after characters is stripped, and traditional becomes simplified.
import * as OpenCC from 'opencc-js';

const convert = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * Every UTF-16 unit of a character that some rule of the converter above (opencc-js preset t2s:
 * its normalization, then phrases and characters) replaces by something else. The converter only
 * rewrites where a dictionary key matches, so text without any of these is its own simplified
 * form; most bulletins are such text, and checking costs far less than converting (a third of
 * normalize's time went to converting text that came back as it was). Null (always convert) if
 * the preset is not laid out as read here.
 */
const CHANGED_BY_CONVERTER: Uint8Array | null = (() => {
  const preset = (OpenCC.Locale.configs as Record<string, { normalizationChain?: unknown; conversionChain?: unknown }>)['t2s'];
  const dicts = [preset?.normalizationChain, preset?.conversionChain].flat(2);
  if (dicts.length < 2 || !dicts.every((d) => typeof d === 'string')) return null;
  const changed = new Uint8Array(0x10000);
  const mark = (chars: string) => {
    for (let i = 0; i < chars.length; i++) changed[chars.charCodeAt(i)] = 1;
  };
  for (const entry of (dicts as string[]).join('|').split('|')) {
    const [key = '', value = ''] = entry.split(' ');
    const k = [...key];
    const v = [...value];
    if (k.length !== v.length) mark(key);
    else k.forEach((c, j) => c !== v[j] && mark(c));
  }
  return changed;
})();

function toSimplified(text: string): string {
  if (CHANGED_BY_CONVERTER) {
    let i = 0;
    while (i < text.length && !CHANGED_BY_CONVERTER[text.charCodeAt(i)]) i++;
    if (i === text.length) return text;
  }
  return convert(text);
}

const PINYIN = /([\u3400-\u9fff])\s*[(（]\s*[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[1-5]?\s*[)）]/g;
const CJK = '[\\u3400-\\u9fff\\u3000-\\u303f\\uff00-\\uffef“”‘’]';
const ASCII_PUNCT: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const ASCII_PUNCT_NEAR_CJK = new RegExp(`(?<=${CJK})\\s*([,;:?!()])|([,;:?!()])\\s*(?=${CJK})`, 'g');
const SPACE_NEAR_CJK = new RegExp(`(?<=${CJK}) +| +(?=${CJK})`, 'g');

/** Text-level clean-up that keeps the script: what provenance keeps as the original. */
export function clean(text: string): string {
  let s = text.normalize('NFC');
  // Full-width ASCII range → ASCII (letters, digits, %, etc.); keep Chinese punctuation.
  s = s.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0e\uff0b\uff0d]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
  // The patterns below are tried at every Chinese character; most paragraphs hold nothing they
  // could match (no bracket, no ASCII punctuation, no space), which one cheap test tells first.
  if (/[(（]/.test(s)) s = s.replace(PINYIN, '$1').replace(PINYIN, '$1');
  s = s.replace(/[「『]/g, '“').replace(/[」』]/g, '”');
  s = s.replace(/"([^"\n]{1,60})"/g, '“$1”');
  if (/[,;:?!()]/.test(s)) s = s.replace(ASCII_PUNCT_NEAR_CJK, (_m, a?: string, b?: string) => ASCII_PUNCT[(a ?? b)!]!);
  // Spaces inside Chinese text are layout, not words.
  s = s.replace(/[\s\u3000\u00a0]+/g, ' ');
  if (s.includes(' ')) s = s.replace(SPACE_NEAR_CJK, '');
  return s.trim();
}

export function simplify(text: string): string {
  return toSimplified(text);
}

/**
 * Simplified text as it is; traditional text converted. Converting simplified text again would
 * turn the few characters both scripts share differently (乾 → 干 in names) into errors.
 */
export function simplifyIfTraditional(text: string): string {
  const converted = toSimplified(text);
  if (converted === text) return text;
  if (converted.length !== text.length) return converted;
  let changed = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== converted.charCodeAt(i)) changed++;
  return changed > Math.max(2, text.length * 0.004) ? converted : text;
}

export interface NormalizedText {
  /** Simplified; every Evidence offset points into this. */
  text: string;
  /** The cleaned text in its own script. */
  original: string;
  title: string;
}

export function normalize(title: string, paragraphs: string[]): NormalizedText {
  const original = paragraphs.map(clean).filter(Boolean).join('\n');
  const text = simplifyIfTraditional(original);
  return { text, original, title: text === original ? clean(title) : simplify(clean(title)) };
}
