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

export const numericDateParser: Parser = {
  name: "NumericDate",
  parse(ctx, i) {
    if (!ctx.isDigits(i)) return null;
    const sep = ctx.n(i + 1);
    if (!SEPS.has(sep) || !glued(ctx, i + 1) || !ctx.isDigits(i + 2) || !glued(ctx, i + 2)) return null;
    if (ctx.n(i + 3) !== sep || !glued(ctx, i + 3) || !ctx.isDigits(i + 4) || !glued(ctx, i + 4)) return null;
    // Part of a longer chain: a phone number, a code, an IP address.
    if (i > 0 && SEPS.has(ctx.n(i - 1)) && glued(ctx, i) && ctx.isDigits(i - 2)) return null;
    if (SEPS.has(ctx.n(i + 5)) && glued(ctx, i + 5) && ctx.isDigits(i + 6) && glued(ctx, i + 6)) return null;
    const a = ctx.n(i), b = ctx.n(i + 2), c = ctx.n(i + 4);
    let y: number, m: number, d: number;
    if (a.length === 4) {
      y = +a; m = +b; d = +c;
      if (b.length > 2 || c.length > 2) return null;
    } else if (a.length <= 2 && b.length <= 2 && (c.length === 4 || c.length === 2)) {
      d = +a; m = +b; y = c.length === 4 ? +c : +c + (+c <= 50 ? 2000 : 1900);
    } else return null;
    if (y < 1000 || y > 2100 || !isValidDate(y, m, d)) return null;
    return ctx.make(i, i + 5, 0, "DATE", { k: "date", y, m, d }, this.name);
  },
};
