/**
 * The text as lines: each non-blank line as a span trimmed of surrounding white space, with the
 * facts the structure rules read (words, how it ends, whether a blank line precedes it). Linear time.
 */
import type { Span } from "../../types.js";

export interface Line extends Span {
  /** Index among the non-blank lines. */
  index: number;
  /** Whitespace-separated words (a cheap count, capped scan). */
  words: number;
  /** A blank line (or the start of the text) comes before this line. */
  blankBefore: boolean;
}

const SPACE = /\s/;

export function splitLines(text: string, from = 0, to = text.length): Line[] {
  const out: Line[] = [];
  let blank = true;
  let i = from;
  while (i <= to) {
    let j = text.indexOf("\n", i);
    if (j < 0 || j > to) j = to;
    let s = i, e = j;
    while (s < e && SPACE.test(text[s]!)) s++;
    while (e > s && SPACE.test(text[e - 1]!)) e--;
    if (e > s) {
      out.push({ start: s, end: e, text: text.slice(s, e), index: out.length, words: countWords(text, s, e), blankBefore: blank });
      blank = false;
    } else blank = true;
    i = j + 1;
  }
  return out;
}

/** Words between s and e: runs of non-space characters. */
export function countWords(text: string, s: number, e: number): number {
  let n = 0, inWord = false;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    const space = c === 32 || c === 9 || c === 0xa0 || c === 10 || c === 13 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000;
    if (space) inWord = false;
    else if (!inWord) { inWord = true; n++; }
  }
  return n;
}
