/**
 * The engine: tokens of the article → every parser at every trigger token → refiners. The result
 * does not depend on the publication date, so it is computed once per document and shared by the
 * DCT annotator (which reads it as evidence) and the time annotator (which resolves it).
 */
import type { Annotations, Document, Span } from "../../types.js";
import type { Parser, Refiner } from "./Parser.js";
import type { Parsed } from "./Parsed.js";
import { ParseContext } from "./ParseContext.js";
import { timeLexicon } from "./timeLexicon.js";
import { TokKind, timeTokens, type TimeToken } from "./timeTokens.js";
import { numericDateParser } from "./parsers/NumericDateParser.js";
import { dayMonthParser } from "./parsers/DayMonthParser.js";
import { monthParser } from "./parsers/MonthParser.js";
import { yearParser } from "./parsers/YearParser.js";
import { relativeDayParser } from "./parsers/RelativeDayParser.js";
import { weekdayParser } from "./parsers/WeekdayParser.js";
import { relativeUnitParser } from "./parsers/RelativeUnitParser.js";
import { durationParser } from "./parsers/DurationParser.js";
import { clockParser } from "./parsers/ClockParser.js";
import { decadeParser } from "./parsers/DecadeParser.js";
import { setParser } from "./parsers/SetParser.js";
import { quarterParser } from "./parsers/QuarterParser.js";
import { seasonParser } from "./parsers/SeasonParser.js";
import { presentParser } from "./parsers/PresentParser.js";
import { overlapRefiner } from "./refiners/OverlapRefiner.js";
import { calendarPairRefiner } from "./refiners/CalendarPairRefiner.js";
import { mergeRefiner } from "./refiners/MergeRefiner.js";
import { partOfDayRefiner } from "./refiners/PartOfDayRefiner.js";
import { periodPartRefiner } from "./refiners/PeriodPartRefiner.js";

/** In order: on a tie in length, the earlier parser's reading wins. */
export const PARSERS: readonly Parser[] = [
  numericDateParser, dayMonthParser, monthParser, yearParser, quarterParser, seasonParser, relativeDayParser,
  weekdayParser, relativeUnitParser, decadeParser, clockParser, setParser, durationParser, presentParser,
];

export const REFINERS: readonly Refiner[] = [
  overlapRefiner, calendarPairRefiner, mergeRefiner, partOfDayRefiner, periodPartRefiner, overlapRefiner,
];

export interface FoundTimes {
  ctx: ParseContext;
  parsed: Parsed[];
}

/** The parts of the text that are the article: headline and paragraphs when known, else all of it. */
export function timeRegions(doc: Document, before: Readonly<Partial<Annotations>>): Span[] {
  const st = before.structure;
  let spans: Span[] | undefined;
  if (st && st.paragraphs.length) spans = [...(st.headlineSpans ?? []), ...st.paragraphs];
  else if (doc.layout?.paragraphs?.length) spans = [...(doc.layout.headline ? [doc.layout.headline] : []), ...doc.layout.paragraphs];
  if (!spans) return [{ start: 0, end: doc.text.length, text: doc.text }];
  spans.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of spans) if (!out.length || s.start >= out[out.length - 1]!.end) out.push(s);
  return out;
}

/** Finds the time expressions of `text` inside `regions` (DCT-independent). */
export function findTimesIn(text: string, regions: readonly Span[]): FoundTimes {
  const lex = timeLexicon();
  const toks: TimeToken[] = [];
  let sent = 0;
  for (const r of regions) sent = timeTokens(text, r.start, r.end, toks, sent);
  const ctx = new ParseContext(text, toks, lex);
  let found: Parsed[] = [];
  const triggers = lex.triggers;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.k === TokKind.Punct) continue;
    if (t.k === TokKind.Word && !isTrigger(t.n, triggers)) continue;
    for (const p of PARSERS) {
      const r = p.parse(ctx, i);
      if (!r) continue;
      if (Array.isArray(r)) found.push(...r);
      else found.push(r);
    }
  }
  for (const r of REFINERS) found = r.refine(ctx, found);
  return { ctx, parsed: found };
}

/** The word, or the word without its proclitics (و ف, then ب ل ك or لل→ال), is a trigger. */
function isTrigger(w: string, triggers: Set<string>): boolean {
  if (triggers.has(w)) return true;
  let b = w;
  const c0 = w.charCodeAt(0);
  if ((c0 === 0x648 || c0 === 0x641) && w.length > 2) {
    b = w.slice(1);
    if (triggers.has(b)) return true;
  }
  const c1 = b.charCodeAt(0);
  if (b.length > 3 && c1 === 0x644 && b.charCodeAt(1) === 0x644) return triggers.has("ال" + b.slice(2));
  if ((c1 === 0x628 || c1 === 0x644 || c1 === 0x643) && b.length > 2) return triggers.has(b.slice(1));
  return false;
}

/**
 * The DCT annotator and the time annotator run back to back on one document, so one entry of cache
 * is enough (a WeakMap over every document costs the garbage collector more than it saves).
 */
let last: { doc: Document; structure: unknown; value: FoundTimes } | undefined;

/** `findTimesIn` over the article's regions, once per document. */
export function findTimes(doc: Document, before: Readonly<Partial<Annotations>>): FoundTimes {
  if (last && last.doc === doc && last.structure === before.structure && last.doc.text === doc.text) return last.value;
  const value = findTimesIn(doc.text, timeRegions(doc, before));
  last = { doc, structure: before.structure, value };
  return value;
}
