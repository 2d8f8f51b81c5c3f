/**
 * Seasons with a year: "[صيف 2018]" 2018-SU, "[الشتاء الماضي]", "[خريف العام الماضي]".
 * "الربيع العربي" has neither and is not a time.
 */
import type { Parser } from "../Parser.js";
import { relationAt, yearTailAt } from "./dateParts.js";

export const seasonParser: Parser = {
  name: "Season",
  parse(ctx, i) {
    const lx = ctx.lex;
    const s = ctx.inMap(i, lx.seasons);
    if (!s || !ctx.same(i + 1)) return null;
    const j = i + 1;
    const tail = yearTailAt(ctx, j);
    if (tail && !tail.hijriEra) {
      const meaning = tail.y !== undefined ? { k: "date" as const, y: tail.y, season: s.value } : { k: "date" as const, rel: { unit: "Y" as const, n: tail.yRel! }, season: s.value };
      return ctx.make(i, j + tail.len, s.cl, "DATE", meaning, this.name);
    }
    // "خريف العام الماضي"
    if (ctx.n(j) === "العام" || ctx.n(j) === "السنه") {
      const r = relationAt(ctx, j + 1);
      if (r) return ctx.make(i, j + 1 + r.len, s.cl, "DATE", { k: "date", rel: { unit: "Y", n: r.r }, season: s.value }, this.name);
      return null;
    }
    const r = ctx.n(i).startsWith("ال") || ctx.forms(i).some(([f]) => f.startsWith("ال")) ? relationAt(ctx, j) : null;
    if (r) return ctx.make(i, j + r.len, s.cl, "DATE", { k: "date", rel: { unit: "Y", n: r.r }, season: s.value }, this.name);
    return null;
  },
};
