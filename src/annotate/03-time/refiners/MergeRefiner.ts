/**
 * Joins neighbours that name one time:
 * - a weekday and its date: "[الأربعاء 18 جانفي 2017]" (the weekday picks the year when none is given);
 * - a relative day and a weekday or a date: "[أمس الأربعاء]", "[اليوم 31 يناير]" (both are evidence of the DCT);
 * - a date and a clock time: "[يوم الخميس الساعة العاشرة صباحا]", "[الساعة 10 من صباح اليوم]".
 */
import type { Refiner } from "../Parser.js";
import type { ParseContext } from "../ParseContext.js";
import type { Parsed } from "../Parsed.js";
import { normalize } from "../../../text/normalize.js";

const GAP = new Set(["،", ",", "-", "(", "على", "عند", "في", "من", "يوم"].map((w) => normalize(w)));

function gapOk(ctx: ParseContext, a: Parsed, b: Parsed): boolean {
  if (b.ts < a.te || !ctx.same(b.ts) || ctx.toks[b.ts]!.sent !== ctx.toks[a.te - 1]!.sent) return false;
  if (b.ts === a.te) return true;
  if (b.ts === a.te + 1 && GAP.has(ctx.n(a.te))) return true;
  return false;
}

const isWeekdayOnly = (p: Parsed) => p.meaning.k === "date" && p.meaning.wd !== undefined && p.meaning.d === undefined && p.meaning.m === undefined && !p.meaning.rel && !p.clock;
const isRelDay = (p: Parsed) => p.meaning.k === "date" && p.meaning.rel?.unit === "D" && p.meaning.wd === undefined && !p.clock && p.by === "RelativeDay";
const hasDay = (p: Parsed) => p.meaning.k === "date" && (p.meaning.d !== undefined || p.meaning.hijri?.d !== undefined) && !p.meaning.rel;
const isRelDayWeekday = (p: Parsed) => p.meaning.k === "date" && p.meaning.rel?.unit === "D" && p.meaning.wd !== undefined && !p.clock && p.by === "RelativeDay";
const isClock = (p: Parsed) => p.by === "Clock";
const dayGranular = (p: Parsed) => p.meaning.k === "date" && (p.meaning.d !== undefined || p.meaning.wd !== undefined || p.meaning.rel?.unit === "D") && !isClock(p) && p.clock?.h === undefined;

function join(a: Parsed, b: Parsed, into: Parsed): Parsed {
  return { ...into, ts: a.ts, te: b.te, s: a.s, e: b.e };
}

export const mergeRefiner: Refiner = {
  name: "Merge",
  refine(ctx, found) {
    const out: Parsed[] = [];
    for (let i = 0; i < found.length; i++) {
      let a = found[i]!;
      for (let guard = 0; guard < 3; guard++) {
      const b = found[i + 1];
      const before = a;
      if (b && gapOk(ctx, a, b)) {
        if (isWeekdayOnly(a) && hasDay(b) && b.meaning.k === "date") {
          a = join(a, b, { ...b, meaning: { ...b.meaning, wd: (a.meaning as { wd: number }).wd } });
          i++;
        } else if (isRelDay(a) && isWeekdayOnly(b) && a.meaning.k === "date") {
          a = join(a, b, { ...a, meaning: { ...a.meaning, wd: (b.meaning as { wd: number }).wd } });
          i++;
        } else if (isRelDayWeekday(a) && hasDay(b) && a.meaning.k === "date" && b.meaning.k === "date") {
          // "اليوم الأربعاء 15 فيفري 2017", "غدا الخميس 18 ماي 2017"
          a = join(a, b, { ...b, meaning: { ...b.meaning, wd: a.meaning.wd! }, dctHint: { dayOffset: a.meaning.rel!.n } });
          i++;
        } else if (isRelDay(a) && hasDay(b) && a.meaning.k === "date") {
          a = join(a, b, { ...b, dctHint: { dayOffset: a.meaning.rel!.n } });
          i++;
        } else if (dayGranular(a) && isClock(b)) {
          a = join(a, b, { ...a, clock: b.clock!, type: "TIME" });
          i++;
        } else if (isClock(a) && dayGranular(b)) {
          a = join(a, b, { ...b, clock: a.clock!, type: "TIME" });
          i++;
        }
      }
      if (a === before) break;
      }
      out.push(a);
    }
    return out;
  },
};
