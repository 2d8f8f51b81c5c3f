import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { normalize, normalizeWithMap, spanFromNormalized, unitFold, UNIT_DROPPED, UNIT_SPECIAL } from "../../src/text/normalize.js";

test("hamza forms, alef maqsura, ta marbuta, diacritics and tatweel fold to one form", () => {
  const cases: Array<[string, string]> = [
    ["أحمد", "احمد"],
    ["إسرائيل", "اسرائيل"],
    ["آذار", "اذار"],
    ["مستشفى", "مستشفي"],
    ["سورية", "سوريه"],
    ["ترامـــب", "ترامب"],
    ["مُصمَّمة", "مصممه"],
    ["ﻻ", "لا"],
    ["ی ک", "ي ك"],
    ["٢٠١٩/١/٣١", "2019/1/31"],
    ["۲۰۱۹", "2019"],
    ["a\u00A0b", "a b"],
    ["و\u200Cب\u200F", "وب"],
    ["Trump", "trump"],
  ];
  for (const [input, want] of cases) assert.equal(normalize(input), want, input);
});

test("a match in the normalised text maps back to the original characters", () => {
  const original = "وأكدَ مُديرُ الاستخباراتِ، دانيال كوتس، أنّ";
  const n = normalizeWithMap(original);
  const at = n.text.indexOf("دانيال كوتس");
  const span = spanFromNormalized(n, at, at + "دانيال كوتس".length);
  assert.equal(span.text, "دانيال كوتس");
  assert.equal(original.slice(span.start, span.end), span.text);
  const w = n.text.indexOf("مدير");
  assert.equal(spanFromNormalized(n, w, w + 4).text, "مُديرُ");
});

test("presentation forms expand and still map back", () => {
  const original = "ﻻ ﺗﻮﺟﺪ";
  const n = normalizeWithMap(original);
  assert.equal(n.text, "لا توجد");
  assert.equal(spanFromNormalized(n, 0, 2).text, "ﻻ");
});

const mixed = fc.array(
  fc.constantFrom(..."ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىة", "\u064B", "\u064E", "\u0651", "\u0670", "\u0640", "ﻻ", "ﷲ", "ﺗ", "٣", "۴", "7", "a", "Z", " ", "\u00A0", "\u200C", "\u200F", "😀", "\n", "«", "»", "\u0000", "\u202B"),
  { maxLength: 60 },
).map((xs) => xs.join(""));

test("property: the offset map is monotone and every normalised range maps to a valid original slice", () => {
  fc.assert(
    fc.property(mixed, fc.nat(), fc.nat(), (s, a, b) => {
      const n = normalizeWithMap(s);
      assert.equal(n.map.length, n.text.length + 1);
      for (let i = 1; i < n.map.length; i++) assert.ok(n.map[i]! >= n.map[i - 1]!);
      assert.equal(n.map[n.text.length], s.length);
      if (!n.text.length) return;
      const i = a % n.text.length;
      const j = i + 1 + (b % (n.text.length - i));
      const span = spanFromNormalized(n, i, j);
      assert.ok(span.start >= 0 && span.end <= s.length && span.start < span.end);
      assert.equal(s.slice(span.start, span.end), span.text);
      // What the range covers, normalised again, contains what was matched.
      assert.ok(normalize(span.text).includes(n.text.slice(i, j)) || /[\uFB50-\uFEFF]/.test(span.text));
    }),
    { numRuns: 500 },
  );
});

test("unitFold says what normalize does with each unit alone (what a raw-text scan relies on)", () => {
  let special = 0;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      assert.equal(unitFold(c), c);
      continue;
    }
    const f = unitFold(c);
    const n = normalize(String.fromCharCode(c));
    if (f === UNIT_SPECIAL) special++;
    else assert.equal(n, f === UNIT_DROPPED ? "" : String.fromCharCode(f), `U+${c.toString(16)}`);
  }
  // The presentation forms and nothing much else.
  assert.ok(special > 800 && special < 1000, `${special} special units`);
});
