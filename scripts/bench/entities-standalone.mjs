#!/usr/bin/env node
// The entities figures on their own, with no dependency beyond the built dist/ and resources/ (for a
// clean machine without node_modules): cold load of model + knowledge base, tag+link tokens/s on one
// core over the bundled samples (or FILE.jsonl[.gz] given as argument), the bare tagger, hostile
// inputs, and peak memory. `npm run build` first. Not run by bench.mjs (its name starts with a letter).
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
const file = process.argv[2] ?? join(root, "samples/ant/ant-sample.jsonl.gz");
const t0 = performance.now();
const { nerModel } = await import(join(root, "dist/src/ner/NerModel.js"));
const model = nerModel();
const loadMs = performance.now() - t0;
const { entitiesAnnotator } = await import(join(root, "dist/src/annotate/02-entities/index.js"));
const fm = await import(join(root, "dist/src/annotate/02-entities/findMentions.js"));
const raw = readFileSync(file);
const lines = (file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8").split("\n").filter(Boolean);
const reps = Number(process.env.REPS ?? 1);
const docs = [];
for (const l of lines) {
  const a = JSON.parse(l);
  const text = [a.title, a.text].filter(Boolean).join("\n\n");
  if (!text) continue;
  const doc = { id: "x", text, source: { kind: "text", encoding: "utf-8" }, meta: {}, dct: { value: null, origin: "none" }, warnings: [] };
  const sentences = fm.sentencesOf(text, [[0, text.length]]);
  docs.push({ doc, tokens: sentences.reduce((n, s) => n + s.tokens.length, 0), words: sentences.map((s) => s.tokens.map((t) => t.text)) });
}
const tokens = docs.reduce((n, d) => n + d.tokens, 0) * reps;
const time = (fn) => { const a = performance.now(); fn(); return (performance.now() - a) / 1000; };
time(() => { for (const d of docs.slice(0, 50)) entitiesAnnotator.run(d.doc, {}); }); // warm-up
const full = time(() => { for (let r = 0; r < reps; r++) for (const d of docs) entitiesAnnotator.run(d.doc, {}); });
const tag = time(() => { for (let r = 0; r < reps; r++) for (const d of docs) model.tagRun(d.words); });
const hostile = {};
const cases = {
  "10k-token run": Array.from({ length: 10000 }, (_, i) => ["كلمة", "ترامب", "في", "واشنطن", "مدينة"][i % 5]).join(" "),
  "100k-token run": Array.from({ length: 100000 }, (_, i) => ["كلمة", "ترامب", "في", "واشنطن", "مدينة"][i % 5]).join(" "),
  "1000-char token": "ب".repeat(1000) + " قال ترامب",
  latin: "Donald Trump met Mike Pompeo in Washington. ".repeat(200),
  mixed: "قال Trump إن ISIS في سوريا 2019 ".repeat(300),
};
for (const [name, text] of process.env.NO_HOSTILE ? [] : Object.entries(cases)) {
  const doc = { id: "x", text, source: { kind: "text", encoding: "utf-8" }, meta: {}, dct: { value: null, origin: "none" }, warnings: [] };
  hostile[name + " ms"] = +(time(() => entitiesAnnotator.run(doc, {})) * 1000).toFixed(1);
}
console.log(JSON.stringify({
  articles: docs.length * reps, tokens,
  "model+KB load ms": +loadMs.toFixed(1),
  "tokens/s tag+link (1 core)": Math.round(tokens / full),
  "tokens/s tagger only": Math.round(tokens / tag),
  ...hostile,
  "peak RSS MB": Math.round(process.resourceUsage().maxRSS / 1024),
}, null, 1));
