/**
 * Days named from the publication date: "[اليوم]", "[أمس]", "[وأمس الأول]" (و outside), "[أول من
 * أمس]", "[غداً]", "[بعد غد]", "[يوم أمس]", "[الليلة]", "[الليلة الماضية]". "اليوم العالمي" and "اليوم
 * الأول" are not today.
 */
import type { Parser } from "../Parser.js";

export const relativeDayParser: Parser = {
  name: "RelativeDay",
  parse(ctx, i) {
    const lx = ctx.lex;
    let start = i;
    const day = ctx.afterDayWord(i);
    if (!day) return null;
    let { k, cl } = day;
    const night = ctx.phrase(k, lx.tonight, k === i);
    if (night && k === i) {
      return ctx.make(start, k + night.len, night.cl, "TIME", { k: "date", rel: { unit: "D", n: night.value } }, this.name, { pod: "NI" });
    }
    const hit = ctx.phrase(k, lx.relDays, k === i);
    if (!hit) return null;
    if (k === i) cl = hit.cl;
    const word = ctx.forms(k).find(([, c]) => c === hit.cl)![0];
    const end = k + hit.len;
    if (word === "اليوم" && hit.len === 1) {
      if (k > i) return null; // "يوم اليوم"
      const next = ctx.same(end) ? ctx.n(end) : "";
      if (next && lx.sets.todayAdjectives.has(next)) return null;
      // "اليوم الثاني من الزيارة", "اليوم 3 من البطولة"
      if (ctx.ordinal(end) && !ctx.phrase(end, lx.weekdays, false)) return null;
      // "في اليوم نفسه", "هذا اليوم": not today
      const prev = ctx.same(i) ? ctx.n(i - 1) : "";
      if (prev === "هذا" || prev === "ذلك" || prev === "ذات" || prev === "نفس") return null;
    }
    return ctx.make(start, end, cl, "DATE", { k: "date", rel: { unit: "D", n: hit.value } }, this.name);
  },
};
