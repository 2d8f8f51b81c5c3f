/**
 * From what the text says to a TIMEX3 value, given the publication date (or none). Parts the text
 * states are kept apart from parts implied from the DCT (chrono's assign/imply). Without a DCT the
 * implied parts stay unresolved: "19 كانون الأول الماضي" → "XXXX-12-19".
 */
import type { Parsed, ClockPart } from "./Parsed.js";
import {
  addDays, addMonths, dayNumber, fromDayNumber, hijriToYmd, isoWeek, isValidDate, pad2, pad4, weekdayOf, ymdString, ymdToHijri,
  type Ymd,
} from "./calendar.js";
import { durationValue } from "./parsers/DurationParser.js";

export interface Resolved {
  value: string;
  stated: string[];
  implied: string[];
}

const PAST = "PAST_REF", FUTURE = "FUTURE_REF";

function clockSuffix(c: ClockPart | undefined, stated: string[]): string {
  if (!c) return "";
  if (c.h !== undefined) {
    stated.push("hour");
    if (c.min) stated.push("minute");
    return `T${pad2(c.h)}:${pad2(c.min ?? 0)}`;
  }
  if (c.pod) {
    stated.push("partOfDay");
    return `T${c.pod}`;
  }
  return "";
}

/** The year that puts (m, d) closest to the DCT; a stated weekday picks among nearby years. */
function closestYear(dct: Ymd, m: number, d: number | undefined, wd: number | undefined, tense = 0): number {
  const dn = dayNumber(dct.y, dct.m, dct.d);
  let best = dct.y, bestDist = Infinity;
  for (const y of [dct.y - 1, dct.y, dct.y + 1]) {
    const day = d !== undefined && isValidDate(y, m, d) ? d : d === undefined ? 15 : -1;
    if (day < 0) continue;
    let dist = Math.abs(dayNumber(y, m, day) - dn);
    if (wd !== undefined && d !== undefined && weekdayOf(y, m, day) !== wd) dist += 10000;
    // A past clause rarely names a month two or more months ahead, a future one a month long gone.
    const diff = dayNumber(y, m, day) - dn;
    if ((tense < 0 && diff > 60) || (tense > 0 && diff < -60)) dist += 1000;
    if (dist < bestDist) {
      best = y;
      bestDist = dist;
    }
  }
  return best;
}

function yearForRelation(dct: Ymd, m: number, d: number | undefined, rel: number): number {
  if (rel === 0) return dct.y;
  if (rel < 0) return m < dct.m || (m === dct.m && d !== undefined && d < dct.d) ? dct.y : dct.y - 1;
  return m > dct.m || (m === dct.m && d !== undefined && d > dct.d) ? dct.y : dct.y + 1;
}

function dateString(y: number | null, m: number | null, d: number | null): string {
  const ys = y === null ? "XXXX" : pad4(y);
  if (m === null && d === null) return ys;
  const ms = m === null ? "XX" : pad2(m);
  return d === null ? `${ys}-${ms}` : `${ys}-${ms}-${pad2(d)}`;
}

function weekString(a: Ymd, weekend?: boolean): string {
  const w = isoWeek(a);
  return `${pad4(w.y)}-W${pad2(w.w)}${weekend ? "-WE" : ""}`;
}

function resolveHijri(h: { y?: number; m?: number; d?: number; rel?: number }, dct: Ymd | null, stated: string[], implied: string[]): string {
  if (h.y !== undefined) stated.push("year");
  if (h.m !== undefined) stated.push("month");
  if (h.d !== undefined) stated.push("day");
  let hy = h.y;
  if (hy === undefined) {
    implied.push("year");
    const hd = dct ? ymdToHijri(dct) : null;
    if (!dct || !hd) return h.d !== undefined ? "XXXX-XX-XX" : "XXXX-XX";
    const m = h.m ?? 1, d = h.d ?? 15;
    const dn = dayNumber(dct.y, dct.m, dct.d);
    let bestDist = Infinity;
    for (const cand of [hd.y - 1, hd.y, hd.y + 1]) {
      const g = hijriToYmd(cand, m, Math.min(d, 29));
      if (!g) continue;
      const diff = dayNumber(g.y, g.m, g.d) - dn;
      let dist = Math.abs(diff);
      if (h.rel === -1 && diff > 0) dist += 100000;
      if (h.rel === 1 && diff < 0) dist += 100000;
      if (h.rel === 0 && cand !== hd.y) dist += 100000;
      if (dist < bestDist) {
        bestDist = dist;
        hy = cand;
      }
    }
    if (hy === undefined) return "XXXX-XX";
  }
  if (h.m === undefined) {
    // A Hijri year: the Gregorian year holding most of it.
    const mid = hijriToYmd(hy, 7, 1);
    return mid ? pad4(mid.y) : "XXXX";
  }
  if (h.d === undefined) {
    const mid = hijriToYmd(hy, h.m, 15);
    return mid ? `${pad4(mid.y)}-${pad2(mid.m)}` : "XXXX-XX";
  }
  const g = hijriToYmd(hy, h.m, h.d) ?? (h.d === 30 ? hijriToYmd(hy, h.m, 29) : null);
  return g ? ymdString(g) : "XXXX-XX-XX";
}

/** The TIMEX3 value of a found expression, resolved against `dct` (null: unknown). */
export function resolveParsed(p: Parsed, dct: Ymd | null): Resolved {
  const stated: string[] = [];
  const implied: string[] = [];
  const mean = p.meaning;
  if (p.forced) return { value: p.forced, stated: ["year", "month", "day"], implied };
  switch (mean.k) {
    case "duration":
      return { value: durationValue(mean.unit, mean.n), stated: mean.n === null ? [] : ["amount"], implied };
    case "set":
    case "ref":
      return { value: mean.value, stated, implied };
    case "offset": {
      if (mean.n === null || mean.unit === "H" || mean.unit === "MIN" || mean.unit === "S") return { value: mean.dir < 0 ? PAST : FUTURE, stated, implied };
      const n = mean.n * mean.dir;
      implied.push("anchor");
      if (!dct) return { value: { D: "XXXX-XX-XX", W: "XXXX-WXX", M: "XXXX-XX", Y: "XXXX", DE: "XXXX", CE: "XXXX" }[mean.unit], stated, implied };
      switch (mean.unit) {
        case "D": return { value: ymdString(addDays(dct, n)), stated, implied };
        case "W": return { value: weekString(addDays(dct, 7 * n)), stated, implied };
        case "M": { const a = addMonths(dct.y, dct.m, n); return { value: dateString(a.y, a.m, null), stated, implied }; }
        case "Y": return { value: pad4(dct.y + n), stated, implied };
        case "DE": return { value: String(Math.floor(dct.y / 10) + n), stated, implied };
        default: return { value: pad2(Math.floor(dct.y / 100) + n), stated, implied };
      }
    }
    case "decade": {
      stated.push("decade");
      let c: number | undefined;
      if (mean.century !== undefined) {
        stated.push("century");
        c = mean.century - 1;
      } else if (mean.centuryRel !== undefined) {
        implied.push("century");
        c = dct ? Math.floor(dct.y / 100) + mean.centuryRel : 19 + (mean.centuryRel < 0 ? 0 : 1);
      } else {
        implied.push("century");
        const ref = dct?.y ?? 2000;
        c = Math.floor(ref / 100);
        if (c * 100 + mean.digit * 10 > ref) c--;
      }
      return { value: `${pad2(c)}${mean.digit}`, stated, implied };
    }
    case "century": {
      if (mean.c !== undefined) return { value: pad2(mean.c - 1), stated: ["century"], implied };
      if (!dct) return { value: "XXXX", stated, implied: ["century"] };
      return { value: pad2(Math.floor(dct.y / 100) + (mean.rel ?? 0)), stated, implied: ["century"] };
    }
    case "decadeRel":
      if (!dct) return { value: "XXXX", stated, implied: ["decade"] };
      return { value: String(Math.floor(dct.y / 10) + mean.rel), stated, implied: ["decade"] };
    case "date":
      break;
  }
  // Calendar dates.
  if (mean.hijri) {
    const v = resolveHijri(mean.hijri, dct, stated, implied);
    return { value: v + clockSuffix(p.clock, stated), stated, implied };
  }
  let y: number | null = mean.y ?? null;
  let m: number | null = mean.m ?? null;
  let d: number | null = mean.d ?? null;
  if (y !== null) stated.push("year");
  if (m !== null) stated.push("month");
  if (d !== null) stated.push("day");
  if (mean.wd !== undefined) stated.push("weekday");
  const rel = mean.rel;
  if (rel && (rel.unit === "D" || rel.unit === "W")) {
    implied.push(...(rel.unit === "W" ? ["week"] : ["year", "month", "day"]));
    if (!dct) {
      const v = rel.unit === "W" ? "XXXX-WXX" + (mean.weekend ? "-WE" : "") : "XXXX-XX-XX";
      return { value: v + clockSuffix(p.clock, stated), stated, implied };
    }
    let shift = rel.unit === "D" ? rel.n : rel.n * 7;
    // "في عطلة نهاية الأسبوع" told on Monday in the past tense: the weekend just gone.
    if (mean.weekend && rel.n === 0 && p.tense < 0) {
      const wd = weekdayOf(dct.y, dct.m, dct.d);
      if (wd >= 1 && wd <= 4) shift = -7;
    }
    const a = addDays(dct, shift);
    const v = rel.unit === "W" ? weekString(a, mean.weekend) : ymdString(a);
    return { value: v + clockSuffix(p.clock, stated), stated, implied };
  }
  if (rel && rel.unit === "M") {
    implied.push("year", "month");
    if (!dct) return { value: dateString(null, null, d) + clockSuffix(p.clock, stated), stated, implied };
    const a = addMonths(dct.y, dct.m, rel.n);
    return { value: dateString(a.y, a.m, d) + clockSuffix(p.clock, stated), stated, implied };
  }
  if (rel && rel.unit === "Y") {
    if (y === null) {
      implied.push("year");
      y = dct ? dct.y + rel.n : null;
    }
  } else if (m !== null && y === null) {
    implied.push("year");
    if (dct) y = mean.monthRel !== undefined ? yearForRelation(dct, m, d ?? undefined, mean.monthRel) : closestYear(dct, m, d ?? undefined, mean.wd, p.tense);
  }
  if (mean.quarter) {
    stated.push("quarter");
    return { value: `${y === null ? "XXXX" : pad4(y)}-${mean.quarter}`, stated, implied };
  }
  if (mean.season) {
    stated.push("season");
    return { value: `${y === null ? "XXXX" : pad4(y)}-${mean.season}`, stated, implied };
  }
  if (m === null && d === null && y === null && mean.wd !== undefined) {
    // A weekday alone: the nearest one in the direction of the relation word or the tense.
    implied.push("year", "month", "day");
    if (!dct) return { value: "XXXX-XX-XX" + clockSuffix(p.clock, stated), stated, implied };
    const dwd = weekdayOf(dct.y, dct.m, dct.d);
    let delta: number;
    if (mean.wdRel === -1) delta = -((dwd - mean.wd + 7) % 7 || 7);
    else if (mean.wdRel === 1) delta = (mean.wd - dwd + 7) % 7 || 7;
    else if (mean.wd === dwd) delta = 0;
    else delta = p.tense > 0 ? (mean.wd - dwd + 7) % 7 : -((dwd - mean.wd + 7) % 7);
    return { value: ymdString(addDays(dct, delta)) + clockSuffix(p.clock, stated), stated, implied };
  }
  if (y !== null && m !== null && d !== null && !isValidDate(y, m, d)) d = null;
  return { value: dateString(y, m, d) + clockSuffix(p.clock, stated), stated, implied };
}

/** Day number of the first day a resolved DATE value names, for ordering and checks. */
export function firstDayOf(value: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return null;
  return dayNumber(+m[1]!, m[2] ? +m[2] : 1, m[3] ? +m[3] : 1);
}

export { fromDayNumber };
