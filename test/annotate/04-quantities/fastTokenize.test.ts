import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fastTokenize } from "../../../src/annotate/04-quantities/fastTokenize.js";
import { articleText } from "../../../src/annotate/04-quantities/articleText.js";
import { tokenize } from "../../../src/text/tokenize.js";
import { splitSentences } from "../../../src/text/sentences.js";
import { sharedPath } from "../../../src/resources.js";
import type { Document } from "../../../src/types.js";

const HARD = [
  "ويستضيف بومبيو في 6 الشهر القادم اجتماعاً لـ«التحالف الدولي» المؤلف من 79 دولة، و3.5 مليار.",
  "ﻻ ﷲ ﺍﻟﺴﻼﻡ 𝐀bc ترامبTrump ٣٫٥ 1,200 3.5. U.S. a.b 😀 é ė̃ x\u200Cy ترامبُ",
  "وكتب: \"نحن هنا\"، وقال «لا» ؟! … (مرحبا) ٪٥ ‹نعم›",
];
const doc = (text: string): Document => ({ id: "t", text, source: { kind: "text", encoding: "utf-8" }, meta: {}, dct: { value: null, origin: "none" }, warnings: [] });

test("fastTokenize gives exactly the tokens of text/tokenize", () => {
  for (const t of HARD) assert.deepEqual(fastTokenize(t), tokenize(t), t);
  assert.deepEqual(fastTokenize(HARD[0]!, 8, 40), tokenize(HARD[0]!, 8, 40));
});

test("articleText: sentences as text/sentences cuts them, tokens tagged with their sentence", () => {
  const text = "وقال: «لا خطة. لا شيء». ثم غادر إلى U.S. بسرعة 3.5 كم.\nفقرة ثانية";
  const art = articleText(doc(text), {});
  assert.deepEqual(art.sentences.map((s) => s.text), splitSentences(text).map((s) => s.text));
  art.tokens.forEach((t, i) => {
    const s = art.sentences[art.sentenceOf[i]!]!;
    assert.ok(t.start >= s.start && t.end <= s.end);
  });
});

const NEWS = sharedPath("data/news/ant-multisource-v2.1.jsonl.gz");
test("fastTokenize equals text/tokenize on 300 news articles", { skip: existsSync(NEWS) ? false : "needs ../shared" }, () => {
  const rows = gunzipSync(readFileSync(NEWS)).toString("utf8").split("\n").filter(Boolean);
  for (let i = 0; i < rows.length; i += Math.floor(rows.length / 300)) {
    const t = JSON.parse(rows[i]!).text as string;
    assert.deepEqual(fastTokenize(t), tokenize(t));
    const a = articleText(doc(t), {});
    const want = t.split("\n").flatMap((line, k, all) => {
      const off = all.slice(0, k).reduce((n, l) => n + l.length + 1, 0);
      return splitSentences(t, off, off + line.length).map((s) => s.end);
    });
    assert.deepEqual(a.sentences.map((s) => s.end), want);
  }
});
