/**
 * A light stemmer for search (after Larkey's light10): the index and the query pass through the same
 * normaliser and these rules, so "ترامب" finds "وترامب", "لترامب", "بترامب", and "الانسحاب" finds
 * "انسحاب". It strips proclitics (و ف ب ل ك and the article ال) and one inflectional suffix, and
 * never leaves fewer than three letters. Precision is traded for recall on purpose: two
 * words that share a stem are rare enough in news search, and the query is stemmed the same way.
 */
import { normalize } from "./normalize.js";
import { tokenize } from "./tokenize.js";

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
}

/** Tokenises `text` and stems every word and number (punctuation dropped), keeping offsets. */
export function stemTokens(text: string): StemmedToken[] {
  const out: StemmedToken[] = [];
  for (const t of tokenize(text)) {
    if (t.kind === "punct" || t.kind === "symbol") continue;
    const s = stemNormalized(t.norm);
    if (s) out.push({ start: t.start, end: t.end, stem: s });
  }
  return out;
}
