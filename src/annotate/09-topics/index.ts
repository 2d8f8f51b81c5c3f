/**
 * 09-topics: what section of the news the article belongs to, from a naive Bayes model trained on
 * the labelled ANT corpus (scripts/train-topics.mjs; held-out macro-F1 in resources/SOURCES.md).
 *
 * 1. Take the article's words (headline and body) up to the length the model was trained on,
 *    normalised and bare of clitics, each counted once.
 * 2. Score every label: log prior + the sum of the words' log likelihoods.
 * 3. Turn the scores into probabilities; report the labels holding at least 10% (at most three),
 *    best first.
 */
import type { Annotator, Topic } from "../../types.js";
import { articleText } from "../04-quantities/articleText.js";
import { bareForm } from "../../text/tokenize.js";
import { topicModel } from "./topicModel.js";
import { IntMemo } from "../04-quantities/IntMemo.js";

const MIN_SCORE = 0.1;
/** 1 + a word's index in the model (0 when it has none), remembered across articles. */
const indexCache = new IntMemo();
let stamp = new Int32Array(0);
let generation = 0;

export const topicsAnnotator: Annotator<"topics"> = {
  name: "topics",
  requires: [],
  assigns: "topics",
  run(doc, before) {
    const { tokens, ids } = articleText(doc, before);
    const m = topicModel();
    if (!tokens.length) return [];
    const limit = tokens[0]!.start + m.maxChars;
    // Each word once, in the order first seen (the order the sums have always been taken in): a stamp
    // per vocabulary entry instead of a Set.
    if (stamp.length !== m.index.size) stamp = new Int32Array(m.index.size);
    if (++generation === 0x7fffffff) {
      stamp.fill(0);
      generation = 1;
    }
    const seenIds: number[] = [];
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.start >= limit) break;
      if (t.kind !== "word" && t.kind !== "latin") continue;
      const id = ids[k]!;
      let i1 = indexCache.get(id);
      if (i1 < 0) i1 = indexCache.set(id, (m.index.get(bareForm(t.norm)) ?? -1) + 1);
      const i = i1 - 1;
      if (i < 0 || stamp[i] === generation) continue;
      stamp[i] = generation;
      seenIds.push(i);
    }
    if (seenIds.length === 0) return [];
    // Word by word, each word's weights side by side in memory; every label's sum still runs over the
    // words in the same order, so the scores are the same to the last bit.
    const L = m.labels.length;
    const sums = Float64Array.from(m.logPrior);
    const w = m.byWord;
    for (let k = 0; k < seenIds.length; k++) {
      const base = seenIds[k]! * L;
      for (let li = 0; li < L; li++) sums[li]! += w[base + li]!;
    }
    const scores = m.labels.map((_, li) => sums[li]! / 1000);
    const max = Math.max(...scores);
    const exp = scores.map((s) => Math.exp(s - max));
    const sum = exp.reduce((a, b) => a + b, 0);
    const out: Topic[] = m.labels.map((label, li) => ({ label, score: Math.round((1000 * exp[li]!) / sum) / 1000 }));
    return out.filter((t) => t.score >= MIN_SCORE).sort((a, b) => b.score - a.score).slice(0, 3);
  },
};
