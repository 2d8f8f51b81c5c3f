/**
 * The topic model (resources/topics/model.json, written by scripts/train-topics.mjs), loaded once
 * per process.
 */
import { readJsonResource } from "../../resources.js";

interface RawModel {
  labels: string[];
  vocab: string[];
  logPrior: number[];
  weights: number[][];
  maxChars: number;
}

export interface TopicModel {
  labels: string[];
  /** Word → its weights per label (natural log ×1000). */
  index: Map<string, number>;
  logPrior: number[];
  weights: Int32Array[];
  /** The same weights word by word: `byWord[i * labels.length + li]`, one word's weights side by side. */
  byWord: Int32Array;
  maxChars: number;
}

let model: TopicModel | undefined;

export function topicModel(): TopicModel {
  if (model) return model;
  const raw = readJsonResource<RawModel>("topics/model.json");
  const weights = raw.weights.map((w) => Int32Array.from(w));
  const L = raw.labels.length;
  const byWord = new Int32Array(raw.vocab.length * L);
  for (let li = 0; li < L; li++) for (let i = 0; i < raw.vocab.length; i++) byWord[i * L + li] = weights[li]![i]!;
  model = {
    labels: raw.labels,
    index: new Map(raw.vocab.map((w, i) => [w, i])),
    logPrior: raw.logPrior,
    weights,
    byWord,
    maxChars: raw.maxChars,
  };
  return model;
}
