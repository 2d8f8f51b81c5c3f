import { test } from "node:test";
import assert from "node:assert/strict";
import { framingAnnotator } from "../../../src/annotate/07-framing/index.js";
import type { Document, Entity } from "../../../src/types.js";

const doc = (text: string): Document => ({ id: "t", text, source: { kind: "text", encoding: "utf-8" }, meta: {}, dct: { value: null, origin: "none" }, warnings: [] });
const run = (text: string, entities: Entity[] = []) => framingAnnotator.run(doc(text), { entities }).map((f) => [f.text, f.kind]);

test("framing: distancing, delegitimising and hedges from the lexicon", () => {
  assert.deepEqual(run("دول «التحالف الدولي» المزعوم ضد تنظيم داعش"), [["المزعوم", "distancing"]]);
  assert.deepEqual(run("تحالفاً غير شرعي بزعم محاربة الإرهاب"), [["غير شرعي", "delegitimizing"], ["بزعم", "distancing"]]);
  assert.deepEqual(run("تخلي واشنطن عما سماه «جهودها»"), [["ما سماه", "distancing"]]);
  assert.deepEqual(run("وقالت الميليشيات، بحسب مصادر، ونقلاً عن المدعو أحمد"), [["الميليشيات", "delegitimizing"], ["بحسب", "hedge"], ["نقلاً عن", "hedge"], ["المدعو", "distancing"]]);
});

test("framing: labels after a group, النظام with a country's adjective, الاحتلال of a state", () => {
  assert.deepEqual(run("ضد تنظيم داعش الإرهابي الأسبوع المقبل"), [["الإرهابي", "label"]]);
  assert.deepEqual(run("وكان النظام التركي من أشد المرحبين"), [["النظام التركي", "label"]]);
  assert.deepEqual(run("وانتقد الاحتلال التركي لعفرين"), [["الاحتلال التركي", "delegitimizing"]]);
  // "العمل الإرهابي" describes an act, not a group: no label without a group before it.
  assert.deepEqual(run("أدان العمل الإرهابي في المدينة"), []);
  // With an entity before it, the adjective labels the group.
  const text = "هاجمت داعش الإرهابية المدينة";
  const e: Entity = { id: "e1", type: "ORG", name: "داعش", mentions: [{ start: 6, end: 10, text: "داعش" }] };
  assert.deepEqual(run(text, [e]), [["الإرهابية", "label"]]);
  assert.deepEqual(run("وقال إن النظام الجديد"), []);
});

test("framing: فحسب is not the hedge حسب; spans are slices of the text", () => {
  const text = "ليس هذا فحسب، بل ما يسمى «الخطة»";
  const got = framingAnnotator.run(doc(text), {});
  for (const f of got) assert.equal(text.slice(f.start, f.end), f.text);
  assert.deepEqual(got.map((f) => f.text), ["ما يسمى"]);
});
