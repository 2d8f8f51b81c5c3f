/**
 * Publication dates as full-text tokens, so a date filter is part of the full-text match instead of a
 * condition checked on every article the words matched. Each article's date is indexed at three
 * grains (y2018 m201803 d20180315); a range becomes the fewest tokens that cover it (whole years,
 * then whole months, then days). A date that is not a full YYYY-MM-DD is indexed as "dx" and is
 * always a candidate, so the SQL condition on `a.dct` (kept) still decides for it: the token cover
 * only narrows the candidates, never changes the result.
 */

const FULL = /^(\d{4})-(\d{2})-(\d{2})/;

/** The tokens indexed for an article's publication date ("" when it has none). */
export function dateTokens(dct: string | null): string {
  if (!dct) return "";
  const m = FULL.exec(dct);
  if (!m) return "dx";
  return `y${m[1]} m${m[1]}${m[2]} d${m[1]}${m[2]}${m[3]}`;
}

const MAX_TOKENS = 200;

function ymd(t: number): [number, number, number] {
  const d = new Date(t);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}
const p2 = (n: number) => String(n).padStart(2, "0");
const p4 = (n: number) => String(n).padStart(4, "0");
function dayOf(s: string): number | null {
  const m = FULL.exec(s);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? t : null;
}

/**
 * The tokens whose union is exactly the days from..to (inclusive, YYYY-MM-DD), or null when the
 * range is not two full dates or needs more than MAX_TOKENS tokens (the SQL condition alone then).
 */
export function dateCover(from: string, to: string): string[] | null {
  let t = dayOf(from);
  const end = dayOf(to);
  if (t === null || end === null) return null;
  const out: string[] = [];
  while (t <= end) {
    if (out.length >= MAX_TOKENS) return null;
    const [y, m, d] = ymd(t);
    const yearEnd = Date.UTC(y, 11, 31);
    const monthEnd = Date.UTC(y, m, 0);
    if (m === 1 && d === 1 && yearEnd <= end) {
      out.push(`y${p4(y)}`);
      t = yearEnd + 86400000;
    } else if (d === 1 && monthEnd <= end) {
      out.push(`m${p4(y)}${p2(m)}`);
      t = monthEnd + 86400000;
    } else {
      out.push(`d${p4(y)}${p2(m)}${p2(d)}`);
      t += 86400000;
    }
  }
  return out;
}

/**
 * A publication-date range with both ends (YYYY-MM-DD): an open end closed at the archive's first or
 * last date (`span`); null when the range has no end at all or one the span cannot close.
 */
function closedRange(range: { from?: string; to?: string } | undefined, span: { lo: string | null; hi: string | null }): { lo: string; hi: string } | null {
  if (!range || (!range.from && !range.to)) return null;
  const lo = range.from ?? (span.lo && FULL.test(span.lo) ? span.lo.slice(0, 10) : null);
  const hi = range.to ?? (span.hi && FULL.test(span.hi) ? span.hi.slice(0, 10) : null);
  return lo && hi ? { lo, hi } : null;
}

/**
 * The date tokens whose union is the publication-date range, "dx" (no full date) included, or null
 * when the range gives none (an open end is closed at the archive's first or last date, `span`).
 */
export function dateMatchTokens(range: { from?: string; to?: string } | undefined, span: { lo: string | null; hi: string | null }): string[] | null {
  const closed = closedRange(range, span);
  if (!closed) return null;
  const { lo, hi } = closed;
  if (lo > hi) return ["dnone"];
  const cover = dateCover(lo, hi);
  return cover ? [...cover, "dx"] : null;
}

/** The FTS5 condition on the dates column that date tokens (dateMatchTokens) make. */
export function datesCondition(tokens: readonly string[]): string {
  return `dates : (${tokens.join(" OR ")})`;
}

/**
 * Month words: an article's words, each joined to its publication month ("نفط" in May 2018 is
 * "نفط201805"), indexed in a third full-text column beside the words themselves. A search for a word
 * within a month or two then reads the short doclist of that word in those months instead of the
 * word's doclist over the whole archive intersected with the month's.
 *
 * The month is put after every run of characters the full-text tokenizer (unicode61, diacritics
 * kept) keeps in a token as they are or only lower-cases (AS_IS_RUN): Arabic letters and digits,
 * Latin letters and digits. Digits added after token characters never move a token boundary, so
 * the month-words column has the same tokens at the same positions as the words column, and a word
 * the tokenizer cuts out of a longer one ("50" of "50.1") is qualified like a word of its own
 * ("50201805.1201805"). A query matches month words only when all its words are such runs. An
 * article without a full date gets UNDATED_MONTH, as it gets the `dx` date token.
 */
export const UNDATED_MONTH = "000000";

/**
 * The characters the full-text tokenizer (unicode61, diacritics kept) keeps in a token exactly as
 * written: Arabic letters and digits, lower-case Latin letters, digits (a regex class body). It
 * lower-cases A-Z and splits or folds nothing else of these.
 */
export const AS_IS_CHARS = "\u0621-\u063a\u0641-\u064a\u0660-\u0669\u0671-\u06d3\u06f0-\u06f9a-z0-9";

const AS_IS_RUN = new RegExp(`[${AS_IS_CHARS}A-Z]+`, "g");

/** The month an article's words are joined to (YYYYMM, UNDATED_MONTH), or null when it has no date. */
export function monthOf(dct: string | null): string | null {
  if (!dct) return null;
  const m = FULL.exec(dct);
  return m ? `${m[1]}${m[2]}` : UNDATED_MONTH;
}

/** The month-words column of an article: its words (as indexed in the words column) joined to its month. */
export function monthWords(terms: string, dct: string | null): string {
  const month = monthOf(dct);
  if (month === null) return "";
  return terms.replace(AS_IS_RUN, (run) => run + month);
}

/**
 * The months (YYYYMM) of a publication-date range, at most `max` of them, and whether the range is
 * whole months (then the months alone decide, with no day tokens); null when the range is open at an
 * end the archive's span cannot close, empty, or longer than `max` months.
 */
export function monthRange(range: { from?: string; to?: string } | undefined, span: { lo: string | null; hi: string | null }, max: number): { months: string[]; whole: boolean } | null {
  const closed = closedRange(range, span);
  const a = closed ? dayOf(closed.lo) : null;
  const b = closed ? dayOf(closed.hi) : null;
  if (a === null || b === null || a > b) return null;
  const [y0, m0, d0] = ymd(a);
  const [y1, m1, d1] = ymd(b);
  const n = (y1 - y0) * 12 + (m1 - m0) + 1;
  if (n > max) return null;
  const months: string[] = [];
  for (let i = 0; i < n; i++) {
    const y = y0 + Math.floor((m0 - 1 + i) / 12);
    const m = ((m0 - 1 + i) % 12) + 1;
    months.push(`${p4(y)}${p2(m)}`);
  }
  const lastDay = ymd(Date.UTC(y1, m1, 0))[2];
  return { months, whole: d0 === 1 && d1 === lastDay };
}
