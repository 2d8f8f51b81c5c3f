/**
 * A day of a named month: "[19 كانون الأول الماضي]", "[10 كانون الثاني الجاري]", "[الحادي والثلاثين
 * من كانون الثاني]", "[18 جانفي 2017]", "[6 الشهر القادم]", "[25 الجاري]", "[15 رمضان 1440 هـ]",
 * "[5] و[6 آذار]".
 */
import type { Parser } from "../Parser.js";
import type { ParseContext } from "../ParseContext.js";
import type { Meaning, Parsed } from "../Parsed.js";
import { monthAt, relationAt, yearTailAt } from "./dateParts.js";
import { normalize } from "../../../text/normalize.js";

interface DayHit {
  d: number;
  len: number;
  cl: number;
}

function dayAt(ctx: ParseContext, i: number): DayHit | null {
  const d = ctx.digits(i, 2);
  if (d >= 1 && d <= 31) return { d, len: 1, cl: 0 };
  const o = ctx.ordinal(i);
  if (o && o.value >= 1 && o.value <= 31) return { d: o.value, len: o.len, cl: o.cl };
  return null;
}

/** The month part after a day at j: a named month (+ year or relation), "الشهر" (+ relation), or a bare relation. */
function monthPartAt(ctx: ParseContext, j: number, d: number): { meaning: Meaning; len: number } | null {
  if (!ctx.same(j)) return null;
  let k = j;
  if (ctx.n(k) === "من" && ctx.same(k + 1)) k++;
  if (ctx.n(k) === "شهر" && ctx.same(k + 1) && k > j) k++;
  const mh = monthAt(ctx, k);
  if (mh && mh.cl === 0) {
    k += mh.len;
    const tail = yearTailAt(ctx, k);
    if (mh.hijri) {
      if (tail && tail.y !== undefined) {
        if (!tail.hijriEra && (tail.y < 1300 || tail.y > 1500)) return null;
        return { meaning: { k: "date", hijri: { y: tail.y, m: mh.m, d } }, len: k + tail.len - j };
      }
      const r = relationAt(ctx, k);
      if (r) return { meaning: { k: "date", hijri: { m: mh.m, d, rel: r.r } }, len: k + r.len - j };
      return { meaning: { k: "date", hijri: { m: mh.m, d } }, len: k - j };
    }
    if (tail) {
      if (tail.hijriEra) return null;
      const meaning: Meaning = tail.y !== undefined ? { k: "date", y: tail.y, m: mh.m, d } : { k: "date", m: mh.m, d, rel: { unit: "Y", n: tail.yRel! } };
      return { meaning, len: k + tail.len - j };
    }
    const r = relationAt(ctx, k);
    if (r) return { meaning: { k: "date", m: mh.m, d, monthRel: r.r }, len: k + r.len - j };
    return { meaning: { k: "date", m: mh.m, d }, len: k - j };
  }
  // "6 الشهر القادم", "10 من الشهر الجاري", "الخامس من الشهر"
  if (ctx.n(k) === "الشهر") {
    const r = relationAt(ctx, k + 1);
    return { meaning: { k: "date", d, rel: { unit: "M", n: r ? r.r : 0 } }, len: k + 1 + (r ? r.len : 0) - j };
  }
  // "في 25 الجاري"
  if (k === j) {
    const r = relationAt(ctx, k);
    if (r && r.r === 0) return { meaning: { k: "date", d, rel: { unit: "M", n: 0 } }, len: r.len };
  }
  return null;
}

const LINK = new Set(["و", "-", "إلى", "حتى", "او", "أو", "–", "وحتى", "وإلى", "ولغاية", "لغاية"].map((w) => normalize(w)));
/** "بمدينة السادس من أكتوبر", "شارع 26 يوليو": a place named after a date. */
const PLACE = new Set(["مدينة", "شارع", "ساحة", "ميدان", "جسر", "كوبري", "حي", "جامعة", "مدرسة", "محطة", "نفق", "مستشفى", "كتيبة", "لواء", "حركة", "تيار"].map((w) => normalize(w)));

export const dayMonthParser: Parser = {
  name: "DayMonth",
  parse(ctx, i) {
    let start = i;
    let cl = 0;
    let di = i;
    // "يوم 10 كانون الثاني": the day noun belongs to the expression.
    const dw = ctx.inSet(i, ctx.lex.sets.day);
    if (dw >= 0) {
      if (!ctx.same(i + 1)) return null;
      di = i + 1;
      cl = dw;
    }
    const day = dayAt(ctx, di);
    if (!day) return null;
    if (di === i) cl = day.cl;
    if (ctx.same(start) && ctx.inSet(start - 1, PLACE) >= 0) return null;
    // "الـ14 من يونيو": the article written before the digits.
    if (di === i && ctx.isDigits(di) && ctx.n(di - 1) === "ال" && ctx.same(di) && !ctx.toks[di]!.sp) start = di - 1;
    // A digit day must not be glued to other digits ("1/2", "3.5").
    if (ctx.isDigits(di) && ctx.same(di) && (ctx.n(di - 1) === "/" || ctx.n(di - 1) === ".") && !ctx.toks[di]!.sp) return null;
    const j = di + day.len;
    const part = monthPartAt(ctx, j, day.d);
    if (part) {
      const p = ctx.make(start, j + part.len, cl, "DATE", part.meaning, this.name);
      return p;
    }
    // "5 و6 آذار", "من 5 إلى 7 آذار": the first day takes the month of the second.
    if (ctx.isDigits(di) && ctx.same(j)) {
      let k = j;
      if (LINK.has(ctx.n(k))) k++;
      else if (ctx.n(k).length === 1 && ctx.n(k) === "و") k++;
      if (k > j && ctx.same(k)) {
        const day2 = dayAt(ctx, k);
        if (day2 && day2.d > day.d) {
          const part2 = monthPartAt(ctx, k + day2.len, day2.d);
          if (part2 && part2.meaning.k === "date") {
            const m1 = { ...part2.meaning, d: day.d } as Meaning;
            if (part2.meaning.k === "date" && part2.meaning.hijri) (m1 as { hijri?: object }).hijri = { ...part2.meaning.hijri, d: day.d };
            const first: Parsed = ctx.make(start, j, cl, "DATE", m1, this.name);
            if (start < di && ctx.n(start) === "يومي") first.s = ctx.startAfterClitics(start, cl);
            const second = ctx.make(k, k + day2.len + part2.len, 0, "DATE", part2.meaning, this.name);
            return [first, second];
          }
        }
      }
    }
    return null;
  },
};
