/**
 * Tags a run of sentences (a CoNLL file, an article) with document context: each sentence sees the
 * words of the CONTEXT_SENTENCES sentences on either side (CoNLL files carry no document breaks).
 * Training builds its features through the same windows. With a stacked model both passes run
 * over the whole run (NerModel.tagRun).
 */
import { LABELS } from "./labels.js";
import { NerFeaturizer, type DocContext } from "./NerFeaturizer.js";
import type { NerModel } from "./NerModel.js";
import { AliasKind, type KnowledgeBase } from "../kb/KnowledgeBase.js";
import { clubsOf, isSportSentence } from "./clubs.js";

export const CONTEXT_SENTENCES = 8;

/** The document context of each sentence: the merged pairs of its window. Linear in the input. */
export function contextWindows(fz: NerFeaturizer, sentences: ReadonlyArray<readonly string[]>, w = CONTEXT_SENTENCES): DocContext[] {
  const pairs = sentences.map((s) => fz.contextPairs(s));
  return sentences.map((_, k) => NerFeaturizer.context(pairs.slice(Math.max(0, k - w), k + w + 1)));
}

export function tagSentences(model: NerModel, sentences: ReadonlyArray<readonly string[]>): string[][] {
  const fz = model.featurizer;
  const ctx = contextWindows(fz, sentences);
  return model.tagRun(sentences, ctx).map((t, k) => {
    const tags = unseenKbNames(fz, sentences[k]!, latinNames(fz.res.kb, sentences[k]!, Array.from(t, (i) => LABELS[i]!)));
    return clubsNamedAfterPlaces(fz, sentences[k]!, tags);
  });
}

/**
 * A name the training text never showed is the tagger's blind spot: ANERcorp is 2007 news, and
 * "داعش", "الحوثيين", "يوتيوب", "لترامب" are words its lexicon never saw, which the tagger then
 * often leaves O even where the knowledge base lists them. A knowledge-base match that is an
 * organisation's or a person's full name (every candidate of that one type), over words that are
 * all O and all unseen in the training lexicon, is tagged with that type. Words the training text
 * did see keep the tagger's reading, so ANERcorp's conventions ("وزارة الخارجية" O) stand.
 * Measured on the pooled 5-fold CV of train.conll (Dec 2, 2026; scripts/train-ner.mjs): 80.37 ->
 * 80.42 for organisations (ORG 69.1 -> 69.5), 80.43 with persons too; with places 80.34, places
 * and MISC 80.31 (so not them); every core name the tagger left O, seen or not, 79.64. On a set
 * of 2018 news annotated after the rule was written (test/data/ner/blind6.conll): 78.70 -> 79.46.
 */
const UNSEEN_TYPES: ReadonlySet<string> = new Set(["ORG", "PER"]);

function unseenKbNames(fz: NerFeaturizer, tokens: readonly string[], tags: string[]): string[] {
  const lex = fz.lexicon;
  const matches = fz.gazetteerOf(tokens).kbMatches;
  if (!lex.size || !matches.length) return tags;
  const kb = fz.res.kb;
  let words: Uint32Array | undefined;
  for (const { at, match } of matches) {
    const type = kb.typeOf(match.candidates[0]!.entity);
    if (!UNSEEN_TYPES.has(type) || !match.candidates.every((c) => kb.typeOf(c.entity) === type)) continue;
    if (!match.candidates.some((c) => c.kind === AliasKind.Full)) continue;
    const end = at + match.length;
    words ??= fz.lexiconKeys(tokens).words;
    let unseen = true;
    for (let k = at; k < end && unseen; k++) if (tags[k] !== "O" || lex.words.get(words[k]!) !== 0) unseen = false;
    if (!unseen) continue;
    for (let k = at; k < end; k++) tags[k] = `${k === at ? "B" : "I"}-${type}`;
  }
  return tags;
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

/**
 * A club named after its city (clubs.ts) that the tagger read as the place, over exactly the
 * match, is the club. Pooled 5-fold CV of train.conll (Dec 2, 2026): 80.43 -> 80.45 (ANERcorp has
 * little sport); the six hand-annotated sets of 2018 news 81.57 -> 81.95 ("بولونيا", "إشبيلية",
 * "نابولي", "برايتون"; found on their errors). A club's short form the tagger left O where every
 * reading is a club ("الهلال") was tried too: it also took "العهد" of "ولي العهد" and "تشرين".
 */
function clubsNamedAfterPlaces(fz: NerFeaturizer, tokens: readonly string[], tags: string[]): string[] {
  let sport: boolean | undefined;
  for (const { at, match } of fz.gazetteerOf(tokens).kbMatches) {
    const end = at + match.length;
    let place = tags[at] === "B-LOC" && tags[end] !== "I-LOC";
    for (let k = at + 1; k < end && place; k++) if (tags[k] !== "I-LOC") place = false;
    if (!place || !clubsOf(fz, tokens, at, match) || !(sport ??= isSportSentence(fz, tokens))) continue;
    for (let k = at; k < end; k++) tags[k] = k === at ? "B-ORG" : "I-ORG";
  }
  return tags;
}
