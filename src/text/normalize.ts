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

/** Normalises `input` for matching and keeps the map back to the original characters. */
export function normalizeWithMap(input: string, options: NormalizeOptions = {}): NormalizedText {
  const opts = { ...DEFAULTS, ...options };
  const out: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < input.length; ) {
    const c = input.codePointAt(i)!;
    const width = c > 0xffff ? 2 : 1;
    if (isPresentationForm(c)) {
      // NFKC turns ﻻ into لا and ﷲ into الله: each output char maps to the one original char.
      for (const ch of String.fromCodePoint(c).normalize("NFKC")) {
        const f = foldChar(ch.codePointAt(0)!, opts);
        if (f === null) continue;
        for (const u of f) {
          for (let k = 0; k < u.length; k++) {
            out.push(u[k]!);
            map.push(i);
          }
        }
      }
    } else {
      const f = foldChar(c, opts);
      if (f !== null) {
        for (let k = 0; k < f.length; k++) {
          out.push(f[k]!);
          map.push(i + (k < width ? k : width - 1));
        }
      }
    }
    i += width;
  }
  map.push(input.length);
  return { text: out.join(""), map: Int32Array.from(map), original: input };
}

/** Normalised form of a short string (a lexicon entry, a query word). */
export function normalize(input: string, options?: NormalizeOptions): string {
  return normalizeWithMap(input, options).text;
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
