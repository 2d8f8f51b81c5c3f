import { test } from "node:test";
import assert from "node:assert/strict";
import { chunks, evaluateEntities } from "../../src/ner/evaluateEntities.js";

test("chunks: conlleval semantics (an I- after O or another type starts a chunk)", () => {
  assert.deepEqual(chunks(["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG"]), [
    { start: 0, end: 2, type: "PER" },
    { start: 3, end: 5, type: "LOC" },
    { start: 5, end: 6, type: "LOC" },
    { start: 6, end: 7, type: "ORG" },
  ]);
});

test("evaluateEntities: exact match only, overall and per type", () => {
  const gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "I-ORG", "O"]];
  const pred = [["B-PER", "O", "O", "B-LOC"], ["B-ORG", "I-ORG", "B-MISC"]];
  const s = evaluateEntities(gold, pred);
  assert.equal(s.overall.gold, 3);
  assert.equal(s.overall.predicted, 4);
  assert.equal(s.overall.correct, 2);
  assert.equal(s.byType.PER!.correct, 0);
  assert.equal(s.byType.LOC!.f1, 1);
  assert.equal(s.byType.MISC!.precision, 0);
  assert.ok(Math.abs(s.overall.f1 - (2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3)) < 1e-9);
});
