/**
 * What every parser reads: the tokens of the article, the vocabulary, and small helpers to match a
 * word (with its proclitics و ف ب ل ك peeled off), a phrase, a number or an ordinal at a token.
 */
import type { TimeType } from "../../types.js";
import type { Meaning, Parsed, ClockPart } from "./Parsed.js";
import type { PhraseTable } from "./PhraseTable.js";
import type { TimeLexicon } from "./timeLexicon.js";
import { TokKind, type TimeToken } from "./timeTokens.js";

export interface PhraseHit<V> {
  /** Tokens used. */
  len: number;
  value: V;
  /** Proclitic letters peeled off the first token. */
  cl: number;
}

const CONJ = new Set(["و", "ف"]);
const PREP = new Set(["ب", "ل", "ك"]);

export class ParseContext {
  private formCache: Array<Array<[string, number]> | undefined> = [];

  constructor(
    readonly text: string,
    readonly toks: TimeToken[],
    readonly lex: TimeLexicon,
  ) {}

  isWord(i: number): boolean {
    return i >= 0 && i < this.toks.length && this.toks[i]!.k === TokKind.Word;
  }
  isDigits(i: number): boolean {
    return i >= 0 && i < this.toks.length && this.toks[i]!.k === TokKind.Digits;
  }
  /** Normalised text of token i ("" outside). */
  n(i: number): string {
    return i >= 0 && i < this.toks.length ? this.toks[i]!.n : "";
  }
  /** Token i continues the sentence of token i-1. */
  same(i: number): boolean {
    return i > 0 && i < this.toks.length && this.toks[i]!.sent === this.toks[i - 1]!.sent;
  }

  /** The word's forms with proclitics peeled: [form, letters peeled]. "وبالأمس" → وبالامس, بالامس, الامس. */
  forms(i: number): Array<[string, number]> {
    const hit = this.formCache[i];
    if (hit) return hit;
    const t = this.toks[i];
    const out: Array<[string, number]> = [];
    if (t && t.k === TokKind.Word) {
      const w = t.n;
      out.push([w, 0]);
      const bases: Array<[string, number]> = [[w, 0]];
      if (w.length > 2 && CONJ.has(w[0]!)) {
        out.push([w.slice(1), 1]);
        bases.push([w.slice(1), 1]);
      }
      for (const [b, cl] of bases) {
        if (b.length > 3 && b.startsWith("لل")) out.push(["ال" + b.slice(2), cl + 1]);
        else if (b.length > 2 && PREP.has(b[0]!)) out.push([b.slice(1), cl + 1]);
      }
    }
    this.formCache[i] = out;
    return out;
  }

  /** The phrase of `table` that starts at token i, longest first. Clitics are allowed on the first word only when `clitic`. */
  phrase<V>(i: number, table: PhraseTable<V>, clitic = true): PhraseHit<V> | null {
    if (!this.isWord(i)) return null;
    const forms = clitic ? this.forms(i) : [[this.toks[i]!.n, 0] as [string, number]];
    for (const [f, cl] of forms) {
      const list = table.byFirst.get(f);
      if (!list) continue;
      for (const entry of list) {
        let ok = true;
        for (let k = 1; k < entry.words.length; k++) {
          const j = i + k;
          if (!this.isWord(j) || !this.same(j) || this.toks[j]!.n !== entry.words[k]) {
            ok = false;
            break;
          }
        }
        if (ok) return { len: entry.words.length, value: entry.value, cl };
      }
    }
    return null;
  }

  /** Token i (a word) is in `set`, possibly with proclitics; returns the letters peeled or -1. */
  inSet(i: number, set: Set<string>, clitic = true): number {
    if (!this.isWord(i)) return -1;
    if (!clitic) return set.has(this.toks[i]!.n) ? 0 : -1;
    for (const [f, cl] of this.forms(i)) if (set.has(f)) return cl;
    return -1;
  }

  /**
   * Steps over an optional "يوم" before a day name ("[يوم] الاثنين", "[يوم] أمس"): where the day name
   * starts and the letters of proclitic peeled from the span's first word; null when "يوم" ends the
   * sentence.
   */
  afterDayWord(i: number): { k: number; cl: number } | null {
    const dw = this.inSet(i, this.lex.sets.day);
    if (dw < 0) return { k: i, cl: 0 };
    return this.same(i + 1) ? { k: i + 1, cl: dw } : null;
  }

  inMap<V>(i: number, map: Map<string, V>, clitic = true): { value: V; cl: number } | null {
    if (!this.isWord(i)) return null;
    const forms = clitic ? this.forms(i) : [[this.toks[i]!.n, 0] as [string, number]];
    for (const [f, cl] of forms) {
      const v = map.get(f);
      if (v !== undefined) return { value: v, cl };
    }
    return null;
  }

  /** Integer value of a digit token (at most 4 digits), else -1. */
  digits(i: number, maxLen = 4): number {
    if (!this.isDigits(i)) return -1;
    const n = this.toks[i]!.n;
    return n.length <= maxLen ? parseInt(n, 10) : -1;
  }

  /** A cardinal number at i: digits or words ("ثلاثة", "خمسة عشر", "خمسة وعشرين", "عشرين"). */
  cardinal(i: number): { value: number; len: number; cl: number } | null {
    const d = this.digits(i, 4);
    if (d >= 0) return { value: d, len: 1, cl: 0 };
    const lx = this.lex;
    const u = this.inMap(i, lx.cardUnits);
    if (u) {
      if (this.same(i + 1) && lx.cardTen.has(this.n(i + 1))) return { value: 10 + u.value, len: 2, cl: u.cl };
      if (this.same(i + 1) && this.n(i + 1).startsWith("و")) {
        const t = lx.cardTens.get(this.n(i + 1).slice(1));
        if (t) return { value: t + u.value, len: 2, cl: u.cl };
      }
      return { value: u.value, len: 1, cl: u.cl };
    }
    const t = this.inMap(i, lx.cardTens);
    if (t) return { value: t.value, len: 1, cl: t.cl };
    const ten = this.inSet(i, lx.cardTen);
    if (ten >= 0) return { value: 10, len: 1, cl: ten };
    const big = this.inMap(i, lx.cardBig);
    if (big) return { value: big.value, len: 1, cl: big.cl };
    return null;
  }

  /** An ordinal at i ("الثالث", "الحادي عشر", "الحادي والثلاثين", "العشرين"). */
  ordinal(i: number): { value: number; len: number; cl: number } | null {
    const lx = this.lex;
    const u = this.inMap(i, lx.ordUnits);
    if (u) {
      if (this.same(i + 1) && lx.ordTen.has(this.n(i + 1))) return { value: 10 + u.value, len: 2, cl: u.cl };
      if (this.same(i + 1) && this.n(i + 1).startsWith("و")) {
        const t = lx.ordTens.get(this.n(i + 1).slice(1));
        if (t && t >= 20) return { value: t + u.value, len: 2, cl: u.cl };
      }
      return { value: u.value, len: 1, cl: u.cl };
    }
    const t = this.inMap(i, lx.ordTens);
    if (t) return { value: t.value, len: 1, cl: t.cl };
    return null;
  }

  /** Original start offset of token i after `cl` proclitic letters. */
  startAfterClitics(i: number, cl: number): number {
    const t = this.toks[i]!;
    let p = t.s;
    let left = cl;
    while (left > 0 && p < t.e) {
      const c = this.text.charCodeAt(p);
      const dropped = (c >= 0x64b && c <= 0x65f) || c === 0x670 || c === 0x640;
      p++;
      if (!dropped) left--;
    }
    // Skip marks that sat on the peeled clitic.
    while (p < t.e) {
      const c = this.text.charCodeAt(p);
      if ((c >= 0x64b && c <= 0x65f) || c === 0x670 || c === 0x640) p++;
      else break;
    }
    return p;
  }

  /** Tense of the clause around tokens [ts, te): +1 when a future marker is near, else -1 (past). */
  tense(ts: number, te: number): number {
    const sent = this.toks[ts]!.sent;
    const sets = this.lex.sets;
    let r = -1;
    const lo = Math.max(0, ts - 10), hi = Math.min(this.toks.length, te + 8);
    for (let j = lo; j < hi && r < 0; j++) {
      if (j >= ts && j < te) continue;
      const t = this.toks[j]!;
      if (t.sent !== sent || t.k !== TokKind.Word) continue;
      if (sets.future.has(t.n)) r = 1;
      else {
        // A verb with the future prefix: "سيعقد"، "وستجري"، "سنعمل" (nouns like "سياسة" excluded).
        let w = t.n;
        if (w.length > 4 && CONJ.has(w[0]!)) w = w.slice(1);
        if (w.length >= 4 && w[0] === "س" && (w[1] === "ي" || w[1] === "ت" || w[1] === "ن") && !sets.futurePrefixFalse.has(w) && !w.startsWith("سنو") && !w.startsWith("سياس")) r = 1;
      }
    }
    return r;
  }

  /** Builds a Parsed for tokens [ts, te), the first token's first `cl` letters left outside. */
  make(ts: number, te: number, cl: number, type: TimeType, meaning: Meaning, by: string, clock?: ClockPart): Parsed {
    const s = cl > 0 ? this.startAfterClitics(ts, cl) : this.toks[ts]!.s;
    const p: Parsed = { ts, te, s, e: this.toks[te - 1]!.e, type, meaning, tense: this.tense(ts, te), by };
    if (clock) p.clock = clock;
    return p;
  }
}
