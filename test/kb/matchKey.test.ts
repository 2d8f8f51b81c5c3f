import { test } from "node:test";
import assert from "node:assert/strict";
import { exactKey, fuzzyKey, procliticVariants } from "../../src/kb/matchKey.js";
import { normalize } from "../../src/text/normalize.js";

const fk = (s: string) => fuzzyKey(normalize(s));

test("fuzzyKey: ك/غ/ج/ق for g, dropped long vowels, doubled letters", () => {
  assert.equal(fk("مكغورك"), fk("ماكغورك"));
  assert.equal(fk("ماكجورك"), fk("ماكغورك"));
  assert.equal(fk("ترمب"), fk("ترامب"));
  assert.equal(fk("بومبيو"), fk("بومبيوو"));
  assert.equal(fk("غوغل"), fk("جوجل"));
  assert.notEqual(fk("ترامب"), fk("بومبيو"));
  assert.notEqual(fk("دمشق"), fk("بغداد"));
});

test("exactKey: optional article, hamza, ى/ي and ة/ه through normalize", () => {
  assert.equal(exactKey(normalize("العراق")), exactKey(normalize("عراق")));
  assert.equal(exactKey(normalize("الرقة")), exactKey(normalize("الرقه")));
  assert.equal(exactKey(normalize("أمريكا")), exactKey(normalize("امريكا")));
  // Two-letter stems keep their article: "ال" alone is not stripped to nothing.
  assert.equal(exactKey("الا"), "الا");
});

test("procliticVariants: the article stays in the mention, و ب ل do not", () => {
  const v = (s: string) => procliticVariants(normalize(s));
  assert.ok(v("بالعراق").some((x) => x.key === "عراق" && x.cut === 1));
  assert.ok(v("للولايات").some((x) => x.key === "ولايات" && x.cut === 1));
  assert.ok(v("وسورية").some((x) => x.key === "سوريه" && x.cut === 1));
  assert.ok(v("وبريطانيا").some((x) => x.key === "بريطانيا" && x.cut === 1));
  assert.deepEqual(v("واشنطن")[0], { key: "واشنطن", cut: 0, article: false });
  assert.ok(v("بالسورية").some((x) => x.key === "سوريه" && x.article), "the article is remembered");
});
