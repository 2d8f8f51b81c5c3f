/**
 * The time annotator's own word scanner: one pass over the original text that folds each character
 * exactly as text/normalize.ts does (hamza, ta marbuta, alef maqsura, Persian letters, digits of
 * every script, diacritics and tatweel dropped) and cuts words, digit runs and punctuation, keeping
 * the ORIGINAL offsets of each token. It exists for speed (a table per code point instead of a map
 * per character): test/annotate/03-time/timeTokens.test.ts checks that every word's `n` equals
 * normalize() of its original text.
 */
export const enum TokKind {
  Word = 0,
  Digits = 1,
  Punct = 2,
}

export interface TimeToken {
  /** Original offsets, end exclusive. */
  s: number;
  e: number;
  /** Normalised form (see normalize.ts); digits folded to ASCII. */
  n: string;
  k: TokKind;
  /** Whitespace before this token. */
  sp: boolean;
  /** Sentence index (sentences end at . ! ? ؟ … and at line breaks). */
  sent: number;
}

// Class codes in the table: 0 space, 1 dropped inside words, 2 punctuation, 3 digit, 4 letter.
const SPACE = 0, DROP = 1, PUNCT = 2, DIGIT = 3, LETTER = 4;
const CLS = new Uint8Array(0x800);
const FOLD = new Uint16Array(0x800);

(function buildTables() {
  for (let c = 0; c < 0x800; c++) {
    const ch = String.fromCharCode(c);
    FOLD[c] = c;
    if (/\s/u.test(ch)) CLS[c] = SPACE;
    else if (/\p{Nd}/u.test(ch)) CLS[c] = DIGIT;
    else if (/[\p{L}]/u.test(ch)) CLS[c] = LETTER;
    else if (/\p{M}/u.test(ch)) CLS[c] = DROP;
    else CLS[c] = PUNCT;
  }
  for (let c = 0x30; c <= 0x39; c++) FOLD[c] = c;
  for (let c = 0x660; c <= 0x669; c++) FOLD[c] = 0x30 + c - 0x660;
  for (let c = 0x6f0; c <= 0x6f9; c++) FOLD[c] = 0x30 + c - 0x6f0;
  for (let c = 0x41; c <= 0x5a; c++) FOLD[c] = c + 32;
  // Diacritics (harakat, superscript alef, Quranic marks) and tatweel are dropped inside words.
  for (let c = 0x64b; c <= 0x65f; c++) CLS[c] = DROP;
  CLS[0x670] = DROP;
  CLS[0x640] = DROP;
  for (let c = 0x6d6; c <= 0x6ed; c++) if (c !== 0x6e5 && c !== 0x6e6) CLS[c] = DROP;
  CLS[0x61c] = DROP;
  CLS[0xad] = DROP;
  const letter = (c: number, to: number) => {
    CLS[c] = LETTER;
    FOLD[c] = to;
  };
  for (const c of [0x623, 0x625, 0x622, 0x671, 0x672, 0x673]) letter(c, 0x627);
  letter(0x649, 0x64a);
  letter(0x629, 0x647);
  letter(0x6cc, 0x64a);
  letter(0x6d2, 0x64a);
  letter(0x6a9, 0x643);
  letter(0x6af, 0x643);
  letter(0x6c1, 0x647);
  letter(0x6be, 0x647);
  CLS[0xa0] = SPACE;
  CLS[0x66b] = PUNCT;
  FOLD[0x66b] = 0x2e;
  CLS[0x66c] = PUNCT;
  FOLD[0x66c] = 0x2c;
})();

function slowClass(c: number): number {
  if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x200e || c === 0x200f || c === 0xfeff) return DROP;
  if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return DROP;
  if ((c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0x2028 || c === 0x2029) return SPACE;
  if (c >= 0xd800 && c <= 0xdfff) return PUNCT;
  const ch = String.fromCharCode(c);
  if (/\p{Nd}/u.test(ch)) return DIGIT;
  if (/\p{L}/u.test(ch)) return LETTER;
  if (/\p{M}/u.test(ch)) return DROP;
  if (/\s/u.test(ch)) return SPACE;
  return PUNCT;
}

function isPresentationForm(c: number): boolean {
  return (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefe);
}

/** Folds a presentation form (ﻻ → لا) through NFKC and the table. */
function foldPresentation(c: number): string {
  let out = "";
  for (const ch of String.fromCharCode(c).normalize("NFKC")) {
    const k = ch.charCodeAt(0);
    if (k < 0x800) {
      const cl = CLS[k]!;
      if (cl === LETTER || cl === DIGIT) out += String.fromCharCode(FOLD[k]!);
    } else out += ch;
  }
  return out;
}

const SENTENCE_END = new Set([".", "!", "?", "؟", "…", "۔"]);

const DECODER = new TextDecoder("utf-16le");
let OUT = new Uint16Array(1 << 16);

/**
 * Tokens of `text` between `from` and `to`. Linear: every character is looked at once. The folded
 * characters go to one buffer, decoded to a string once; each token's `n` is a slice of it. `sent0`
 * is the first sentence index to use (regions continue the count).
 */
export function timeTokens(text: string, from: number, to: number, out: TimeToken[], sent0: number): number {
  let sent = sent0;
  let sp = true;
  let i = from;
  let k = 0; // write position in OUT
  if (OUT.length < (to - from) * 2 + 16) OUT = new Uint16Array((to - from) * 2 + 16);
  const first = out.length;
  const ns: number[] = []; // normalised start and end of each new token
  const put = (c: number) => {
    if (k >= OUT.length) {
      const bigger = new Uint16Array(OUT.length * 2);
      bigger.set(OUT);
      OUT = bigger;
    }
    OUT[k++] = c;
  };
  while (i < to) {
    const c = text.charCodeAt(i);
    let cl = c < 0x800 ? CLS[c]! : slowClass(c);
    if (cl === SPACE) {
      if (c === 10 || c === 13 || c === 0x2029) sent++;
      sp = true;
      i++;
      continue;
    }
    if (cl === DROP) {
      i++;
      continue;
    }
    if (cl === PUNCT && !isPresentationForm(c)) {
      const n = c < 0x800 ? String.fromCharCode(FOLD[c]!) : text[i]!;
      out.push({ s: i, e: i + 1, n, k: TokKind.Punct, sp, sent });
      ns.push(-1, -1);
      if (SENTENCE_END.has(n) && !(n === "." && i + 1 < to && isDigitAt(text, i + 1) && i > from && isDigitAt(text, i - 1))) sent++;
      sp = false;
      i++;
      continue;
    }
    // A word (letters) or a digit run; dropped characters inside it are skipped.
    const start = i;
    const kind = cl === DIGIT ? DIGIT : LETTER;
    const k0 = k;
    let end = i;
    while (i < to) {
      const d = text.charCodeAt(i);
      if (isPresentationForm(d)) {
        if (kind !== LETTER) break;
        for (const ch of foldPresentation(d)) put(ch.charCodeAt(0));
        i++;
        end = i;
        continue;
      }
      cl = d < 0x800 ? CLS[d]! : slowClass(d);
      if (cl === DROP) {
        i++;
        if (kind === LETTER || end === i - 1) end = i;
        continue;
      }
      if (cl !== kind) break;
      put(d < 0x800 ? FOLD[d]! : d);
      i++;
      end = i;
    }
    out.push({ s: start, e: end, n: "", k: kind === DIGIT ? TokKind.Digits : TokKind.Word, sp, sent });
    ns.push(k0, k);
    sp = false;
  }
  const norm = DECODER.decode(OUT.subarray(0, k));
  for (let t = first, q = 0; t < out.length; t++, q += 2) {
    if (ns[q]! >= 0) out[t]!.n = norm.slice(ns[q]!, ns[q + 1]!);
  }
  return sent + 1;
}

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9);
}
