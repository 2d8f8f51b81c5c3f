/**
 * Every temporal expression of the article, typed (DATE, TIME, DURATION, SET) and valued in TIMEX3
 * against the publication date settled by the DCT annotator; `stated`/`implied` say which parts of
 * the value the text gives and which came from the DCT.
 */
import type { Annotator, TimeExpr } from "../../types.js";
import { findTimes } from "./findTimes.js";
import { parseYmd } from "./calendar.js";
import { resolveParsed } from "./resolveParsed.js";

/** A time with the note a refiner left (two calendars that disagree). */
export type TimeExprWithWarning = TimeExpr & { warning?: string };

export const timeAnnotator: Annotator<"times"> = {
  name: "time",
  requires: ["dct"],
  assigns: "times",
  run(doc, before): TimeExpr[] {
    const dct = before.dct ?? doc.dct;
    const ymd = dct.value ? parseYmd(dct.value) : null;
    const { parsed } = findTimes(doc, before);
    const text = doc.text;
    return parsed.map((p) => {
      const r = resolveParsed(p, ymd);
      const t: TimeExprWithWarning = { start: p.s, end: p.e, text: text.slice(p.s, p.e), type: p.type, value: r.value };
      if (r.stated.length) t.stated = r.stated;
      if (r.implied.length) t.implied = r.implied;
      if (p.warning) t.warning = p.warning;
      return t;
    });
  },
};
