/**
 * A weekday: "[يوم الاثنين]", "[الخميس الماضي]", "[الجمعة المقبلة]". Without a relation word it is
 * the nearest such day in the direction of the clause's tense (resolve.ts). "الأحد عشر" (eleven),
 * "صلاة الجمعة" and "بين الاثنين" are not weekdays.
 */
import type { Parser } from "../Parser.js";
import { relationAt } from "./dateParts.js";

const NOT_BEFORE = new Set(["صلاه", "خطبه", "بين", "كلا", "سوره", "صلوات"]);
const NOT_AFTER = new Set(["عشر", "عشره", "معا", "منهما", "منهم"]);

export const weekdayParser: Parser = {
  name: "Weekday",
  parse(ctx, i) {
    const lx = ctx.lex;
    let start = i;
    const day = ctx.afterDayWord(i);
    if (!day) return null;
    let { k, cl } = day;
    const w = ctx.phrase(k, lx.weekdays, k === i) ?? (k > i ? ctx.phrase(k, lx.weekdaysBare, false) : null);
    if (!w) return null;
    if (k === i) cl = w.cl;
    let end = k + w.len;
    if (ctx.same(end) && NOT_AFTER.has(ctx.n(end))) return null;
    if (k === i && ctx.same(i) && NOT_BEFORE.has(ctx.n(i - 1))) return null;
    const rel = relationAt(ctx, end);
    if (rel && rel.r !== 0) end += rel.len;
    return ctx.make(start, end, cl, "DATE", { k: "date", wd: w.value, ...(rel && rel.r !== 0 ? { wdRel: rel.r } : {}) }, this.name);
  },
};
