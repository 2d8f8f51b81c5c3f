#!/usr/bin/env node
// Trains the entity tagger (`npm run train:ner`):
//   1. read ../shared/data/ner/anercorp/train.conll (the CAMeL Lab train split of ANERcorp);
//   2. hold out the last 10% of its sentences as a dev split (sequential, like the CAMeL split);
//   3. train an averaged structured perceptron on the rest, scoring dev after every epoch, and pick
//      the number of epochs and the O penalty with the best dev F1 (the only things tuned, on dev);
//   4. retrain on the whole train file for that many epochs and write resources/ner/model.bin and
//      resources/ner/model.json (dev scores, sizes, settings).
// Options: --epochs N (maximum, default 14), --no-final (stop after the dev run).
import { readFileSync, writeFileSync } from "node:fs";
import { resourcePath, sharedPath } from "../src/resources.js";
import { readConllSentences } from "../src/ner/conll.js";
import { repairTags, LABELS, N_LABELS } from "../src/ner/labels.js";
import { NerFeaturizer } from "../src/ner/NerFeaturizer.js";
import { PerceptronTrainer } from "../src/ner/PerceptronTrainer.js";
import { NerModel } from "../src/ner/NerModel.js";
import { evaluateEntities, formatScores } from "../src/ner/evaluateEntities.js";
import { contextWindows, tagSentences } from "../src/ner/tagSentences.js";

const args = process.argv.slice(2);
const maxEpochs = Number(args[args.indexOf("--epochs") + 1]) || 20;
const final = !args.includes("--no-final");
const t0 = Date.now();
const log = (m) => console.error(`[train-ner ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

const sentences = readConllSentences(readFileSync(sharedPath("data/ner/anercorp/train.conll"), "utf8"));
const cut = Math.floor(sentences.length * 0.9);
const train = sentences.slice(0, cut), dev = sentences.slice(cut);
log(`${sentences.length} sentences: train ${train.length}, dev ${dev.length}`);

const featurizer = new NerFeaturizer();
// Features with document context: each sentence sees its neighbours, as at tagging time.
const prepare = (ss) => {
  const ctx = contextWindows(featurizer, ss.map((s) => s.tokens));
  return ss.map((s, k) => ({ feats: featurizer.sentence(s.tokens, undefined, ctx[k]), gold: Int32Array.from(repairTags(s.tags)) }));
};
const trainData = prepare(train);
log(`features extracted`);

// The perceptron is precise and timid (precision well above recall); a constant taken off the score
// of O at every token trades some precision for recall. It is folded into the transitions into O,
// which is the same thing, and chosen on dev with the number of epochs.
const O_PENALTIES = [0, 10, 20, 30];
function withPenalty(trans, d) {
  const t = Float32Array.from(trans);
  for (let p = 0; p <= N_LABELS; p++) t[p * N_LABELS] -= d;
  return t;
}

function scoreDev(w, d) {
  const model = new NerModel(w.hashes, w.weights, withPenalty(w.trans, d), featurizer);
  const pred = tagSentences(model, dev.map((s) => s.tokens));
  return evaluateEntities(dev.map((s) => s.tags.map((t) => (t === "B-PERS" ? "B-PER" : t === "I-PERS" ? "I-PER" : t))), pred);
}

const MIN_COUNT = 1;
const trainer = new PerceptronTrainer(trainData, MIN_COUNT);
log(`${trainer.featureCount} features`);
let best = { f1: -1, epoch: 0, penalty: 0, scores: null };
for (let e = 1; e <= maxEpochs; e++) {
  const errors = trainer.epoch(1000 + e);
  const w = trainer.averaged();
  for (const d of O_PENALTIES) {
    const s = scoreDev(w, d);
    log(`epoch ${e}${d ? ` O−${d}` : ""}: ${errors} sentences wrong; dev F1 ${(100 * s.overall.f1).toFixed(2)} (${Object.entries(s.byType).map(([t, x]) => `${t} ${(100 * x.f1).toFixed(1)}`).join(", ")})`);
    if (s.overall.f1 > best.f1) best = { f1: s.overall.f1, epoch: e, penalty: d, scores: s };
  }
  if (e - best.epoch >= 3) break;
}
log(`best: epoch ${best.epoch}, O penalty ${best.penalty}, dev F1 ${(100 * best.f1).toFixed(2)}`);
process.stdout.write(formatScores(best.scores));
if (!final) process.exit(0);

const all = prepare(sentences);
const finalTrainer = new PerceptronTrainer(all, MIN_COUNT);
for (let e = 1; e <= best.epoch; e++) finalTrainer.epoch(1000 + e);
const w = finalTrainer.averaged();
const model = new NerModel(w.hashes, w.weights, withPenalty(w.trans, best.penalty), featurizer);
const bin = model.serialize();
writeFileSync(resourcePath("ner/model.bin"), bin);
const pct = (x) => Math.round(1e4 * x) / 100;
writeFileSync(resourcePath("ner/model.json"), JSON.stringify({
  about: "Metadata of model.bin, written by scripts/train-ner.mjs.",
  algorithm: "averaged structured perceptron, first-order Viterbi with BIO constraints",
  trainedOn: "ANERcorp CAMeL Lab train split (all sentences), epochs chosen on its last 10% as dev",
  labels: LABELS,
  epochs: best.epoch,
  oPenalty: best.penalty,
  rows: w.hashes.length,
  bytes: bin.length,
  dev: {
    sentences: dev.length,
    overall: { p: pct(best.scores.overall.precision), r: pct(best.scores.overall.recall), f1: pct(best.scores.overall.f1) },
    byType: Object.fromEntries(Object.entries(best.scores.byType).map(([t, x]) => [t, { p: pct(x.precision), r: pct(x.recall), f1: pct(x.f1), gold: x.gold }])),
  },
}, null, 2) + "\n");
log(`wrote resources/ner/model.bin (${(bin.length / 1e6).toFixed(1)} MB, ${w.hashes.length} rows)`);
