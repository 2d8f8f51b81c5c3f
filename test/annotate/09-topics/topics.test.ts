import { test } from "node:test";
import assert from "node:assert/strict";
import { topicsAnnotator } from "../../../src/annotate/09-topics/index.js";
import type { Document } from "../../../src/types.js";

const doc = (text: string): Document => ({ id: "t", text, source: { kind: "text", encoding: "utf-8" }, meta: {}, dct: { value: null, origin: "none" }, warnings: [] });
const top = (text: string) => topicsAnnotator.run(doc(text), {})[0]?.label;

test("topics: a match report is sport, a market report economy", () => {
  assert.equal(top("سجل محمد صلاح هدفين في مباراة ليفربول أمام مانشستر يونايتد في الدوري الإنجليزي الممتاز، وقال المدرب إن الفريق قدم أداء رائعاً أمام جماهيره في الملعب."), "sport");
  assert.equal(top("ارتفعت أسعار النفط في الأسواق العالمية وتراجع الدولار أمام اليورو، فيما سجلت البورصة مكاسب في الأسهم مع توقعات بنمو الاقتصاد وانخفاض التضخم والفائدة."), "economy");
  assert.equal(top("أطلقت شركة آبل هاتفها الجديد مع معالج أسرع وكاميرا محسنة وتطبيقات للذكاء الاصطناعي، وأعلنت غوغل تحديثاً لنظام أندرويد يحمي بيانات المستخدمين على الإنترنت."), "technology");
});

test("topics: scores are probabilities, best first, and an empty text has none", () => {
  const got = topicsAnnotator.run(doc("قصفت الطائرات الحربية مواقع في ريف دمشق وقالت المعارضة السورية إن القصف أوقع قتلى."), {});
  assert.ok(got.length >= 1 && got.length <= 3);
  for (let i = 1; i < got.length; i++) assert.ok(got[i - 1]!.score >= got[i]!.score);
  for (const t of got) assert.ok(t.score >= 0.1 && t.score <= 1);
  assert.deepEqual(topicsAnnotator.run(doc(""), {}), []);
});
