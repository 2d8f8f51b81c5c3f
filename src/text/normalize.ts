/**
 * Normalisation for matching. Arabic is written many ways that mean the same word (hamza forms,
 * alef maqsura, ta marbuta, diacritics, tatweel, presentation forms, Persian letters, three digit
 * sets). Annotators match on the normalised view and map hits back through `toOriginal`, so every
 * span they emit names original characters.
 */

export interface NormalizedText {
  /** The normalised string. */
  text: string;
  /**
   * `map[i]` is the original index of normalised character i; `map[text.length]` is the original
   * length. A character that expanded (ﻻ → لا) maps each output char to the same original char.
   */
  map: Int32Array;
  original: string;
}

export interface NormalizeOptions {
  /** Fold ة to ه (default true). */
  tehMarbuta?: boolean;
  /** Fold ى to ي (default true). */
  alefMaqsura?: boolean;
  /** Fold أ إ آ ٱ to ا (default true). ؤ and ئ are kept: their seat is written consistently. */
  hamza?: boolean;
  /** Lower-case Latin letters (default true). */
  lowerLatin?: boolean;
}

const DROP = new Set<number>([
  0x0640, // tatweel
  0x200b, 0x200c, 0x200d, 0x200e, 0x200f, // zero-width space, ZWNJ, ZWJ, LRM, RLM
  0x061c, // Arabic letter mark
  0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, // bidi embeddings/isolates
  0xfeff, // BOM / zero-width no-break space
  0x00ad, // soft hyphen
]);

function isDiacritic(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed && c !== 0x06e5 && c !== 0x06e6) || (c >= 0x08d3 && c <= 0x08ff);
}

/** Characters whose folding does not depend on options. */
const FIXED: Record<number, string> = {
  0x06cc: "ي", // Persian yeh ی
  0x06d2: "ي", // yeh barree
  0x06a9: "ك", // keheh ک
  0x06af: "ك", // gaf گ (transliterated g: "گوگل")
  0x06c1: "ه", // heh goal
  0x06be: "ه", // heh doachashmee
  0x00a0: " ", 0x2007: " ", 0x202f: " ", 0x2009: " ", 0x200a: " ", 0x2002: " ", 0x2003: " ",
  0x066b: ".", // Arabic decimal separator ٫
  0x066c: ",", // Arabic thousands separator ٬
  0x060c: "،",
};

const HAMZA: Record<number, string> = {
  0x0623: "ا", 0x0625: "ا", 0x0622: "ا", 0x0671: "ا", 0x0672: "ا", 0x0673: "ا",
};

/** Folds one code point (already NFKC-decomposed for presentation forms) to its matching form. */
function foldChar(c: number, opts: Required<NormalizeOptions>): string | null {
  if (DROP.has(c) || isDiacritic(c)) return null;
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(48 + c - 0x0660);
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(48 + c - 0x06f0);
  const fixed = FIXED[c];
  if (fixed !== undefined) return fixed;
  if (opts.hamza) {
    const h = HAMZA[c];
    if (h !== undefined) return h;
  }
  if (c === 0x0649 && opts.alefMaqsura) return "ي";
  if (c === 0x0629 && opts.tehMarbuta) return "ه";
  if (opts.lowerLatin && c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 32);
  return String.fromCodePoint(c);
}

const DEFAULTS: Required<NormalizeOptions> = { tehMarbuta: true, alefMaqsura: true, hamza: true, lowerLatin: true };

function isPresentationForm(c: number): boolean {
  return (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefe);
}

const isDefault = (o: NormalizeOptions) =>
  (o.tehMarbuta ?? true) && (o.alefMaqsura ?? true) && (o.hamza ?? true) && (o.lowerLatin ?? true);

/**
 * FOLD[c] for every UTF-16 code unit under the default options: the folded unit, DROPPED, or
 * SPECIAL (a presentation form, or a fold to more than one unit), which takes the slow path. Built
 * once per process (256 KB) so the hot loop is one array read per character.
 */
const DROPPED = -1;
const SPECIAL = -2;
const FOLD = (() => {
  const t = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      t[c] = c; // surrogate halves pass through unit by unit
      continue;
    }
    if (isPresentationForm(c)) {
      t[c] = SPECIAL;
      continue;
    }
    const f = foldChar(c, DEFAULTS);
    t[c] = f === null ? DROPPED : f.length === 1 ? f.charCodeAt(0) : SPECIAL;
  }
  return t;
})();

/**
 * What one UTF-16 unit folds to under the default options, from the table above: a unit (itself
 * when unchanged; a surrogate half is itself), UNIT_DROPPED, or UNIT_SPECIAL (a presentation form
 * or an expansion, whose fold only normalize() gives). A scan over raw text can then ask which units
 * fold to a character without normalising the text.
 */
export function unitFold(c: number): number {
  return FOLD[c]!;
}
export const UNIT_DROPPED = DROPPED;
export const UNIT_SPECIAL = SPECIAL;

/** Appends the fold of the special character at `i` (a presentation form) to the buffers. */
function foldSpecial(input: string, i: number, opts: Required<NormalizeOptions>, push: (unit: number, at: number) => void): number {
  const c = input.codePointAt(i)!;
  const width = c > 0xffff ? 2 : 1;
  const expanded = isPresentationForm(c) ? String.fromCodePoint(c).normalize("NFKC") : String.fromCodePoint(c);
  for (const ch of expanded) {
    const f = foldChar(ch.codePointAt(0)!, opts);
    if (f === null) continue;
    for (let k = 0; k < f.length; k++) push(f.charCodeAt(k), isPresentationForm(c) ? i : i + Math.min(k, width - 1));
  }
  return width;
}

const UTF16 = new TextDecoder("utf-16le");

/** Normalises `input` for matching and keeps the map back to the original characters. */
export function normalizeWithMap(input: string, options: NormalizeOptions = {}): NormalizedText {
  if (!isDefault(options)) return normalizeWithMapSlow(input, { ...DEFAULTS, ...options });
  const n = input.length;
  let cap = n + 16;
  let buf = new Uint16Array(cap);
  let map = new Int32Array(cap + 1);
  let j = 0;
  const push = (unit: number, at: number) => {
    if (j >= cap) {
      cap *= 2;
      const b2 = new Uint16Array(cap);
      b2.set(buf);
      buf = b2;
      const m2 = new Int32Array(cap + 1);
      m2.set(map);
      map = m2;
    }
    buf[j] = unit;
    map[j++] = at;
  };
  for (let i = 0; i < n; ) {
    const f = FOLD[input.charCodeAt(i)]!;
    if (f >= 0) {
      if (j >= cap) push(f, i);
      else {
        buf[j] = f;
        map[j++] = i;
      }
      i++;
    } else if (f === DROPPED) i++;
    else i += foldSpecial(input, i, DEFAULTS, push);
  }
  map[j] = n;
  const text = UTF16.decode(buf.subarray(0, j));
  return { text, map: map.subarray(0, j + 1), original: input };
}

function normalizeWithMapSlow(input: string, opts: Required<NormalizeOptions>): NormalizedText {
  const units: number[] = [];
  const map: number[] = [];
  for (let i = 0; i < input.length; ) {
    i += foldSpecial(input, i, opts, (u, at) => {
      units.push(u);
      map.push(at);
    });
  }
  map.push(input.length);
  let text = "";
  for (let k = 0; k < units.length; k += 4096) text += String.fromCharCode(...units.slice(k, k + 4096));
  return { text, map: Int32Array.from(map), original: input };
}

/** Normalised form of a short string (a lexicon entry, a query word). Returns `input` itself when nothing changes. */
export function normalize(input: string, options?: NormalizeOptions): string {
  if (options && !isDefault(options)) return normalizeWithMapSlow(input, { ...DEFAULTS, ...options }).text;
  const n = input.length;
  let i = 0;
  for (; i < n; i++) {
    const c = input.charCodeAt(i);
    if (FOLD[c] !== c) break;
  }
  if (i === n) return input;
  if (n > 256) return normalizeWithMap(input).text;
  let out = input.slice(0, i);
  while (i < n) {
    const f = FOLD[input.charCodeAt(i)]!;
    if (f >= 0) {
      out += String.fromCharCode(f);
      i++;
    } else if (f === DROPPED) i++;
    else
      i += foldSpecial(input, i, DEFAULTS, (u) => {
        out += String.fromCharCode(u);
      });
  }
  return out;
}

/**
 * Maps a half-open range of the normalised text back to the original. The end is extended over
 * characters the normaliser dropped (diacritics, tatweel) that belong to the last matched letter, so
 * "ترامبُ" is highlighted whole.
 */
export function toOriginalRange(n: NormalizedText, start: number, end: number): [number, number] {
  const s = n.map[start]!;
  if (end <= start) return [s, s];
  const lastOrig = n.map[end - 1]!;
  const nextOrig = n.map[end]!;
  let e = lastOrig + 1;
  // A surrogate pair's low half belongs to the char.
  const hi = n.original.charCodeAt(lastOrig);
  if (hi >= 0xd800 && hi <= 0xdbff && e < n.original.length) e++;
  // Extend across dropped characters (diacritics, tatweel) that follow the last matched letter.
  while (e < nextOrig && isDroppable(n.original.charCodeAt(e))) e++;
  return [s, e];
}

function isDroppable(c: number): boolean {
  return DROP.has(c) || isDiacritic(c) || (c >= 0xdc00 && c <= 0xdfff);
}

/** Builds a span of the original text from a range of the normalised text. */
export function spanFromNormalized(n: NormalizedText, start: number, end: number): { start: number; end: number; text: string } {
  const [s, e] = toOriginalRange(n, start, end);
  return { start: s, end: e, text: n.original.slice(s, e) };
}

/** Arabic letters (base block, supplements and presentation forms), marks included. */
export const ARABIC_LETTER = /[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\u08A0-\u08C9\uFB50-\uFDFF\uFE70-\uFEFC]/u;

/** Strips diacritics and tatweel only, keeping letters as written (for display forms). */
export function stripDiacritics(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (isDiacritic(c) || c === 0x0640) continue;
    out += ch;
  }
  return out;
}
