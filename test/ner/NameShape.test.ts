import { test } from "node:test";
import assert from "node:assert/strict";
import { NameShape, nameShape } from "../../src/ner/NameShape.js";
import { NerFeaturizer } from "../../src/ner/NerFeaturizer.js";
import { normalize } from "../../src/text/normalize.js";

test("name shape: a word scores the mean log-odds of its letter 2-4-grams, unlisted grams the <unk> value", () => {
  const shape = NameShape.parse("<unk>\t-1\n^ب\t2\nبو\t2\n");
  // "^بو$": grams ^ب بو و$ (2), ^بو بو$ (3), ^بو$ (4): two listed at 2, four at −1.
  assert.equal(shape.score("بو"), (2 + 2 - 4) / 6);
  assert.equal(shape.bucket("بو"), "d");
  assert.equal(shape.bucket("كتب"), "b"); // every gram unlisted: −1
  assert.equal(new NameShape(new Map(), 0).bucket("بو"), "-");
});

test("name shape: transliterated names score above Arabic nouns, including names no list or training text holds", () => {
  const shape = nameShape();
  const score = (w: string) => shape.score(normalize(w));
  // أينشتاين, هونج كونج and بجماليون's neighbours in the CV error list: names the tagger never saw.
  for (const name of ["أينشتاين", "هونج", "كونج", "بومبيو", "ترامب"]) {
    for (const noun of ["حكومة", "مدينة", "كتاب", "جامعة", "شركة"]) assert.ok(score(name) > score(noun), `${name} ${score(name)} ≤ ${noun} ${score(noun)}`);
  }
  assert.equal(shape.bucket(normalize("بومبيو")), "f");
  assert.equal(shape.bucket(normalize("حكومة")), "a");
});

test("name lists: common words the gazetteers list as names no longer match, real names still do", () => {
  const fz = new NerFeaturizer();
  const listed = (sentence: string) => {
    const tokens = sentence.split(" ");
    const gz = fz.gazetteer(tokens);
    return tokens.filter((_, i) => (gz.names[i]! & 3) === 1);
  };
  // ANERGazet lists "من" as a person and ANETAC "في" and "أي"; "أمام" is a preposition (أمامه).
  assert.deepEqual(listed("وقال من في الحي أمام الناس أي شيء"), []);
  assert.deepEqual(listed("وصل فيلالون إلى بغداد"), ["فيلالون", "بغداد"]);
});
