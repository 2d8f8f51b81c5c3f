/**
 * Keeps the longest of overlapping candidates (the earlier parser on a tie), in text order. One sweep
 * over the candidates sorted by start: a candidate that overlaps the last kept one replaces it when
 * it is longer. Linear after the sort, however many candidates a hostile line yields.
 */
import type { Refiner } from "../Parser.js";
import type { Parsed } from "../Parsed.js";

export const overlapRefiner: Refiner = {
  name: "Overlap",
  refine(_ctx, found) {
    const order = found.map((p, i) => ({ p, i }));
    order.sort((a, b) => a.p.s - b.p.s || b.p.e - b.p.s - (a.p.e - a.p.s) || a.i - b.i);
    const kept: Parsed[] = [];
    for (const { p } of order) {
      const last = kept[kept.length - 1];
      if (!last || p.s >= last.e) kept.push(p);
      else if (p.e - p.s > last.e - last.s) {
        // p starts inside `last` and is longer: it wins, and may now overlap nothing before `last`.
        kept[kept.length - 1] = p;
      }
    }
    return kept;
  },
};
