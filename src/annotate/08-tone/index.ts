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
import { lookupWord, toneLexicon } from "./toneLexicon.js";

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Whether a word (or the word after its first letter) may start a lexicon phrase, remembered per word. */
const startMemo = new Map<string, boolean>();
function mayStartPhrase(lex: ReturnType<typeof toneLexicon>, norm: string): boolean {
  let yes = startMemo.get(norm);
  if (yes === undefined) {
    yes = lex.phraseStarts.has(norm) || lex.phraseStarts.has(norm.slice(1));
    if (startMemo.size > 200000) startMemo.clear();
    startMemo.set(norm, yes);
  }
  return yes;
}

export const toneAnnotator: Annotator<"tone"> = {
  name: "tone",
  requires: [],
  assigns: "tone",
  run(doc, before) {
    const { tokens, sentenceOf } = articleText(doc, before);
    const lex = toneLexicon();
    let words = 0, pos = 0, neg = 0, active = 0, self = 0, group = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind !== "word" && t.kind !== "latin") continue;
      words++;
      if (lex.self.has(t.norm)) self++;
      else if (lex.group.has(t.norm)) group++;
      if (lookupWord(lex.activity, t.norm) !== undefined) active++;
      let weight: number | undefined;
      let last = i;
      const ph = mayStartPhrase(lex, t.norm) ? lex.phrases.matchAt(tokens, i) : null;
      if (ph && ph.to - ph.from > 1) {
        weight = ph.value;
        last = ph.to - 1;
      } else {
        const key = lookupWord(lex.words, t.norm, t.text);
        if (key !== undefined) weight = lex.words.get(key);
      }
      if (weight === undefined) continue;
      // Negation: "لم يحقق نجاحاً", "عدم الاستقرار", "غير آمنة".
      for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
        if (sentenceOf[k] !== sentenceOf[i] || tokens[k]!.kind === "punct") break;
        if (lookupWord(lex.negators, tokens[k]!.norm) !== undefined) {
          weight = -weight;
          break;
        }
      }
      const prev = tokens[i - 1], next = tokens[last + 1];
      if ((prev && lex.intensifiers.has(prev.norm)) || (next && lookupWord(lex.intensifiers, next.norm) !== undefined)) weight *= 1.5;
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
