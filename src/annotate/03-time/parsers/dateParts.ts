/**
 * Pieces that several date parsers share: a month name (with its paired twin), the year that may
 * follow it, a relation word.
 */
import type { ParseContext } from "../ParseContext.js";

export interface MonthHit {
  m: number;
  /** Tokens used (paired forms included). */
  len: number;
  cl: number;
  amb: boolean;
  hijri: boolean;
}

const OPEN = new Set(["/", "(", "-", "،", "\\"]);

/** A month name at i: "كانون الثاني", "يناير", paired "كانون الثاني/يناير", "يناير (كانون الثاني)". */
export function monthAt(ctx: ParseContext, i: number, allowHijri = true): MonthHit | null {
  const g = ctx.phrase(i, ctx.lex.months);
  if (g) {
    let len = g.len;
    // "كانون الثاني/يناير", "يناير (كانون الثاني)", "شباط - فبراير"
    const j = i + len;
    const direct = ctx.same(j) ? ctx.phrase(j, ctx.lex.months, false) : null;
    let paired = false;
    if (direct && direct.value.m === g.value.m) {
      len += direct.len;
      paired = true;
    }
    else if (ctx.same(j) && OPEN.has(ctx.n(j))) {
      const twin = ctx.phrase(j + 1, ctx.lex.months, false);
      if (twin && twin.value.m === g.value.m && ctx.same(j + 1)) {
        len += 1 + twin.len;
        paired = true;
        if (ctx.n(j) === "(" && ctx.n(i + len) === ")") len++;
      }
    }
    // Only an original "آب" (with madda) is the month; "أب"/"اب" is "father".
    let amb = g.value.amb;
    if (g.value.m === 8 && ctx.n(i).endsWith("اب")) {
      const t = ctx.toks[i]!;
      const first = ctx.text.charCodeAt(ctx.startAfterClitics(i, g.cl));
      if (first !== 0x622 || t.n.length !== 2 + g.cl) amb = true;
    }
    // Two names of one month prove the reading: "مارس آذار".
    return { m: g.value.m, len, cl: g.cl, amb: amb && !paired, hijri: false };
  }
  if (!allowHijri) return null;
  const h = ctx.phrase(i, ctx.lex.hijriMonths);
  if (h) return { m: h.value.m, len: h.len, cl: h.cl, amb: h.value.amb, hijri: true };
  return null;
}

export interface YearTail {
  y?: number;
  /** Year relative to the DCT: "من العام الماضي" -1. */
  yRel?: number;
  len: number;
  /** The Hijri era mark follows ("1440 هـ"). */
  hijriEra: boolean;
}

/** A 4-digit year (1000–2100, or a Hijri 1300–1500 with its era mark) at i, with its era mark. */
export function yearNumberAt(ctx: ParseContext, i: number): { y: number; len: number; hijriEra: boolean; gregEra: boolean } | null {
  const d = ctx.digits(i, 4);
  const len0 = ctx.n(i).length;
  if (d < 100 || (len0 !== 4 && len0 !== 3)) return null;
  let len = 1;
  let hijriEra = false, gregEra = false;
  const era = ctx.same(i + 1) ? ctx.phrase(i + 1, ctx.lex.era, false) : null;
  if (era) {
    hijriEra = true;
    len += era.len;
  } else {
    const g = ctx.same(i + 1) ? ctx.phrase(i + 1, ctx.lex.gregorianEra, false) : null;
    if (g) {
      gregEra = true;
      len += g.len;
    }
  }
  if (hijriEra ? d > 1500 : d > 2100 || len0 !== 4 || d < 1000) return null;
  return { y: d, len, hijriEra, gregEra };
}

/** What follows a month or a date: "2018", "من العام 2018", "عام 2018", "من العام الماضي", "من هذا العام". */
export function yearTailAt(ctx: ParseContext, i: number): YearTail | null {
  let j = i;
  if (ctx.same(j) && ctx.n(j) === "،" && ctx.isDigits(j + 1)) j++;
  if (ctx.same(j) && ctx.n(j) === "من") j++;
  let yearWord = false;
  if (ctx.same(j) && ctx.inSet(j, ctx.lex.sets.year, false) >= 0) {
    j++;
    yearWord = true;
  }
  const y = ctx.same(j) ? yearNumberAt(ctx, j) : null;
  if (y) return { y: y.y, len: j - i + y.len, hijriEra: y.hijriEra };
  if (yearWord) {
    const yw = ctx.n(j - 1);
    if (yw === "العام" || yw === "السنه") {
      const r = ctx.same(j) ? ctx.phrase(j, ctx.lex.relations, false) : null;
      if (r) return { yRel: r.value, len: j - i + r.len, hijriEra: false };
    }
    return null;
  }
  // "من هذا العام"
  if (ctx.same(j) && ctx.inSet(j, ctx.lex.sets.this, false) >= 0 && ctx.same(j + 1) && (ctx.n(j + 1) === "العام" || ctx.n(j + 1) === "السنه")) {
    return { yRel: 0, len: j + 2 - i, hijriEra: false };
  }
  return null;
}

/** A relation word at i ("الماضي", "المقبلة", "الجاري"), without clitics. */
export function relationAt(ctx: ParseContext, i: number): { r: number; len: number } | null {
  if (!ctx.same(i)) return null;
  const r = ctx.phrase(i, ctx.lex.relations, false);
  return r ? { r: r.value, len: r.len } : null;
}
