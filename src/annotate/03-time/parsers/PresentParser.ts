/** The present: "[الآن]", "[حالياً]", "[الوقت الحالي]" → PRESENT_REF. */
import type { Parser } from "../Parser.js";

export const presentParser: Parser = {
  name: "Present",
  parse(ctx, i) {
    const p = ctx.phrase(i, ctx.lex.present);
    if (!p) return null;
    return ctx.make(i, i + p.len, p.cl, "DATE", { k: "ref", value: p.value }, this.name);
  },
};
