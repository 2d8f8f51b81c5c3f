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

const AFTER = new Set(["صباحا", "مساء", "مساءا", "ليلا", "ظهرا", "عصرا", "فجرا"]);

export const partOfDayRefiner: Refiner = {
  name: "PartOfDay",
  refine(ctx, found) {
    const lx = ctx.lex;
    for (const p of found) {
      if (!dayGranular(p) || p.clock?.pod) continue;
      let done = false;
      for (const k of [p.ts - 2, p.ts - 1]) {
        if (k < 0 || !ctx.same(k + 1)) continue;
        const hit = ctx.phrase(k, lx.partsOfDay);
        if (hit && k + hit.len === p.ts && !AFTER.has(ctx.forms(k).find(([, c]) => c === hit.cl)![0])) {
          p.ts = k;
          p.s = hit.cl > 0 ? ctx.startAfterClitics(k, hit.cl) : ctx.toks[k]!.s;
          p.clock = { ...(p.clock ?? {}), pod: hit.value };
          p.type = "TIME";
          done = true;
          break;
        }
      }
      if (done) continue;
      if (ctx.same(p.te) && AFTER.has(ctx.n(p.te))) {
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
