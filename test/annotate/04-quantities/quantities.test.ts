import { test } from "node:test";
import assert from "node:assert/strict";
import { quantitiesAnnotator } from "../../../src/annotate/04-quantities/index.js";
import type { Document, Quantity } from "../../../src/types.js";

const doc = (text: string): Document => ({ id: "t", text, source: { kind: "text", encoding: "utf-8" }, meta: {}, dct: { value: "2019-01-31", origin: "given" }, warnings: [] });
const run = (text: string, before = {}): Quantity[] => quantitiesAnnotator.run(doc(text), before);

test("quantities: counted nouns, percents, currencies and units", () => {
  const got = run("المؤلف من 79 دولة، وارتفع السعر 3.5% وبلغ 1,200 دولار و٣٫٥ مليون ليرة سورية، وقتل تسعة وسبعين شخصا و15 في المئة و20 كيلومترا مربعا");
  const by = (t: string) => got.find((q) => q.text === t);
  assert.deepEqual(by("79 دولة") && { v: by("79 دولة")!.value, o: by("79 دولة")!.object }, { v: 79, o: "دولة" });
  assert.equal(by("3.5%")!.unit, "percent");
  assert.equal(by("1,200 دولار")!.value, 1200);
  assert.equal(by("1,200 دولار")!.unit, "USD");
  assert.equal(by("٣٫٥ مليون ليرة سورية")!.value, 3500000);
  assert.equal(by("٣٫٥ مليون ليرة سورية")!.unit, "SYP");
  assert.equal(by("تسعة وسبعين شخصا")!.value, 79);
  assert.equal(by("15 في المئة")!.unit, "percent");
  assert.equal(by("20 كيلومترا مربعا")!.unit, "km2");
  const text = "المؤلف من 79 دولة";
  for (const q of run(text)) assert.equal(text.slice(q.start, q.end), q.text);
});

test("quantities: vague counts keep their object, the proclitic stays outside", () => {
  const got = run("وتسببت بعشرات المجازر وعشرات الآلاف من المتظاهرين");
  assert.equal(got[0]!.text, "عشرات المجازر");
  assert.equal(got[0]!.vague, true);
  assert.equal(got[0]!.object, "مجازر");
  assert.equal(got[1]!.value, 10000);
  assert.equal(got[1]!.object, "متظاهرين");
});

test("quantities: dates, years, clock times and ordinals are not counts", () => {
  const got = run("في 19 كانون الأول 2018 وفي عام 2014 الساعة 10:30 والمرة الثالثة في 6 الشهر القادم");
  assert.deepEqual(got, []);
});

test("quantities: a number inside a time span of 03-time is left to it", () => {
  const text = "بعد 5 أسابيع و5 جنود";
  const times = [{ start: 4, end: 13, text: "5 أسابيع", type: "DURATION" as const, value: "P5W" }];
  assert.deepEqual(run(text, { times }).map((q) => q.text), ["5 جنود"]);
});

test("quantities: a 1 MB line of digits and number words is read through (timed in npm run bench)", () => {
  const text = "وتسعة وسبعين 12 مليون ".repeat(50000);
  const got = run(text);
  assert.ok(got.length > 10000);
});
