/**
 * 08-tone: the article's tone as GDELT reports it, from rasd's own lexicon.
 *
 * 1. Count the article's words (headline and body; no page chrome).
 * 2. Find lexicon words and phrases; a negator up to two words before flips a word's sign
 *    ("عدم الاستقرار" is negative), an intensifier next to it weighs it 1.5 times.
 * 3. positive / negative = weighted share of words (percent); score = positive − negative;
 *    polarity = positive + negative; activity = share of action words; self / group reference =
 *    share of first-person and third-person-plural pronouns.
 */
import type { Annotator, Tone } from "../../types.js";
import { articleText } from "../04-quantities/articleText.js";
import { endsInHeh, lookupUncached, toneLexicon, type ToneLexicon } from "./toneLexicon.js";
import { NormMemo } from "../04-quantities/NormMemo.js";

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Facts about a word, remembered per normal form (see NormMemo). */
const SELF = 1, GROUP = 2, ACTIVE = 4, PHRASE_START = 8;
const flagsMemo = new NormMemo<number>();
/** Negators and intensifiers are asked about only next to a lexicon word: remembered apart. */
const negatorMemo = new NormMemo<boolean>();
const intensifierMemo = new NormMemo<boolean>();
const bareIntensifierMemo = new NormMemo<boolean>();
/** The lexicon weight of a word, and of a word whose final ه was written ه (a possible pronoun). */
const weightMemo = new NormMemo<number | undefined>();
const hehWeightMemo = new NormMemo<number | undefined>();

function flagsOf(lex: ToneLexicon, id: number, norm: string): number {
  if (flagsMemo.has(id)) return flagsMemo.get(id);
  let f = 0;
  if (lex.self.has(norm)) f |= SELF;
  else if (lex.group.has(norm)) f |= GROUP;
  if (lookupUncached(lex.activity, norm) !== undefined) f |= ACTIVE;
  if (lex.phraseStarts.has(norm) || lex.phraseStarts.has(norm.slice(1))) f |= PHRASE_START;
  return flagsMemo.set(id, f);
}

function isNegator(lex: ToneLexicon, id: number, norm: string): boolean {
  return negatorMemo.has(id) ? negatorMemo.get(id) : negatorMemo.set(id, lookupUncached(lex.negators, norm) !== undefined);
}

function isIntensifier(lex: ToneLexicon, id: number, norm: string): boolean {
  return intensifierMemo.has(id) ? intensifierMemo.get(id) : intensifierMemo.set(id, lookupUncached(lex.intensifiers, norm) !== undefined);
}

function isBareIntensifier(lex: ToneLexicon, id: number, norm: string): boolean {
  return bareIntensifierMemo.has(id) ? bareIntensifierMemo.get(id) : bareIntensifierMemo.set(id, lex.intensifiers.has(norm));
}

function weightOf(lex: ToneLexicon, id: number, norm: string, text: string): number | undefined {
  const memo = norm.charCodeAt(norm.length - 1) === 0x647 && endsInHeh(text) ? hehWeightMemo : weightMemo;
  if (memo.has(id)) return memo.get(id);
  const key = lookupUncached(lex.words, norm, text);
  return memo.set(id, key !== undefined ? lex.words.get(key) : undefined);
}

export const toneAnnotator: Annotator<"tone"> = {
  name: "tone",
  requires: [],
  assigns: "tone",
  run(doc, before) {
    const { tokens, sentenceOf, ids } = articleText(doc, before);
    const lex = toneLexicon();
    let words = 0, pos = 0, neg = 0, active = 0, self = 0, group = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind !== "word" && t.kind !== "latin") continue;
      words++;
      const flags = flagsOf(lex, ids[i]!, t.norm);
      if (flags & SELF) self++;
      else if (flags & GROUP) group++;
      if (flags & ACTIVE) active++;
      let weight: number | undefined;
      let last = i;
      const ph = flags & PHRASE_START ? lex.phrases.matchAt(tokens, i, tokens.length, ids) : null;
      if (ph && ph.to - ph.from > 1) {
        weight = ph.value;
        last = ph.to - 1;
      } else {
        weight = weightOf(lex, ids[i]!, t.norm, t.text);
      }
      if (weight === undefined) continue;
      // Negation: "لم يحقق نجاحاً", "عدم الاستقرار", "غير آمنة".
      for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
        if (sentenceOf[k] !== sentenceOf[i] || tokens[k]!.kind === "punct") break;
        if (isNegator(lex, ids[k]!, tokens[k]!.norm)) {
          weight = -weight;
          break;
        }
      }
      const prev = tokens[i - 1], next = tokens[last + 1];
      if ((prev && isBareIntensifier(lex, ids[i - 1]!, prev.norm)) || (next && isIntensifier(lex, ids[last + 1]!, next.norm))) weight *= 1.5;
      if (weight > 0) pos += weight;
      else neg -= weight;
      for (let k = i + 1; k <= last; k++) if (tokens[k]!.kind === "word") words++;
      i = last;
    }
    const share = (x: number) => (words ? round((100 * x) / words) : 0);
    const positive = share(pos), negative = share(neg);
    const tone: Tone = {
      score: round(positive - negative),
      positive,
      negative,
      polarity: round(positive + negative),
      activity: share(active),
      words,
      selfReference: share(self),
      groupReference: share(group),
    };
    return tone;
  },
};
