#!/usr/bin/env node
/**
 * Scores the records' entities (tagger, knowledge base and linking together: what `rasd analyze`
 * writes) against a hand-annotated entity set: `node scripts/eval-record-entities.mjs
 * test/data/ner/blind.jsonl test/data/ner/blind.txt [--errors]` (build with `npx tsc -p
 * tsconfig.build.json` first). Each passage is analysed as plain text and each mention is mapped to
 * the ANERcorp-like tokens it touches, so a proclitic the record cuts off ("و" of "وإسرائيل") still
 * counts as its token. The record's conventions differ from ANERcorp's on purpose (a title in
 * apposition is a mention of its person; a knowledge-base name keeps its head word, "نادي برشلونة"),
 * so this scores lower than `rasd eval ner` on the same set; --errors lists the differences.
 */
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { analyze } from "../dist/src/index.js";

const [drawFile, markedFile, flag] = process.argv.slice(2);
if (!drawFile || !markedFile) {
  process.stderr.write("usage: eval-record-entities.mjs DRAW.jsonl MARKED.txt [--errors]\n");
  process.exit(2);
}
const draw = readFileSync(drawFile, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const conll = execFileSync("node", [join(import.meta.dirname, "ner-set.mjs"), "conll", drawFile, markedFile], { encoding: "utf8" });
const rows = conll.split("\n").filter((l) => l.trim()).map((l) => l.split("\t"));

let at = 0;
const total = { g: 0, p: 0, c: 0 }, byType = {};
const count = (type, key) => ((byType[type] ??= { g: 0, p: 0, c: 0 })[key]++, total[key]++);
for (const passage of draw) {
  // The passage's tokens are the next rows of the CoNLL, found in order in its text.
  const toks = [];
  let pos = 0;
  while (at < rows.length) {
    const i = passage.text.indexOf(rows[at][0], pos);
    if (i < 0) break;
    toks.push({ start: i, end: i + rows[at][0].length, tag: rows[at][1] });
    pos = i + rows[at][0].length;
    at++;
  }
  const gold = new Map();
  let cur = null;
  const close = () => { if (cur) gold.set(`${cur.type}:${cur.first}:${cur.last}`, cur); cur = null; };
  toks.forEach((t, i) => {
    if (t.tag.startsWith("B-")) { close(); cur = { type: t.tag.slice(2), first: i, last: i + 1 }; }
    else if (t.tag.startsWith("I-") && cur) cur.last = i + 1;
    else close();
  });
  close();
  const pred = new Map();
  for (const e of analyze(passage.text, { dct: "2018-06-01" }).entities) {
    for (const m of e.mentions) {
      const first = toks.findIndex((t) => t.end > m.start), after = toks.findIndex((t) => t.start >= m.end);
      const last = after < 0 ? toks.length : after;
      pred.set(`${e.type}:${first}:${last}`, { type: e.type, first, last });
    }
  }
  const text = (x) => passage.text.slice(toks[x.first].start, toks[x.last - 1].end);
  for (const [k, g] of gold) { count(g.type, "g"); if (pred.has(k)) count(g.type, "c"); else if (flag === "--errors") console.log(`${passage.id}\tmissed\t${g.type}\t${text(g)}`); }
  for (const [k, p] of pred) { count(p.type, "p"); if (!gold.has(k) && flag === "--errors") console.log(`${passage.id}\textra\t${p.type}\t${text(p)}`); }
}
const f1 = (x) => (x.g + x.p ? (200 * x.c) / (x.g + x.p) : 0).toFixed(2);
console.log(`entities ${total.g}, found ${total.p}, right ${total.c}: P ${(100 * total.c / total.p).toFixed(2)} R ${(100 * total.c / total.g).toFixed(2)} F1 ${f1(total)}`);
for (const [t, x] of Object.entries(byType).sort()) console.log(`  ${t}: F1 ${f1(x)} (entities ${x.g}, found ${x.p}, right ${x.c})`);
