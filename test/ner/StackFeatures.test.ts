import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { STACK_FEATURES, stackFeatures } from "../../src/ner/StackFeatures.js";
import { NerFeaturizer } from "../../src/ner/NerFeaturizer.js";
import { TrainLexicon } from "../../src/ner/TrainLexicon.js";
import { LABEL_INDEX } from "../../src/ner/labels.js";
import { nerModel } from "../../src/ner/NerModel.js";
import { tagSentences } from "../../src/ner/tagSentences.js";
import { resourcePath } from "../../src/resources.js";
import { tokenize } from "../../src/text/tokenize.js";

const fz = new NerFeaturizer(undefined, new TrainLexicon());
const run = (lines: string[]) => {
  const ss = lines.map((l) => l.split(" ").map((x) => x.split("/")));
  return {
    keys: ss.map((s) => fz.lexiconKeys(s.map((p) => p[0]!))),
    preds: ss.map((s) => Int32Array.from(s, (p) => LABEL_INDEX.get(p[1] ?? "O")!)),
  };
};
// Templates of StackFeatures (the order of its value list).
const STEM_VOTE = 4, SPAN = 8, CONTEXT = 16;
const feat = (f: Uint32Array[], k: number, i: number, j: number) => f[k]![i * STACK_FEATURES + j]!;

test("stacked features: a word votes with its other occurrences in the window, not with itself", () => {
  const { keys, preds } = run([
    "قال/O ترامب/B-PER إن/O",
    "وصل/O ترامب/O إلى/O",
    "ذهب/O زيد/O إلى/O",
  ]);
  const f = stackFeatures(keys, preds, 8);
  // زيد occurs once: nothing votes. The second ترامب has a PER vote from the first; the first
  // has only the second's O vote.
  const none = feat(f, 2, 1, STEM_VOTE);
  assert.notEqual(feat(f, 1, 1, STEM_VOTE), none);
  assert.notEqual(feat(f, 0, 1, STEM_VOTE), feat(f, 1, 1, STEM_VOTE));
  // Both إلى vote O for each other, the same way.
  assert.equal(feat(f, 1, 2, STEM_VOTE), feat(f, 2, 2, STEM_VOTE));
});

test("stacked features: occurrences beyond the window do not vote", () => {
  const { keys, preds } = run(["قال/O ترامب/B-PER", "أمس/O", "اليوم/O", "وصل/O ترامب/O", "ذهب/O زيد/O"]);
  const near = stackFeatures(keys, preds, 3), far = stackFeatures(keys, preds, 2);
  const none = feat(near, 4, 1, STEM_VOTE);
  assert.notEqual(feat(near, 3, 1, STEM_VOTE), none);
  assert.equal(feat(far, 3, 1, STEM_VOTE), none);
});

test("stacked features: a sentence alone is told apart from one in a full window without other mentions", () => {
  const filler = Array.from({ length: 8 }, (_, k) => `جملة/O رقم/O ${k}/O عن/O الطقس/O والأمطار/O في/O الشتاء/O والصيف/O`);
  const lone = run(["ذهب/O زيد/B-PER إلى/O"]), full = run([...filler, "ذهب/O زيد/B-PER إلى/O"]);
  const a = stackFeatures(lone.keys, lone.preds, 8), b = stackFeatures(full.keys, full.preds, 8);
  // Nothing else votes for زيد in either, but only the lone sentence has no context at all.
  assert.equal(feat(a, 0, 1, STEM_VOTE), feat(b, 8, 1, STEM_VOTE));
  assert.notEqual(feat(a, 0, 1, CONTEXT), feat(b, 8, 1, CONTEXT));
});

test("stacked features: an entity string tagged elsewhere marks the same words here, B then I", () => {
  const { keys, preds } = run([
    "وأعلنت/O الأمم/B-ORG المتحدة/I-ORG أمس/O",
    "قالت/O الأمم/O المتحدة/O اليوم/O",
  ]);
  const f = stackFeatures(keys, preds, 8);
  const none = feat(f, 1, 0, SPAN);
  assert.notEqual(feat(f, 1, 1, SPAN), none);
  assert.notEqual(feat(f, 1, 2, SPAN), none);
  assert.notEqual(feat(f, 1, 1, SPAN), feat(f, 1, 2, SPAN));
  // The first mention's own span does not count for itself; the second was not tagged an entity.
  assert.equal(feat(f, 0, 1, SPAN), feat(f, 0, 0, SPAN));
});

test("stacked tagger: both passes over a run, the same labels every time, empty sentences kept", { skip: !existsSync(resourcePath("ner/model2.bin")) && "no second-pass model" }, () => {
  const model = nerModel();
  assert.ok(model.second, "model2.bin is loaded as the second pass");
  const sents = [
    "وقال الرئيس الأميركي دونالد ترامب في واشنطن إن بلاده ستنسحب".split(" "),
    [],
    "وأضاف ترامب أن الأمم المتحدة لم تفعل شيئا".split(" "),
  ];
  const a = model.tagRun(sents), b = model.tagRun(sents);
  assert.deepEqual(a, b);
  assert.equal(a[1]!.length, 0);
  assert.equal(a[0]![4], LABEL_INDEX.get("I-PER"));
  assert.equal(a[2]![1], LABEL_INDEX.get("B-PER"));
  assert.equal(a[0]![6], LABEL_INDEX.get("B-LOC"));
});

test("stacked tagger: names the first pass finds in a sentence that stands alone are kept (no window is not evidence for O)", { skip: !existsSync(resourcePath("ner/model2.bin")) && "no second-pass model" }, () => {
  const model = nerModel();
  // The event test set's 42 news sentences, each tagged alone. A second pass trained only on full
  // ±8-sentence windows had learned "no other mention nearby" as evidence for O and dropped names
  // the first pass had found ("قال الجبير إن …"); context dropout in training keeps them.
  const sentences = readFileSync(new URL("../data/events/sentences.jsonl", import.meta.url), "utf8")
    .split("\n").filter(Boolean).map((l) => tokenize(JSON.parse(l).text).map((t) => t.text));
  let found = 0, kept = 0;
  for (const s of sentences) {
    const [both] = tagSentences(model, [s]);
    const second = model.second;
    model.second = undefined;
    const [first] = tagSentences(model, [s]);
    model.second = second;
    first!.forEach((tag, i) => {
      if (!tag.startsWith("B-")) return;
      found++;
      if (both![i] !== "O") kept++;
    });
  }
  assert.ok(found >= 60, `the first pass finds names in these sentences (${found})`);
  assert.ok(kept / found >= 0.95, `the second pass keeps ${kept} of the first pass's ${found} names`);
});
