/**
 * Tags a run of sentences (a CoNLL file, an article) with document context: each sentence sees the
 * words of the CONTEXT_SENTENCES sentences on either side (CoNLL files carry no document breaks).
 * Training builds its features through the same windows. With a stacked model both passes run
 * over the whole run (NerModel.tagRun).
 */
import { LABELS } from "./labels.js";
import { NerFeaturizer, type DocContext } from "./NerFeaturizer.js";
import type { NerModel } from "./NerModel.js";
import type { KnowledgeBase } from "../kb/KnowledgeBase.js";

export const CONTEXT_SENTENCES = 8;

/** The document context of each sentence: the merged pairs of its window. Linear in the input. */
export function contextWindows(fz: NerFeaturizer, sentences: ReadonlyArray<readonly string[]>, w = CONTEXT_SENTENCES): DocContext[] {
  const pairs = sentences.map((s) => fz.contextPairs(s));
  return sentences.map((_, k) => NerFeaturizer.context(pairs.slice(Math.max(0, k - w), k + w + 1)));
}

export function tagSentences(model: NerModel, sentences: ReadonlyArray<readonly string[]>): string[][] {
  const ctx = contextWindows(model.featurizer, sentences);
  const kb = model.featurizer.res.kb;
  return model.tagRun(sentences, ctx).map((t, k) => latinNames(kb, sentences[k]!, Array.from(t, (i) => LABELS[i]!)));
}

const LATIN_WORD = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * The tagger learnt Arabic text: a run of Latin words it left outside any entity that is exactly a
 * core or country entity's English name ("( CNN )", "Reuters") is that entity, as in the record's
 * mentions (annotate/02-entities/findMentions.ts).
 */
function latinNames(kb: KnowledgeBase, tokens: readonly string[], tags: string[]): string[] {
  for (let i = 0; i < tokens.length; ) {
    if (!LATIN_WORD.test(tokens[i]!)) { i++; continue; }
    let j = i + 1;
    while (j < tokens.length && LATIN_WORD.test(tokens[j]!)) j++;
    let outside = true;
    for (let k = i; k < j; k++) if (tags[k] !== "O") outside = false;
    const ids = outside ? kb.byEnglishName(tokens.slice(i, j).join(" ")) : undefined;
    if (ids) for (let k = i; k < j; k++) tags[k] = `${k === i ? "B" : "I"}-${kb.typeOf(ids[0]!)}`;
    i = j;
  }
  return tags;
}
