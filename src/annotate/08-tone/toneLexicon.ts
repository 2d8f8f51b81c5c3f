/**
 * rasd's own tone lexicon (resources/tone/lexicon.tsv) and its modifiers (resources/tone/modifiers.json),
 * loaded once per process and normalised like the text. Lookup forgives clitics: "وبالقتلى" finds
 * "قتلى", "تهديداتها" finds "تهديدات".
 */
import { readFileSync } from "node:fs";
import { readJsonResource, resourcePath } from "../../resources.js";
import { normalize } from "../../text/normalize.js";
import { PhraseMatcher } from "../04-quantities/PhraseMatcher.js";

interface RawModifiers {
  negators: string[];
  intensifiers: string[];
  activity: string[];
  self: string[];
  group: string[];
}

export interface ToneLexicon {
  /** Single words, normalised, to their weight. */
  words: Map<string, number>;
  /** Multi-word entries ("وقف إطلاق النار"). */
  phrases: PhraseMatcher<number>;
  /** First words of the multi-word entries (a quick test before matching). */
  phraseStarts: Set<string>;
  negators: Set<string>;
  intensifiers: Set<string>;
  activity: Set<string>;
  self: Set<string>;
  group: Set<string>;
}

let lexicon: ToneLexicon | undefined;

/** Reads `term<TAB>weight` lines; `#` starts a comment. */
export function readToneTsv(path: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [term, w] = line.split("\t");
    const weight = Number(w);
    if (term && Number.isFinite(weight)) out.push([term.trim(), weight]);
  }
  return out;
}

export function toneLexicon(): ToneLexicon {
  if (lexicon) return lexicon;
  const words = new Map<string, number>();
  const phrases = new PhraseMatcher<number>([]);
  const phraseStarts = new Set<string>();
  for (const [term, w] of readToneTsv(resourcePath("tone/lexicon.tsv"))) {
    if (/\s/.test(term.trim())) {
      phrases.add(term, w);
      phraseStarts.add(normalize(term.trim().split(/\s+/)[0]!));
    } else words.set(normalize(term), w);
  }
  const m = readJsonResource<RawModifiers>("tone/modifiers.json");
  const set = (xs: string[]) => new Set(xs.map((x) => normalize(x)));
  lexicon = { words, phrases, phraseStarts, negators: set(m.negators), intensifiers: set(m.intensifiers), activity: set(m.activity), self: set(m.self), group: set(m.group) };
  return lexicon;
}

const PROCLITICS = ["وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب", "ول", "فب", "فل", "وس", "و", "ف", "ب", "ل", "س"];
const ENCLITICS = ["هما", "كما", "كم", "هم", "هن", "ها", "نا", "ه"];

/** Per table: answers for words whose final ه is not a written pronoun ه, and for those where it is. */
const memo = new WeakMap<object, [Map<string, string | null>, Map<string, string | null>]>();

/** True when the original word ends in a written ه (marks after it allowed), not ة. */
export function endsInHeh(original: string): boolean {
  let k = original.length - 1;
  while (k >= 0) {
    const c = original.charCodeAt(k);
    if (c >= 0x64b && c <= 0x652) k--;
    else return c === 0x647;
  }
  return false;
}

/** Looks a normalised word up in `table`, trying it bare of proclitics and of an attached pronoun. */
export function lookupWord<T>(table: Map<string, T> | Set<string>, norm: string, original?: string): string | undefined {
  let memos = memo.get(table);
  if (!memos) memo.set(table, (memos = [new Map(), new Map()]));
  const m = original !== undefined && norm.charCodeAt(norm.length - 1) === 0x647 && endsInHeh(original) ? memos[1] : memos[0];
  const hit = m.get(norm);
  if (hit !== undefined) return hit ?? undefined;
  const found = lookupUncached(table, norm, original);
  if (m.size > 200000) m.clear();
  m.set(norm, found ?? null);
  return found;
}

/**
 * Per table: one byte per (first code unit's low byte, length up to 63) saying whether some key has
 * that shape. A word cut from a new token is built and looked up only where a key of its shape exists:
 * the cuts are tried for every new word, and most of them could not be a key.
 */
const shapes: Array<{ table: object; size: number; bits: Uint8Array }> = [];

function shapesOf(table: Map<string, unknown> | Set<string>): Uint8Array {
  // A handful of tables: a scan beats a WeakMap.
  for (const s of shapes) if (s.table === table && s.size === table.size) return s.bits;
  const bits = new Uint8Array(256 * 64);
  for (const k of table.keys()) bits[shapeIndex(k.charCodeAt(0), k.length)] = 1;
  const old = shapes.findIndex((s) => s.table === table);
  if (old >= 0) shapes.splice(old, 1);
  if (shapes.length >= 16) shapes.shift();
  shapes.push({ table, size: table.size, bits });
  return bits;
}

/** First letters of the proclitics and last letters of the pronouns below: a word with neither has no cut to try. */
const PROCLITIC_FIRST = new Set(PROCLITICS.map((p) => p.charCodeAt(0)));
const ENCLITIC_LAST = new Set(ENCLITICS.map((e) => e.charCodeAt(e.length - 1)));

function shapeIndex(first: number, length: number): number {
  return ((first & 0xff) << 6) | (length < 63 ? length : 63);
}

/** Offsets of the word's stems (bare of proclitics) for lookupUncached, reused from call to call. */
const stemAt = new Int32Array(PROCLITICS.length + 1);

/** `lookupWord` without its memo, for callers that remember the answer themselves. */
export function lookupUncached<T>(table: Map<string, T> | Set<string>, norm: string, original?: string): string | undefined {
  if (table.has(norm)) return norm;
  const bits = shapesOf(table);
  const n = norm.length;
  // "فوزاً", "نجاحا": the accusative ending.
  if (norm.endsWith("ا") && n > 3 && bits[shapeIndex(norm.charCodeAt(0), n - 1)] === 1 && table.has(norm.slice(0, -1))) return norm.slice(0, -1);
  // A final ه is a pronoun only when it was written ه, not ة ("الخلافة" is not "خلاف" + ه).
  const hehIsPronoun = original === undefined ? false : endsInHeh(original);
  // Each stem is the rest of the word from an offset: its cuts are tried in the order of the stems.
  let stems = 0;
  stemAt[stems++] = 0;
  if (PROCLITIC_FIRST.has(norm.charCodeAt(0))) for (const p of PROCLITICS) {
    if (norm.startsWith(p) && n - p.length >= 2) {
      const o = p.length;
      if (bits[shapeIndex(norm.charCodeAt(o), n - o)] === 1) {
        const s = norm.slice(o);
        if (table.has(s)) return s;
      }
      if ((p.endsWith("ال") || p.endsWith("لل")) && bits[shapeIndex(0x627, n - o + 2)] === 1) {
        const s = "ال" + norm.slice(o);
        if (table.has(s)) return s;
      }
      stemAt[stems++] = o;
    }
  }
  if (!ENCLITIC_LAST.has(norm.charCodeAt(n - 1))) return undefined;
  for (let k = 0; k < stems; k++) {
    const o = stemAt[k]!;
    for (const e of ENCLITICS) {
      if (e === "ه" && !hehIsPronoun) continue;
      const b = n - o - e.length; // the stem's length without the pronoun
      if (b >= 3 && norm.endsWith(e) && bits[shapeIndex(norm.charCodeAt(o), b)] === 1) {
        const w = norm.slice(o, o + b);
        if (table.has(w)) return w;
        // "تهديداته" → "تهديدات"; "قواتها" ends in ت already; "حمايته" → "حماية" (ت → ة folded to ه).
        if (norm.charCodeAt(o + b - 1) === 0x62a) {
          const t = w.slice(0, -1) + "ه";
          if (table.has(t)) return t;
        }
      }
    }
  }
  return undefined;
}
