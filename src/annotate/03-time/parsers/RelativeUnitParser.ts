/**
 * A calendar unit named from the publication date: "[الأسبوع المقبل]", "[العام الماضي]", "[هذا
 * الشهر]", "[السنة الحالية]", "[العقد الماضي]", "[القرن الماضي]", and after a part word "نهاية
 * [العام]", "[نهاية الأسبوع]" (the weekend). "الأمين العام" has no relation word and is left alone.
 */
import type { Parser } from "../Parser.js";
import type { Meaning } from "../Parsed.js";
import { relationAt, yearNumberAt } from "./dateParts.js";

export const relativeUnitParser: Parser = {
  name: "RelativeUnit",
  parse(ctx, i) {
    const lx = ctx.lex;
    let start = i;
    let cl = 0;
    let k = i;
    let thisWord = false;
    const th = ctx.inSet(i, lx.sets.this);
    if (th >= 0) {
      if (!ctx.same(i + 1)) return null;
      k = i + 1;
      cl = th;
      thisWord = true;
    }
    const u = ctx.phrase(k, lx.unitNouns, !thisWord);
    if (!u) return null;
    if (!thisWord) cl = u.cl;
    let end = k + u.len;
    let n: number;
    if (thisWord) n = 0;
    else {
      const rel = relationAt(ctx, end);
      if (rel) {
        n = rel.r;
        end += rel.len;
      } else {
        // "نهاية العام", "مطلع الشهر", "منتصف الأسبوع": the current one.
        const prev = ctx.same(i) ? ctx.n(i - 1) : "";
        const prevBare = prev.startsWith("و") ? prev.slice(1) : prev;
        if (u.cl !== 0 || !lx.sets.periodParts.has(prevBare)) return null;
        n = 0;
        if (u.value === "W" && (prevBare === "نهايه" || prevBare === "عطله")) {
          return ctx.make(start, end, cl, "DATE", { k: "date", rel: { unit: "W", n: 0 }, weekend: true }, this.name);
        }
      }
    }
    let meaning: Meaning;
    if (u.value === "DE") meaning = { k: "decadeRel", rel: n };
    else if (u.value === "CE") meaning = { k: "century", rel: n };
    else {
      meaning = { k: "date", rel: { unit: u.value, n } };
      // "العام الجاري 2019": the year is stated too.
      if (u.value === "Y" && ctx.same(end)) {
        const y = yearNumberAt(ctx, end);
        if (y && !y.hijriEra) {
          meaning = { k: "date", y: y.y, rel: { unit: "Y", n } };
          end += y.len;
        }
      }
    }
    return ctx.make(start, end, cl, "DATE", meaning, this.name);
  },
};
