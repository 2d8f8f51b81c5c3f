/**
 * A light stemmer for search (after Larkey's light10): the index and the query pass through the same
 * normaliser and these rules, so "ترامب" finds "وترامب", "لترامب", "بترامب", and "الانسحاب" finds
 * "انسحاب". It strips proclitics (و ف ب ل ك and the article ال) and one inflectional suffix, and
 * never leaves fewer than three letters. Precision is traded for recall on purpose: two
 * words that share a stem are rare enough in news search, and the query is stemmed the same way.
 */
import { normalize, unitFold, UNIT_DROPPED, UNIT_SPECIAL } from "./normalize.js";

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

/**
 * The tokens of stemTokens(text, needles), without their places `n`, found without folding the whole
 * text: highlighting two words in an article then tokenises the few words around them, not all.
 *
 * A regex over the raw text (needleRegex) finds every place where raw units fold to a needle, and
 * every unit whose fold only normalize() knows (a presentation form, ﻻ, ﷺ); only the chunk between
 * ASCII whitespace around each match is tokenised, by stemTokens itself. That is exact because:
 * - ASCII whitespace folds to itself, a class-0 character outside the digit-separator rule, so a
 *   token never crosses it and stemTokens starts afresh after it: a chunk's tokens are the full
 *   text's (a surrogate pair never straddles a chunk's start, and one cut at its end is class 0 both ways);
 * - a token whose word holds a needle holds, unit for unit, either a run the needle pattern matches
 *   (each unit folding to the needle's next character, dropped units between) or a special unit;
 * - a match never crosses whitespace, so scanning on from a chunk's end reaches every other chunk
 *   that has one.
 */
export function stemTokensNear(text: string, needles: readonly string[]): StemmedToken[] {
  // An empty needle is in every word: nothing to scan for.
  if (!needles.length || needles.some((x) => !x)) return withoutPlaces(stemTokens(text, needles));
  const re = needleRegex(needles);
  const out: StemmedToken[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let s = m.index;
    while (s > 0 && !isChunkEdge(text.charCodeAt(s - 1))) s--;
    let e = re.lastIndex;
    while (e < text.length && !isChunkEdge(text.charCodeAt(e))) e++;
    for (const t of stemTokens(text.slice(s, e), needles)) out.push({ start: t.start + s, end: t.end + s, stem: t.stem });
    // The rest of this chunk was tokenised with it; later matches in it would repeat its tokens.
    re.lastIndex = e;
  }
  return out;
}

/** Space, \n, \r, \t: where a chunk ends (each folds to itself and always ends a token). */
export function isChunkEdge(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function withoutPlaces(tokens: StemmedToken[]): StemmedToken[] {
  return tokens.map((t) => ({ start: t.start, end: t.end, stem: t.stem }));
}

interface InverseFold {
  /** For each unit that some other unit folds to, those others ("ا": أ إ آ ٱ ٲ ٳ). */
  others: Map<number, number[]>;
  /** Regex class body of the units that fold to nothing (diacritics, tatweel, zero-width and bidi marks). */
  dropped: string;
  /** Regex class body of the special units (normalize's slow path: presentation forms, expansions). */
  special: string;
}

let inverse: InverseFold | undefined;
/** unitFold inverted, built once on first use (one pass over the 64K units, no normalising). */
function inverseFold(): InverseFold {
  if (inverse) return inverse;
  const others = new Map<number, number[]>();
  const dropped: number[] = [];
  const special: number[] = [];
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const f = unitFold(c);
    if (f === UNIT_DROPPED) dropped.push(c);
    else if (f === UNIT_SPECIAL) special.push(c);
    else if (f !== c) {
      const list = others.get(f);
      if (list) list.push(c);
      else others.set(f, [c]);
    }
  }
  inverse = { others, dropped: classBody(dropped), special: classBody(special) };
  return inverse;
}

/** The units that fold to exactly `ch`, ascending. */
function unitsFoldingTo(ch: number, inv: InverseFold): number[] {
  const units = [...(inv.others.get(ch) ?? [])];
  if (unitFold(ch) === ch) units.push(ch);
  return units.sort((a, b) => a - b);
}

/** The inside of a regex character class for these units (ascending), as escaped ranges. */
function classBody(units: readonly number[]): string {
  const hex = (c: number) => "\\u" + c.toString(16).padStart(4, "0");
  let out = "";
  for (let i = 0; i < units.length; ) {
    let j = i;
    while (j + 1 < units.length && units[j + 1] === units[j]! + 1) j++;
    out += j === i ? hex(units[i]!) : `${hex(units[i]!)}-${hex(units[j]!)}`;
    i = j + 1;
  }
  return out;
}

const needleRegexes = new Map<string, RegExp>();
const NEEDLE_REGEXES_MAX = 1000;

/**
 * Matches any raw run that folds to one of the needles (at each needle character, a class of the
 * units folding to exactly it; between two, any number of units folding to nothing: "ترْامـب"), and
 * any special unit, whose fold the classes cannot describe. A search highlights the same needles in
 * all its hits, so the regex is kept per needle list.
 */
function needleRegex(needles: readonly string[]): RegExp {
  // The same list object comes back for every hit of a search (findHighlights keeps it per query).
  const same = needleRegexOfList.get(needles);
  if (same) return same;
  const key = JSON.stringify(needles);
  let re = needleRegexes.get(key);
  if (!re) {
    const inv = inverseFold();
    const gap = `[${inv.dropped}]*`;
    const alts = needles.map((needle) => {
      const parts: string[] = [];
      for (let k = 0; k < needle.length; k++) {
        const units = unitsFoldingTo(needle.charCodeAt(k), inv);
        // No unit folds to this character alone: the needle occurs only through a special unit.
        if (!units.length) return "(?!)";
        parts.push(`[${classBody(units)}]`);
      }
      return parts.join(gap);
    });
    re = new RegExp(`${alts.join("|")}|[${inv.special}]`, "g");
    if (needleRegexes.size >= NEEDLE_REGEXES_MAX) needleRegexes.clear();
    needleRegexes.set(key, re);
  }
  needleRegexOfList.set(needles, re);
  return re;
}
const needleRegexOfList = new WeakMap<readonly string[], RegExp>();
