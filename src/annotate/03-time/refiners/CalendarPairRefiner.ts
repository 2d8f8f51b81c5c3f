/**
 * A Hijri date and its Gregorian twin ("[5 جمادى الأولى 1440 هـ] الموافق [11 يناير 2019]",
 * "[1440 هـ] - [2019 م]"): when they disagree, the Gregorian wins and the Hijri one carries a warning.
 */
import type { Refiner } from "../Parser.js";
import type { Parsed } from "../Parsed.js";
import { resolveParsed } from "../resolveParsed.js";
import { hijriToYmd, ymdString } from "../calendar.js";

const LINKS = new Set(["الموافق", "الموافقه", "الموافق ل", "/", "-", "(", "،", "م", "ه"]);

export const calendarPairRefiner: Refiner = {
  name: "CalendarPair",
  refine(ctx, found) {
    for (let i = 0; i + 1 < found.length; i++) {
      const a = found[i]!, b = found[i + 1]!;
      if (a.meaning.k !== "date" || b.meaning.k !== "date") continue;
      const ah = !!a.meaning.hijri, bh = !!b.meaning.hijri;
      if (ah === bh) continue;
      const gap = b.ts - a.te;
      if (gap < 0 || gap > 2 || ctx.toks[a.te - 1]!.sent !== ctx.toks[b.ts]!.sent) continue;
      let ok = gap === 0;
      for (let k = a.te; k < b.ts; k++) {
        const forms = ctx.forms(k).map(([f]) => f);
        if (LINKS.has(ctx.n(k)) || forms.includes("الموافق") || forms.includes("الموافقه")) ok = true;
      }
      if (!ok) continue;
      const hij = ah ? a : b, greg = ah ? b : a;
      if (!(hij.meaning.k === "date" && hij.meaning.hijri?.y !== undefined)) continue;
      const h = hij.meaning.hijri!;
      const gv = resolveParsed(greg, null).value;
      if (gv.includes("X")) continue;
      // What the Hijri expression can mean in Gregorian terms: a day, or every day of its month or year.
      const first = hijriToYmd(h.y!, h.m ?? 1, h.d ?? 1);
      const last = hijriToYmd(h.y!, h.m ?? 12, h.d ?? 29);
      if (!first || !last) continue;
      const lo = ymdString(first), hi = ymdString(last);
      const hv = resolveParsed(hij, null).value;
      if (gv.slice(0, hv.length) === hv) continue;
      const g = gv.slice(0, hv.length);
      hij.forced = g;
      const within = hv.length < 10 && lo.slice(0, hv.length) <= g && g <= hi.slice(0, hv.length);
      if (!within) {
        hij.warning = `the Hijri date "${ctx.text.slice(hij.s, hij.e)}" (${hv}) disagrees with its Gregorian twin "${ctx.text.slice(greg.s, greg.e)}" (${gv}); the Gregorian wins`;
      }
    }
    return found;
  },
};
