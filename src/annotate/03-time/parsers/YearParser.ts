/**
 * A year: "[عام 2018]", "في [2014]", "[1440 هـ]", "[عامي 2017] و[2018]". A bare four-digit number
 * is a year only in a dating context: not "القرار 2254", "2000 شخص", "2019%" or "1,200".
 */
import type { Parser } from "../Parser.js";
import type { ParseContext } from "../ParseContext.js";
import type { Parsed } from "../Parsed.js";
import { yearNumberAt } from "./dateParts.js";

function bareYearOk(ctx: ParseContext, i: number, y: number): boolean {
  if (y < 1900 || y > 2100) return false;
  const sets = ctx.lex.sets;
  const prevSame = ctx.same(i);
  const prev = prevSame ? ctx.n(i - 1) : "";
  const next = ctx.same(i + 1) ? ctx.n(i + 1) : "";
  const glued = (j: number) => j >= 0 && j < ctx.toks.length && !ctx.toks[j]!.sp;
  // Part of a bigger number or a code: "1,200", "2019.5", "12/2019", "#2019".
  if (prevSame && glued(i) && [",", ".", "/", "#", "$", "+", ":"].includes(prev)) return false;
  if (next && glued(i + 1) && [",", ".", "/", ":"].includes(next) && ctx.isDigits(i + 2) && glued(i + 2)) return false;
  if (next === "%" || next === "٪" || next === "بالمئه" || next === "بالمائه" || next === "في المئه") return false;
  if (prevSame && ctx.inSet(i - 1, sets.yearBlockPrev) >= 0) return false;
  if (ctx.same(i - 1) && ctx.n(i - 2) === "رقم") return false;
  const strong = prevSame && ctx.inSet(i - 1, sets.yearStrongPrev) >= 0;
  if (next && ctx.isWord(i + 1) && ctx.inSet(i + 1, sets.yearCountNouns, false) >= 0) return false;
  if (next && ctx.phrase(i + 1, ctx.lex.units, false)) return false;
  if ((next === "الي" || next === "و" || next === "-" || next === "حتي") && ctx.same(i + 2) && ctx.isDigits(i + 2) && (ctx.digits(i + 2) > 2100 || ctx.digits(i + 2) < 1900)) return false;
  if (strong) return true;
  // "2017 و2018", "2017-2018": a year beside a year.
  if (prevSame && (prev === "و" || prev === "-" || prev === "/" || prev === "–") && ctx.digits(i - 2) >= 1900 && ctx.digits(i - 2) <= 2100) return true;
  if (!next || ctx.toks[i + 1]!.k === 2) return true;
  if (ctx.isWord(i + 1) && next.startsWith("ال") && next !== "الف") return true;
  return false;
}

export const yearParser: Parser = {
  name: "Year",
  parse(ctx, i) {
    const sets = ctx.lex.sets;
    const yw = ctx.inSet(i, sets.year);
    if (yw >= 0) {
      const y = ctx.same(i + 1) ? yearNumberAt(ctx, i + 1) : null;
      if (!y) return null;
      const word = ctx.forms(i).find(([, c]) => c === yw)![0];
      const p = ctx.make(i, i + 1 + y.len, yw, "DATE", y.hijriEra ? { k: "date", hijri: { y: y.y } } : { k: "date", y: y.y }, this.name);
      // "عامي 2017 و2018"
      const out: Parsed[] = [p];
      const j = i + 1 + y.len;
      if ((word === "عامي" || word === "سنتي" || word === "العامين") && ctx.same(j) && ctx.n(j) === "و") {
        const y2 = ctx.same(j + 1) ? yearNumberAt(ctx, j + 1) : null;
        if (y2) out.push(ctx.make(j + 1, j + 1 + y2.len, 0, "DATE", { k: "date", y: y2.y }, this.name));
      }
      return out.length === 1 ? p : out;
    }
    const y = yearNumberAt(ctx, i);
    if (!y) return null;
    if (y.hijriEra) return ctx.make(i, i + y.len, 0, "DATE", { k: "date", hijri: { y: y.y } }, this.name);
    if (!y.gregEra && !bareYearOk(ctx, i, y.y)) return null;
    return ctx.make(i, i + y.len, 0, "DATE", { k: "date", y: y.y }, this.name);
  },
};
