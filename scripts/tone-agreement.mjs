#!/usr/bin/env node
// `npm run tone:agreement`: how far rasd's own tone lexicon (resources/tone/lexicon.tsv) agrees with
// the two research-only sentiment lexicons in ../shared/data/lexicons (AraSenTi, NileULex). Prints
// figures only: nothing read from those lexicons is written anywhere, by their terms of use.
//
// 1. Word level: for each rasd entry, the research lexicon's entry for the same normalised word (or
//    the word bare of clitics); coverage and sign agreement.
// 2. Article level: tone of 500 ANT articles scored with each lexicon alone (share of positive minus
//    share of negative words); Pearson correlation with rasd's score and sign agreement.
// Needs the built library (npm run build).
import { readFileSync, existsSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const shared = join(root, "../shared/data");
const { normalize } = await import(join(root, "dist/src/text/normalize.js"));
const { tokenize, bareForm } = await import(join(root, "dist/src/text/tokenize.js"));
const { toneAnnotator } = await import(join(root, "dist/src/annotate/08-tone/index.js"));
const { readToneTsv } = await import(join(root, "dist/src/annotate/08-tone/toneLexicon.js"));

const araPath = join(shared, "lexicons/arasenti-lexicon-v1.0.utf8.txt.gz");
const nilePath = join(shared, "lexicons/nileulex-v0.27.tsv");
if (!existsSync(araPath) || !existsSync(nilePath)) { console.error("tone-agreement: needs ../shared/data/lexicons"); process.exit(2); }

function readAraSenti() {
  const m = new Map();
  for (const line of gunzipSync(readFileSync(araPath)).toString("utf8").split("\n")) {
    const parts = line.trim().split(/\s{2,}|\t/);
    if (parts.length !== 2) continue;
    const score = Number(parts[1]);
    if (!Number.isFinite(score) || score === 0) continue;
    const term = normalize(parts[0]);
    if (/\s/.test(term) || !/[\u0621-\u064A]/.test(term)) continue;
    m.set(term, (m.get(term) ?? 0) + score);
  }
  return m;
}
function readNile() {
  const m = new Map();
  for (const line of readFileSync(nilePath, "utf8").split("\n").slice(1)) {
    const [term, pol] = line.split("\t");
    if (!term || !pol) continue;
    const t = normalize(term.trim());
    if (/\s/.test(t)) continue;
    m.set(t, pol.includes("pos") ? 1 : -1);
  }
  return m;
}
const lexicons = { AraSenTi: readAraSenti(), NileULex: readNile() };
const ours = readToneTsv(join(root, "resources/tone/lexicon.tsv")).filter(([t]) => !/\s/.test(t.trim())).map(([t, w]) => [normalize(t), w]);
console.log(`rasd tone lexicon: ${ours.length} single-word entries (multi-word entries are not compared)`);

const lookup = (m, w) => m.get(w) ?? m.get(bareForm(w)) ?? m.get("ال" + w);
for (const [name, m] of Object.entries(lexicons)) {
  let found = 0, agree = 0;
  for (const [w, s] of ours) {
    const v = lookup(m, w);
    if (v === undefined || v === 0) continue;
    found++;
    if (Math.sign(v) === Math.sign(s)) agree++;
  }
  console.log(`word level vs ${name} (${m.size} single words): ${found}/${ours.length} rasd entries covered, sign agreement ${(100 * agree / (found || 1)).toFixed(1)}%`);
}

// Article level.
const rows = gunzipSync(readFileSync(join(shared, "news/ant-multisource-v2.1.jsonl.gz"))).toString("utf8").split("\n").filter(Boolean);
const sample = [];
for (let i = 0; i < rows.length && sample.length < 500; i += Math.floor(rows.length / 500)) sample.push(JSON.parse(rows[i]).text);
const lexScore = (m, text) => {
  let n = 0, pos = 0, neg = 0;
  for (const t of tokenize(text)) {
    if (t.kind !== "word") continue;
    n++;
    const v = lookup(m, t.norm);
    if (v > 0) pos++; else if (v < 0) neg++;
  }
  return n ? (100 * (pos - neg)) / n : 0;
};
const doc = (text) => ({ id: "x", text, source: { kind: "text", encoding: "utf-8" }, meta: {}, dct: { value: null, origin: "none" }, warnings: [] });
const oursScores = sample.map((t) => toneAnnotator.run(doc(t), {}).score);
const pearson = (a, b) => {
  const n = a.length, ma = a.reduce((x, y) => x + y, 0) / n, mb = b.reduce((x, y) => x + y, 0) / n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) { sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) ** 2; sbb += (b[i] - mb) ** 2; }
  return sab / Math.sqrt(saa * sbb || 1);
};
for (const [name, m] of Object.entries(lexicons)) {
  const theirs = sample.map((t) => lexScore(m, t));
  let same = 0;
  for (let i = 0; i < sample.length; i++) if (Math.sign(theirs[i]) === Math.sign(oursScores[i])) same++;
  console.log(`article level vs ${name} (${sample.length} ANT articles): Pearson r = ${pearson(oursScores, theirs).toFixed(3)}, same sign ${(100 * same / sample.length).toFixed(1)}%`);
}
