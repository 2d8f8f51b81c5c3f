/**
 * Arabic number words to values: "تسعة وسبعين" 79, "ثلاثة آلاف" 3000, "مليون ونصف" 1,500,000,
 * "عشرات" and "مئات" as vague counts, and ordinals ("الثالث" 3) flagged as such.
 *
 * 1. Normalise each word the way the text is normalised (hamza, ta marbuta, alef maqsura folded).
 * 2. Read the words left to right as groups: units, teens, tens and hundreds add up inside a group
 *    joined by و; a scale word (ألف، مليون، مليار) closes the group and multiplies it.
 * 3. A fraction after a scale ("مليون ونصف") adds that share of the scale.
 * The word tables live in resources/quantities/number-words.json.
 */
import { normalize } from "./normalize.js";
import { readJsonResource } from "../resources.js";

/** What a run of number words means. */
export interface NumberWordMatch {
  value: number;
  /** How many words were read (the first word may carry a proclitic such as و or ب). */
  length: number;
  /** "عشرات", "مئات", "آلاف" alone: an order of magnitude, not a count. */
  vague: boolean;
  /** "الثالث", "أول": a rank, not a count. */
  ordinal: boolean;
  /** Normalised letters of a proclitic cut from the first word ("بعشرات" → 1). */
  cut: number;
}

interface RawTables {
  units: Record<string, number>;
  teenUnits: Record<string, number>;
  ten: Record<string, number>;
  tens: Record<string, number>;
  hundreds: Record<string, number>;
  scales: Record<string, number>;
  scalePlurals: string[];
  duals: Record<string, number>;
  fractions: Record<string, number>;
  vague: Record<string, number>;
  ordinals: Record<string, number>;
}

interface Tables {
  units: Map<string, number>;
  teenUnits: Map<string, number>;
  ten: Map<string, number>;
  tens: Map<string, number>;
  hundreds: Map<string, number>;
  scales: Map<string, number>;
  scalePlurals: Set<string>;
  duals: Map<string, number>;
  fractions: Map<string, number>;
  vague: Map<string, number>;
  ordinals: Map<string, number>;
  /** Every word of the tables above, for `known`: one look-up instead of ten. */
  all: Set<string>;
  /** Every word of them but fractions: the words that may begin a number. */
  starts: Set<string>;
}

let tables: Tables | undefined;

function norm(table: Record<string, number>): Map<string, number> {
  const m = new Map<string, number>();
  for (const [k, v] of Object.entries(table)) m.set(normalize(k), v);
  return m;
}

function load(): Tables {
  if (tables) return tables;
  const raw = readJsonResource<RawTables>("quantities/number-words.json");
  tables = {
    units: norm(raw.units),
    teenUnits: norm(raw.teenUnits),
    ten: norm(raw.ten),
    tens: norm(raw.tens),
    hundreds: norm(raw.hundreds),
    scales: norm(raw.scales),
    scalePlurals: new Set(raw.scalePlurals.map((w) => normalize(w))),
    duals: norm(raw.duals),
    fractions: norm(raw.fractions),
    vague: norm(raw.vague),
    ordinals: norm(raw.ordinals),
    all: new Set(),
    starts: new Set(),
  };
  const t = tables;
  for (const m of [t.units, t.teenUnits, t.ten, t.tens, t.hundreds, t.scales, t.duals, t.vague, t.ordinals]) for (const k of m.keys()) t.starts.add(k);
  for (const k of t.starts) t.all.add(k);
  for (const k of t.fractions.keys()) t.all.add(k);
  return tables;
}

/** True when the normalised word is any kind of number word (for callers that scan quickly). */
export function isNumberWord(word: string): boolean {
  const t = load();
  const w = stripProclitic(word, t) ?? word;
  return t.units.has(w) || t.tens.has(w) || t.hundreds.has(w) || t.scales.has(w) || t.duals.has(w) || t.vague.has(w) || t.ten.has(w);
}

const startMemo = new Map<string, boolean>();

/** True when the normalised word could begin a number (remembered per word): a quick test for scanners. */
export function mayBeNumberWord(word: string): boolean {
  const hit = startMemo.get(word);
  if (hit !== undefined) return hit;
  const t = load();
  const w = known(word, t) ? word : stripProclitic(word, t);
  const yes = w !== undefined && t.starts.has(w);
  if (startMemo.size > 100000) startMemo.clear();
  startMemo.set(word, yes);
  return yes;
}

/** A scale word's multiplier ("مليون" → 1e6), for digits followed by a word: "3 ملايين". */
export function scaleOf(word: string): number | undefined {
  const t = load();
  return t.scales.get(word) ?? t.scales.get(word.startsWith("ال") ? word.slice(2) : word);
}

function known(w: string, t: Tables): boolean {
  return t.all.has(w);
}

/** "وثلاثة" → "ثلاثة", "بعشرات" → "عشرات": a proclitic is cut only when a number word remains. */
function stripProclitic(w: string, t: Tables): string | undefined {
  for (const p of ["وب", "ول", "و", "ف", "ب", "ل", "ك"]) {
    if (w.startsWith(p) && w.length - p.length >= 2 && known(w.slice(p.length), t)) return w.slice(p.length);
  }
  return undefined;
}

/**
 * Reads number words from `words` (normalised) starting at `i`. Returns null when `words[i]` does not
 * begin a number.
 */
export function parseNumberWords(words: readonly string[], i: number): NumberWordMatch | null {
  const t = load();
  let first = words[i];
  if (first === undefined) return null;
  let cut = 0;
  if (!known(first, t)) {
    const s = stripProclitic(first, t);
    if (s === undefined) return null;
    cut = first.length - s.length;
    first = s;
  }
  const ord = t.ordinals.get(first);
  if (ord !== undefined && !t.units.has(first)) return { value: ord, length: 1, vague: false, ordinal: true, cut };

  // Vague counts: "عشرات", "مئات الآلاف", "آلاف".
  const vagueValue = t.vague.get(first);
  if (vagueValue !== undefined) {
    let value = vagueValue;
    let length = 1;
    const next = words[i + 1];
    if (next !== undefined) {
      const bare = next.startsWith("ال") ? next.slice(2) : next;
      const sc = t.scalePlurals.has(bare) ? t.scales.get(bare) : undefined;
      if (sc !== undefined && sc > value) {
        value *= sc;
        length = 2;
      }
    }
    return { value, length, vague: true, ordinal: false, cut };
  }

  let total = 0;
  let current = 0;
  let lastScale = 0;
  let j = i;
  let prev: "none" | "unit" | "group" | "scale" = "none";
  while (j < words.length) {
    let w = j === i ? first : words[j]!;
    let conj = false;
    if (j > i && w.startsWith("و") && w.length > 2 && known(w.slice(1), t)) {
      w = w.slice(1);
      conj = true;
    }
    if (j > i && !conj) {
      // Without و only a scale, "عشر" after a unit, or "مئة" after a unit may follow.
      const sc = t.scales.get(w);
      if (sc !== undefined && (prev === "unit" || prev === "group")) {
        if (t.scalePlurals.has(w) ? current >= 3 && current <= 10 : current >= 11 || current === 1 || current >= 3) {
          total += current * sc;
          current = 0;
          lastScale = sc;
          prev = "scale";
          j++;
          continue;
        }
        break;
      }
      const h = t.hundreds.get(w);
      if (h === 100 && prev === "unit" && current >= 3 && current <= 9) {
        current *= 100;
        prev = "group";
        j++;
        continue;
      }
      break;
    }
    if (j > i && conj && prev === "none") break;
    const u = t.units.get(w);
    const teen = t.teenUnits.get(w);
    if ((u !== undefined || teen !== undefined) && t.ten.has(words[j + 1] ?? "")) {
      // "ثلاثة عشر", "أحد عشر": a teen.
      current += (u ?? teen!) + 10;
      prev = "group";
      j += 2;
      continue;
    }
    if (u !== undefined) {
      current += u;
      prev = "unit";
      j++;
      continue;
    }
    const ten = t.ten.get(w);
    if (ten !== undefined) {
      current += ten;
      prev = "unit";
      j++;
      continue;
    }
    const tn = t.tens.get(w) ?? t.hundreds.get(w);
    if (tn !== undefined) {
      current += tn;
      prev = "group";
      j++;
      continue;
    }
    const dual = t.duals.get(w);
    if (dual !== undefined) {
      total += current + dual;
      current = 0;
      lastScale = dual / 2;
      prev = "scale";
      j++;
      continue;
    }
    const sc = t.scales.get(w);
    if (sc !== undefined && !t.scalePlurals.has(w)) {
      // "ألف" or "مليون" on its own means one of them.
      total += (current || 1) * sc;
      current = 0;
      lastScale = sc;
      prev = "scale";
      j++;
      continue;
    }
    const fr = t.fractions.get(w);
    if (fr !== undefined && conj && prev === "scale" && lastScale) {
      total += fr * lastScale;
      prev = "group";
      j++;
      continue;
    }
    break;
  }
  if (j === i) return null;
  return { value: total + current, length: j - i, vague: false, ordinal: false, cut };
}
