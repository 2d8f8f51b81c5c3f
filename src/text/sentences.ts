/**
 * Sentence splitting that respects quotations: a full stop inside «…» or “…” does not end the
 * sentence, so "وقال: «لا خطة. لا شيء»." stays one sentence. An opening mark with no closing mark
 * within a paragraph stops being respected at the paragraph's end, so one stray « never swallows the
 * article. Linear time.
 */
import type { Span } from "../types.js";

const OPEN: Record<string, string> = { "«": "»", "“": "”", "‹": "›" };
const CLOSERS = new Set(["»", "”", "›"]);
const ENDERS = new Set([".", "!", "?", "؟", "…", "۔"]);
/** A quoted passage longer than this is taken as unbalanced and no longer protects its stops. */
const MAX_QUOTE = 2000;

/** Splits `text` between `from` and `to` into sentence spans (trimmed, never empty). */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let start = from;
  const stack: Array<{ close: string; at: number }> = [];
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if (ch === "\n") {
      // Paragraph ends close every open quote and the sentence.
      stack.length = 0;
      push(start, i);
      start = i + 1;
      continue;
    }
    const close = OPEN[ch];
    if (close) {
      stack.push({ close, at: i });
      continue;
    }
    if (CLOSERS.has(ch)) {
      // Close the innermost matching quote (tolerate a » with no «).
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k]!.close === ch) {
          stack.length = k;
          break;
        }
      }
      continue;
    }
    if (stack.length && i - stack[0]!.at > MAX_QUOTE) stack.length = 0;
    if (ENDERS.has(ch) && stack.length === 0) {
      // "3.5" and "U.S." are not sentence ends.
      const next = text[i + 1];
      if (ch === "." && next !== undefined && /[\p{L}\p{N}]/u.test(next)) continue;
      let j = i + 1;
      while (j < to && (ENDERS.has(text[j]!) || CLOSERS.has(text[j]!) || text[j] === ")" || text[j] === '"')) j++;
      push(start, j);
      start = j;
      i = j - 1;
    }
  }
  push(start, to);
  return out;
}
