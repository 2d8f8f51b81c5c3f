import { test } from "node:test";
import assert from "node:assert/strict";
import { foldDates } from "../../web/src/foldDates.js";

test("a short span stays in days, with the empty days filled", () => {
  assert.deepEqual(foldDates([{ date: "2019-01-31", count: 2 }, { date: "2019-01-29", count: 1 }]), [
    { date: "2019-01-29", count: 1 },
    { date: "2019-01-30", count: 0 },
    { date: "2019-01-31", count: 2 },
  ]);
});

test("a long span folds into months on an even axis; counts are kept", () => {
  const out = foldDates([{ date: "2018-02-10", count: 1 }, { date: "2018-02-20", count: 3 }, { date: "2019-01-31", count: 2 }]);
  assert.equal(out.length, 12);
  assert.deepEqual(out[0], { date: "2018-02", count: 4 });
  assert.deepEqual(out[11], { date: "2019-01", count: 2 });
  assert.equal(out.reduce((n, b) => n + b.count, 0), 6);
  assert.ok(out.slice(1, 11).every((b) => b.count === 0));
});

test("month buckets from the store and junk dates", () => {
  assert.deepEqual(foldDates([{ date: "2018-03", count: 5 }, { date: "", count: 9 }, { date: "2018-01", count: 1 }]).map((b) => b.count), [1, 0, 5]);
  assert.deepEqual(foldDates([]), []);
});
