/**
 * The tokeniser of text/tokenize.ts, rewritten for the semantic annotators' hot path: the same
 * tokens (a test holds them equal on real text), but character classes come from tables built once,
 * and a token's normal form is folded character by character from a table and remembered, because
 * news repeats its words. Linear in the length of the text.
 */
import { normalize } from "../../text/normalize.js";
import type { Token } from "../../text/tokenize.js";

const W = 1, D = 2, S = 3, P = 4;
let cls: Uint8Array | undefined; // per BMP code unit: W letter/mark, D digit, S space, P other
let mark: Uint8Array | undefined; // marks, tatweel, ZWNJ, ZWJ
let latin: Uint8Array | undefined; // [A-Za-z\u00C0-\u024F]
let punctP: Uint8Array | undefined; // \p{P}
let fold: Array<string | undefined> | undefined;
const NORM_CACHE_MAX = 200000;
let normCache = new Map<string, string>();

function tables(): void {
  if (cls) return;
  cls = new Uint8Array(0x10000);
  mark = new Uint8Array(0x10000);
  latin = new Uint8Array(0x10000);
  punctP = new Uint8Array(0x10000);
  fold = new Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates: the slow path
    const ch = String.fromCharCode(c);
    cls[c] = /\p{Nd}/u.test(ch) ? D : /[\p{L}\p{M}\u0640\u200C\u200D]/u.test(ch) ? W : /\s/u.test(ch) ? S : P;
    mark[c] = /\p{M}|\u0640|\u200C|\u200D/u.test(ch) ? 1 : 0;
    latin[c] = /[A-Za-z\u00C0-\u024F]/.test(ch) ? 1 : 0;
    punctP[c] = /[\p{P}]/u.test(ch) ? 1 : 0;
  }
}

function classOf(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return cls![c]!;
  const ch = String.fromCodePoint(text.codePointAt(i)!);
  return /\p{Nd}/u.test(ch) ? D : /[\p{L}\p{M}]/u.test(ch) ? W : /\s/u.test(ch) ? S : P;
}

function width(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

/** The normal form of a token, as `normalize` gives it. */
export function normOf(t: string): string {
  const hit = normCache.get(t);
  if (hit !== undefined) return hit;
  let out = "";
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    // Presentation forms expand, surrogates pair up: the normaliser itself handles those.
    if ((c >= 0xd800 && c <= 0xdfff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefe)) {
      out = normalize(t);
      break;
    }
    let f = fold![c];
    if (f === undefined) f = fold![c] = normalize(String.fromCharCode(c));
    out += f;
  }
  if (normCache.size >= NORM_CACHE_MAX) normCache = new Map();
  normCache.set(t, out);
  return out;
}

/** Tokens of `text` between `offset` and `end`, equal to `tokenize(text, offset, end)`. */
export function fastTokenize(text: string, offset = 0, end = text.length): Token[] {
  tables();
  const tokens: Token[] = [];
  let i = offset;
  while (i < end) {
    const k = classOf(text, i);
    const w = width(text, i);
    if (k === S) {
      i += w;
      continue;
    }
    const start = i;
    if (k === P) {
      i += w;
      const t = text.slice(start, i);
      const c = text.charCodeAt(start);
      const isP = w === 1 ? punctP![c] === 1 : /[\p{P}]/u.test(t);
      tokens.push({ start, end: i, text: t, norm: normOf(t), kind: isP ? "punct" : "symbol" });
      continue;
    }
    if (k === D) {
      i += w;
      while (i < end) {
        const k2 = classOf(text, i);
        if (k2 === D) {
          i += width(text, i);
          continue;
        }
        const c = text.charCodeAt(i);
        if ((c === 0x2e || c === 0x2c || c === 0x66b || c === 0x66c) && i + 1 < end && classOf(text, i + 1) === D) {
          i += 1;
          continue;
        }
        break;
      }
      const t = text.slice(start, i);
      tokens.push({ start, end: i, text: t, norm: normOf(t), kind: "number" });
      continue;
    }
    const c0 = text.charCodeAt(start);
    const isLatin = w === 1 && latin![c0] === 1;
    i += w;
    while (i < end) {
      if (classOf(text, i) !== W) break;
      const c = text.charCodeAt(i);
      const wi = width(text, i);
      const isMark = wi === 1 ? mark![c] === 1 : /\p{M}/u.test(String.fromCodePoint(text.codePointAt(i)!));
      if (!isMark && (wi === 1 && latin![c] === 1) !== isLatin) break;
      i += wi;
    }
    const t = text.slice(start, i);
    tokens.push({ start, end: i, text: t, norm: normOf(t), kind: isLatin ? "latin" : "word" });
  }
  return tokens;
}
