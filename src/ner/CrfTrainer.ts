/**
 * Linear-chain CRF training for NerModel (Lafferty et al. 2001), as an alternative to the averaged
 * perceptron (PerceptronTrainer) over exactly the same hashed features, labels and BIO constraint.
 *
 * Objective: the L2-regularised negative conditional log-likelihood of the gold label sequences,
 *   Σ_s −log p(y_s | x_s) + (λ·N / 2) ‖w‖²,   λ = 2·c2 / N  (CRFsuite's l2sgd parametrisation:
 *   c2 is the coefficient of ‖w‖², N the number of training sentences),
 * where p(y | x) ∝ exp(Σ_i emit_w(i, y_i) + trans_w(y_{i−1}, y_i)) over the paths the BIO constraint
 * (labels.ts ALLOWED) admits, with the start row of `trans` for i = 0: the same scores Viterbi
 * maximises at tagging time, so the model file and the decoder are unchanged.
 *
 * Optimiser: stochastic gradient descent as in CRFsuite's l2sgd (Bottou's SGD for SVMs/CRFs):
 * per sentence, w ← (1 − ηλ)·w − η·(E_p[φ] − φ(gold)), with η_t = 1 / (λ·(t0 + t)). The decay of
 * the whole vector is lazy: w = scale · v, the decay multiplies `scale` only, and the gradient step
 * touches only the rows of the sentence's active features (v[r] −= η·g / scale), so an epoch costs
 * a forward–backward pass (O(n·L²), L = 9) plus one sweep over the active features per token: about
 * twice a perceptron epoch (which updates only mistagged tokens). t0 = 1 / (λ·η0), and η0 is
 * calibrated as CRFsuite does: a few candidates, one pass each over a sample of sentences from
 * zero, the one with the lowest regularised objective on that sample wins (or pass `eta0`).
 * Forward–backward runs in probability space with per-position scaling (emissions shifted by
 * their maximum at each token), which is safe with nine labels and L2-sized weights.
 *
 * Why try it: the perceptron's ~14 feature experiments (scripts/train-ner.mjs) moved the pooled CV
 * by ≤ 0.2; a CRF optimises a smooth, regularised objective over all paths instead of mistake-driven
 * updates, which on NER is often worth 1–2 F1 with the same features. Measured figures: see the
 * header of scripts/train-ner.mjs (--crf).
 *
 * `epoch(seed)` and `averaged(prune)` have PerceptronTrainer's shape so train-ner.mjs can use
 * either; `averaged` returns the current weights (scale · v; SGD's iterate, not an average), with
 * rows whose every |weight| ≤ prune left out.
 */
import { ALLOWED, N_LABELS } from "./labels.js";
import { indexFeatures, keptRows, shuffle, type TrainedWeights, type TrainingSentence } from "./PerceptronTrainer.js";

export interface CrfOptions {
  /** CRFsuite's c2: the objective is Σ −log p + c2·‖w‖². Default 1. */
  c2?: number;
  /** The initial learning rate; calibrated on a sample when absent. */
  eta0?: number;
  /** Sentences in the calibration sample (default 500). */
  calibrationSize?: number;
  /**
   * Averaged SGD: `averaged` returns the mean of the iterates over every step since the start of
   * epoch `averageFrom` (0 by default: no averaging, the last iterate), kept lazily like the
   * perceptron's average (see `u`).
   */
  averageFrom?: number;
  /** Log line sink (calibration). */
  log?: (m: string) => void;
}

const ETA_CANDIDATES = [1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002];

export class CrfTrainer {
  private readonly index: Map<number, number>;
  private readonly rows: Int32Array[];
  /** Emission weights, feature row × label, and transitions ((L + 1) × L), both times `scale`. */
  private readonly v: Float64Array;
  private readonly t: Float64Array;
  private scale = 1;
  private step = 0;
  /**
   * For the average Σ_t w_t = Σ_t s_t·v_t: with C the running sum of the scales and each sparse
   * update δ at step τ, Σ_t w_t = C·v − Σ_τ δ_τ·C_{τ−1}; u and tu hold that last sum.
   */
  private readonly u: Float64Array;
  private readonly tu: Float64Array;
  private C = 0;
  private avgSteps = 0;
  private epochs = 0;
  private readonly averageFrom: number;
  readonly lambda: number;
  private t0 = 0;
  eta0: number | undefined;
  /** The last epoch's summed negative log-likelihood (for logging). */
  lastLoss = 0;

  // Scratch buffers, grown to the longest sentence.
  private emit = new Float64Array(0);
  private alpha = new Float64Array(0);
  private beta = new Float64Array(0);
  private pot = new Float64Array(0);
  private cnorm = new Float64Array(0);
  private readonly T = new Float64Array((N_LABELS + 1) * N_LABELS);
  private readonly gt = new Float64Array((N_LABELS + 1) * N_LABELS);
  private readonly g = new Float64Array(N_LABELS);

  /** Features seen fewer than `minCount` times in `data` are dropped. */
  constructor(private readonly data: TrainingSentence[], minCount = 2, private readonly opts: CrfOptions = {}) {
    ({ index: this.index, rows: this.rows } = indexFeatures(data, minCount));
    const L = N_LABELS;
    this.v = new Float64Array(this.index.size * L);
    this.t = new Float64Array((L + 1) * L);
    this.averageFrom = opts.averageFrom ?? 0;
    this.u = new Float64Array(this.averageFrom > 0 ? this.v.length : 0);
    this.tu = new Float64Array(this.t.length);
    this.lambda = (2 * (opts.c2 ?? 1)) / Math.max(1, data.length);
    this.eta0 = opts.eta0;
  }

  get featureCount(): number {
    return this.index.size;
  }

  private reserve(n: number): void {
    const L = N_LABELS;
    if (this.emit.length >= n * L) return;
    const m = n * L * 2;
    this.emit = new Float64Array(m);
    this.alpha = new Float64Array(m);
    this.beta = new Float64Array(m);
    this.pot = new Float64Array(m);
    this.cnorm = new Float64Array(n * 2);
  }

  /**
   * Scores sentence `si` under the current weights and, with eta > 0, takes one gradient step on
   * it (the L2 decay is the caller's). Returns −log p(gold | x).
   */
  private visit(si: number, eta: number): number {
    const L = N_LABELS;
    const s = this.data[si]!, rows = this.rows[si]!, gold = s.gold;
    const n = gold.length;
    if (n === 0) return 0;
    const F = s.feats.length / n;
    this.reserve(n);
    const emit = this.emit, alpha = this.alpha, beta = this.beta, pot = this.pot, cn = this.cnorm, T = this.T;
    const v = this.v, sc = this.scale;
    // Emission scores, and their exponentials shifted by each token's maximum.
    let goldScore = 0, shift = 0;
    for (let i = 0; i < n; i++) {
      const e = i * L;
      for (let l = 0; l < L; l++) emit[e + l] = 0;
      for (let k = i * F; k < (i + 1) * F; k++) {
        const r = rows[k]!;
        if (r < 0) continue;
        const o = r * L;
        for (let l = 0; l < L; l++) emit[e + l]! += v[o + l]!;
      }
      let mx = -Infinity;
      for (let l = 0; l < L; l++) { emit[e + l]! *= sc; if (emit[e + l]! > mx) mx = emit[e + l]!; }
      for (let l = 0; l < L; l++) pot[e + l] = Math.exp(emit[e + l]! - mx);
      shift += mx;
      goldScore += emit[e + gold[i]!]! + sc * this.t[(i ? gold[i - 1]! : L) * L + gold[i]!]!;
    }
    for (let k = 0; k < T.length; k++) T[k] = ALLOWED[k] ? Math.exp(sc * this.t[k]!) : 0;
    // Forward, each row normalised to sum 1 (cn[i] is the normaliser).
    let z = 0;
    for (let c = 0; c < L; c++) { alpha[c] = T[L * L + c]! * pot[c]!; z += alpha[c]!; }
    cn[0] = z;
    for (let c = 0; c < L; c++) alpha[c]! /= z;
    for (let i = 1; i < n; i++) {
      const a = i * L, p0 = (i - 1) * L;
      z = 0;
      for (let c = 0; c < L; c++) {
        let x = 0;
        for (let p = 0; p < L; p++) x += alpha[p0 + p]! * T[p * L + c]!;
        x *= pot[a + c]!;
        alpha[a + c] = x;
        z += x;
      }
      cn[i] = z;
      for (let c = 0; c < L; c++) alpha[a + c]! /= z;
    }
    let logZ = shift;
    for (let i = 0; i < n; i++) logZ += Math.log(cn[i]!);
    const loss = logZ - goldScore;
    if (!(eta > 0)) return loss;
    // Backward with the same normalisers: alpha[i]·beta[i] is then the marginal at i.
    const last = (n - 1) * L;
    for (let c = 0; c < L; c++) beta[last + c] = 1;
    for (let i = n - 2; i >= 0; i--) {
      const b = i * L, nx = (i + 1) * L, z1 = cn[i + 1]!;
      for (let p = 0; p < L; p++) {
        let x = 0;
        for (let c = 0; c < L; c++) x += T[p * L + c]! * pot[nx + c]! * beta[nx + c]!;
        beta[b + p] = x / z1;
      }
    }
    // Gradient of −log p: expected minus gold counts. Emission rows first (marginal − gold).
    const step = eta / sc;
    const g = this.g;
    const avg = this.averaging, u = this.u, Cs = this.C * step;
    for (let i = 0; i < n; i++) {
      const e = i * L;
      for (let l = 0; l < L; l++) g[l] = alpha[e + l]! * beta[e + l]!;
      g[gold[i]!]! -= 1;
      for (let k = i * F; k < (i + 1) * F; k++) {
        const r = rows[k]!;
        if (r < 0) continue;
        const o = r * L;
        for (let l = 0; l < L; l++) v[o + l]! -= step * g[l]!;
        if (avg) for (let l = 0; l < L; l++) u[o + l]! -= Cs * g[l]!;
      }
    }
    // Transitions: pairwise marginals ξ_i(p, c) = α_{i−1}(p)·T(p,c)·pot_i(c)·β_i(c) / cn[i].
    const gt = this.gt;
    gt.fill(0);
    for (let c = 0; c < L; c++) gt[L * L + c]! += alpha[c]! * beta[c]!;
    gt[L * L + gold[0]!]! -= 1;
    for (let i = 1; i < n; i++) {
      const a = (i - 1) * L, b = i * L, z1 = cn[i]!;
      for (let p = 0; p < L; p++) {
        const ap = alpha[a + p]! / z1;
        if (ap === 0) continue;
        for (let c = 0; c < L; c++) gt[p * L + c]! += ap * T[p * L + c]! * pot[b + c]! * beta[b + c]!;
      }
      gt[gold[i - 1]! * L + gold[i]!]! -= 1;
    }
    for (let k = 0; k < gt.length; k++) this.t[k]! -= step * gt[k]!;
    if (avg) for (let k = 0; k < gt.length; k++) this.tu[k]! -= Cs * gt[k]!;
    return loss;
  }

  /** One decay-and-step on sentence si at the current step count. */
  private sgdStep(si: number): number {
    const eta = 1 / (this.lambda * (this.t0 + this.step));
    this.scale *= 1 - eta * this.lambda;
    if (this.scale < 1e-9) this.rescale();
    const loss = this.visit(si, eta);
    this.step++;
    if (this.averaging) { this.C += this.scale; this.avgSteps++; }
    return loss;
  }

  private rescale(): void {
    const s = this.scale;
    for (let k = 0; k < this.v.length; k++) this.v[k]! *= s;
    for (let k = 0; k < this.t.length; k++) this.t[k]! *= s;
    this.C /= s;
    this.scale = 1;
  }

  private reset(): void {
    this.v.fill(0);
    this.t.fill(0);
    this.scale = 1;
    this.step = 0;
    this.u.fill(0);
    this.tu.fill(0);
    this.C = 0;
    this.avgSteps = 0;
  }

  /** Whether this step's updates enter the average. */
  private averaging = false;

  /** The squared norm of the current weights. */
  private norm2(): number {
    let x = 0;
    for (let k = 0; k < this.v.length; k++) x += this.v[k]! * this.v[k]!;
    for (let k = 0; k < this.t.length; k++) x += this.t[k]! * this.t[k]!;
    return x * this.scale * this.scale;
  }

  /** CRFsuite-style calibration of η0: one pass over a sample per candidate, lowest objective wins. */
  private calibrate(seed: number): void {
    const order = this.data.map((_, i) => i);
    shuffle(order, seed ^ 0x5bd1e995);
    const sample = order.slice(0, Math.min(this.opts.calibrationSize ?? 500, order.length));
    let initial = 0;
    for (const si of sample) initial += this.visit(si, 0);
    let bestEta = ETA_CANDIDATES[ETA_CANDIDATES.length - 1]!, bestObj = Infinity;
    for (const eta0 of ETA_CANDIDATES) {
      this.reset();
      this.t0 = 1 / (this.lambda * eta0);
      for (const si of sample) this.sgdStep(si);
      let obj = 0;
      for (const si of sample) obj += this.visit(si, 0);
      obj += (this.lambda * sample.length / 2) * this.norm2();
      const ok = Number.isFinite(obj) && obj < initial;
      this.opts.log?.(`crf calibration: η0 ${eta0}: objective ${obj.toFixed(1)} (initial ${initial.toFixed(1)})${ok ? "" : " rejected"}`);
      if (ok && obj < bestObj) { bestObj = obj; bestEta = eta0; }
    }
    this.reset();
    this.eta0 = bestEta;
    this.opts.log?.(`crf calibration: η0 = ${bestEta}`);
  }

  /** One pass over the data in a seeded random order; returns the epoch's summed −log p (rounded), for the log. */
  epoch(seed: number): number {
    if (this.eta0 === undefined) this.calibrate(seed);
    this.epochs++;
    if (this.averageFrom > 0 && this.epochs === this.averageFrom) {
      // The average starts here: v so far counts as the starting point (C = 0, u = 0).
      this.u.fill(0); this.tu.fill(0); this.C = 0; this.avgSteps = 0;
      this.averaging = true;
    }
    if (this.step === 0) this.t0 = 1 / (this.lambda * this.eta0!);
    const order = this.data.map((_, i) => i);
    shuffle(order, seed);
    let loss = 0;
    for (const si of order) loss += this.sgdStep(si);
    this.lastLoss = loss;
    return Math.round(loss);
  }

  /**
   * The weights: the average of the iterates (averaged SGD) or, without averaging, the current
   * ones (scale · v); rows whose every |weight| ≤ prune are left out.
   */
  averaged(prune = 0): TrainedWeights {
    const avg = this.averaging && this.avgSteps > 0;
    const sc = avg ? this.C / this.avgSteps : this.scale, div = avg ? this.avgSteps : 0;
    const wOf = (k: number): number => (avg ? sc * this.v[k]! - this.u[k]! / div : sc * this.v[k]!);
    const tOf = (k: number): number => (avg ? sc * this.t[k]! - this.tu[k]! / div : sc * this.t[k]!);
    const { hashes, weights } = keptRows(this.index, wOf, prune);
    const trans = new Float32Array(this.t.length);
    for (let k = 0; k < trans.length; k++) trans[k] = tOf(k);
    return { hashes, weights, trans };
  }
}
