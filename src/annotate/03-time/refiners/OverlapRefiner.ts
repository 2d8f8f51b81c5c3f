/** Keeps the longest of overlapping candidates (the earlier parser on a tie), in text order. */
import type { Refiner } from "../Parser.js";
import type { Parsed } from "../Parsed.js";

export const overlapRefiner: Refiner = {
  name: "Overlap",
  refine(_ctx, found) {
    const order = found.map((p, i) => ({ p, i }));
    order.sort((a, b) => b.p.e - b.p.s - (a.p.e - a.p.s) || a.p.s - b.p.s || a.i - b.i);
    const kept: Parsed[] = [];
    // Accepted spans in a sorted array; candidates are few per article, so a linear check is fine
    // per sentence, but keep it O(n log n) overall with an interval search.
    const starts: number[] = [];
    const ends: number[] = [];
    for (const { p } of order) {
      // Binary search for the first accepted span ending after p.s.
      let lo = 0, hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ends[mid]! <= p.s) lo = mid + 1;
        else hi = mid;
      }
      if (lo < starts.length && starts[lo]! < p.e) continue;
      starts.splice(lo, 0, p.s);
      ends.splice(lo, 0, p.e);
      kept.push(p);
    }
    kept.sort((a, b) => a.s - b.s);
    return kept;
  },
};
