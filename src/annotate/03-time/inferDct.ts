/**
 * Infers the publication date from the text's own evidence when the page gives none. Every found
 * expression that says something about "today" becomes a weighted constraint on the DCT:
 *
 * 1. a month called "الجاري" (the DCT lies in that month; with a past day, after it);
 * 2. "أمس"/"اليوم" beside a date or a weekday (the DCT is that date + 1, or that weekday + 1);
 * 3. a weekday paired with a date (the DCT is within days of it, in a year where the pair holds);
 * 4. explicit dates and years in past clauses (the DCT is after them; in future clauses, before);
 * 5. "الماضي"/"القادم" on a named month (that month is within months of the DCT);
 * 6. a day and month without a year (recent, in the direction of the tense).
 *
 * Candidate days span the latest stated year −1 … +2; the best-scoring run of days is the range, its
 * middle the most likely value. With no stated year, or a range wider than a season, the origin is
 * "none" and relative expressions stay unresolved.
 */
import type { Dct } from "../../types.js";
import type { Parsed } from "./Parsed.js";
import { dayNumber, daysInMonth, fromDayNumber, isValidDate, weekdayOf, ymdString, type Ymd } from "./calendar.js";
import { resolveParsed } from "./resolveParsed.js";

interface Constraint {
  w: number;
  /** Pins the month or the day (not only a bound or a weekday): inference needs at least one. */
  pin?: boolean;
  ok(dn: number, a: Ymd, wd: number): boolean;
}

const MAX_RANGE_DAYS = 120;

function spanOf(value: string): [number, number] | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (!m) {
    const q = /^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$/.exec(value);
    if (!q) return null;
    const y = +q[1]!;
    const ranges: Record<string, [number, number]> = { Q1: [1, 3], Q2: [4, 6], Q3: [7, 9], Q4: [10, 12], H1: [1, 6], H2: [7, 12], SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14] };
    const [a, b] = ranges[q[2]!]!;
    return [dayNumber(y, a, 1), dayNumber(y, b + 1, 1) - 1];
  }
  const y = +m[1]!;
  if (!m[2]) return [dayNumber(y, 1, 1), dayNumber(y, 12, 31)];
  const mo = +m[2];
  if (!m[3]) return [dayNumber(y, mo, 1), dayNumber(y, mo + 1, 1) - 1];
  const d = dayNumber(y, mo, +m[3]);
  return [d, d];
}

const targetCache = new Map<string, number[]>();
/** Day numbers of (m, d) in the years around any DCT candidate (1890–2110), optionally on weekday `wd`. */
function targetsOf(m: number, d: number, wd?: number): number[] {
  const key = `${m}-${d}-${wd ?? ""}`;
  let t = targetCache.get(key);
  if (!t) {
    t = [];
    for (let y = 1890; y <= 2110; y++) {
      if (!isValidDate(y, m, d) || (wd !== undefined && weekdayOf(y, m, d) !== wd)) continue;
      t.push(dayNumber(y, m, d));
    }
    targetCache.set(key, t);
  }
  return t;
}

/** Some year's (m, d) lies `from`…`to` days before the candidate day `dn`. */
function nearSomeYear(_a: Ymd, dn: number, m: number, d: number, from: number, to: number, wd?: number): boolean {
  const t = targetsOf(m, d, wd);
  // Binary search for the first target ≥ dn - to.
  let lo = 0, hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid]! < dn - to) lo = mid + 1;
    else hi = mid;
  }
  return lo < t.length && t[lo]! <= dn - from;
}

function constraintsOf(p: Parsed, out: Constraint[], years: number[]): void {
  const mean = p.meaning;
  if (mean.k !== "date") return;
  const past = p.tense < 0;
  if (p.dctHint && mean.rel === undefined) {
    const v = resolveParsed(p, null).value;
    const s = spanOf(v);
    if (s && s[0] === s[1]) {
      const target = s[0] + p.dctHint.dayOffset * -1;
      out.push({ w: 6, pin: true, ok: (dn) => dn === target });
      years.push(fromDayNumber(s[0]).y);
      return;
    }
    if (mean.m !== undefined && mean.d !== undefined && mean.y === undefined) {
      const { m, d } = mean, off = -p.dctHint.dayOffset;
      out.push({ w: 6, pin: true, ok: (dn, a) => nearSomeYear(a, dn, m, d, off, off) });
      return;
    }
  }
  // "أمس الأربعاء" → the DCT is a Thursday.
  if (mean.rel?.unit === "D" && mean.wd !== undefined) {
    const want = (((mean.wd - mean.rel.n) % 7) + 7) % 7;
    out.push({ w: 4, ok: (_dn, _a, wd) => wd === want });
    return;
  }
  // "العام الجاري 2019", "العام الماضي 2018"
  if (mean.rel?.unit === "Y" && mean.y !== undefined) {
    const y = mean.y - mean.rel.n;
    out.push({ w: 4, ok: (_dn, a) => a.y === y });
    years.push(y);
    return;
  }
  if (mean.rel) return;
  if (mean.hijri) {
    if (mean.hijri.y === undefined) return;
    const s = spanOf(resolveParsed(p, null).value);
    if (!s) return;
    years.push(fromDayNumber(s[0]).y);
    if (past) out.push({ w: 1, ok: (dn) => dn >= s[0] });
    else out.push({ w: 1, ok: (dn) => dn <= s[1] });
    return;
  }
  if (mean.y !== undefined) {
    const s = spanOf(resolveParsed({ ...p, clock: undefined } as Parsed, null).value);
    if (!s) return;
    if (mean.y >= 1900 && mean.y <= 2100) years.push(mean.y);
    if (past) out.push({ w: 1, ok: (dn) => dn >= s[0] });
    else out.push({ w: 1, ok: (dn) => dn <= s[1] });
    // A weekday with a full date: written about the days around publication.
    if (mean.wd !== undefined && s[0] === s[1]) out.push({ w: 3, pin: true, ok: (dn) => dn >= s[0] - 10 && dn <= s[0] + 10 });
    return;
  }
  if (mean.m === undefined) return;
  const m = mean.m;
  if (mean.monthRel === 0) {
    out.push({ w: 3, pin: true, ok: (_dn, a) => a.m === m });
    if (mean.d !== undefined) {
      const d = mean.d;
      out.push({ w: 1, ok: (_dn, a) => a.m !== m || (past ? a.d >= d : a.d <= d) });
    }
    return;
  }
  if (mean.monthRel !== undefined) {
    // "كانون الأول الماضي": that month lies 1–6 months back (forward for "القادم").
    const r = mean.monthRel;
    out.push({ w: 0.5, ok: (_dn, a) => {
      const diff = ((a.m - m) * r * -1 + 24) % 12;
      return diff >= 1 && diff <= 6;
    } });
    return;
  }
  if (mean.d !== undefined) {
    const d = mean.d;
    if (mean.wd !== undefined) out.push({ w: 3, pin: true, ok: (dn, a) => nearSomeYear(a, dn, m, d, -10, 10, mean.wd) });
    else out.push({ w: 1, ok: (dn, a) => (past ? nearSomeYear(a, dn, m, d, 0, 180) : nearSomeYear(a, dn, m, d, -180, 0)) });
  }
}

/** The DCT as the text's evidence has it: "inferred" with a range, or "none". */
export function inferDct(parsed: readonly Parsed[]): Dct {
  const cons: Constraint[] = [];
  const years: number[] = [];
  for (const p of parsed) constraintsOf(p, cons, years);
  const none: Dct = { value: null, origin: "none" };
  if (!years.length || !cons.some((c) => c.pin)) return none;
  const maxY = Math.max(...years);
  const from = dayNumber(maxY - 1, 1, 1), to = dayNumber(maxY + 2, 12, 31);
  const n = to - from + 1;
  const score = new Float64Array(n);
  const yearStart = dayNumber(maxY, 1, 1), yearEnd = dayNumber(maxY + 1, 12, 31);
  // Walk the days once, stepping the calendar by hand (no Date per day).
  let a: Ymd = fromDayNumber(from);
  let wd = weekdayOf(a.y, a.m, a.d);
  let dim = daysInMonth(a.y, a.m);
  for (let i = 0; i < n; i++) {
    const dn = from + i;
    let s = dn >= yearStart && dn <= yearEnd ? 0.3 : 0;
    for (const c of cons) if (c.ok(dn, a, wd)) s += c.w;
    score[i] = s;
    wd = (wd + 1) % 7;
    if (a.d < dim) a = { y: a.y, m: a.m, d: a.d + 1 };
    else if (a.m < 12) {
      a = { y: a.y, m: a.m + 1, d: 1 };
      dim = daysInMonth(a.y, a.m);
    } else {
      a = { y: a.y + 1, m: 1, d: 1 };
      dim = 31;
    }
  }
  let best = -Infinity;
  for (let i = 0; i < n; i++) if (score[i]! > best) best = score[i]!;
  // Every best day: they must lie within one season (a weekday alone recurs every week, a month
  // called الجاري every year — without more evidence that is no date).
  let lo = -1, hi = -1;
  for (let i = 0; i < n; i++) {
    if (score[i]! >= best - 1e-9) {
      if (lo < 0) lo = i;
      hi = i;
    }
  }
  if (lo < 0 || hi - lo + 1 > MAX_RANGE_DAYS) return none;
  const mid = Math.floor((lo + hi) / 2);
  return {
    value: ymdString(fromDayNumber(from + mid)),
    origin: "inferred",
    range: [ymdString(fromDayNumber(from + lo)), ymdString(fromDayNumber(from + hi))],
  };
}
