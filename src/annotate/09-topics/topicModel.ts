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
  maxChars: number;
}

let model: TopicModel | undefined;

export function topicModel(): TopicModel {
  if (model) return model;
  const raw = readJsonResource<RawModel>("topics/model.json");
  model = {
    labels: raw.labels,
    index: new Map(raw.vocab.map((w, i) => [w, i])),
    logPrior: raw.logPrior,
    weights: raw.weights.map((w) => Int32Array.from(w)),
    maxChars: raw.maxChars,
  };
  return model;
}
