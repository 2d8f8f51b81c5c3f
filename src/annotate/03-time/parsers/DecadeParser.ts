/**
 * Decades and centuries: "[ثمانينيات القرن الماضي]" 198, "[التسعينات]" 199, "[عقد السبعينيات]" 197,
 * "[القرن العشرين]" 19, "[القرن الحادي والعشرين]" 20, "[القرن التاسع عشر]" 18.
 */
import type { Parser } from "../Parser.js";
import type { ParseContext } from "../ParseContext.js";
import type { Meaning } from "../Parsed.js";
import { relationAt } from "./dateParts.js";

/** "القرن" + ordinal or relation at i. */
function centuryAt(ctx: ParseContext, i: number): { c?: number; rel?: number; len: number; cl: number } | null {
  const cw = ctx.inSet(i, ctx.lex.sets.century);
  if (cw < 0 || !ctx.same(i + 1)) return null;
  const o = ctx.ordinal(i + 1);
  if (o && o.cl === 0 && o.value >= 1 && o.value <= 30) return { c: o.value, len: 1 + o.len, cl: cw };
  const r = relationAt(ctx, i + 1);
  if (r) return { rel: r.r, len: 1 + r.len, cl: cw };
  return null;
}

export const decadeParser: Parser = {
  name: "Decade",
  parse(ctx, i) {
    const lx = ctx.lex;
    let start = i;
    let cl = 0;
    let k = i;
    const dw = ctx.inSet(i, lx.sets.decade);
    if (dw >= 0 && ctx.same(i + 1)) {
      k = i + 1;
      cl = dw;
    }
    const forms = ctx.forms(k);
    let digit: number | undefined;
    let fcl = 0;
    for (const [f, c] of forms) {
      const bare = f.startsWith("ال") ? f.slice(2) : f;
      const v = lx.decades.get(bare);
      if (v !== undefined) {
        digit = v;
        fcl = c;
        break;
      }
    }
    if (digit === undefined) {
      if (k > i) return null;
      const c = centuryAt(ctx, i);
      if (!c) return null;
      const meaning: Meaning = { k: "century", ...(c.c !== undefined ? { c: c.c } : { rel: c.rel! }) };
      return ctx.make(i, i + c.len, c.cl, "DATE", meaning, this.name);
    }
    if (k === i) cl = fcl;
    let end = k + 1;
    let j = end;
    if (ctx.same(j) && ctx.n(j) === "من") j++;
    const c = ctx.same(j) ? centuryAt(ctx, j) : null;
    const meaning: Meaning = { k: "decade", digit };
    if (c && c.cl === 0) {
      if (c.c !== undefined) meaning.century = c.c;
      else meaning.centuryRel = c.rel!;
      end = j + c.len;
    }
    return ctx.make(start, end, cl, "DATE", meaning, this.name);
  },
};
