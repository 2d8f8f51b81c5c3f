/**
 * Dates in digits, day first as the Arab press writes them: "[31/1/2019]", "[31-1-2019]",
 * "[٣١/١/٢٠١٩]", "[2019/01/31]", "[2019-01-31]". A longer chain of numbers ("12/34/56/78") is a code.
 */
import type { Parser } from "../Parser.js";
import type { ParseContext } from "../ParseContext.js";
import { isValidDate } from "../calendar.js";

const SEPS = new Set(["/", "-", ".", "\\"]);

function glued(ctx: ParseContext, j: number): boolean {
  return j < ctx.toks.length && ctx.same(j) && !ctx.toks[j]!.sp;
}

/** Separator and digits after token i: "/5", " / 5" (spaces only around a slash). */
function sepNum(ctx: ParseContext, i: number, sep: string | null): { sep: string; at: number } | null {
  const s = ctx.n(i);
  if (!SEPS.has(s) || (sep !== null && s !== sep) || !ctx.same(i) || !ctx.isDigits(i + 1) || !ctx.same(i + 1)) return null;
  if (s !== "/" && (!glued(ctx, i) || !glued(ctx, i + 1))) return null;
  return { sep: s, at: i + 1 };
}

export const numericDateParser: Parser = {
  name: "NumericDate",
  parse(ctx, i) {
    if (!ctx.isDigits(i)) return null;
    const first = sepNum(ctx, i + 1, null);
    if (!first) return null;
    const second = sepNum(ctx, first.at + 1, first.sep);
    if (!second) return null;
    const last = second.at;
    // Part of a longer chain: a phone number, a code, an IP address.
    if (i > 0 && SEPS.has(ctx.n(i - 1)) && glued(ctx, i) && ctx.isDigits(i - 2)) return null;
    if (sepNum(ctx, last + 1, first.sep) && glued(ctx, last + 1)) return null;
    const a = ctx.n(i), b = ctx.n(first.at), c = ctx.n(last);
    let y: number, m: number, d: number;
    if (a.length === 4) {
      y = +a; m = +b; d = +c;
      if (b.length > 2 || c.length > 2) return null;
    } else if (a.length <= 2 && b.length <= 2 && (c.length === 4 || c.length === 2)) {
      d = +a; m = +b; y = c.length === 4 ? +c : +c + (+c <= 50 ? 2000 : 1900);
    } else return null;
    let end = last + 1;
    // "11 / 5 / 1439هـ": a Hijri date; "13/06/2018م": the Gregorian era mark.
    const era = ctx.same(end) ? ctx.phrase(end, ctx.lex.era, false) : null;
    const hijri = !!era || (y >= 1300 && y <= 1500);
    if (era) end += era.len;
    else if (ctx.same(end) && ctx.phrase(end, ctx.lex.gregorianEra, false) && glued(ctx, end)) end++;
    // "يوم 3/9/2018": the day noun belongs to the date.
    let start = i, cl = 0;
    const dw = ctx.same(i) ? ctx.inSet(i - 1, ctx.lex.sets.day) : -1;
    if (dw >= 0) {
      start = i - 1;
      cl = dw;
    }
    if (hijri) {
      if (m < 1 || m > 12 || d < 1 || d > 30) return null;
      return ctx.make(start, end, cl, "DATE", { k: "date", hijri: { y, m, d } }, this.name);
    }
    if (y < 1000 || y > 2100 || !isValidDate(y, m, d)) return null;
    return ctx.make(start, end, cl, "DATE", { k: "date", y, m, d }, this.name);
  },
};
