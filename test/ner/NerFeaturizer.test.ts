import { test } from "node:test";
import assert from "node:assert/strict";
import { NerFeaturizer } from "../../src/ner/NerFeaturizer.js";
import { tagConll } from "../../src/cli/tagCommand.js";
import { LABEL_INDEX } from "../../src/ner/labels.js";

const B_PER = 1 << LABEL_INDEX.get("B-PER")!, I_PER = 1 << LABEL_INDEX.get("I-PER")!;

test("label masks: a title never starts a person's name, with or without its proclitic", () => {
  const fz = new NerFeaturizer();
  const tokens = ["واستقبل", "السلطان", "عبد", "الحفيظ", "ومعالي", "عباس", "الفاس", "والدكتور", "حامد", "الشريف", "البابا", "شنودة"];
  const masks = fz.labelMasks(tokens)!;
  const at = (w: string) => masks[tokens.indexOf(w)]!;
  assert.ok(at("السلطان") & B_PER);
  assert.ok(at("ومعالي") & B_PER);
  assert.ok(at("والدكتور") & B_PER);
  const honorific = ["وقال", "سماحة", "السيد", "حسن", "نصر", "الله"];
  const hm = fz.labelMasks(honorific)!;
  assert.ok(hm[1]! & B_PER && hm[2]! & B_PER);
  assert.equal(hm[3], 0);
  // The pope's title is part of his name in the press and in ANERcorp ("البابا شنودة").
  assert.equal(at("البابا") & B_PER, 0);
  assert.equal(at("عبد") | at("حامد") | at("شنودة"), 0);
});

test("label masks: a و-word that is no listed name starts a second name instead of continuing one", () => {
  const fz = new NerFeaturizer();
  const tokens = ["التقى", "شافيز", "ولوكاشنكو", "ثم", "وليد", "جنبلاط", "ومحمد", "ولد", "عبد", "العزيز"];
  const masks = fz.labelMasks(tokens)!;
  const at = (w: string) => masks[tokens.indexOf(w)]!;
  assert.ok(at("ولوكاشنكو") & I_PER);
  // Names that start with the letter و, and the Mauritanian "ولد" (son of), stay free.
  assert.equal(at("وليد") & I_PER, 0);
  assert.equal(at("ولد") & I_PER, 0);
});

test("tag --conll: the constraints hold in the tagger's output", () => {
  const out = tagConll(["وقال", "والدكتور", "حامد", "الشريف", "إن", "شافيز", "ولوكاشنكو", "اتفقا", "."].join("\n") + "\n");
  const tags = out.split("\n").filter(Boolean).map((l) => l.split("\t").pop());
  assert.notEqual(tags[1], "B-PER");
  assert.notEqual(tags[6], "I-PER");
});
