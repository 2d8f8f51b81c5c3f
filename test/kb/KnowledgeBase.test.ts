import { test } from "node:test";
import assert from "node:assert/strict";
import { knowledgeBase, KnowledgeBase, AliasKind } from "../../src/kb/KnowledgeBase.js";
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
});

test("knowledge base: short forms and titles are marked so they only link once introduced", () => {
  const kb = knowledgeBase();
  const c = kb.lookup(norms("التحالف"));
  assert.ok(c.length && c.every((x) => x.kind === AliasKind.Short));
  const t = kb.lookup(norms("الرئيس الأميركي"));
  assert.ok(t.some((x) => x.kind === AliasKind.Title && kb.entities[x.entity]!.en === "Donald Trump"));
});

test("knowledge base: ordinary words are not names", () => {
  const kb = knowledgeBase();
  assert.deepEqual(findIn(kb, "قال إن الأسبوع المقبل سيشهد اجتماعا في وقت لاحق من اليوم").filter((g) => g.kind === AliasKind.Full), []);
});
