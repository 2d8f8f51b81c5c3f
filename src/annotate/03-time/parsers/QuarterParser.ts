/**
 * Quarters and halves of a year, with the year stated or named from the DCT: "[الربع الأول من العام
 * الجاري]" 2019-Q1, "[النصف الثاني من 2018]" 2018-H2, "[الربع الثالث 2017]".
 */
import type { Parser } from "../Parser.js";
import { relationAt, yearTailAt } from "./dateParts.js";

export const quarterParser: Parser = {
  name: "Quarter",
  parse(ctx, i) {
    const lx = ctx.lex;
    const q = ctx.inMap(i, lx.quarters);
    if (!q || !ctx.same(i + 1)) return null;
    const o = lx.quarterOrdinals.get(ctx.n(i + 1));
    if (o === undefined || (q.value === "H" && o > 2)) return null;
    const label = `${q.value}${o}`;
    const j = i + 2;
    const tail = yearTailAt(ctx, j);
    if (tail && !tail.hijriEra) {
      const meaning = tail.y !== undefined ? { k: "date" as const, y: tail.y, quarter: label } : { k: "date" as const, rel: { unit: "Y" as const, n: tail.yRel! }, quarter: label };
      return ctx.make(i, j + tail.len, q.cl, "DATE", meaning, this.name);
    }
    // "الربع الأول من السنة المالية الحالية" is too far; "من العام" alone is the current year.
    if (ctx.same(j) && ctx.n(j) === "من" && ctx.same(j + 1) && (ctx.n(j + 1) === "العام" || ctx.n(j + 1) === "السنه")) {
      const r = relationAt(ctx, j + 2);
      return ctx.make(i, j + 2 + (r ? r.len : 0), q.cl, "DATE", { k: "date", rel: { unit: "Y", n: r ? r.r : 0 }, quarter: label }, this.name);
    }
    return null;
  },
};
