import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { tokenize, segment } from "../../src/text/tokenize.js";
import { splitSentences } from "../../src/text/sentences.js";

test("tokens keep their offsets and numbers stay whole", () => {
  const text = "ويستضيف بومبيو في 6 الشهر القادم اجتماعاً لـ«التحالف الدولي» المؤلف من 79 دولة، و3.5 مليار.";
  const toks = tokenize(text);
  for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
  assert.deepEqual(toks.filter((t) => t.kind === "number").map((t) => t.text), ["6", "79", "3.5"]);
  assert.ok(toks.some((t) => t.text === "«" && t.kind === "punct"));
});

test("clitics: the article always, a bare preposition only when the stem is known", () => {
  const known = (s: string) => ["واشنطن", "ترامب", "رقه"].includes(s);
  const seg = (w: string) => {
    const s = segment({ start: 0, text: w, norm: tokenize(w)[0]!.norm }, known);
    return [s.proclitic, s.stem, w.slice(s.stemStart, s.stemEnd)];
  };
  assert.deepEqual(seg("لواشنطن"), ["ل", "واشنطن", "واشنطن"]);
  assert.deepEqual(seg("وترامب"), ["و", "ترامب", "ترامب"]);
  assert.deepEqual(seg("بالرقة"), ["بال", "رقه", "الرقة".slice(2)]);
  assert.deepEqual(seg("وزير"), ["", "وزير", "وزير"]);
  assert.deepEqual(seg("واشنطن"), ["", "واشنطن", "واشنطن"]);
});

test("sentences: a full stop inside «…» does not end the sentence", () => {
  const text = "وقال: «لا خطة. لا شيء». ثم غادر.\nفقرة ثانية";
  assert.deepEqual(splitSentences(text).map((s) => s.text), ["وقال: «لا خطة. لا شيء».", "ثم غادر.", "فقرة ثانية"]);
});

test("property: tokens and sentences are exact slices for arbitrary text", () => {
  const chars = fc.constantFrom(..."ابتثجحخدرزسشعغفقكلمنهويءأإآىة", "\u064E", "\u0651", "\u0640", "ﻻ", "٣", "7", ".", ",", "٫", "a", " ", "\n", "«", "»", "“", "”", "؟", "😀", "\u200F", "\u0001");
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 80 }).map((x) => x.join("")), (s) => {
      for (const t of tokenize(s)) assert.equal(s.slice(t.start, t.end), t.text);
      for (const x of splitSentences(s)) assert.equal(s.slice(x.start, x.end), x.text);
    }),
    { numRuns: 400 },
  );
});
