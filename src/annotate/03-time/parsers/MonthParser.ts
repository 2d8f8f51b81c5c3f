/**
 * A month without a day: "[تموز 2018]", "في [كانون الأول الماضي]", "[شهر يناير]", "[مارس من العام
 * الماضي]", "[رمضان 1439 هـ]", "[شهر رمضان]". Month names that are also common words (مارس "he
 * practised", آب/أب, ماي, نيسان, رمضان) need a dating context.
 */
import type { Parser } from "../Parser.js";
import type { Meaning } from "../Parsed.js";
import { monthAt, relationAt, yearTailAt } from "./dateParts.js";

const CONTEXT_PREV = new Set(["في", "منذ", "خلال", "حتى", "قبل", "بعد", "من", "الى", "وفي", "ومنذ", "وحتى", "طيله", "طوال", "شهري", "بين", "اوائل", "اواخر", "مطلع", "منتصف", "نهايه", "بدايه", "اواسط", "مستهل", "ختام"]);

export const monthParser: Parser = {
  name: "Month",
  parse(ctx, i) {
    let start = i;
    let cl = 0;
    let mi = i;
    let monthWord = false;
    const mw = ctx.inSet(i, ctx.lex.sets.month);
    if (mw >= 0) {
      if (!ctx.same(i + 1)) return null;
      mi = i + 1;
      cl = mw;
      monthWord = true;
    }
    const mh = monthAt(ctx, mi);
    if (!mh || (monthWord && mh.cl > 0)) return null;
    if (!monthWord) cl = mh.cl;
    // "بمدينة السادس من أكتوبر": the month ends a place name (the day parser refused the whole).
    if (ctx.n(mi - 1) === "من" && ctx.same(mi - 1) && ctx.ordinal(mi - 2) && ctx.isWord(mi - 3) && ctx.same(mi - 2) && /^(?:[وب]?ب?)?(?:مدينه|شارع|ميدان|حي|جسر|كوبري|ساحه)$/.test(ctx.n(mi - 3))) return null;
    let k = mi + mh.len;
    const tail = yearTailAt(ctx, k);
    const rel = tail ? null : relationAt(ctx, k);
    if (mh.hijri) {
      if (tail && tail.y !== undefined && (tail.hijriEra || (tail.y >= 1300 && tail.y <= 1500))) {
        return ctx.make(start, k + tail.len, cl, "DATE", { k: "date", hijri: { y: tail.y, m: mh.m } }, this.name);
      }
      if (!monthWord) return null;
      const meaning: Meaning = { k: "date", hijri: { m: mh.m, ...(rel ? { rel: rel.r } : {}) } };
      return ctx.make(start, k + (rel ? rel.len : 0), cl, "DATE", meaning, this.name);
    }
    if (tail?.hijriEra) return null;
    if (mh.amb && !monthWord && !tail && !rel) {
      // "في مارس" is the month; "مارس ضغوطا" is a verb.
      const prev = ctx.same(start) ? ctx.n(start - 1) : "";
      if (!CONTEXT_PREV.has(prev) || mh.cl > 0) return null;
      if (ctx.n(mi).endsWith("اب") && ctx.text.charCodeAt(ctx.toks[mi]!.s) !== 0x622) return null;
    }
    let meaning: Meaning;
    if (tail) {
      meaning = tail.y !== undefined ? { k: "date", y: tail.y, m: mh.m } : { k: "date", m: mh.m, rel: { unit: "Y", n: tail.yRel! } };
      k += tail.len;
    } else if (rel) {
      meaning = { k: "date", m: mh.m, monthRel: rel.r };
      k += rel.len;
    } else meaning = { k: "date", m: mh.m };
    return ctx.make(start, k, cl, "DATE", meaning, this.name);
  },
};
