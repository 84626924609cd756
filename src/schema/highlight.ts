// HTML for marked text: spans wrapped in <mark>, everything else escaped, so a page can insert
// the result as HTML. Used by Bulletin.highlighted and the search snippets.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export interface Span {
  start: number;
  end: number;
}

/** Sorted, clamped to the text, overlapping and touching spans merged, empty ones dropped. */
export function mergeSpans(spans: readonly Span[], length: number): Span[] {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, Math.min(length, s.start)), end: Math.max(0, Math.min(length, s.end)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** `text` (or its [from, to) window) HTML-escaped, with the spans wrapped in <mark>…</mark>. */
export function highlight(text: string, spans: readonly Span[], from = 0, to = text.length): string {
  let out = '';
  let at = from;
  for (const s of mergeSpans(spans, text.length)) {
    const start = Math.max(s.start, from);
    const end = Math.min(s.end, to);
    if (end <= start) continue;
    out += escapeHtml(text.slice(at, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
    at = end;
  }
  return out + escapeHtml(text.slice(at, to));
}

/** Every occurrence of each term in the text. */
export function occurrences(text: string, terms: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) spans.push({ start: i, end: i + term.length });
  }
  return spans;
}

/**
 * A snippet around the first occurrence of a term: about `context` characters either side, cut at
 * the text's ends with an ellipsis, terms marked. The whole text when it is short.
 */
export function snippet(text: string, terms: readonly string[], context = 40): string {
  const spans = mergeSpans(occurrences(text, terms), text.length);
  if (text.length <= context * 2 + 20) return highlight(text, spans);
  const first = spans[0] ?? { start: 0, end: 0 };
  const from = Math.max(0, first.start - context);
  const to = Math.min(text.length, first.end + context);
  return (from > 0 ? '…' : '') + highlight(text, spans, from, to) + (to < text.length ? '…' : '');
}
