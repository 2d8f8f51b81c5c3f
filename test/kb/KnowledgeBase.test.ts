import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { knowledgeBase, KnowledgeBase, AliasKind, type KbEntity } from "../../src/kb/KnowledgeBase.js";
import { resourcePath } from "../../src/resources.js";
import { exactKey } from "../../src/kb/matchKey.js";
import { tokenize } from "../../src/text/tokenize.js";

const norms = (s: string) => tokenize(s).map((t) => t.norm);
function findIn(kb: KnowledgeBase, sentence: string): Array<{ text: string; en: string; kind: number; cut: number }> {
  const toks = tokenize(sentence);
  const ns = toks.map((t) => t.norm);
  const out = [];
  for (let i = 0; i < ns.length; ) {
    const m = kb.matchAt(ns, i);
    if (!m) { i++; continue; }
    out.push({ text: toks.slice(i, i + m.length).map((t) => t.text).join(" "), en: kb.entities[m.candidates[0]!.entity]!.en, kind: m.candidates[0]!.kind, cut: m.cut });
    i += m.length;
  }
  return out;
}

test("knowledge base: the curated core is loaded with English names and Wikidata ids", () => {
  const kb = knowledgeBase();
  const trump = kb.entities.find((e) => e.en === "Donald Trump")!;
  assert.equal(trump.type, "PER");
  assert.equal(trump.kb, "Q22686");
  assert.ok(kb.entities.length > 1000, "countries and cities are merged in");
  assert.ok(kb.entities.some((e) => e.id.startsWith("city:")));
});

test("knowledge base: longest match over tokens, with proclitics and spelling variants", () => {
  const kb = knowledgeBase();
  const got = findIn(kb, "أعلنت الخارجية الأميركية أن وزراء التحالف الدولي سيجتمعون بواشنطن");
  assert.deepEqual(got.map((g) => g.en), ["United States Department of State", "Global Coalition against Daesh", "Washington, D.C."]);
  assert.equal(got[2]!.cut, 1);
  const spell = findIn(kb, "استقال بريت ماكجورك من منصبه وغادر الرقه");
  assert.equal(spell[0]!.en, "Brett McGurk");
  assert.equal(spell[1]!.en, "Raqqa");
  assert.equal(findIn(kb, "قال ترمب")[0]!.en, "Donald Trump");
  // A first name whose first letters only look like the article ("ألبرت") still matches loosely.
  assert.equal(findIn(kb, "نظرية ألبرت انشتين")[0]!.en, "Albert Einstein");
});

test("knowledge base: short forms and titles are marked so they only link once introduced", () => {
  const kb = knowledgeBase();
  const c = kb.lookup(norms("التحالف"));
  assert.ok(c.length && c.every((x) => x.kind === AliasKind.Short));
  // "نيسان" is also the Levantine April ("في أبريل/نيسان"): Nissan's bare name is only a short form.
  assert.ok(kb.lookup(norms("نيسان")).every((x) => x.kind === AliasKind.Short));
  assert.equal(kb.entities[kb.lookup(norms("شركة نيسان"))[0]!.entity]!.en, "Nissan");
  const t = kb.lookup(norms("الرئيس الأميركي"));
  assert.ok(t.some((x) => x.kind === AliasKind.Title && kb.entities[x.entity]!.en === "Donald Trump"));
});

test("knowledge base: ordinary words are not names", () => {
  const kb = knowledgeBase();
  assert.deepEqual(findIn(kb, "قال إن الأسبوع المقبل سيشهد اجتماعا في وقت لاحق من اليوم").filter((g) => g.kind === AliasKind.Full), []);
});

test("knowledge base: the curated lists add places, bodies, people and events, and their spellings join one entity", () => {
  const kb = knowledgeBase();
  const got = findIn(kb, "وصل وفد من الأونروا إلى تايلند ثم إلى تايلاند بعد اجتماع منظمة الصحة العالمية في كاتالونيا");
  // "وصل" (arrived) is also a club's bare name, a short form only: no full name there.
  assert.equal(got[0]!.kind, AliasKind.Short);
  assert.deepEqual(got.filter((g) => g.kind === AliasKind.Full).map((g) => g.en), ["UNRWA", "Thailand", "Thailand", "World Health Organization", "Catalonia"]);
  // A country's press spellings join the country's own entity (one id), not a second Thailand.
  assert.equal(kb.entities.filter((e) => e.en === "Thailand").length, 1);
  assert.ok(kb.entities.some((e) => e.id.startsWith("list:") && e.type === "MISC"));
});

test("knowledge base: a common word that is also a name is only a short form (linked once introduced)", () => {
  const kb = knowledgeBase();
  // "البيت" (the house) is not Elbit; "الدوما" alone is the Syrian town's spelling as much as the Duma's.
  assert.deepEqual(findIn(kb, "عاد إلى البيت").filter((g) => g.kind === AliasKind.Full), []);
  assert.ok(kb.lookup(norms("الدوما")).every((c) => c.kind !== AliasKind.Full || kb.entities[c.entity]!.type === "LOC"));
});

test("knowledge base: city rows whose Arabic name is a common word, a first name or a club are left out", () => {
  const kb = knowledgeBase();
  const places = (s: string) => kb.lookup(norms(s)).filter((c) => c.kind === AliasKind.Full && kb.entities[c.entity]!.type === "LOC").map((c) => kb.entities[c.entity]!.en);
  // The city list gives Caen as "كان" (was), Kisi as "انسان" (human), Male as "ذكر" (mentioned),
  // Vladimir as "فلاديمير" and Barnsley as its club "نادي بارنسلي".
  for (const word of ["كان", "انسان", "ذكر", "ليل", "فلاديمير", "نادي بارنسلي"]) assert.deepEqual(places(word), [], word);
  assert.deepEqual(findIn(kb, "كان الرئيس في المدينة").filter((g) => g.kind === AliasKind.Full), []);
  // Real cities of the same list stay.
  assert.deepEqual(places("مدريد"), ["Madrid"]);
  assert.deepEqual(places("سوسة"), ["Sousse"]);
  // Real towns whose bare names are also words come back from the hand-written lists, named in full,
  // with the bare name as a short form (linked once the town is introduced): "father", "suit".
  assert.deepEqual(places("مدينة إب"), ["Ibb"]);
  assert.deepEqual(places("مدينة الحلة"), ["Hillah"]);
  for (const [bare, en] of [["إب", "Ibb"], ["الحلة", "Hillah"], ["بورصة", "Bursa"]]) {
    assert.ok(kb.lookup(norms(bare)).some((c) => c.kind === AliasKind.Short && kb.entities[c.entity]!.en === en), bare);
  }
});

test("knowledge base: gazetteer rows whose Arabic name belongs to another place are left out (city-errata.tsv)", () => {
  const kb = knowledgeBase();
  // Full names only: "كوبنهاغن" is also a short form of the club F.C. Copenhagen.
  const en = (s: string) => kb.lookup(norms(s)).filter((c) => c.kind === AliasKind.Full).map((c) => kb.entities[c.entity]!.en);
  assert.deepEqual(en("كوبنهاغن"), ["Copenhagen"]);
  assert.ok(!en("العنقاء").includes("Phoenix"));
  assert.ok(!kb.entities.some((e) => e.en === "Kobe" && e.aliases.includes("كوبنهاغن")));
});

test("knowledge base: the committed index (kb-index.tsv) is the index of the committed records (kb.json)", () => {
  const records = JSON.parse(readFileSync(resourcePath("kb/kb.json"), "utf8")).entities as KbEntity[];
  const fromRecords = new KnowledgeBase(records);
  // A hand edit of kb.json without `npm run build:kb` would leave the tagger matching stale names.
  assert.equal(readFileSync(resourcePath("kb/kb-index.tsv"), "utf8"), fromRecords.encodeIndex());
  // Built from the index, it reads the same: matches, types, and the records once asked for.
  const kb = knowledgeBase();
  const sentence = "التقى وزير الخارجية الأميركي مايك بومبيو في بغداد بالأمين العام للأمم المتحدة، وقال ترمب";
  assert.deepEqual(findIn(kb, sentence), findIn(fromRecords, sentence));
  assert.ok(findIn(kb, sentence).length >= 4);
  for (let i = 0; i < records.length; i += 997) assert.equal(kb.typeOf(i), records[i]!.type);
  // The loose index is built from the prebuilt one as from the records.
  assert.deepEqual(kb.lookup(norms("ماكجورك")).map((c) => c.entity), fromRecords.lookup(norms("ماكجورك")).map((c) => c.entity));
});

test("knowledge base: an index that is not one, or records that do not fit it, fail with the command that mends them", () => {
  assert.throws(() => new KnowledgeBase(undefined, "كلام\tعادي\n", () => []), /npm run build:kb/);
  const kb = new KnowledgeBase(undefined, "rasd-kb-index-2\t2\tPL\nترامب\t0,0,0\n\nترامب\t1\t0\n\n", () => []);
  assert.equal(kb.typeOf(1), "LOC");
  assert.equal(kb.lookup(norms("ترامب"), false)[0]!.entity, 0);
  assert.throws(() => kb.entities, /disagree.*npm run build:kb/);
});

test("knowledge base: where a word stands in longer names (the tagger's name-part feature)", () => {
  const kb = knowledgeBase();
  const PER = 0, LOC = 1, ORG = 2, FIRST = 0, LAST = 2;
  const has = (word: string, type: number, pos: number) => (kb.nameParts(exactKey(norms(word)[0]!)) & (1 << (type * 3 + pos))) !== 0;
  // "علي لاريجاني": the surname ends a person's name; banks and universities start organisations'.
  assert.ok(has("لاريجاني", PER, LAST));
  assert.ok(has("بنك", ORG, FIRST));
  assert.ok(has("جامعة", ORG, FIRST));
  assert.ok(!has("جامعة", PER, FIRST));
  // A word in no name of two tokens or more has no bits; nor has a one-token name's only word.
  assert.equal(kb.nameParts(exactKey(norms("والذي")[0]!)), 0);
  assert.ok(!has("لاريجاني", LOC, LAST));
});
