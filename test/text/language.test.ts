import { test } from "node:test";
import assert from "node:assert/strict";
import { detectLanguage } from "../../src/text/language.js";

test("Arabic, Persian, Urdu, English and no letters at all", () => {
  const cases: Array<[string, string]> = [
    ["أعلنت وزارة الخارجية الأميركية أن لقاء سيجمع وزراء خارجية دول التحالف الأسبوع المقبل في واشنطن.", "ar"],
    ["وقال پوتين إن گازپروم ستواصل تصدير الغاز إلى أوروبا عبر الأنابيب القائمة في السنوات المقبلة.", "ar"],
    ["وزارت امور خارجه ایران روز دوشنبه اعلام کرد که هیئتی برای گفتگو درباره همکاری‌های اقتصادی به مسکو می‌رود.", "fa"],
    ["پاکستان کے وزیر خارجہ نے کہا ہے کہ دونوں ممالک کے درمیان تجارت بڑھانے کے لیے بات چیت جاری رہے گی۔", "ur"],
    ["The foreign ministry said on Monday that a delegation would visit Moscow next week.", "en"],
    ["Trump: «القضاء على دولة الخلافة بات وشيكاً» — tweet", "ar"],
    ["2019-01-31 12:00 — 79 / 2014", "und"],
    ["Россия и Сирия подписали соглашение о сотрудничестве.", "und"],
  ];
  for (const [text, want] of cases) assert.equal(detectLanguage(text), want, text);
});
