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
 * The date tokens whose union is the publication-date range, "dx" (no full date) included, or null
 * when the range gives none (an open end is closed at the archive's first or last date, `span`).
 */
export function dateMatchTokens(range: { from?: string; to?: string } | undefined, span: { lo: string | null; hi: string | null }): string[] | null {
  if (!range || (!range.from && !range.to)) return null;
  const lo = range.from ?? (span.lo && FULL.test(span.lo) ? span.lo.slice(0, 10) : null);
  const hi = range.to ?? (span.hi && FULL.test(span.hi) ? span.hi.slice(0, 10) : null);
  if (!lo || !hi) return null;
  if (lo > hi) return ["dnone"];
  const cover = dateCover(lo, hi);
  return cover ? [...cover, "dx"] : null;
}

/** The FTS5 condition on the dates column that date tokens (dateMatchTokens) make. */
export function datesCondition(tokens: readonly string[]): string {
  return `dates : (${tokens.join(" OR ")})`;
}

/** The FTS5 condition on the dates column for a publication-date range, or null (dateMatchTokens). */
export function dateMatch(range: { from?: string; to?: string } | undefined, span: { lo: string | null; hi: string | null }): string | null {
  const tokens = dateMatchTokens(range, span);
  return tokens ? datesCondition(tokens) : null;
}
