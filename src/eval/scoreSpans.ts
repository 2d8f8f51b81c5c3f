/**
 * Span scoring shared by the evaluations: precision, recall and F1 for exact spans and for
 * overlapping spans (one-to-one, gold in order, an exact prediction preferred), and how often the
 * matched prediction's value (and type) equals the gold one.
 */

export interface ScoredSpan {
  start: number;
  end: number;
  value?: string;
  type?: string;
}

export interface SpanCounts {
  gold: number;
  predicted: number;
  exact: number;
  overlap: number;
  /** Overlap-matched pairs whose value is equal. */
  valueOk: number;
  typeOk: number;
}

export const emptyCounts = (): SpanCounts => ({ gold: 0, predicted: 0, exact: 0, overlap: 0, valueOk: 0, typeOk: 0 });

export interface Pairing {
  gold: ScoredSpan;
  pred?: ScoredSpan;
  exact: boolean;
}

/** Matches predictions to gold spans and adds the counts to `c`; returns the pairs and the unmatched predictions. */
export function scoreSpans(gold: readonly ScoredSpan[], pred: readonly ScoredSpan[], c: SpanCounts): { pairs: Pairing[]; spurious: ScoredSpan[] } {
  c.gold += gold.length;
  c.predicted += pred.length;
  const used = new Set<number>();
  for (let i = 0; i < pred.length; i++) {
    if (gold.some((g) => g.start === pred[i]!.start && g.end === pred[i]!.end)) c.exact++;
  }
  const pairs: Pairing[] = [];
  for (const g of gold) {
    let best = -1;
    for (let i = 0; i < pred.length; i++) {
      if (used.has(i)) continue;
      const p = pred[i]!;
      if (p.start < g.end && g.start < p.end) {
        if (best < 0) best = i;
        if (p.start === g.start && p.end === g.end) {
          best = i;
          break;
        }
      }
    }
    if (best < 0) {
      pairs.push({ gold: g, exact: false });
      continue;
    }
    used.add(best);
    const p = pred[best]!;
    c.overlap++;
    if (p.value === g.value) c.valueOk++;
    if (p.type === undefined || p.type === g.type) c.typeOk++;
    pairs.push({ gold: g, pred: p, exact: p.start === g.start && p.end === g.end });
  }
  return { pairs, spurious: pred.filter((_, i) => !used.has(i)) };
}

export interface SpanFigures {
  exact: { p: number; r: number; f1: number };
  overlap: { p: number; r: number; f1: number };
  valueAccuracy: number;
  typeAccuracy: number;
  gold: number;
  predicted: number;
}

const prf = (hit: number, pred: number, gold: number) => {
  const p = pred ? hit / pred : 0;
  const r = gold ? hit / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

export function figures(c: SpanCounts): SpanFigures {
  return {
    exact: prf(c.exact, c.predicted, c.gold),
    overlap: prf(c.overlap, c.predicted, c.gold),
    valueAccuracy: c.overlap ? c.valueOk / c.overlap : 0,
    typeAccuracy: c.overlap ? c.typeOk / c.overlap : 0,
    gold: c.gold,
    predicted: c.predicted,
  };
}
