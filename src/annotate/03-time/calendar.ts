/**
 * Calendar arithmetic on plain dates (no time zones): day numbers, ISO weeks, weekdays, month and
 * year steps, and the Hijri ⇄ Gregorian conversion on the Umm al-Qura tables.
 */
import { hijriToGregorian, gregorianToHijri } from "@tabby_ai/hijri-converter";

export interface Ymd {
  y: number;
  m: number; // 1..12
  d: number; // 1..31
}

/** Days since 1970-01-01 (UTC), for comparisons and steps. */
export function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
}

export function fromDayNumber(n: number): Ymd {
  const t = new Date(n * 86400000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(y: number, m: number, d: number): number {
  return (((dayNumber(y, m, d) + 4) % 7) + 7) % 7;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function addDays(a: Ymd, n: number): Ymd {
  return fromDayNumber(dayNumber(a.y, a.m, a.d) + n);
}

/** Month `n` steps from (y, m). */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + n;
  return { y: Math.floor(idx / 12), m: (((idx % 12) + 12) % 12) + 1 };
}

/** ISO 8601 week of a date: the week's year (may differ from the date's) and number. */
export function isoWeek(a: Ymd): { y: number; w: number } {
  const n = dayNumber(a.y, a.m, a.d);
  const wd = (weekdayOf(a.y, a.m, a.d) + 6) % 7; // Monday = 0
  const thursday = fromDayNumber(n - wd + 3);
  const jan1 = dayNumber(thursday.y, 1, 1);
  return { y: thursday.y, w: Math.floor((n - wd + 3 - jan1) / 7) + 1 };
}

export const pad2 = (n: number): string => (n < 10 ? "0" + n : String(n));
export const pad4 = (n: number): string => String(n).padStart(4, "0");

export function ymdString(a: Ymd): string {
  return `${pad4(a.y)}-${pad2(a.m)}-${pad2(a.d)}`;
}

export function parseYmd(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
  return isValidDate(y, mo, d) ? { y, m: mo, d } : null;
}

/** Gregorian date of a Hijri date (Umm al-Qura), or null outside the tables (1343–1500 AH). */
export function hijriToYmd(hy: number, hm: number, hd: number): Ymd | null {
  try {
    const g = hijriToGregorian({ year: hy, month: hm, day: hd });
    return { y: g.year, m: g.month, d: g.day };
  } catch {
    return hy >= 1 && hy < 1343 && hm >= 1 && hm <= 12 && hd >= 1 && hd <= 30 ? tabularHijriToYmd(hy, hm, hd) : null;
  }
}

/**
 * The arithmetic Islamic calendar (the "tabular" civil calendar), for dates before the Umm al-Qura
 * tables (1343 AH): a day or two off the observed calendar, exact enough for "المتوفى سنة 276هـ".
 */
function tabularHijriToYmd(hy: number, hm: number, hd: number): Ymd {
  const jd = hd + Math.ceil(29.5 * (hm - 1)) + (hy - 1) * 354 + Math.floor((3 + 11 * hy) / 30) + 1948439.5 - 1;
  return fromDayNumber(Math.floor(jd - 2440587.5 + 0.5));
}

export function ymdToHijri(a: Ymd): Ymd | null {
  try {
    const h = gregorianToHijri({ year: a.y, month: a.m, day: a.d });
    return { y: h.year, m: h.month, d: h.day };
  } catch {
    return null;
  }
}
