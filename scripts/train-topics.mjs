#!/usr/bin/env node
// `npm run train:topics`: trains the topic classifier of annotate/09-topics on the labelled ANT
// articles in ../shared/data/news/ant-multisource-v2.1.jsonl.gz and writes resources/topics/model.json.
//
// 1. Read the articles, deduplicate on text_md5 (an article filed under two categories is dropped
//    from both: its label is not known), split 90/10 with a fixed seed.
// 2. Features: the article's words as the pipeline tokenises and normalises them, article and
//    clitics removed (bareForm), counted once per article (binary multinomial naive Bayes).
// 3. Keep the words seen in at least 5 training articles (at most 30,000, the most frequent),
//    Laplace-smoothed log likelihoods, stored as integers (×1000).
// 4. Report accuracy and macro-F1 on the held-out 10%.
// Needs the built library (npm run build). The texts are never written out; only word weights.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const { tokenize, bareForm } = await import(join(root, "dist/src/text/tokenize.js"));
const src = process.argv[2] ?? join(root, "../shared/data/news/ant-multisource-v2.1.jsonl.gz");
const MAX_CHARS = 4000, MIN_DF = 5, MAX_VOCAB = 30000, ALPHA = 0.5, SEED = 20180101;

const rows = gunzipSync(readFileSync(src)).toString("utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const byMd5 = new Map();
for (const r of rows) {
  const prev = byMd5.get(r.text_md5);
  if (!prev) byMd5.set(r.text_md5, { text: r.text, labels: new Set([r.category]) });
  else prev.labels.add(r.category);
}
const docs = [...byMd5.values()].filter((d) => d.labels.size === 1).map((d) => ({ text: d.text, label: [...d.labels][0] }));
let s = SEED;
const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
for (let i = docs.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [docs[i], docs[j]] = [docs[j], docs[i]]; }
const nTest = Math.round(docs.length * 0.1);
const test = docs.slice(0, nTest), train = docs.slice(nTest);
console.log(`${rows.length} articles, ${byMd5.size} distinct texts, ${docs.length} with one label; train ${train.length}, held out ${test.length}`);

export function features(text) {
  const set = new Set();
  for (const t of tokenize(text.slice(0, MAX_CHARS))) {
    if (t.kind !== "word" && t.kind !== "latin") continue;
    const w = bareForm(t.norm);
    if (w.length >= 2) set.add(w);
  }
  return set;
}
const t0 = Date.now();
const trainF = train.map((d) => features(d.text));
const df = new Map();
for (const f of trainF) for (const w of f) df.set(w, (df.get(w) ?? 0) + 1);
const vocab = [...df].filter(([, n]) => n >= MIN_DF).sort((a, b) => b[1] - a[1]).slice(0, MAX_VOCAB).map(([w]) => w);
const index = new Map(vocab.map((w, i) => [w, i]));
const labels = [...new Set(train.map((d) => d.label))].sort();
const counts = labels.map(() => new Float64Array(vocab.length));
const totals = new Float64Array(labels.length), docsPer = new Float64Array(labels.length);
train.forEach((d, k) => {
  const li = labels.indexOf(d.label);
  docsPer[li]++;
  for (const w of trainF[k]) { const i = index.get(w); if (i !== undefined) { counts[li][i]++; totals[li]++; } }
});
const logPrior = labels.map((_, li) => Math.round(1000 * Math.log(docsPer[li] / train.length)));
const weights = labels.map((_, li) => Array.from(counts[li], (c) => Math.round(1000 * Math.log((c + ALPHA) / (totals[li] + ALPHA * vocab.length)))));
const model = { about: "Binary multinomial naive Bayes over normalised bare words; trained by scripts/train-topics.mjs on ANT v2.1 (see resources/SOURCES.md). Weights are natural logs ×1000.", labels, vocab, logPrior, weights, maxChars: MAX_CHARS };

const predict = (f) => {
  let best = -1, bestScore = -Infinity;
  labels.forEach((_, li) => {
    let sc = logPrior[li];
    for (const w of f) { const i = index.get(w); if (i !== undefined) sc += weights[li][i]; }
    if (sc > bestScore) { bestScore = sc; best = li; }
  });
  return labels[best];
};
const conf = new Map(labels.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]));
let correct = 0;
for (const d of test) {
  const p = predict(features(d.text));
  if (p === d.label) { correct++; conf.get(p).tp++; } else { conf.get(p).fp++; conf.get(d.label).fn++; }
}
let macro = 0;
for (const l of labels) {
  const { tp, fp, fn } = conf.get(l);
  const pr = tp / (tp + fp || 1), rc = tp / (tp + fn || 1), f1 = pr + rc ? (2 * pr * rc) / (pr + rc) : 0;
  macro += f1 / labels.length;
  console.log(`  ${l.padEnd(18)} P ${(100 * pr).toFixed(1)}  R ${(100 * rc).toFixed(1)}  F1 ${(100 * f1).toFixed(1)}  (n=${tp + fn})`);
}
console.log(`held-out accuracy ${(100 * correct / test.length).toFixed(1)}%, macro-F1 ${(100 * macro).toFixed(1)} (${test.length} articles; ${vocab.length} words; ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
mkdirSync(join(root, "resources/topics"), { recursive: true });
writeFileSync(join(root, "resources/topics/model.json"), JSON.stringify(model));
console.log("wrote resources/topics/model.json");
