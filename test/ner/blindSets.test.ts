import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { evalNer } from "../../src/eval/ner.js";

// The seven hand-annotated sets of 2018 news (test/data/ner/README.md), scored by the committed
// tagger. Their first scores were 80.37, 82.44, 80.76, 78.70, 79.71, 79.46 and 84.52 (pooled
// 80.92); all seven with the code of the seventh's first score, 82.34. A change to the tagger or
// its resources that loses two points here has lost them on the news rasd reads. The floors are
// not targets.
const sets = ["blind.conll", "blind2.conll", "blind3.conll", "blind4.conll", "blind5.conll", "blind6.conll", "blind7.conll"].map((f) => readFileSync(new URL(`../data/ner/${f}`, import.meta.url), "utf8"));

test("entity sets: the tagger keeps its F1 on news it was never tuned on", () => {
  const { scores } = evalNer(sets.join("\n"));
  assert.equal(scores.overall.gold, 3294);
  const f1 = (x: { f1: number }) => Math.round(x.f1 * 1000) / 10;
  assert.ok(f1(scores.overall) >= 80, `overall F1 ${f1(scores.overall)}`);
  assert.ok(f1(scores.byType.LOC!) >= 89, `LOC F1 ${f1(scores.byType.LOC!)}`);
  assert.ok(f1(scores.byType.PER!) >= 84, `PER F1 ${f1(scores.byType.PER!)}`);
  assert.ok(f1(scores.byType.ORG!) >= 67, `ORG F1 ${f1(scores.byType.ORG!)}`);
  assert.ok(scores.overall.precision >= 0.86, `precision ${scores.overall.precision}`);
});
