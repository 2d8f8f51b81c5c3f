import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { NerModel, nerModel } from "../../src/ner/NerModel.js";
import { NerFeaturizer } from "../../src/ner/NerFeaturizer.js";
import { STACK_WINDOW, stackFeatures } from "../../src/ner/StackFeatures.js";
import { sentencesOf } from "../../src/annotate/02-entities/findMentions.js";
import { resourcePath } from "../../src/resources.js";

const stacked = existsSync(resourcePath("ner/model2.bin"));

/** Both passes the plain way: each model's own table and decode(), the sums in scalar float32, the same label constraints. */
function reference(model: NerModel, sentences: string[][], doc: ReturnType<typeof NerFeaturizer.context>): Int32Array[] {
  const fz = model.featurizer, second = model.second!;
  const base = sentences.map((s) => fz.sentence(s, undefined, doc).slice());
  const masks = sentences.map((s) => fz.labelMasks(s));
  const first = base.map((f, k) => model.decode(f, sentences[k]!.length, undefined, masks[k]).slice());
  const st = stackFeatures(sentences.map((s) => fz.lexiconKeys(s)), first, STACK_WINDOW);
  return base.map((f, k) => (sentences[k]!.length ? second.decode(f, sentences[k]!.length, st[k]!, masks[k]).slice() : first[k]!));
}

function sampleRuns(limit: number): string[][][] {
  const file = new URL("../../samples/ant/ant-sample.jsonl.gz", import.meta.url);
  const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n").filter(Boolean).slice(0, limit);
  return lines.map((l) => {
    const a = JSON.parse(l) as { title?: string; text?: string };
    const text = [a.title, a.text].filter(Boolean).join("\n\n");
    return sentencesOf(text, [[0, text.length]]).map((s) => s.words);
  });
}

test("tagRun (the plain way for the first tokens, then the joint table of both passes with SIMD sums) labels as the two models decoded one by one", { skip: !stacked && "no second-pass model" }, () => {
  const model = nerModel();
  let tokens = 0;
  for (const run of sampleRuns(40)) {
    const doc = NerFeaturizer.context(run.map((w) => model.featurizer.contextPairs(w)));
    const got = model.tagRun(run, doc), want = reference(model, run, doc);
    for (let k = 0; k < run.length; k++) assert.deepEqual(Array.from(got[k]!), Array.from(want[k]!));
    tokens += run.reduce((n, w) => n + w.length, 0);
  }
  assert.ok(tokens > 5000);
});

test("tagRun: the plain-JS sums (no WebAssembly SIMD) label the same", { skip: !stacked && "no second-pass model" }, () => {
  const shared = nerModel();
  process.env.RASD_NER_NO_WASM = "1";
  try {
    const model = NerModel.deserialize(readFileSync(resourcePath("ner/model.bin")), shared.featurizer);
    model.second = NerModel.deserialize(readFileSync(resourcePath("ner/model2.bin")), shared.featurizer);
    // Past the tokens a model tags the plain way before it builds the joint table (JOINT_AFTER).
    const runs = sampleRuns(40);
    model.tagRun(runs.flat());
    for (const run of runs.slice(0, 8)) {
      const doc = NerFeaturizer.context(run.map((w) => shared.featurizer.contextPairs(w)));
      assert.deepEqual(model.tagRun(run, doc).map((t) => Array.from(t)), shared.tagRun(run, doc).map((t) => Array.from(t)));
    }
  } finally {
    delete process.env.RASD_NER_NO_WASM;
  }
});
