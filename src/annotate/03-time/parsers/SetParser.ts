/**
 * Recurring times (TIMEX3 SET): "[سنوياً]" P1Y, "[يومياً]" P1D, "[كل يوم]" P1D, "[كل عام]" P1Y,
 * "[كل أربع سنوات]" P4Y, "[كل يوم اثنين]" P1W, "[كل جمعة]" P1W.
 */
import type { Parser } from "../Parser.js";
import { durationValue } from "./DurationParser.js";

export const setParser: Parser = {
  name: "Set",
  parse(ctx, i) {
    const lx = ctx.lex;
    const adv = ctx.inMap(i, lx.setAdverbs);
    if (adv) return ctx.make(i, i + 1, adv.cl, "SET", { k: "set", value: adv.value }, this.name);
    const ev = ctx.inSet(i, lx.sets.every);
    if (ev < 0 || !ctx.same(i + 1)) return null;
    let j = i + 1;
    // "كل يوم اثنين", "كل جمعة", "كل يوم جمعة"
    const dayWord = lx.sets.day.has(ctx.n(j));
    const wdAt = dayWord && ctx.same(j + 1) ? j + 1 : j;
    const wd = ctx.phrase(wdAt, lx.weekdaysBare, false) ?? ctx.phrase(wdAt, lx.weekdays, false);
    if (wd) return ctx.make(i, wdAt + wd.len, ev, "SET", { k: "set", value: "P1W" }, this.name);
    const u = ctx.phrase(j, lx.units, false);
    if (u) {
      const [unit, count] = u.value;
      if (count === 0) return null;
      return ctx.make(i, j + u.len, ev, "SET", { k: "set", value: durationValue(unit, count) }, this.name);
    }
    const num = ctx.cardinal(j);
    if (num && num.cl === 0 && ctx.same(j + num.len)) {
      const u2 = ctx.phrase(j + num.len, lx.units, false);
      if (u2) return ctx.make(i, j + num.len + u2.len, ev, "SET", { k: "set", value: durationValue(u2.value[0], num.value) }, this.name);
    }
    return null;
  },
};
