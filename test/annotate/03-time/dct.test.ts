import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dctAnnotator, timeAnnotator } from "../../../src/annotate/03-time/index.js";
import type { Document, Dct } from "../../../src/types.js";

const SHARED = fileURLToPath(new URL("../../../../shared/", import.meta.url));
const doc = (text: string, dct: Dct = { value: null, origin: "none" }): Document => ({
  id: "t", text, source: { kind: "text", encoding: "utf-8" }, meta: {}, dct, warnings: [],
});

test("dct: --dct and page metadata win over the text", () => {
  const text = "وفي 10 كانون الثاني الجاري قال";
  assert.deepEqual(dctAnnotator.run(doc(text, { value: "2020-05-05", origin: "given" }), {}), { value: "2020-05-05", origin: "given" });
  assert.deepEqual(dctAnnotator.run(doc(text, { value: "2020-05-05", origin: "metadata" }), {}), { value: "2020-05-05", origin: "metadata" });
});

test("dct: inferred from a month called الجاري, past dates and explicit years", () => {
  const text = "وفي تموز 2018 عقد اجتماع. وفي 19 كانون الأول الماضي أعلن ترامب. وشدد بومبيو يوم 10 كانون الثاني الجاري على ذلك.";
  const d = dctAnnotator.run(doc(text), {});
  assert.equal(d.origin, "inferred");
  assert.ok(d.range![0] >= "2019-01-10" && d.range![1] <= "2019-01-31", JSON.stringify(d));
  assert.ok(d.value! >= d.range![0] && d.value! <= d.range![1]);
  // Relative expressions are resolved with the inferred date.
  const times = timeAnnotator.run(doc(text), { dct: d });
  assert.equal(times.find((t) => t.text === "19 كانون الأول الماضي")!.value, "2018-12-19");
});

test("dct: 'أمس' beside a date pins the day", () => {
  const d = dctAnnotator.run(doc("وأعلن الوزير أمس الأربعاء 30 يناير 2019 عن خطته."), {});
  assert.equal(d.origin, "inferred");
  assert.equal(d.value, "2019-01-31");
  assert.deepEqual(d.range, ["2019-01-31", "2019-01-31"]);
});

test("dct: a weekday paired with a date places the article near it", () => {
  const d = dctAnnotator.run(doc("استضاف البرنامج الأربعاء 18 جانفي 2017 أبطال الفيلم."), {});
  assert.equal(d.origin, "inferred");
  assert.ok(d.range![0] <= "2017-01-18" && d.range![1] >= "2017-01-18" && d.range![1] <= "2017-01-31", JSON.stringify(d));
});

test("dct: nothing constrains it → none, and relative values stay unresolved", () => {
  const text = "وقال الوزير أمس إن الاجتماع سيعقد الأسبوع المقبل في 2014 كما في كل عام.";
  const d = dctAnnotator.run(doc(text), {});
  assert.deepEqual(d, { value: null, origin: "none" });
  const t = timeAnnotator.run(doc(text), { dct: d });
  assert.equal(t.find((x) => x.text === "أمس")!.value, "XXXX-XX-XX");
});

test("dct: the seed article is dated late January 2019", { skip: existsSync(SHARED) ? false : "needs ../shared" }, () => {
  const text = readFileSync(SHARED + "seed/article.txt", "utf8");
  const d = dctAnnotator.run(doc(text), {});
  assert.equal(d.origin, "inferred");
  assert.ok(d.range![0] >= "2019-01-10" && d.range![1] <= "2019-02-05" && d.range![0] <= "2019-01-31" && d.range![1] >= "2019-01-31", JSON.stringify(d));
});
