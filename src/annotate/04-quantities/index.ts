/**
 * 04-quantities: counts and amounts with their offsets, GDELT-style ("79 دولة" → 79, object "دولة").
 *
 * 1. Walk the article's tokens; a number starts at a digit token (Western or Arabic-Indic, with
 *    ٫ , separators) or at a number word ("تسعة وسبعين", "ثلاثة آلاف", "عشرات").
 * 2. A scale word after digits multiplies them ("3 ملايين", "1.5 مليار").
 * 3. A percent phrase, a currency or a unit after the number becomes its unit; otherwise the next
 *    content word is the counted object.
 * 4. Dates and clock times are not quantities: numbers inside a time span of 03-time, numbers before
 *    a month or time word, and bare years are skipped; ordinals are ranks, not counts.
 */
import type { Annotator, Quantity } from "../../types.js";
import { articleText } from "./articleText.js";
import { parseNumberWords, scaleOf, mayBeNumberWord } from "../../text/numberWords.js";
import { quantityLexicon } from "./quantityLexicon.js";
import { parseDigits } from "./parseDigits.js";
import { originalCut } from "./PhraseMatcher.js";
import type { Token } from "../../text/tokenize.js";
import { IntMemo } from "./IntMemo.js";

/** Whether a word may start a number ("ثلاثة", "وعشرات"), remembered per word. */
const numberStart = new IntMemo();

export const quantitiesAnnotator: Annotator<"quantities"> = {
  name: "quantities",
  requires: [],
  assigns: "quantities",
  run(doc, before) {
    const { tokens, regionOf, regionEnd, ids } = articleText(doc, before);
    const lex = quantityLexicon();
    const times = before.times ?? [];
    let ti = 0;
    const inTime = (start: number, end: number): boolean => {
      while (ti < times.length && times[ti]!.end <= start) ti++;
      for (let k = ti; k < times.length && times[k]!.start < end; k++) if (times[k]!.end > start) return true;
      return false;
    };
    const out: Quantity[] = [];
    // The normal forms as a list, for parseNumberWords: made only for an article with a number.
    let words: string[] | undefined;
    const wordsOf = (): string[] => (words ??= tokens.map((t) => t.norm));
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const limit = regionEnd[i]!;
      let value: number | undefined;
      let j = i;
      let vague = false;
      let fromDigits = false;
      let cut = 0;
      if (t.kind === "number") {
        const prev = tokens[i - 1];
        const next = tokens[i + 1];
        // "10:30", "19/12/2018", "2-3": clock times, dates and ranges written with digits.
        if (next && next.start === t.end && /^[:/\\-]$/.test(next.text) && tokens[i + 2]?.kind === "number") {
          i += 2;
          continue;
        }
        if (prev && prev.end === t.start && /^[:/\\]$/.test(prev.text)) continue;
        value = parseDigits(t.norm);
        if (value === undefined) continue;
        fromDigits = true;
        j = i + 1;
        const sc = j < limit ? scaleOf(tokens[j]!.norm) : undefined;
        if (sc !== undefined) {
          value *= sc;
          j++;
        }
      } else if (t.kind === "word") {
        let starts = numberStart.get(ids[i]!);
        if (starts < 0) starts = numberStart.set(ids[i]!, mayBeNumberWord(t.norm) ? 1 : 0);
        if (starts === 0) continue;
        const m = parseNumberWords(wordsOf().slice(i, Math.min(limit, i + 8)), 0);
        if (!m || m.ordinal) continue;
        value = m.value;
        vague = m.vague;
        cut = m.cut;
        j = i + m.length;
      } else continue;
      if (inTime(t.start, tokens[j - 1]!.end)) {
        i = j - 1;
        continue;
      }
      const q: Quantity = { start: t.start + originalCut(t.text, cut), end: tokens[j - 1]!.end, text: "", value };
      if (vague) q.vague = true;
      const unitHit = j < limit ? lex.units.matchAt(tokens, j, limit, ids) : null;
      const prevTok = tokens[i - 1];
      if (unitHit) {
        q.unit = unitHit.value;
        q.end = unitHit.end;
        j = unitHit.to;
      } else if (prevTok && i - 1 >= 0 && regionOf[i - 1] === regionOf[i] && lex.symbols.has(prevTok.text) && prevTok.end === t.start) {
        // "$5": a currency sign before the number.
        q.unit = lex.symbols.get(prevTok.text)!;
        q.start = prevTok.start;
      } else {
        const next = j < limit ? tokens[j] : undefined;
        if (next && lex.dateWords.has(stripClitic(next.norm))) {
          i = j - 1;
          continue;
        }
        if (fromDigits && isBareYear(t.norm)) continue;
        if (next && next.kind === "word" && !lex.notObjects.has(next.norm) && !lex.notObjects.has(stripClitic(next.norm)) && parseNumberWords(wordsOf(), j) === null) {
          q.object = objectForm(next);
          q.end = next.end;
          j++;
        } else if (vague && next?.norm === "من" && j + 1 < limit && tokens[j + 1]!.kind === "word") {
          // "عشرات الآلاف من المتظاهرين": the counted noun after من.
          q.object = objectForm(tokens[j + 1]!);
          q.end = tokens[j + 1]!.end;
          j += 2;
        }
      }
      q.text = doc.text.slice(q.start, q.end);
      out.push(q);
      i = j - 1;
    }
    return out;
  },
};

function isBareYear(norm: string): boolean {
  return /^(1[89]|20)\d\d$/.test(norm);
}

function stripClitic(norm: string): string {
  if (norm.startsWith("وال") || norm.startsWith("بال") || norm.startsWith("لل")) return norm.slice(norm.startsWith("لل") ? 2 : 3);
  if (norm.startsWith("ال") && norm.length > 3) return norm.slice(2);
  return norm;
}

/** The counted noun as written, without a leading article ("الرسائل" → "رسائل"). */
function objectForm(tok: Token): string {
  const t = tok.text;
  if (/^ال/.test(tok.norm) && tok.norm.length > 3) return t.slice(2);
  return t;
}
