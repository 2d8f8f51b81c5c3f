/**
 * Sentence splitting that respects quotations: a full stop inside «…» or “…” does not end the
 * sentence, so "وقال: «لا خطة. لا شيء»." stays one sentence. An opening mark with no closing mark
 * within a paragraph stops being respected at the paragraph's end, so one stray « never swallows the
 * article. Linear time.
 */
import type { Span } from "../types.js";

// Opening quote → its closing quote, as code units: « » “ ” ‹ ›
const OPEN = new Map<number, number>([[0xab, 0xbb], [0x201c, 0x201d], [0x2039, 0x203a]]);
const CLOSERS = new Set([0xbb, 0x201d, 0x203a]);
// . ! ? ؟ … ۔
const ENDERS = new Set([0x2e, 0x21, 0x3f, 0x61f, 0x2026, 0x6d4]);
/** A quoted passage longer than this is taken as unbalanced and no longer protects its stops. */
const MAX_QUOTE = 2000;

const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000 || c === 0x205f || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0xfeff;
/** Letters and digits (ASCII and Arabic fast, the rest by regex). */
const isAlnum = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x621 && c <= 0x64a) || (c >= 0x660 && c <= 0x669)) return true;
  if (c < 0x80) return false;
  return /[\p{L}\p{N}]/u.test(String.fromCodePoint(text.codePointAt(i)!));
};

/** Splits `text` between `from` and `to` into sentence spans (trimmed, never empty). */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let start = from;
  const stack: Array<{ close: number; at: number }> = [];
  const push = (s: number, e: number) => {
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      // Paragraph ends close every open quote and the sentence.
      stack.length = 0;
      push(start, i);
      start = i + 1;
      continue;
    }
    if (c < 0x21 || (c > 0x3f && c < 0xab) || (c > 0xbb && c < 0x61f) || (c > 0x61f && c < 0x2026 && c !== 0x201c && c !== 0x201d && c !== 0x6d4)) {
      if (stack.length && i - stack[0]!.at > MAX_QUOTE) stack.length = 0;
      continue;
    }
    const close = OPEN.get(c);
    if (close !== undefined) {
      stack.push({ close, at: i });
      continue;
    }
    if (CLOSERS.has(c)) {
      // Close the innermost matching quote (tolerate a » with no «).
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k]!.close === c) {
          stack.length = k;
          break;
        }
      }
      continue;
    }
    if (stack.length && i - stack[0]!.at > MAX_QUOTE) stack.length = 0;
    if (ENDERS.has(c) && stack.length === 0) {
      // "3.5" and "U.S." are not sentence ends.
      if (c === 0x2e && i + 1 < to && isAlnum(text, i + 1)) continue;
      let j = i + 1;
      while (j < to) {
        const d = text.charCodeAt(j);
        if (ENDERS.has(d) || CLOSERS.has(d) || d === 0x29 || d === 0x22) j++;
        else break;
      }
      push(start, j);
      start = j;
      i = j - 1;
    }
  }
  push(start, to);
  return out;
}
