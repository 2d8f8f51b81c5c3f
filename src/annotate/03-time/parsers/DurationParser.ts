/**
 * Amounts of time and points counted from the publication date:
 * "[منذ أشهر]" PXM, "لمدة [أسبوعين]" P2W, "[ثلاثة أيام]" P3D, "[24 ساعة]" PT24H,
 * "[الأسابيع الخمسة الأخيرة]" P5W, "[الـ24 ساعة الماضية]", "[العامين الماضيين]" P2Y,
 * "[قبل ثلاثة أيام]" (a date: DCT − 3 days), "[بعد أسبوعين]" (DCT + 2 weeks).
 */
import type { Parser } from "../Parser.js";
import type { ParseContext } from "../ParseContext.js";
import type { Unit } from "../timeLexicon.js";

interface Amount {
  unit: Unit;
  n: number | null;
  len: number;
  cl: number;
}

/** NUM UNIT, DUAL-UNIT, or (when `vagueOk`) a bare plural unit at i. */
function amountAt(ctx: ParseContext, i: number, vagueOk: boolean, singleOk: boolean): Amount | null {
  const lx = ctx.lex;
  const dual = ctx.phrase(i, lx.units);
  if (dual) {
    const [unit, count] = dual.value;
    const j = i + dual.len;
    if (count === 2) return { unit, n: 2, len: dual.len, cl: dual.cl };
    if (count === 0 && vagueOk) return { unit, n: null, len: dual.len + (ctx.same(j) && lx.sets.vagueTrailing.has(ctx.n(j)) ? 1 : 0), cl: dual.cl };
    // "عام واحد", "ساعة واحدة"
    if (count === 1 && ctx.same(j) && (ctx.n(j) === "واحد" || ctx.n(j) === "واحده")) return { unit, n: 1, len: dual.len + 1, cl: dual.cl };
    if (count === 1 && singleOk) return { unit, n: 1, len: dual.len, cl: dual.cl };
    return null;
  }
  // "بضعة أيام", "عدة أشهر"
  const vg = ctx.inSet(i, lx.vague);
  if (vg >= 0 && ctx.same(i + 1)) {
    const u = ctx.phrase(i + 1, lx.units, false);
    if (u && u.value[1] === 0) return { unit: u.value[0], n: null, len: 1 + u.len, cl: vg };
    return null;
  }
  const num = ctx.cardinal(i);
  if (!num || num.value <= 0) return null;
  let j = i + num.len;
  if (!ctx.same(j)) return null;
  const u = ctx.phrase(j, lx.units, false);
  if (!u || u.value[1] === 2) return null;
  // "3 أيام" and "11 يوما" but not "2 يوم" of a date ("يوم 2") — the unit follows the number here.
  return { unit: u.value[0], n: num.value, len: num.len + u.len, cl: num.cl };
}

const X = (u: Unit, n: number | null): string => {
  const q = n === null ? "X" : String(n);
  switch (u) {
    case "H": return `PT${q}H`;
    case "MIN": return `PT${q}M`;
    case "S": return `PT${q}S`;
    default: return `P${q}${u}`;
  }
};
export const durationValue = X;

export const durationParser: Parser = {
  name: "Duration",
  parse(ctx, i) {
    const lx = ctx.lex;
    const sets = lx.sets;
    // A signal word first: منذ / قبل / بعد (kept in the span), لمدة / طيلة / خلال (left out).
    const since = ctx.inSet(i, sets.since);
    const ago = since < 0 ? ctx.inSet(i, sets.ago) : -1;
    const later = since < 0 && ago < 0 ? ctx.inSet(i, sets.later) : -1;
    const sig = since >= 0 ? since : ago >= 0 ? ago : later;
    if (sig >= 0) {
      if (!ctx.same(i + 1)) return null;
      const a = amountAt(ctx, i + 1, true, true);
      if (!a || a.cl > 0) return null;
      const end = i + 1 + a.len;
      const nextN = ctx.same(end) ? ctx.n(end) : "";
      const word = ctx.forms(i).find(([, c]) => c === sig)![0];
      if (since >= 0) return ctx.make(i, end, sig, "DURATION", { k: "duration", unit: a.unit, n: a.n }, this.name);
      // "قبل ثلاثة أيام من الانتخابات": counted from an event, not from today — only the amount is a time.
      if (nextN === "من" || nextN === "علي" || nextN === "عن") {
        return ctx.make(i + 1, end, 0, "DURATION", { k: "duration", unit: a.unit, n: a.n }, this.name);
      }
      if (word === "خلال") {
        // "خلال ثلاثة أيام": within — a duration; "خلال أيام" vague.
        return ctx.make(i + 1, end, 0, "DURATION", { k: "duration", unit: a.unit, n: a.n }, this.name);
      }
      return ctx.make(i, end, sig, "DATE", { k: "offset", unit: a.unit, n: a.n, dir: ago >= 0 ? -1 : 1 }, this.name);
    }
    // "لمدة أسبوعين", "طيلة عامين", "لأيام"
    const ds = ctx.phrase(i, lx.durSignals);
    if (ds && ctx.same(i + ds.len)) {
      const a = amountAt(ctx, i + ds.len, true, ctx.forms(i).some(([f]) => f === "مده"));
      if (a && a.cl === 0) return ctx.make(i + ds.len, i + ds.len + a.len, 0, "DURATION", { k: "duration", unit: a.unit, n: a.n }, this.name);
    }
    // "لسنوات", "لأشهر": the preposition glued to a plural unit.
    const gl = ctx.phrase(i, lx.units);
    if (gl && gl.cl > 0 && gl.value[1] === 0 && ctx.forms(i).some(([f, c]) => c === gl.cl && ctx.n(i).startsWith("ل") && f.length > 0)) {
      return ctx.make(i, i + gl.len, gl.cl, "DURATION", { k: "duration", unit: gl.value[0], n: null }, this.name);
    }
    // "الأسابيع الخمسة الأخيرة", "السنوات العشر الماضية", "العامين الماضيين", "الأيام الماضية"
    const du = ctx.phrase(i, lx.defUnits);
    if (du) {
      let j = i + du.len;
      let n: number | null = du.value[1] || null;
      if (n === null && ctx.same(j) && ctx.n(j).startsWith("ال")) {
        const w = ctx.n(j).slice(2);
        const v = lx.cardUnits.get(w) ?? lx.cardTens.get(w) ?? (lx.cardTen.has(w) ? 10 : undefined);
        if (v !== undefined) {
          n = v;
          j++;
        }
      }
      if (ctx.same(j) && sets.trailing.has(ctx.n(j))) {
        return ctx.make(i, j + 1, du.cl, "DURATION", { k: "duration", unit: du.value[0], n }, this.name);
      }
      return null;
    }
    // "الـ24 ساعة الماضية"
    if (ctx.n(i) === "ال" && ctx.isDigits(i + 1) && !ctx.toks[i + 1]!.sp) {
      const a = amountAt(ctx, i + 1, false, false);
      if (a) {
        const j = i + 1 + a.len;
        const end = ctx.same(j) && sets.trailing.has(ctx.n(j)) ? j + 1 : j;
        return ctx.make(i, end, 0, "DURATION", { k: "duration", unit: a.unit, n: a.n }, this.name);
      }
      return null;
    }
    // A bare amount: "ثلاثة أيام", "24 ساعة", "أسبوعين"
    const a = amountAt(ctx, i, false, false);
    if (!a) return null;
    let end = i + a.len;
    if (ctx.same(end) && sets.trailing.has(ctx.n(end))) end++;
    return ctx.make(i, end, a.cl, "DURATION", { k: "duration", unit: a.unit, n: a.n }, this.name);
  },
};
