/**
 * Tags a run of sentences (a CoNLL file, an article) with document context: each sentence sees the
 * words of the CONTEXT_SENTENCES sentences on either side (CoNLL files carry no document breaks).
 * Training builds its features through the same windows. With a stacked model both passes run
 * over the whole run (NerModel.tagRun).
 */
import { LABELS } from "./labels.js";
import { NerFeaturizer, type DocContext } from "./NerFeaturizer.js";
import type { NerModel } from "./NerModel.js";

export const CONTEXT_SENTENCES = 8;

/** The document context of each sentence: the merged pairs of its window. Linear in the input. */
export function contextWindows(fz: NerFeaturizer, sentences: ReadonlyArray<readonly string[]>, w = CONTEXT_SENTENCES): DocContext[] {
  const pairs = sentences.map((s) => fz.contextPairs(s));
  return sentences.map((_, k) => NerFeaturizer.context(pairs.slice(Math.max(0, k - w), k + w + 1)));
}

export function tagSentences(model: NerModel, sentences: ReadonlyArray<readonly string[]>): string[][] {
  const ctx = contextWindows(model.featurizer, sentences);
  return model.tagRun(sentences, ctx).map((t) => Array.from(t, (i) => LABELS[i]!));
}
