/**
 * A light stemmer for search (after Larkey's light10): the index and the query pass through the same
 * normaliser and these rules, so "ترامب" finds "وترامب", "لترامب", "بترامب", and "الانسحاب" finds
 * "انسحاب". It strips proclitics (و ف ب ل ك and the article ال) and one inflectional suffix, and
 * never leaves fewer than three letters. Precision is traded for recall on purpose: two
 * words that share a stem are rare enough in news search, and the query is stemmed the same way.
 */
import { normalize } from "./normalize.js";

const MIN = 3;
/** Proclitic units, stripped greedily: و ف (conjunctions), ب ل ك (prepositions), ال (the article). */
const PREFIXES = ["ال", "و", "ف", "ب", "ل", "ك"];
const MAX_PREFIXES = 4;
const SUFFIXES = ["ات", "ون", "ين", "ان", "يه", "ها", "ه", "ي"];

const ARABIC = /[\u0621-\u064A]/;

/**
 * Stems one word that is already normalised (see normalize.ts). Latin words and numbers pass through.
 * Prefixes are stripped greedily, one unit at a time, while three letters remain. Greedy stripping is
 * what keeps index and query consistent: stem(clitic + w) === stem(w) for any w of three letters or
 * more, so "الوزير", "والوزير", "للوزير" and "وزير" share a stem, and so do "للبنان" and "لبنان".
 */
export function stemNormalized(word: string): string {
  let st = memo.get(word);
  if (st === undefined) {
    st = stemUncached(word);
    // News repeats its words: indexing and snippets stem the same few thousand forms over and over.
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(word, st);
  }
  return st;
}

const memo = new Map<string, string>();
const MEMO_MAX = 200_000;

function stemUncached(word: string): string {
  if (!ARABIC.test(word)) return word;
  let w = word;
  for (let n = 0; n < MAX_PREFIXES; n++) {
    const p = PREFIXES.find((x) => w.startsWith(x) && w.length - x.length >= MIN);
    if (!p) break;
    w = w.slice(p.length);
  }
  for (const s of SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= MIN) {
      w = w.slice(0, -s.length);
      break;
    }
  }
  return w;
}

/** Normalises and stems one surface word. */
export function stem(word: string): string {
  return stemNormalized(normalize(word));
}

export interface StemmedToken {
  start: number;
  end: number;
  stem: string;
  /** The token's place among all the text's tokens (only from stemTokens with needles). */
  n?: number;
}

const LETTER = /[\p{L}\p{M}]/u;
// Character classes of the normalised text: 0 other, 1 letter, 2 Latin letter, 3 digit.
const CLASS = (() => {
  const t = new Uint8Array(0x800);
  for (let c = 0; c < 0x800; c++) {
    const ch = String.fromCharCode(c);
    if (c >= 48 && c <= 57) t[c] = 3;
    else if ((c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && LETTER.test(ch))) t[c] = 2;
    else if (LETTER.test(ch)) t[c] = 1;
  }
  return t;
})();

function classOf(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x800) return CLASS[c]!;
  if (c >= 0xd800 && c <= 0xdfff) return LETTER.test(String.fromCodePoint(text.codePointAt(i) ?? c)) ? 1 : 0;
  return LETTER.test(text[i]!) ? 1 : 0;
}

// The folding of each UTF-16 unit, taken from normalize.ts itself (which folds code point by code
// point, with no context), and cached: the same result as normalizeWithMap, without its allocations.
const FOLD: Array<string | undefined> = new Array(0x10000);
function foldUnit(c: number): string {
  let f = FOLD[c];
  if (f === undefined) f = FOLD[c] = normalize(String.fromCharCode(c));
  return f;
}

function classOfChar(ch: string): number {
  return classOf(ch, 0);
}

/**
 * Tokenises `text` into words and numbers, normalises and stems each, keeping offsets into `text`
 * (punctuation dropped). The index and the query both use it, so they always agree on what a word
 * is. Arabic and Latin runs are separate words, as are digit runs ("3.5" and "1,200" stay one
 * number). Characters the normaliser drops (diacritics, tatweel) never end a word, and a word's end
 * covers the marks on its last letter ("وترامبُ" whole).
 *
 * With `needles` (stems), only the tokens whose normalised word contains one of them are returned,
 * each with its place `n` among all the tokens: a stem is its word with affixes taken off, so no
 * other token can have one of those stems, and highlighting a few words in a long text then stems
 * a handful of tokens instead of every one.
 */
export function stemTokens(text: string, needles?: readonly string[]): StemmedToken[] {
  const out: StemmedToken[] = [];
  let cls = 0;
  let start = -1;
  let end = -1;
  let word = "";
  let n = 0;
  const close = () => {
    if (cls !== 0 && word) {
      if (!needles || containsAny(word, needles)) {
        const tok: StemmedToken = { start, end, stem: cls === 1 ? stemNormalized(word) : word };
        if (needles) tok.n = n;
        out.push(tok);
      }
      n++;
    }
    cls = 0;
    word = "";
  };
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    let width = 1;
    let f: string;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      width = 2;
      f = normalize(text.slice(i, i + 2));
    } else f = foldUnit(c);
    if (f.length === 0) {
      if (cls !== 0) end = i + width;
      i += width;
      continue;
    }
    for (let k = 0; k < f.length; k++) {
      const ch = f[k]!;
      const kc = classOfChar(ch);
      if (kc === 0) {
        // "3.5", "1,200": a separator between two digits stays inside the number.
        if (cls === 3 && (ch === "." || ch === ",") && k === f.length - 1 && i + width < text.length) {
          const next = foldUnit(text.charCodeAt(i + width));
          if (next.length && classOfChar(next[0]!) === 3) {
            word += ch;
            end = i + width;
            continue;
          }
        }
        close();
      } else if (kc === cls) {
        word += ch;
        end = i + width;
      } else {
        close();
        cls = kc;
        start = i;
        end = i + width;
        word = ch;
      }
    }
    i += width;
  }
  close();
  return out;
}

function containsAny(word: string, needles: readonly string[]): boolean {
  for (let i = 0; i < needles.length; i++) if (word.includes(needles[i]!)) return true;
  return false;
}
