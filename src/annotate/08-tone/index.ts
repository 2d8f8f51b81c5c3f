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
import { IntMemo } from "../04-quantities/IntMemo.js";

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Facts about a word, remembered per normal form in one integer (see IntMemo), so that a token costs
 * one array read: bits for self and group reference, action words and phrase starts (known from the
 * first sight of the word); negators, intensifiers and lexicon weights are asked about lazily, each
 * with a bit saying it is known.
 */
const SELF = 1, GROUP = 2, ACTIVE = 4, PHRASE_START = 8;
const NEG_KNOWN = 16, NEG = 32, INT_KNOWN = 64, INT = 128, BARE_INT_KNOWN = 256, BARE_INT = 512;
/** The lexicon weight of a word, and of a word whose final ه was written ه (a possible pronoun). */
const W_KNOWN = 1024, W_HAS = 2048, HEH_W_KNOWN = 4096, HEH_W_HAS = 8192;
const facts = new IntMemo();
/** Weights by normal-form id, read only where the W_HAS / HEH_W_HAS bit of the current numbering says so. */
let weights: Float64Array = new Float64Array(1024);
let hehWeights: Float64Array = new Float64Array(1024);

function factsOf(lex: ToneLexicon, id: number, norm: string): number {
  const known = facts.get(id);
  if (known >= 0) return known;
  let f = 0;
  if (lex.self.has(norm)) f |= SELF;
  else if (lex.group.has(norm)) f |= GROUP;
  if (lookupUncached(lex.activity, norm) !== undefined) f |= ACTIVE;
  if (lex.phraseStarts.has(norm) || lex.phraseStarts.has(norm.slice(1))) f |= PHRASE_START;
  return facts.set(id, f);
}

/** A lazily known yes/no fact: `known` and `yes` are its two bits. */
function fact(lex: ToneLexicon, id: number, norm: string, known: number, yes: number): boolean {
  const f = factsOf(lex, id, norm);
  if (f & known) return (f & yes) !== 0;
  const v = yes === NEG ? lookupUncached(lex.negators, norm) !== undefined : yes === INT ? lookupUncached(lex.intensifiers, norm) !== undefined : lex.intensifiers.has(norm);
  facts.set(id, f | known | (v ? yes : 0));
  return v;
}

function isNegator(lex: ToneLexicon, id: number, norm: string): boolean {
  return fact(lex, id, norm, NEG_KNOWN, NEG);
}

function isIntensifier(lex: ToneLexicon, id: number, norm: string): boolean {
  return fact(lex, id, norm, INT_KNOWN, INT);
}

function isBareIntensifier(lex: ToneLexicon, id: number, norm: string): boolean {
  return fact(lex, id, norm, BARE_INT_KNOWN, BARE_INT);
}

function weightOf(lex: ToneLexicon, id: number, norm: string, text: string): number | undefined {
  const heh = norm.charCodeAt(norm.length - 1) === 0x647 && endsInHeh(text);
  const known = heh ? HEH_W_KNOWN : W_KNOWN, has = heh ? HEH_W_HAS : W_HAS;
  const f = factsOf(lex, id, norm);
  if (f & known) return f & has ? (heh ? hehWeights : weights)[id] : undefined;
  const key = lookupUncached(lex.words, norm, text);
  const w = key !== undefined ? lex.words.get(key) : undefined;
  if (w !== undefined) {
    if (id >= weights.length) {
      let n = weights.length;
      while (n <= id) n *= 2;
      weights = grownTo(weights, n);
      hehWeights = grownTo(hehWeights, n);
    }
    (heh ? hehWeights : weights)[id] = w;
  }
  facts.set(id, f | known | (w !== undefined ? has : 0));
  return w;
}

function grownTo(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  return b;
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
      const flags = factsOf(lex, ids[i]!, t.norm);
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
