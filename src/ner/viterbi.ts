/**
 * First-order Viterbi decoding over label scores with the BIO constraint (labels.ts). Linear in the
 * sentence length: O(n · L²) with L = 9.
 */
import { ALLOWED, N_LABELS } from "./labels.js";

/** The allowed predecessors of each label, ascending: PREV[PREV_FROM[c] … PREV_FROM[c + 1]). */
const PREV_FROM = new Int32Array(N_LABELS + 1);
const PREV: Int32Array = (() => {
  const out: number[] = [];
  for (let c = 0; c < N_LABELS; c++) {
    PREV_FROM[c] = out.length;
    for (let p = 0; p < N_LABELS; p++) if (ALLOWED[p * N_LABELS + c]) out.push(p);
  }
  PREV_FROM[N_LABELS] = out.length;
  return Int32Array.from(out);
})();

/** Buffers reused across calls (decoding is synchronous; every cell read is written first). */
let scratchScore = new Float64Array(0);
let scratchBack = new Int32Array(0);

/**
 * @param emit  n × L emission scores (row-major)
 * @param trans (L + 1) × L transition scores; row L is the sentence start
 * @returns the best label index for each of the n tokens
 */
export function viterbi(emit: Float32Array | Float64Array, n: number, trans: Float32Array | Float64Array, out?: Int32Array): Int32Array {
  const L = N_LABELS;
  const res = out && out.length >= n ? out : new Int32Array(n);
  if (n === 0) return res;
  if (scratchScore.length < n * L) {
    scratchScore = new Float64Array(n * L * 2);
    scratchBack = new Int32Array(n * L * 2);
  }
  const score = scratchScore, back = scratchBack;
  for (let c = 0; c < L; c++) score[c] = ALLOWED[L * L + c] ? emit[c]! + trans[L * L + c]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const base = i * L, prevBase = (i - 1) * L;
    for (let c = 0; c < L; c++) {
      let best = -Infinity, arg = 0;
      for (let q = PREV_FROM[c]!, qe = PREV_FROM[c + 1]!; q < qe; q++) {
        const p = PREV[q]!;
        const s = score[prevBase + p]! + trans[p * L + c]!;
        if (s > best) { best = s; arg = p; }
      }
      score[base + c] = best + emit[base + c]!;
      back[base + c] = arg;
    }
  }
  let best = -Infinity, arg = 0;
  for (let c = 0; c < L; c++) if (score[(n - 1) * L + c]! > best) { best = score[(n - 1) * L + c]!; arg = c; }
  for (let i = n - 1; i >= 0; i--) {
    res[i] = arg;
    arg = back[i * L + arg]!;
  }
  return res;
}
