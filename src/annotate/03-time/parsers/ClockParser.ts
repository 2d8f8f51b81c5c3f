/**
 * Clock times: "[الساعة الثالثة بعد الظهر]", "[الساعة 10:30 بتوقيت دمشق]", "[الساعة الثامنة والنصف
 * مساء]", "[10 صباحا]", "[14:00]". The date comes from a neighbouring date (DateTimeRefiner) or the DCT.
 */
import type { Parser } from "../Parser.js";
import type { ParseContext } from "../ParseContext.js";
import type { ClockPart } from "../Parsed.js";

/** Hour (and minutes) after "الساعة" at i. */
function clockValueAt(ctx: ParseContext, i: number): { h: number; min: number; len: number } | null {
  const lx = ctx.lex;
  if (!ctx.same(i)) return null;
  const d = ctx.digits(i, 2);
  if (d >= 0) {
    if (d > 24) return null;
    if (ctx.same(i + 1) && (ctx.n(i + 1) === ":" || ctx.n(i + 1) === ".") && ctx.isDigits(i + 2) && ctx.n(i + 2).length === 2 && !ctx.toks[i + 2]!.sp) {
      const mm = ctx.digits(i + 2);
      if (mm <= 59) return { h: d, min: mm, len: 3 };
    }
    return { h: d, min: 0, len: 1 };
  }
  const hw = ctx.inMap(i, lx.clockHours, false);
  if (!hw) return null;
  let h = hw.value;
  let len = 1;
  if (ctx.same(i + 1) && (ctx.n(i + 1) === "عشره" || ctx.n(i + 1) === "عشر") && h <= 2) {
    h = h === 11 ? 11 : 10 + h;
    len++;
  } else if (h === 11) return null;
  let min = 0;
  const f = ctx.same(i + len) ? lx.clockFractions.get(ctx.n(i + len)) : undefined;
  if (f !== undefined) {
    min = f;
    len++;
  } else if (ctx.same(i + len) && ctx.n(i + len) === "الا" && ctx.same(i + len + 1)) {
    const m = lx.clockMinus.get(ctx.n(i + len + 1));
    if (m !== undefined) {
      h = h - 1;
      min = 60 - m;
      len += 2;
    }
  }
  return { h, min, len };
}

function applySuffix(h: number, suffix: string | undefined): number {
  switch (suffix) {
    case "pm": return h < 12 ? h + 12 : h;
    case "noon": return h <= 5 ? h + 12 : h;
    case "night": return h >= 6 && h < 12 ? h + 12 : h === 12 ? 0 : h;
    case "am": return h === 12 ? 0 : h;
    default: return h;
  }
}

/** Suffix and time zone after a clock value at j. */
function tailAt(ctx: ParseContext, j: number): { suffix?: string; len: number } {
  const lx = ctx.lex;
  let len = 0;
  let suffix: string | undefined;
  const s = ctx.same(j) ? ctx.phrase(j, lx.clockSuffix, false) : null;
  if (s) {
    suffix = s.value;
    len += s.len;
  }
  // "بتوقيت دمشق", "بالتوقيت المحلي", "(ت.غ)", "بتوقيت غرينتش"
  let k = j + len;
  if (ctx.same(k) && ctx.n(k) === "(" && ctx.same(k + 1) && ctx.n(k + 1) === "ت") {
    let q = k + 2;
    while (q < k + 6 && ctx.same(q) && ctx.n(q) !== ")") q++;
    if (ctx.n(q) === ")") return { suffix, len: q + 1 - j };
  }
  if (ctx.same(k) && lx.sets.timezones.has(ctx.n(k))) {
    k++;
    if (ctx.isWord(k) && ctx.same(k)) {
      k++;
      if (ctx.isWord(k) && ctx.same(k) && (ctx.n(k) === "المكرمه" || ctx.n(k) === "المحلي" || ctx.n(k) === "العالمي" || ctx.n(k) === "الصيفي" || ctx.n(k) === "الشتوي")) k++;
    }
    len = k - j;
  }
  return { suffix, len };
}

export const clockParser: Parser = {
  name: "Clock",
  parse(ctx, i) {
    const lx = ctx.lex;
    const c = ctx.inSet(i, lx.sets.clock);
    if (c >= 0) {
      const v = clockValueAt(ctx, i + 1);
      if (!v) return null;
      const t = tailAt(ctx, i + 1 + v.len);
      const clock: ClockPart = { h: applySuffix(v.h, t.suffix), min: v.min };
      return ctx.make(i, i + 1 + v.len + t.len, c, "TIME", { k: "date", rel: { unit: "D", n: 0 } }, this.name, clock);
    }
    if (!ctx.isDigits(i)) return null;
    // "0900 ت غ", "1430 GMT": four digits with a time zone
    if (ctx.n(i).length === 4) {
      const hh = +ctx.n(i).slice(0, 2), mm = +ctx.n(i).slice(2);
      const t = tailAt(ctx, i + 1);
      const zone = ctx.same(i + 1) && (ctx.n(i + 1) === "ت" || ctx.n(i + 1) === "gmt" || ctx.n(i + 1) === "بتوقيت");
      if (!zone || hh > 23 || mm > 59) return null;
      let len = 1 + t.len;
      if (ctx.n(i + 1) === "ت" && ctx.same(i + 2) && (ctx.n(i + 2) === "غ" || ctx.n(i + 2) === ".")) len = ctx.n(i + 2) === "." && ctx.n(i + 3) === "غ" ? 4 : 3;
      return ctx.make(i, i + len, 0, "TIME", { k: "date", rel: { unit: "D", n: 0 } }, this.name, { h: hh, min: mm });
    }
    // "14:00", "10:30 صباحا" without "الساعة"
    const h = ctx.digits(i, 2);
    if (h < 0 || h > 24 || ctx.n(i).length > 2) return null;
    const prev = ctx.same(i) && !ctx.toks[i]!.sp ? ctx.n(i - 1) : "";
    if (prev === ":" || prev === "." || prev === "/" || prev === "-") return null;
    let len = 1;
    let min = 0;
    if (ctx.same(i + 1) && ctx.n(i + 1) === ":" && !ctx.toks[i + 1]!.sp && ctx.isDigits(i + 2) && ctx.n(i + 2).length === 2 && !ctx.toks[i + 2]!.sp) {
      min = ctx.digits(i + 2);
      if (min > 59) return null;
      if (ctx.same(i + 3) && (ctx.n(i + 3) === ":" || ctx.n(i + 3) === "-") && ctx.isDigits(i + 4)) return null;
      len = 3;
    }
    const t = tailAt(ctx, i + len);
    if (len === 1 && (!t.suffix || h > 12)) return null;
    const clock: ClockPart = { h: applySuffix(h, t.suffix), min };
    return ctx.make(i, i + len + t.len, 0, "TIME", { k: "date", rel: { unit: "D", n: 0 } }, this.name, clock);
  },
};
