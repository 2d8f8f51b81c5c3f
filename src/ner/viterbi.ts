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
 * Whether ALLOWED is plain BIO over nine labels (O, then B-/I- per type): every label may follow O
 * and B-; I-X only B-X and I-X. `viterbiBio` is written for exactly that.
 */
const BIO9 = N_LABELS === 9 && (() => {
  for (let c = 0; c < 9; c++) {
    const want = c === 0 || c % 2 === 1 ? [0, 1, 2, 3, 4, 5, 6, 7, 8] : [c - 1, c];
    const got = Array.from(PREV.subarray(PREV_FROM[c]!, PREV_FROM[c + 1]!));
    if (got.join() !== want.join()) return false;
  }
  return true;
})();

/**
 * @param emit  n × L emission scores (row-major; row i at i·stride + offset)
 * @param trans (L + 1) × L transition scores; row L is the sentence start
 * @returns the best label index for each of the n tokens
 */
export function viterbi(emit: Float32Array | Float64Array, n: number, trans: Float32Array | Float64Array, out?: Int32Array, stride: number = N_LABELS, offset = 0): Int32Array {
  if (BIO9) return viterbiBio(emit, n, trans, out, stride, offset);
  const L = N_LABELS;
  const res = out && out.length >= n ? out : new Int32Array(n);
  if (n === 0) return res;
  if (scratchScore.length < n * L) {
    scratchScore = new Float64Array(n * L * 2);
    scratchBack = new Int32Array(n * L * 2);
  }
  const score = scratchScore, back = scratchBack;
  for (let c = 0; c < L; c++) score[c] = ALLOWED[L * L + c] ? emit[offset + c]! + trans[L * L + c]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const base = i * L, prevBase = (i - 1) * L, e = i * stride + offset;
    for (let c = 0; c < L; c++) {
      let best = -Infinity, arg = 0;
      for (let q = PREV_FROM[c]!, qe = PREV_FROM[c + 1]!; q < qe; q++) {
        const p = PREV[q]!;
        const s = score[prevBase + p]! + trans[p * L + c]!;
        if (s > best) { best = s; arg = p; }
      }
      score[base + c] = best + emit[e + c]!;
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

/** Scratch for `viterbiBio`: the previous and current scores of the nine labels. */
const prevScore = new Float64Array(9), curScore = new Float64Array(9);
const transCol = new Float64Array(81);

/**
 * `viterbi` for the nine BIO labels, with the same arithmetic and the same choices (the first of
 * equal predecessors in ascending order, as the strict comparison from −∞ there keeps it): the
 * predecessors of O and B- are all nine labels, of I-X only B-X and I-X, so the nine labels'
 * maxima are written out, and only two rows of scores are kept.
 */
function viterbiBio(emit: Float32Array | Float64Array, n: number, trans: Float32Array | Float64Array, out: Int32Array | undefined, stride: number, offset: number): Int32Array {
  const res = out && out.length >= n ? out : new Int32Array(n);
  if (n === 0) return res;
  // Only the back-pointers are kept for every token (the scores, two rows at a time).
  if (scratchBack.length < n * 9) scratchBack = new Int32Array(n * 9 * 2);
  const back = scratchBack;
  let prev = prevScore, cur = curScore;
  // transCol[c·9 + p] = trans[p·9 + c]: each label's column, read in a row.
  const T = transCol;
  for (let p = 0; p < 9; p++) for (let c = 0; c < 9; c++) T[c * 9 + p] = trans[p * 9 + c]!;
  for (let c = 0; c < 9; c++) prev[c] = ALLOWED[81 + c] ? emit[offset + c]! + trans[81 + c]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const e = i * stride + offset, b = i * 9;
    const s0 = prev[0]!, s1 = prev[1]!, s2 = prev[2]!, s3 = prev[3]!, s4 = prev[4]!, s5 = prev[5]!, s6 = prev[6]!, s7 = prev[7]!, s8 = prev[8]!;
    // O and B-: all nine predecessors.
    for (let c = 0; c < 9; c += c === 0 ? 1 : 2) {
      const t = c * 9;
      let best = -Infinity, arg = 0, x: number;
      x = s0 + T[t]!; if (x > best) { best = x; arg = 0; }
      x = s1 + T[t + 1]!; if (x > best) { best = x; arg = 1; }
      x = s2 + T[t + 2]!; if (x > best) { best = x; arg = 2; }
      x = s3 + T[t + 3]!; if (x > best) { best = x; arg = 3; }
      x = s4 + T[t + 4]!; if (x > best) { best = x; arg = 4; }
      x = s5 + T[t + 5]!; if (x > best) { best = x; arg = 5; }
      x = s6 + T[t + 6]!; if (x > best) { best = x; arg = 6; }
      x = s7 + T[t + 7]!; if (x > best) { best = x; arg = 7; }
      x = s8 + T[t + 8]!; if (x > best) { best = x; arg = 8; }
      cur[c] = best + emit[e + c]!;
      back[b + c] = arg;
    }
    // I-X: after B-X (c − 1) or I-X (c).
    for (let c = 2; c < 9; c += 2) {
      const t = c * 9;
      let best = -Infinity, arg = 0, x: number;
      x = prev[c - 1]! + T[t + c - 1]!; if (x > best) { best = x; arg = c - 1; }
      x = prev[c]! + T[t + c]!; if (x > best) { best = x; arg = c; }
      cur[c] = best + emit[e + c]!;
      back[b + c] = arg;
    }
    const sw = prev; prev = cur; cur = sw;
  }
  let best = -Infinity, arg = 0;
  for (let c = 0; c < 9; c++) if (prev[c]! > best) { best = prev[c]!; arg = c; }
  for (let i = n - 1; i >= 0; i--) {
    res[i] = arg;
    arg = back[i * 9 + arg]!;
  }
  return res;
}
