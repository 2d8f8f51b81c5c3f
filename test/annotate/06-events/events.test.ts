import { test } from "node:test";
import assert from "node:assert/strict";
import { eventsAnnotator } from "../../../src/annotate/06-events/index.js";
import { readCameoLexicon } from "../../../src/annotate/06-events/cameoLexicon.js";
import type { Document, Entity, EventRecord, TimeExpr } from "../../../src/types.js";

const doc = (text: string): Document => ({ id: "t", text, source: { kind: "text", encoding: "utf-8" }, meta: {}, dct: { value: null, origin: "none" }, warnings: [] });

/** Entities for a test sentence: each [id, type, surface] marks every occurrence of the surface. */
function ents(text: string, specs: Array<[string, Entity["type"], string]>): Entity[] {
  return specs.map(([id, type, s]) => {
    const mentions = [];
    for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + s.length)) mentions.push({ start: i, end: i + s.length, text: s });
    return { id, type, name: s, mentions };
  });
}
const run = (text: string, specs: Array<[string, Entity["type"], string]>, times: TimeExpr[] = []): EventRecord[] =>
  eventsAnnotator.run(doc(text), { entities: ents(text, specs), times });

test("events: a verb-first clause takes the subject after the verb, the place after a preposition, the sentence's time", () => {
  const text = "وفي 19 كانون الأول الماضي، أعلن ترامب قرار سحب سريع لقوات بلاده من سورية.";
  const t0 = text.indexOf("19");
  const times: TimeExpr[] = [{ start: t0, end: t0 + 21, text: text.slice(t0, t0 + 21), type: "DATE", value: "2018-12-19" }];
  const got = run(text, [["trump", "PER", "ترامب"], ["syria", "LOC", "سورية"]], times);
  const withdraw = got.find((e) => e.cameo.startsWith("08"))!;
  assert.equal(withdraw.trigger.text, "سحب");
  assert.equal(withdraw.actor, "trump");
  assert.equal(withdraw.where, "syria");
  assert.equal(withdraw.when, 0);
});

test("events: a verbal noun's actor is its genitive; a relative clause's actor is the main subject", () => {
  const a = run("استهدفت معظم غارات هذا التحالف السكان المدنيين.", [["coal", "ORG", "التحالف"]]);
  assert.equal(a.find((e) => e.cameo.startsWith("19"))!.actor, "coal");
  const b = run("وأرسلت دمشق عشرات الرسائل التي طالبت فيها المنظمة الأممية بحل هذا التحالف.", [["dam", "LOC", "دمشق"], ["un", "ORG", "المنظمة الأممية"]]);
  const demand = b.find((e) => e.cameo.startsWith("10"))!;
  assert.equal(demand.actor, "dam");
  assert.equal(demand.target, "un");
});

test("events: a host, a threat after a pronoun, an object pronoun on the verb", () => {
  assert.equal(run("ويستضيف بومبيو في 6 الشهر القادم اجتماعاً للتحالف.", [["pompeo", "PER", "بومبيو"]]).find((e) => e.cameo.startsWith("04"))!.actor, "pompeo");
  const threat = run("وكانت تركيا من أشد المرحبين بالقرار، وهي تهدد منذ أشهر بشن عملية في سورية.", [["tr", "LOC", "تركيا"], ["sy", "LOC", "سورية"]]).find((e) => e.cameo.startsWith("13"))!;
  assert.equal(threat.actor, "tr");
  assert.equal(threat.where, "sy");
  const kidnap = run("رهينة فرنسي اختطفته ميليشيات الحوثي في الحديدة.", [["hou", "ORG", "ميليشيات الحوثي"]]).find((e) => e.cameo.startsWith("18"))!;
  assert.equal(kidnap.trigger.text, "اختطفته");
  assert.equal(kidnap.actor, "hou");
});

test("events: no events in a quiet sentence; a word inside a name is not a trigger", () => {
  assert.deepEqual(run("العباية التقليدية تشهد تغيراً متماشياً مع الموضة.", []), []);
  assert.deepEqual(run("تقارير مكتب التحقيقات الفدرالي", [["fbi", "ORG", "مكتب التحقيقات الفدرالي"]]), []);
});

test("events: the lexicon covers all twenty CAMEO roots and every entry has a source note", () => {
  const lines = readCameoLexicon();
  const roots = new Set(lines.map((l) => l.code.slice(0, 2)));
  for (let r = 1; r <= 20; r++) assert.ok(roots.has(String(r).padStart(2, "0")), `root ${r}`);
  for (const l of lines) {
    assert.ok(/^\d{3,4}$/.test(l.code), l.code);
    assert.ok(l.note.startsWith("CAMEO"), `${l.code} has no source note`);
  }
});
