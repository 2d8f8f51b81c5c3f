import { test } from "node:test";
import assert from "node:assert/strict";
import { viterbi } from "../../src/ner/viterbi.js";
import { LABELS, LABEL_INDEX, N_LABELS, repairTags } from "../../src/ner/labels.js";

const L = N_LABELS;
const emitFor = (rows: Array<Record<string, number>>) => {
  const e = new Float32Array(rows.length * L);
  rows.forEach((r, i) => { for (const [k, v] of Object.entries(r)) e[i * L + LABEL_INDEX.get(k)!] = v; });
  return e;
};

test("viterbi: never an I- tag after O or another type, even when the token alone prefers it", () => {
  const trans = new Float32Array((L + 1) * L);
  const got = viterbi(emitFor([{ O: 10 }, { "I-PER": 5, "B-PER": 1 }, { "I-PER": 3 }]), 3, trans);
  const tags = Array.from(got, (i) => LABELS[i]);
  assert.deepEqual(tags, ["O", "B-PER", "I-PER"]);
  const first = Array.from(viterbi(emitFor([{ "I-LOC": 9 }]), 1, trans), (i) => LABELS[i]);
  assert.notEqual(first[0], "I-LOC");
});

test("viterbi: linear on a long input", () => {
  const n = 20000;
  const e = new Float32Array(n * L);
  for (let i = 0; i < n; i++) e[i * L + (i % L)] = 1;
  const got = viterbi(e, n, new Float32Array((L + 1) * L));
  assert.equal(got.length, n);
});

test("repairTags: orphan I- tags read as B- (conlleval), PERS spelled PER", () => {
  assert.deepEqual(repairTags(["O", "I-LOC", "B-PERS", "I-PERS", "I-ORG"]).map((i) => LABELS[i]), ["O", "B-LOC", "B-PER", "I-PER", "B-ORG"]);
});
