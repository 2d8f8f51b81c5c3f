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

/** `lookupWord` without its memo, for callers that remember the answer themselves. */
export function lookupUncached<T>(table: Map<string, T> | Set<string>, norm: string, original?: string): string | undefined {
  const has = (w: string) => table.has(w);
  if (has(norm)) return norm;
  // "فوزاً", "نجاحا": the accusative ending.
  if (norm.endsWith("ا") && norm.length > 3 && has(norm.slice(0, -1))) return norm.slice(0, -1);
  // A final ه is a pronoun only when it was written ه, not ة ("الخلافة" is not "خلاف" + ه).
  const hehIsPronoun = original === undefined ? false : endsInHeh(original);
  const stems: string[] = [norm];
  for (const p of PROCLITICS) {
    if (norm.startsWith(p) && norm.length - p.length >= 2) {
      const s = p === "لل" || p === "ولل" || p === "فلل" ? norm.slice(p.length) : norm.slice(p.length);
      if (has(s)) return s;
      if (p.endsWith("ال") || p.endsWith("لل")) {
        if (has("ال" + s)) return "ال" + s;
      }
      stems.push(s);
    }
  }
  for (const s of stems) {
    for (const e of ENCLITICS) {
      if (e === "ه" && !hehIsPronoun) continue;
      if (s.endsWith(e) && s.length - e.length >= 3) {
        const b = s.slice(0, -e.length);
        if (has(b)) return b;
        // "تهديداته" → "تهديدات"; "قواتها" ends in ت already; "حمايته" → "حماية" (ت → ة folded to ه).
        if (b.endsWith("ت") && has(b.slice(0, -1) + "ه")) return b.slice(0, -1) + "ه";
      }
    }
  }
  return undefined;
}
