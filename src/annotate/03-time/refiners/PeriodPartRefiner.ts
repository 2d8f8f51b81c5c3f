/**
 * A part word before a month, year, week or decade belongs to the expression: "[مطلع الشهر المقبل]",
 * "[أواخر كانون الأول الماضي]", "[منتصف 2018]", "[نهاية العام]". The value stays the period's
 * (TIMEX3 keeps the part in its `mod`, which the record does not carry).
 */
import type { Refiner } from "../Parser.js";

export const periodPartRefiner: Refiner = {
  name: "PeriodPart",
  refine(ctx, found) {
    for (const p of found) {
      if (p.type !== "DATE" || !ctx.same(p.ts)) continue;
      const m = p.meaning;
      const coarse = m.k === "decade" || m.k === "century" || m.k === "decadeRel" || (m.k === "date" && m.d === undefined && m.wd === undefined && !(m.rel && m.rel.unit === "D") && !(m.hijri && m.hijri.d !== undefined));
      if (!coarse) continue;
      const k = p.ts - 1;
      const cl = ctx.inSet(k, ctx.lex.sets.periodParts);
      if (cl < 0) continue;
      p.ts = k;
      p.s = cl > 0 ? ctx.startAfterClitics(k, cl) : ctx.toks[k]!.s;
      const part = ctx.forms(k).find(([, c]) => c === cl)![0];
      if (m.k === "date" && m.rel?.unit === "W" && (part === "نهايه" || part === "عطله")) p.meaning = { ...m, weekend: true };
    }
    return found;
  },
};
