import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { TrainLexicon, trainLexicon } from "../../src/ner/TrainLexicon.js";
import { NerFeaturizer } from "../../src/ner/NerFeaturizer.js";
import { repairTags } from "../../src/ner/labels.js";
import { resourcePath } from "../../src/resources.js";

const fz = new NerFeaturizer(undefined, new TrainLexicon());
const labelled = (line: string) => {
  const pairs = line.split(" ").map((x) => x.split("/"));
  const tokens = pairs.map((p) => p[0]!);
  return { tokens, gold: Int32Array.from(repairTags(pairs.map((p) => p[1] ?? "O"))) };
};
const SENTS = [
  "وقال/O البنك/B-ORG التجاري/I-ORG إن/O أرباحه/O ارتفعت/O",
  "وأعلن/O البنك/B-ORG التجاري/I-ORG في/O الدوحة/B-LOC عن/O برنامج/O",
  "ذهب/O إلى/O البنك/O صباحا/O",
  "وصل/O الرئيس/O إلى/O الدوحة/B-LOC",
].map(labelled);
const build = (ss: typeof SENTS) => TrainLexicon.build(ss.map((s) => ({ ...fz.lexiconKeys(s.tokens), gold: s.gold })));

test("training lexicon: a word's code carries its usual entity label, the entity share and a count", () => {
  const lex = build(SENTS);
  const word = (w: string) => lex.words.get(fz.lexiconKeys([w]).words[0]!);
  const label = (c: number) => c >> 4, ratio = (c: number) => (c >> 2) & 3, count = (c: number) => c & 3;
  // الدوحة: B-LOC (label 3) both times, every occurrence an entity, seen twice.
  assert.deepEqual([label(word("الدوحة")), ratio(word("الدوحة")), count(word("الدوحة"))], [3, 3, 2]);
  // البنك: B-ORG twice out of three: most often B-ORG, a middle share.
  assert.equal(label(word("البنك")), 5);
  assert.equal(ratio(word("البنك")), 2);
  // إلى: known, never an entity.
  assert.equal(label(word("إلى")), 0);
  assert.equal(ratio(word("إلى")), 0);
  assert.notEqual(word("إلى"), 0);
  assert.equal(word("غزة"), 0, "never seen: no code");
});

test("training lexicon: whole entities are remembered as spans and found again in new text", () => {
  const lex = build(SENTS);
  const roundTrip = TrainLexicon.deserialize(lex.serialize());
  assert.deepEqual(roundTrip.spans.entries(), lex.spans.entries());
  assert.deepEqual(roundTrip.words.entries(), lex.words.entries());
  // The featurizer's span feature fires on "البنك التجاري" in an unseen sentence and not on البنك alone.
  const tokens = ["قرر", "البنك", "التجاري", "زيادة", "رأس", "المال"];
  const alone = ["قرر", "البنك", "زيادة", "رأس", "المال", "اليوم"];
  const withLex = new NerFeaturizer(undefined, roundTrip);
  const a = withLex.sentence(tokens), b = withLex.sentence(alone);
  const F = a.length / tokens.length;
  // Same word البنك, same left neighbour: rows differ only because of the span (and right context).
  const rowA = new Set(a.subarray(F, 2 * F)), rowB = new Set(b.subarray(F, 2 * F));
  assert.ok([...rowA].some((h) => !rowB.has(h)));
  const empty = new NerFeaturizer(undefined, new TrainLexicon()).sentence(tokens);
  assert.notDeepEqual(Array.from(a.subarray(F, 2 * F)), Array.from(empty.subarray(F, 2 * F)));
});

test("training lexicon: the committed one knows ANERcorp's recurring entities", { skip: !existsSync(resourcePath("ner/lexicon.bin")) && "resources/ner/lexicon.bin absent (run npm run train:ner)" }, () => {
  const lex = trainLexicon();
  assert.ok(lex.words.size > 10000, `${lex.words.size} words`);
  const code = (w: string) => lex.words.get(fz.lexiconKeys([w]).words[0]!);
  assert.equal(code("واشنطن") >> 4, 3, "واشنطن is mostly B-LOC in ANERcorp");
  assert.ok(readFileSync(resourcePath("ner/lexicon.bin")).length < 2e6);
});
