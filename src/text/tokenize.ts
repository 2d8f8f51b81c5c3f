/**
 * Tokenisation that keeps offsets, with clitic segmentation. A token is a run of letters and marks,
 * a run of digits, or one punctuation character; `norm` is its matching form (see normalize.ts).
 * Clitics (و ف ب ل ك س ال, attached pronouns) are split off on demand by `segment`, because whether
 * "وزير" starts with the conjunction و is a question of vocabulary, not of spelling: callers pass
 * the vocabulary they know.
 */
import { normalize } from "./normalize.js";

export type TokenKind = "word" | "number" | "latin" | "punct" | "symbol";

export interface Token {
  start: number;
  end: number;
  text: string;
  norm: string;
  kind: TokenKind;
}

// Letters, combining marks, digits of any script, and the characters that live inside Arabic words
// (tatweel, ZWNJ/ZWJ, the apostrophe-like marks are treated as punctuation).
const WORD_CHAR = /[\p{L}\p{M}\u0640\u200C\u200D]/u;
const DIGIT = /\p{Nd}/u;

// Character classes: word letter, digit, space, punctuation/symbol; plus two flags for words:
// a Latin letter (Latin and Arabic runs are split apart) and a mark (which never splits a run).
const W = 1, D = 2, S = 3, P = 4;
const LATIN_FLAG = 8, MARK_FLAG = 16;

function classifyCodePoint(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let cls: number;
  if (DIGIT.test(ch)) cls = D;
  else if (WORD_CHAR.test(ch)) cls = W;
  else if (/\s/u.test(ch)) cls = S;
  else cls = P;
  if (/[A-Za-z\u00C0-\u024F]/.test(ch)) cls |= LATIN_FLAG;
  if (/\p{M}|\u0640|\u200C|\u200D/u.test(ch)) cls |= MARK_FLAG;
  return cls;
}

// The hot path: one table for the whole Basic Multilingual Plane (64 KB), built once.
const TABLE = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c >= 0xd800 && c <= 0xdfff ? P : classifyCodePoint(c);
  return t;
})();

/** Class of the character at `i` and its width in code units. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return TABLE[c]!;
  const cp = text.codePointAt(i)!;
  return cp > 0xffff ? classifyCodePoint(cp) | 32 : TABLE[c]!; // bit 32: two units wide
}
const WIDE = 32;
const width = (cls: number) => (cls & WIDE ? 2 : 1);

const SEPARATORS = new Set([0x2e, 0x2c, 0x066b, 0x066c]); // . , ٫ ٬

/**
 * Splits `text` into tokens. Digits joined by a decimal or thousands separator ("3.5", "1,200",
 * "٣٫٥") stay one number token. Linear in the length of `text`.
 */
export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  let i = offset;
  while (i < end) {
    const cls0 = classAt(text, i);
    const base = cls0 & 7;
    if (base === S) {
      i += width(cls0);
      continue;
    }
    const start = i;
    if (base === P) {
      i += width(cls0);
      const t = text.slice(start, i);
      tokens.push({ start, end: i, text: t, norm: normalize(t), kind: /[\p{P}]/u.test(t) ? "punct" : "symbol" });
      continue;
    }
    if (base === D) {
      i += width(cls0);
      while (i < end) {
        const c = classAt(text, i);
        if ((c & 7) === D) {
          i += width(c);
          continue;
        }
        // "3.5", "1,200", "٣٫٥": a separator between two digits.
        if (SEPARATORS.has(text.charCodeAt(i)) && i + 1 < end && (classAt(text, i + 1) & 7) === D) {
          i += 1;
          continue;
        }
        break;
      }
      const t = text.slice(start, i);
      tokens.push({ start, end: i, text: t, norm: normalize(t), kind: "number" });
      continue;
    }
    // A word: letters and marks of one script family. Latin and Arabic runs are split apart, so
    // "ترامبTrump" gives two tokens.
    const latin = (cls0 & LATIN_FLAG) !== 0;
    i += width(cls0);
    while (i < end) {
      const c = classAt(text, i);
      if ((c & 7) !== W) break;
      if (!(c & MARK_FLAG) && ((c & LATIN_FLAG) !== 0) !== latin) break;
      i += width(c);
    }
    const t = text.slice(start, i);
    tokens.push({ start, end: i, text: t, norm: normalize(t), kind: latin ? "latin" : "word" });
  }
  return tokens;
}

/** A token split into proclitics, stem and enclitic, as offsets into the original text. */
export interface Segmentation {
  proclitic: string; // normalised, e.g. "وال", "" when none
  stem: string; // normalised stem
  enclitic: string; // normalised attached pronoun, "" when none
  /** Original-text offsets of the stem (what an entity mention should cover). */
  stemStart: number;
  stemEnd: number;
}

/** Proclitic sequences, longest first (normalised forms). */
const PROCLITICS_WITH_ARTICLE = ["وبال", "وكال", "فبال", "فكال", "وللل", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال"];
const PROCLITICS_PLAIN = ["وب", "ول", "وك", "فب", "فل", "فك", "وس", "فس", "و", "ف", "ب", "ل", "ك"];
const ENCLITICS = ["هما", "كما", "كم", "هم", "هن", "ها", "نا", "ه", "ك", "ي"];

/** Returns the number of original characters that hold the first `letters` normalised letters of a token. */
function originalPrefixLength(tokenText: string, letters: number): number {
  if (letters === 0) return 0;
  let seen = 0;
  let i = 0;
  while (i < tokenText.length) {
    const ch = String.fromCodePoint(tokenText.codePointAt(i)!);
    const n = normalize(ch);
    i += ch.length;
    seen += n.length;
    if (seen >= letters) break;
  }
  // Carry the marks that sit on the last letter of the prefix.
  while (i < tokenText.length && normalize(tokenText[i]!) === "") i++;
  return i;
}

/**
 * Splits a word token into clitics and stem. Article-bearing prefixes (ال، وال، بال، لل …) are split
 * when a stem of two or more letters remains; a bare و ف ب ل ك is split only when `known(stem)` says the
 * rest is a word the caller knows ("لواشنطن" → ل + واشنطن, but "وزير" stays whole). Enclitics are
 * split only with `known` too.
 */
export function segment(token: Pick<Token, "start" | "text" | "norm">, known?: (stem: string) => boolean): Segmentation {
  const norm = token.norm;
  let pro = "";
  let stem = norm;
  if (known && known(norm)) {
    // The whole word is known: never cut a known name ("بغداد" is not ب + غداد).
    return { proclitic: "", stem: norm, enclitic: "", stemStart: token.start, stemEnd: token.start + token.text.length };
  }
  for (const p of PROCLITICS_WITH_ARTICLE) {
    if (norm.startsWith(p) && norm.length - p.length >= 2) {
      // "لل" means ل + ال: the stem keeps no article. "ال" alone is the article.
      pro = p;
      stem = norm.slice(p.length);
      break;
    }
  }
  if (!pro && known) {
    for (const p of PROCLITICS_PLAIN) {
      if (norm.startsWith(p) && norm.length - p.length >= 2) {
        const rest = norm.slice(p.length);
        if (known(rest) || (rest.startsWith("ال") && known(rest.slice(2)))) {
          pro = p;
          stem = rest;
          break;
        }
      }
    }
  }
  let enc = "";
  if (known && !known(stem)) {
    for (const e of ENCLITICS) {
      if (stem.endsWith(e) && stem.length - e.length >= 2 && known(stem.slice(0, -e.length))) {
        enc = e;
        stem = stem.slice(0, -e.length);
        break;
      }
    }
  }
  const preLen = originalPrefixLength(token.text, pro.length);
  const encLen = enc ? token.text.length - originalPrefixLength(token.text, norm.length - enc.length) : 0;
  return {
    proclitic: pro,
    stem,
    enclitic: enc,
    stemStart: token.start + preLen,
    stemEnd: token.start + token.text.length - encLen,
  };
}

/** Strips a leading conjunction/preposition and the article, for lookups that ignore them. */
export function bareForm(norm: string): string {
  for (const p of PROCLITICS_WITH_ARTICLE) {
    if (norm.startsWith(p) && norm.length - p.length >= 2) return norm.slice(p.length);
  }
  return norm;
}
