import { test } from "node:test";
import assert from "node:assert/strict";
import { CrfTrainer } from "../../src/ner/CrfTrainer.js";
import { ALLOWED, LABEL_INDEX, N_LABELS } from "../../src/ner/labels.js";
import { viterbi } from "../../src/ner/viterbi.js";
import type { TrainingSentence } from "../../src/ner/PerceptronTrainer.js";

const L = N_LABELS, F = 3;

/** The trainer's private state, for the checks below. */
interface Inside {
  v: Float64Array; t: Float64Array; scale: number; rows: Int32Array[]; index: Map<number, number>;
  visit(si: number, eta: number): number;
  sgdStep(si: number): number;
}

function rng(seed: number): () => number {
  let s = seed;
  return () => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return s / 2 ** 32; };
}

function toyData(seed: number, count: number): TrainingSentence[] {
  const r = rng(seed);
  const golds = [[0, 1, 2, 0, 3], [5, 6, 6], [0, 7, 0, 0], [3, 4]];
  return Array.from({ length: count }, (_, k) => {
    const gold = golds[k % golds.length]!;
    return { feats: Uint32Array.from({ length: gold.length * F }, () => 1 + Math.floor(r() * 6)), gold: Int32Array.from(gold) };
  });
}

function randomWeights(tr: Inside, seed: number): void {
  const r = rng(seed);
  for (let k = 0; k < tr.v.length; k++) tr.v[k] = r() - 0.5;
  for (let k = 0; k < tr.t.length; k++) tr.t[k] = r() - 0.5;
}

test("CrfTrainer: −log p(gold) equals the brute-force sum over every BIO-allowed path", () => {
  const data = toyData(7, 2);
  const tr = new CrfTrainer(data, 1, { eta0: 0.1 }) as unknown as Inside;
  randomWeights(tr, 3);
  const s = data[1]!, rows = tr.rows[1]!, n = s.gold.length;
  const em = (i: number, l: number) => { let x = 0; for (let k = i * F; k < (i + 1) * F; k++) x += tr.v[rows[k]! * L + l]!; return x; };
  let Z = 0, gold = 0;
  const y = new Array<number>(n).fill(0);
  const walk = (i: number): void => {
    if (i === n) {
      let sc = 0;
      for (let j = 0; j < n; j++) {
        const p = j ? y[j - 1]! : L;
        if (!ALLOWED[p * L + y[j]!]) return;
        sc += em(j, y[j]!) + tr.t[p * L + y[j]!]!;
      }
      Z += Math.exp(sc);
      if (y.every((c, j) => c === s.gold[j])) gold = sc;
      return;
    }
    for (let c = 0; c < L; c++) { y[i] = c; walk(i + 1); }
  };
  walk(0);
  assert.ok(Math.abs(tr.visit(1, 0) - (Math.log(Z) - gold)) < 1e-9);
});

test("CrfTrainer: the gradient step follows finite differences of −log p", () => {
  const data = toyData(7, 2);
  const tr = new CrfTrainer(data, 1, { eta0: 0.1 }) as unknown as Inside;
  randomWeights(tr, 5);
  let maxErr = 0;
  for (const si of [0, 1]) {
    const v0 = Float64Array.from(tr.v), t0 = Float64Array.from(tr.t), eta = 1e-7, h = 1e-5;
    tr.visit(si, eta);
    const gv = v0.map((x, k) => -(tr.v[k]! - x) / eta), gt = t0.map((x, k) => -(tr.t[k]! - x) / eta);
    tr.v.set(v0); tr.t.set(t0);
    for (const [arr, g] of [[tr.v, gv], [tr.t, gt]] as const) {
      for (let k = 0; k < arr.length; k++) {
        const x = arr[k]!;
        arr[k] = x + h; const a = tr.visit(si, 0);
        arr[k] = x - h; const b = tr.visit(si, 0);
        arr[k] = x;
        maxErr = Math.max(maxErr, Math.abs((a - b) / (2 * h) - g[k]!));
      }
    }
  }
  assert.ok(maxErr < 1e-6, `gradient error ${maxErr}`);
});

test("CrfTrainer: the lazy average equals the mean of the iterates", () => {
  const data = toyData(11, 6);
  const a = new CrfTrainer(data, 1, { c2: 0.5, eta0: 0.1, averageFrom: 2 });
  const b = new CrfTrainer(data, 1, { c2: 0.5, eta0: 0.1 }) as unknown as Inside & Pick<CrfTrainer, "epoch">;
  a.epoch(1); b.epoch(1);
  const sum = new Float64Array(b.v.length), tsum = new Float64Array(b.t.length);
  let T = 0;
  const step = b.sgdStep.bind(b);
  b.sgdStep = (si: number) => {
    const r = step(si);
    for (let k = 0; k < sum.length; k++) sum[k]! += b.scale * b.v[k]!;
    for (let k = 0; k < tsum.length; k++) tsum[k]! += b.scale * b.t[k]!;
    T++;
    return r;
  };
  for (let e = 2; e <= 4; e++) { a.epoch(e); b.epoch(e); }
  const w = a.averaged(0), index = (a as unknown as Inside).index;
  let err = 0;
  w.hashes.forEach((h, j) => { const r = index.get(h)!; for (let l = 0; l < L; l++) err = Math.max(err, Math.abs(w.weights[j * L + l]! - sum[r * L + l]! / T)); });
  for (let k = 0; k < tsum.length; k++) err = Math.max(err, Math.abs(w.trans[k]! - tsum[k]! / T));
  assert.ok(err < 1e-6, `average error ${err}`);
});

test("CrfTrainer: learns a toy tagging that its weights decode back with viterbi", () => {
  // One feature per word: "PER-ish", "ORG-ish" and plain words; the gold tags follow them.
  const words: Record<string, [number, string]> = { ali: [11, "B-PER"], hasan: [12, "I-PER"], bank: [21, "B-ORG"], said: [31, "O"], in: [32, "O"] };
  const sents = [["ali", "hasan", "said"], ["said", "in", "bank"], ["in", "ali", "said"], ["bank", "said", "ali", "hasan"]];
  const data: TrainingSentence[] = sents.map((ws) => ({
    feats: Uint32Array.from(ws.flatMap((w) => [words[w]![0], 99, 100])),
    gold: Int32Array.from(ws.map((w) => LABEL_INDEX.get(words[w]![1])!)),
  }));
  const tr = new CrfTrainer(data, 1, { c2: 0.1 });
  for (let e = 1; e <= 30; e++) tr.epoch(e);
  const w = tr.averaged(0);
  const row = new Map(Array.from(w.hashes, (h, j) => [h, j]));
  for (const s of data) {
    const n = s.gold.length, emit = new Float32Array(n * L);
    for (let i = 0; i < n; i++) for (let k = i * 3; k < i * 3 + 3; k++) {
      const j = row.get(s.feats[k]!);
      if (j !== undefined) for (let l = 0; l < L; l++) emit[i * L + l]! += w.weights[j * L + l]!;
    }
    assert.deepEqual(Array.from(viterbi(emit, n, w.trans)), Array.from(s.gold));
  }
});
