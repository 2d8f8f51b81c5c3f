import { test } from "node:test";
import assert from "node:assert/strict";
import { stem } from "../../src/text/stem.js";
import { parseQuery, MAX_TERMS } from "../../src/store/query/parseQuery.js";
import { ftsExpression } from "../../src/store/SqliteStore.js";
import { tsqueryOf, tsvectorLiteral } from "../../src/store/PostgresStore.js";

test("words, phrases, negation and fields", () => {
  const q = parseQuery('وترامب "البيت الأبيض" -إيران entity:"دونالد ترامب" type:per speaker:بومبيو outlet:"BBC Arabic" section:sport date:2018-01..2018-03 event:2017 sort:date');
  assert.deepEqual(q.terms.map((t) => [t.stems, t.phrase, t.negated]), [[["ترامب"], false, false], [["بيت", "ابيض"], true, false], [[stem("إيران")], false, true]]);
  assert.equal(q.entities[0]!.norm, "دونالد ترامب");
  assert.deepEqual(q.types, ["PER"]);
  assert.equal(q.speakers[0]!.raw, "بومبيو");
  assert.deepEqual(q.outlets, ["bbc arabic"]);
  assert.deepEqual(q.date, { from: "2018-01-01", to: "2018-03-31" });
  assert.deepEqual(q.eventDate, { from: "2017-01-01", to: "2017-12-31" });
  assert.equal(q.sort, "date");
  assert.deepEqual(q.warnings, []);
  assert.deepEqual(parseQuery("date:2016-02").date, { from: "2016-02-01", to: "2016-02-29" });
  assert.deepEqual(parseQuery("from:2018-03-05 to:2018-04").date, { from: "2018-03-05", to: "2018-04-30" });
  assert.deepEqual(parseQuery("date:٢٠١٨-٠٣-٠٥").date, { from: "2018-03-05", to: "2018-03-05" });
});

test("hostile queries are read, never thrown: quotes, operators, length, bad fields", () => {
  const cases = ['"البيت', "NEAR(a b)", "a OR b AND NOT c", "* ^ ( ) : \" '", "date:2018-13", "type:XYZ", "sort:up", "\u0000", "ب".repeat(10240), "x ".repeat(5000), "entity:", "-", "«ترامب"];
  for (const c of cases) {
    const q = parseQuery(c);
    assert.ok(q.terms.length <= MAX_TERMS);
    for (const t of q.terms) for (const s of t.stems) assert.match(s, /^[\p{L}\p{N}.,]+$/u, JSON.stringify(c));
    const f = ftsExpression(q);
    for (const part of [f.positive, f.negative]) if (part) assert.match(part, /^("[^"]*"( (AND|OR) "[^"]*")*)$/);
    tsqueryOf(q);
  }
  assert.ok(parseQuery('"البيت').warnings.some((w) => /quotation/.test(w)));
  assert.ok(parseQuery("a OR b").warnings.some((w) => /operator/.test(w)));
  assert.ok(parseQuery("date:2018-13").warnings.length === 1);
});

test("a tsvector literal keeps positions (phrases) and quotes safely", () => {
  assert.equal(tsvectorLiteral("a b a"), "'a':1,3 'b':2");
  assert.equal(tsqueryOf(parseQuery('"البيت الأبيض" -ايران')).positive, "('بيت' <-> 'ابيض')");
});
