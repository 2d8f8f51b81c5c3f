import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { evalTimes, goldSpans, readTimeTestSet } from "../../src/eval/times.js";
import { emptyCounts, figures, scoreSpans } from "../../src/eval/scoreSpans.js";

const SET = new URL("../data/times/times.jsonl", import.meta.url);

test("scoreSpans: exact, overlapping and spurious spans; value accuracy over the matches", () => {
  const c = emptyCounts();
  const gold = [{ start: 0, end: 5, value: "2019" }, { start: 10, end: 20, value: "P5W" }, { start: 30, end: 35, value: "2018-12" }];
  const pred = [{ start: 0, end: 5, value: "2019" }, { start: 12, end: 20, value: "P4W" }, { start: 40, end: 45, value: "X" }];
  const { spurious } = scoreSpans(gold, pred, c);
  const f = figures(c);
  assert.equal(c.exact, 1);
  assert.equal(c.overlap, 2);
  assert.equal(spurious.length, 1);
  assert.equal(f.valueAccuracy, 0.5);
  assert.equal(f.overlap.p, 2 / 3);
  assert.equal(f.overlap.r, 2 / 3);
});

test("times test set: at least 400 expressions, each located in its text, with DCT and negatives", () => {
  const items = readTimeTestSet(readFileSync(SET, "utf8"));
  const n = items.reduce((a, i) => a + goldSpans(i).length, 0);
  assert.ok(n >= 400, `${n}`);
  assert.ok(items.every((i) => /^\d{4}-\d{2}-\d{2}$/.test(i.dct ?? "")));
  assert.ok(items.filter((i) => i.expected.length === 0).length >= 10);
  assert.ok(items.some((i) => i.split === "heldout") && items.some((i) => i.split === "dev"));
});

test("times: the annotator meets the targets on the committed set (overlap F1 ≥ 0.93, value accuracy ≥ 0.92)", () => {
  const r = evalTimes(readTimeTestSet(readFileSync(SET, "utf8")));
  const all = r.bySplit.all!;
  assert.ok(all.overlap.f1 >= 0.93, JSON.stringify(all));
  assert.ok(all.valueAccuracy >= 0.92, JSON.stringify(all));
});
