/**
 * 03-time: dates, times, durations and sets in TIMEX3, and the publication date they hang on.
 *
 * 1. Scan the article (headline and paragraphs, never the page chrome) into words, numbers and
 *    punctuation with their original offsets, folded as the normaliser folds (timeTokens.ts).
 * 2. At each token that can start a time (a digit, a month, a relative word …) run the parsers in
 *    order (findTimes.ts: numeric dates, day + month, month, year, quarter, season, relative day,
 *    weekday, relative unit, decade/century, clock, set, duration, present).
 * 3. Refine: keep the longest of overlapping readings, check Hijri/Gregorian twins, join a weekday
 *    or "أمس" with its date and a date with its clock time, take in parts of the day and period.
 * 4. Settle the publication date (DctAnnotator): given, page metadata, or inferred from the
 *    expressions found (inferDct.ts); "none" when nothing constrains it.
 * 5. Resolve each expression against it (resolveParsed.ts), keeping stated parts apart from implied.
 */
export { dctAnnotator } from "./DctAnnotator.js";
export { timeAnnotator } from "./TimeAnnotator.js";
