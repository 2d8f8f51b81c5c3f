/**
 * A span inside a line, trimmed of white space and of the punctuation that frames bylines
 * ("| وكالات", "(أ ف ب)", "كتب: …"), so the span names only the words.
 */
import type { Span } from "../../types.js";

const FRAME = /[\s|:：()[\]{}«»"“”'*×•·\-–—ـ_/،,.]/;

export function subSpan(line: Span, from: number, to: number): Span | undefined {
  let s = Math.max(0, from), e = Math.min(line.text.length, to);
  while (s < e && FRAME.test(line.text[s]!)) s++;
  while (e > s && FRAME.test(line.text[e - 1]!)) e--;
  // A closing bracket that belongs to the words stays: "(أ ف ب" is trimmed to "أ ف ب" above.
  if (e <= s) return undefined;
  return { start: line.start + s, end: line.start + e, text: line.text.slice(s, e) };
}
