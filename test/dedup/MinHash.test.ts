import { test } from "node:test";
import assert from "node:assert/strict";
import { bandKeys, compareSignatures, minhash, MIN_SHINGLES } from "../../src/dedup/MinHash.js";
import { sameStory, storyFeatures, dayNumber } from "../../src/dedup/storyFeatures.js";
import { HAVE_NEWS, newsLines, recordOf } from "../store/fixtures.js";

const skip = HAVE_NEWS ? false : "needs ../shared/data/news";

test("agency copy re-run with edits is a near-duplicate; different articles are not", { skip }, () => {
  const arts = newsLines().filter((n) => n.text.split("\n").filter((p) => p.trim()).length >= 5 && n.text.length > 1500).slice(0, 40);
  for (const a of arts.slice(0, 20)) {
    const paras = a.text.split("\n").filter((p) => p.trim());
    // Reordered, the last paragraph cut, a credit line added, another headline.
    const copy = ["عنوان مختلف تماما للخبر نفسه", paras[1]!, paras[0]!, ...paras.slice(2, -1), "المصدر: وكالات"].join("\n");
    const x = minhash(`${a.title}\n\n${a.text}`);
    const y = minhash(copy);
    const sim = compareSignatures(x, y);
    assert.ok(sim.duplicate, `${a.id}: jaccard ${sim.jaccard}, containment ${sim.containment}`);
    const bx = new Set(bandKeys(x));
    assert.ok(bandKeys(y).some((b) => bx.has(b)), "they share an LSH band");
  }
  for (let i = 0; i + 1 < arts.length; i += 2) {
    const sim = compareSignatures(minhash(arts[i]!.text), minhash(arts[i + 1]!.text));
    assert.equal(sim.duplicate, false, `${arts[i]!.id} vs ${arts[i + 1]!.id}: ${sim.jaccard}`);
  }
});

test("diacritics, hamza forms and clitics do not hide a copy", { skip }, () => {
  const a = newsLines().find((n) => n.text.length > 1500 && /إ/.test(n.text))!;
  const variant = a.text.replace(/إ/g, "ا").replace(/ة/g, "ه").replace(/ترامب/g, "ترامبُ");
  assert.equal(compareSignatures(minhash(a.text), minhash(variant)).jaccard, 1);
});

test("a text too short to judge has no bands and is never a duplicate", () => {
  const s = minhash("خبر قصير جدا");
  assert.ok(s.size < MIN_SHINGLES);
  assert.deepEqual(bandKeys(s), []);
  assert.equal(compareSignatures(s, s).duplicate, false);
});

test("story features: two reports of one event share a story, unrelated ones do not", { skip }, () => {
  const lines = newsLines();
  const a = lines.find((n) => /ترامب/.test(n.title) && n.text.length > 1500)!;
  const paras = a.text.split("\n").filter((p) => p.trim());
  const other = recordOf({ ...a, title: a.title, outlet: "Other" }, paras.slice(0, Math.ceil(paras.length / 2)).join("\n"));
  const ra = recordOf(a);
  assert.ok(sameStory(storyFeatures(ra), storyFeatures(other)));
  const unrelated = recordOf(lines.find((n) => n.category === "sport" && n.text.length > 1500)!);
  assert.equal(sameStory(storyFeatures(ra), storyFeatures(unrelated)), false);
  assert.equal(dayNumber("1970-01-02"), 1);
});
