import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { toneAnnotator } from "../../../src/annotate/08-tone/index.js";
import { readToneTsv } from "../../../src/annotate/08-tone/toneLexicon.js";
import { normalize } from "../../../src/text/normalize.js";
import { resourcePath, sharedPath } from "../../../src/resources.js";
import type { Document } from "../../../src/types.js";

const doc = (text: string): Document => ({ id: "t", text, source: { kind: "text", encoding: "utf-8" }, meta: {}, dct: { value: null, origin: "none" }, warnings: [] });
const tone = (text: string) => toneAnnotator.run(doc(text), {});

test("tone: word shares, score and polarity", () => {
  const t = tone("حقق الفريق فوزاً رائعاً");
  assert.equal(t.words, 4);
  assert.equal(t.positive, 50);
  assert.equal(t.negative, 0);
  assert.equal(t.score, 50);
  assert.equal(t.polarity, 50);
  const n = tone("قتل عشرة أشخاص في هجوم");
  assert.ok(n.score < 0);
});

test("tone: negation flips, an intensifier weighs more", () => {
  assert.ok(tone("لم يحقق الفريق نجاحاً").score < 0);
  assert.ok(tone("عدم الاستقرار").score < 0);
  assert.ok(tone("نجاح كبير").positive > tone("نجاح واضح").positive);
});

test("tone: clitics are forgiven, ة is not taken for a pronoun", () => {
  assert.ok(tone("وبالقتلى").negative > 0);
  assert.ok(tone("تهديداتها").negative > 0);
  assert.equal(tone("دولة الخلافة").polarity, 0);
});

test("tone: the lexicon is already in normal form and has no duplicates", () => {
  const seen = new Set<string>();
  for (const [term, w] of readToneTsv(resourcePath("tone/lexicon.tsv"))) {
    assert.ok(w !== 0, term);
    assert.ok(!/[\uFB50-\uFEFF]/.test(term), `presentation form in ${term}`);
    const n = normalize(term);
    assert.ok(!seen.has(n), `duplicate ${term}`);
    seen.add(n);
  }
});

const SEED = sharedPath("seed/article.txt");
test("tone: the seed article reads negative", { skip: existsSync(SEED) ? false : "needs ../shared" }, () => {
  assert.ok(tone(readFileSync(SEED, "utf8")).score < 0);
});
