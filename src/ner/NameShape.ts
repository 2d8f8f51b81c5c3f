/**
 * How much a word's letters look like a name transliterated into Arabic ("أينشتاين", "هونج كونج")
 * rather than an Arabic noun, verb or adjective: the mean log-odds of its letter 2-, 3- and 4-grams
 * (with word-boundary marks), learned by scripts/build-kb.mjs from ANETAC's transliterated names
 * against the news words that take a possessive suffix or the article (resources/ner/nameshape.tsv).
 * The tagger reads the bucket of the clitic-stripped stem ("وأينشتاين" scores "أينشتاين"). Names
 * ANERcorp never shows are its largest loss, and the list features only know the names they list;
 * the letters carry over to names nobody listed.
 */
import { existsSync, readFileSync } from "node:fs";
import { resourcePath } from "../resources.js";

/**
 * A letter as 6 bits: the Arabic letters U+0621–U+064A as 1–42, the boundary marks ^ and $ as 43 and
 * 44; anything else (a Persian letter, a digit) as 0, which no listed gram contains. A gram of n
 * letters is the key n·2^24 + its letters' codes, so scoring a word builds no strings (and loading
 * the table takes half the time of string keys: 18 against 37 ms).
 */
function letterCode(c: number): number {
  if (c >= 0x0621 && c <= 0x064a) return c - 0x0620;
  return c === 0x5e ? 43 : c === 0x24 ? 44 : 0;
}

export class NameShape {
  /**
   * The 2- and 3-gram scores as flat tables indexed by the letters' codes (6 bits each; unlisted
   * grams and those with a code-0 letter hold `unseen`): scoring a new word type was a tenth of the
   * tagger's cold path in Map lookups. 4-grams (16M possible keys) stay in the map.
   */
  private readonly dense2 = new Float64Array(1 << 12);
  private readonly dense3 = new Float64Array(1 << 18);

  constructor(private readonly grams: Map<number, number>, private readonly unseen: number) {
    this.dense2.fill(unseen);
    this.dense3.fill(unseen);
    for (const [key, value] of grams) {
      const n = key >>> 24;
      if (n === 2) this.dense2[key & 0xfff] = value;
      else if (n === 3) this.dense3[key & 0x3ffff] = value;
    }
  }

  /** Parses the resource: "gram TAB log-odds" lines; the line "<unk>" gives the score of an unlisted gram. */
  static parse(text: string): NameShape {
    const grams = new Map<number, number>();
    let unseen = 0;
    for (let i = 0, n = text.length; i < n; ) {
      const tab = text.indexOf("\t", i);
      if (tab < 0) break;
      let end = text.indexOf("\n", tab);
      if (end < 0) end = n;
      const value = Number(text.slice(tab + 1, end));
      if (text.startsWith("<unk>", i)) unseen = value;
      else if (tab - i >= 2 && tab - i <= 4) {
        let key = (tab - i) << 24, ok = true;
        for (let k = i; k < tab; k++) {
          const code = letterCode(text.charCodeAt(k));
          ok &&= code > 0;
          key = key | (code << (6 * (k - i)));
        }
        if (ok) grams.set(key, value);
      }
      i = end + 1;
    }
    return new NameShape(grams, unseen);
  }

  /** Mean log-odds of the letter n-grams of a normalised word (0 when the table is empty). */
  score(word: string): number {
    if (!this.grams.size || !word) return 0;
    const len = Math.min(word.length, 24) + 2;
    const codes = new Uint8Array(len);
    codes[0] = 43;
    codes[len - 1] = 44;
    for (let i = 1; i < len - 1; i++) codes[i] = letterCode(word.charCodeAt(i - 1));
    // The same sum, gram by gram in the same order, as a lookup of each gram's key in `grams`.
    let sum = 0;
    const d2 = this.dense2, d3 = this.dense3;
    for (let i = 0; i + 2 <= len; i++) sum += d2[codes[i]! | (codes[i + 1]! << 6)]!;
    for (let i = 0; i + 3 <= len; i++) sum += d3[codes[i]! | (codes[i + 1]! << 6) | (codes[i + 2]! << 12)]!;
    for (let i = 0; i + 4 <= len; i++) {
      const a = codes[i]!, b = codes[i + 1]!, c = codes[i + 2]!, d = codes[i + 3]!;
      sum += (a && b && c && d ? this.grams.get((4 << 24) | a | (b << 6) | (c << 12) | (d << 18)) : undefined) ?? this.unseen;
    }
    return sum / (3 * len - 6);
  }

  /** The score in six buckets, a … f (a: an Arabic word's letters, f: a transliterated name's). */
  bucket(word: string): string {
    if (!this.grams.size) return "-";
    const s = this.score(word);
    return s < -1 ? "a" : s < -0.5 ? "b" : s < 0 ? "c" : s < 0.5 ? "d" : s < 1 ? "e" : "f";
  }
}

let shared: NameShape | undefined;

/** The committed table (an empty scorer when the file is absent: every word then buckets as "-"). */
export function nameShape(): NameShape {
  if (!shared) {
    const p = resourcePath("ner/nameshape.tsv");
    shared = existsSync(p) ? NameShape.parse(readFileSync(p, "utf8")) : new NameShape(new Map(), 0);
  }
  return shared;
}
