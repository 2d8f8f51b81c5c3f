/**
 * FacetColumns keeps each article's outlet, section, date and entity keys in flat columns with every
 * string stored once; a row read back must be the row that was kept, whatever was added since.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { FacetColumns, type FacetRow } from "../../src/store/FacetColumns.js";

const names = (c: FacetColumns, r: FacetRow | undefined) => (r?.keys ? Array.from(r.keys, (id) => c.keyName(id)) : r?.keys);

test("a kept article reads back as written, its entity keys shared with other articles", () => {
  const c = new FacetColumns(100);
  assert.ok(c.add(7, { outlet: "BBC Arabic", section: "سياسة", dct: "2019-01-31", ek: '["Q22686","Q30","loc:واشنطن"]' }));
  assert.ok(c.add(3, { outlet: "BBC Arabic", section: null, dct: null, ek: '["Q30"]' }));
  assert.ok(c.add(9, { outlet: null, section: null, dct: "2019-02-01", ek: null }));
  assert.deepEqual({ ...c.row(7), keys: names(c, c.row(7)) }, { outlet: "BBC Arabic", section: "سياسة", dct: "2019-01-31", keys: ["Q22686", "Q30", "loc:واشنطن"] });
  assert.deepEqual(names(c, c.row(3)), ["Q30"]);
  assert.equal(c.row(3)!.keys![0], c.row(7)!.keys![1], "one id for Q30 in both articles");
  assert.equal(c.row(9)!.keys, null, "no entity_keys value: counted in SQL");
  assert.equal(c.row(8), undefined);
  assert.equal(c.size, 3);
  assert.equal(c.keyCount, 3);
});

test("rows handed out stay right while thousands more are added, and makeRoom empties only when a bound is near", () => {
  const c = new FacetColumns(5000);
  c.add(1, { outlet: "الجزيرة", section: "اقتصاد", dct: "2020-05-01", ek: '["Q1","Q2"]' });
  const first = c.row(1)!;
  for (let doc = 2; doc < 4000; doc++) c.add(doc, { outlet: `o${doc % 7}`, section: null, dct: null, ek: JSON.stringify([`Q${doc}`, `Q${doc + 1}`, "Q1"]) });
  assert.deepEqual(names(c, first), ["Q1", "Q2"], "the pool grew under the first row's view");
  assert.deepEqual(names(c, c.row(3999)), ["Q3999", "Q4000", "Q1"]);
  c.makeRoom(1000);
  assert.equal(c.size, 3999, "room for 1,000 more: nothing emptied");
  c.makeRoom(1002);
  assert.equal(c.size, 0);
  assert.equal(c.row(1), undefined);
  assert.equal(c.keyCount, 0);
});

test("an article numbered out of range is not kept; its fields are given without keeping them", () => {
  const c = new FacetColumns(10);
  const f = { outlet: "x", section: "y", dct: "2021-01-01", ek: '["Q5"]' };
  assert.equal(c.add(2 ** 40, f), false);
  assert.equal(c.add(-1, f), false);
  assert.equal(c.size, 0);
  const t = c.transient(f);
  assert.deepEqual({ ...t, keys: names(c, t) }, { outlet: "x", section: "y", dct: "2021-01-01", keys: ["Q5"] });
});
