import { test } from "node:test";
import assert from "node:assert/strict";
import { parseNumberWords } from "../../src/text/numberWords.js";
import { normalize } from "../../src/text/normalize.js";

const read = (s: string) => parseNumberWords(s.split(" ").map((w) => normalize(w)), 0);

test("number words: cardinals joined with و and scales", () => {
  const cases: Array<[string, number, number]> = [
    ["تسعة وسبعين دولة", 79, 2],
    ["ثلاثة آلاف جندي", 3000, 2],
    ["مليون ونصف", 1500000, 2],
    ["خمسمئة وعشرين", 520, 2],
    ["ثلاث مئة", 300, 2],
    ["ألفين وخمسة", 2005, 2],
    ["أحد عشر لاعبا", 11, 2],
    ["خمسة ملايين وثلاثمئة ألف", 5300000, 4],
    ["سبعة عشر ألفا", 17000, 3],
    ["مائتي", 200, 1],
    ["وثلاثة", 3, 1],
  ];
  for (const [s, value, length] of cases) {
    const m = read(s);
    assert.ok(m, s);
    assert.equal(m.value, value, s);
    assert.equal(m.length, length, s);
    assert.equal(m.vague, false, s);
  }
});

test("number words: vague counts and ordinals are flagged", () => {
  assert.deepEqual(read("عشرات الرسائل"), { value: 10, length: 1, vague: true, ordinal: false, cut: 0 });
  assert.equal(read("مئات الآلاف")!.value, 100000);
  assert.equal(read("بعشرات")!.cut, 1);
  assert.deepEqual(read("الثالث"), { value: 3, length: 1, vague: false, ordinal: true, cut: 0 });
});

test("number words: ordinary words are not numbers", () => {
  for (const s of ["الرئيس", "وزير", "ثلث", "ستار", "أحد الأشخاص"]) assert.equal(read(s), null, s);
});
