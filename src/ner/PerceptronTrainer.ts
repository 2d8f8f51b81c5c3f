/**
 * Averaged structured perceptron training (Collins 2002) for NerModel: decode each sentence with the
 * current weights, and where the best path differs from the gold one, add the gold path's features
 * and subtract the predicted path's. The returned weights are averaged over every step (the lazy
 * "w − u/c" form), which is what makes the perceptron generalise.
 */
import { N_LABELS } from "./labels.js";
import { viterbi } from "./viterbi.js";
import { FEATURES_PER_TOKEN } from "./NerFeaturizer.js";

export interface TrainingSentence {
  feats: Uint32Array; // n × F hashes (F = FEATURES_PER_TOKEN, plus STACK_FEATURES for a second pass)
  gold: Int32Array;
}

export interface TrainedWeights {
  hashes: Uint32Array;
  weights: Float32Array;
  trans: Float32Array;
}

/** A seeded shuffle so training is reproducible (both trainers visit sentences in this order). */
export function shuffle(a: number[], seed: number): void {
  let s = seed >>> 0 || 1;
  for (let i = a.length - 1; i > 0; i--) {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
}

/**
 * The trainers' feature rows: each hash seen at least `minCount` times in `data` gets a row, and each
 * sentence's hashes become row numbers (−1 for a dropped feature).
 */
export function indexFeatures(data: readonly TrainingSentence[], minCount: number): { index: Map<number, number>; rows: Int32Array[] } {
  const counts = new Map<number, number>();
  for (const s of data) for (const h of s.feats) counts.set(h, (counts.get(h) ?? 0) + 1);
  const index = new Map<number, number>();
  for (const [h, n] of counts) if (n >= minCount) index.set(h, index.size);
  return { index, rows: data.map((s) => Int32Array.from(s.feats, (h) => index.get(h) ?? -1)) };
}

/**
 * Trained emission weights in the model's layout: the rows of `index` with some |weight| above
 * `prune` (weightOf(row × L + label) gives a weight), with their hashes.
 */
export function keptRows(index: ReadonlyMap<number, number>, weightOf: (k: number) => number, prune: number): { hashes: Uint32Array; weights: Float32Array } {
  const L = N_LABELS;
  const keep: number[] = [];
  const hashes: number[] = [];
  for (const [h, r] of index) {
    let any = false;
    for (let l = 0; l < L; l++) if (Math.abs(weightOf(r * L + l)) > prune) { any = true; break; }
    if (any) { keep.push(r); hashes.push(h); }
  }
  const weights = new Float32Array(keep.length * L);
  keep.forEach((r, j) => { for (let l = 0; l < L; l++) weights[j * L + l] = weightOf(r * L + l); });
  return { hashes: Uint32Array.from(hashes), weights };
}

export class PerceptronTrainer {
  private readonly index: Map<number, number>;
  private readonly rows: Int32Array[];
  private w: Float64Array;
  private u: Float64Array;
  private t: Float64Array;
  private tu: Float64Array;
  private c = 1;

  /** Features seen fewer than `minCount` times in `data` are dropped. */
  constructor(private readonly data: TrainingSentence[], minCount = 2) {
    ({ index: this.index, rows: this.rows } = indexFeatures(data, minCount));
    const L = N_LABELS;
    this.w = new Float64Array(this.index.size * L);
    this.u = new Float64Array(this.index.size * L);
    this.t = new Float64Array((L + 1) * L);
    this.tu = new Float64Array((L + 1) * L);
  }

  get featureCount(): number {
    return this.index.size;
  }

  /**
   * One pass over the data in a seeded random order; returns the number of sentences mistagged.
   * With `cost` > 0 the decoding is cost-augmented (every wrong label gets `cost` extra, a missed
   * entity `missCost`), so updates also fire on paths that are right by too thin a margin.
   */
  epoch(seed: number, cost = 0, missCost = cost): number {
    const L = N_LABELS;
    const order = this.data.map((_, i) => i);
    shuffle(order, seed);
    let errors = 0;
    const trans32 = new Float64Array(this.t.length);
    for (const si of order) {
      const s = this.data[si]!, rows = this.rows[si]!;
      const n = s.gold.length;
      const F = n ? s.feats.length / n : FEATURES_PER_TOKEN;
      const emit = new Float64Array(n * L);
      for (let i = 0; i < n; i++) {
        for (let k = i * F; k < (i + 1) * F; k++) {
          const r = rows[k]!;
          if (r < 0) continue;
          for (let l = 0; l < L; l++) emit[i * L + l]! += this.w[r * L + l]!;
        }
      }
      if (cost > 0) {
        for (let i = 0; i < n; i++) {
          const g = s.gold[i]!;
          for (let l = 0; l < L; l++) if (l !== g) emit[i * L + l]! += g !== 0 && l === 0 ? missCost : cost;
        }
      }
      trans32.set(this.t);
      const pred = viterbi(emit, n, trans32);
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const g = s.gold[i]!, p = pred[i]!;
        const gp = i ? s.gold[i - 1]! : L, pp = i ? pred[i - 1]! : L;
        if (g !== p) {
          wrong = true;
          for (let k = i * F; k < (i + 1) * F; k++) {
            const r = rows[k]!;
            if (r < 0) continue;
            this.w[r * L + g]! += 1; this.u[r * L + g]! += this.c;
            this.w[r * L + p]! -= 1; this.u[r * L + p]! -= this.c;
          }
        }
        if (g !== p || gp !== pp) {
          this.t[gp * L + g]! += 1; this.tu[gp * L + g]! += this.c;
          this.t[pp * L + p]! -= 1; this.tu[pp * L + p]! -= this.c;
        }
      }
      if (wrong) errors++;
      this.c++;
    }
    return errors;
  }

  /** The averaged weights, with rows that are all (near) zero left out. */
  averaged(prune = 1e-3): TrainedWeights {
    const { hashes, weights } = keptRows(this.index, (k) => this.w[k]! - this.u[k]! / this.c, prune);
    const trans = new Float32Array(this.t.length);
    for (let k = 0; k < trans.length; k++) trans[k] = this.t[k]! - this.tu[k]! / this.c;
    return { hashes, weights, trans };
  }
}

/**
 * The mean of several trained weight sets (a feature missing from one counts as zero there): the
 * weights of perceptrons trained in different orders, averaged, vary less with the order than any
 * one of them, at the size of one model.
 */
export function meanWeights(sets: readonly TrainedWeights[]): TrainedWeights {
  const L = N_LABELS, k = sets.length;
  const rowOf = new Map<number, number>();
  for (const s of sets) for (const h of s.hashes) if (!rowOf.has(h)) rowOf.set(h, rowOf.size);
  const hashes = new Uint32Array(rowOf.size), weights = new Float32Array(rowOf.size * L);
  for (const [h, r] of rowOf) hashes[r] = h;
  for (const s of sets) {
    s.hashes.forEach((h, j) => {
      const r = rowOf.get(h)!;
      for (let l = 0; l < L; l++) weights[r * L + l]! += s.weights[j * L + l]! / k;
    });
  }
  const trans = new Float32Array(sets[0]!.trans.length);
  for (const s of sets) for (let t = 0; t < trans.length; t++) trans[t]! += s.trans[t]! / k;
  return { hashes, weights, trans };
}
