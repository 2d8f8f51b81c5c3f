/**
 * A part of the day beside a day makes a TIME: "[صباح اليوم]" 2019-01-31TMO, "[مساء أمس]",
 * "[ليلة الخميس]", "[فجر الجمعة]", "[أمس مساءً]".
 */
import type { Refiner } from "../Parser.js";
import type { Parsed } from "../Parsed.js";

function dayGranular(p: Parsed): boolean {
  const m = p.meaning;
  if (m.k !== "date" || p.clock?.h !== undefined) return false;
  return (m.rel?.unit === "D") || m.wd !== undefined || m.d !== undefined;
}

/** Adverbs that follow the day ("أمس مساءً"); "مساء" also leads ("مساء أمس"). */
const AFTER = new Set(["صباحا", "مساءا", "ليلا", "ظهرا", "عصرا", "فجرا"]);
const AFTER_ONLY = new Set([...AFTER, "مساء"]);

export const partOfDayRefiner: Refiner = {
  name: "PartOfDay",
  refine(ctx, found) {
    const lx = ctx.lex;
    for (const p of found) {
      if (!dayGranular(p) || p.clock?.pod) continue;
      let done = false;
      for (const k of [p.ts - 2, p.ts - 1]) {
        if (k < 0 || !ctx.same(k + 1) || !ctx.same(p.ts)) continue;
        const want = p.ts - k;
        for (const [f, cl] of ctx.forms(k)) {
          if (AFTER.has(f)) continue;
          const e = lx.partsOfDay.byFirst.get(f)?.find((x) => x.words.length === want && x.words.every((w, q) => q === 0 || ctx.n(k + q) === w));
          if (!e) continue;
          p.ts = k;
          p.s = cl > 0 ? ctx.startAfterClitics(k, cl) : ctx.toks[k]!.s;
          p.clock = { ...(p.clock ?? {}), pod: e.value };
          p.type = "TIME";
          done = true;
          break;
        }
        if (done) break;
      }
      if (done) continue;
      if (ctx.same(p.te) && AFTER_ONLY.has(ctx.n(p.te))) {
        const v = lx.partsOfDay.byFirst.get(ctx.n(p.te))?.[0]?.value;
        if (v) {
          p.clock = { ...(p.clock ?? {}), pod: v };
          p.e = ctx.toks[p.te]!.e;
          p.te++;
          p.type = "TIME";
        }
      }
    }
    return found;
  },
};
