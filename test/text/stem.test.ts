import { test } from "node:test";
import assert from "node:assert/strict";
import { stem, stemTokens } from "../../src/text/stem.js";

test("clitics and the article are stripped; the query and the index agree", () => {
  const cases: Array<[string[], string]> = [
    [["ترامب", "وترامب", "لترامب", "بترامب", "فترامب", "وبترامب"], "ترامب"],
    [["الانسحاب", "انسحاب", "والانسحاب", "بالانسحاب", "للانسحاب"], "انسحاب"],
    [["وزير", "الوزير", "والوزير", "للوزير", "بالوزير"], stem("وزير")],
    [["لبنان", "للبنان", "ولبنان"], stem("لبنان")],
    [["الولايات", "ولايات"], stem("ولايات")],
    [["الحكومة", "حكومات", "والحكومه"], stem("حكومة")],
  ];
  for (const [words, expected] of cases) for (const w of words) assert.equal(stem(w), expected, w);
});

test("diacritics, hamza forms, tatweel and presentation forms never matter", () => {
  for (const w of ["إسرائيل", "اسرائيل", "أسرائيل", "إسْرَائِيلَ", "إســرائيل", "لإسرائيل"]) assert.equal(stem(w), stem("اسرائيل"), w);
  assert.equal(stem("ﻻجئ"), stem("لاجئ"));
});

test("never fewer than three letters; Latin words and numbers pass through", () => {
  assert.equal(stem("بلد"), "بلد");
  assert.equal(stem("له"), "له");
  assert.equal(stem("Trump"), "trump");
  assert.deepEqual(stemTokens("في عام ٢٠١٨ قال 3.5").map((t) => t.stem), [stem("في"), "عام", "2018", "قال", "3.5"]);
});

test("token offsets point at the original characters, diacritics included", () => {
  const text = "قالَ وترامبُ، ثم «الانسحابَ» الآن";
  for (const t of stemTokens(text)) assert.ok(!/\s/.test(text.slice(t.start, t.end)));
  const tr = stemTokens(text).find((t) => t.stem === "ترامب")!;
  assert.equal(text.slice(tr.start, tr.end), "وترامبُ");
});

test("hostile input (1 MB of clitics, 1 MB of one-letter words) completes", { timeout: 120_000 }, () => {
  assert.equal(stemTokens("وال".repeat(350000)).length, 1);
  assert.equal(stemTokens("ب ".repeat(500000)).length, 500000);
});
