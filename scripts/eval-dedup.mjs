#!/usr/bin/env node
// Near-duplicate evaluation (issue 6): pairs made from ../shared/data/news by the edits outlets make
// when they re-run agency copy — boilerplate swapped, paragraphs reordered, paragraphs trimmed, the
// headline rewritten (one to three of them per copy) — must be found (recall >= 0.95), and random
// pairs of different articles must not be (false positives <= 0.01). A pair is "found" as the archive
// finds it: the two share an LSH band AND the signature comparison says duplicate.
//
// Usage: node scripts/eval-dedup.mjs [--pairs N] [--random N] [--seed S]   (runs dist/: build first)
import { readFileSync, existsSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const argv = process.argv.slice(2);
const opt = (k, d) => { const i = argv.indexOf(`--${k}`); return i >= 0 ? Number(argv[i + 1]) : d; };
const PAIRS = opt("pairs", 1000), RANDOM = opt("random", 10000);
let seed = opt("seed", 42);
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const { minhash, bandKeys, compareSignatures } = await import(join(root, "dist/src/dedup/MinHash.js"));
const news = join(root, "..", "shared", "data", "news");
if (!existsSync(news)) { console.error("eval-dedup: needs ../shared/data/news"); process.exit(2); }
const arts = [];
for (const f of ["ant-multisource-v2.1.jsonl.gz", "ant-jawharafm-v1.1.jsonl.gz"]) {
  const p = join(news, f);
  if (!existsSync(p)) continue;
  for (const l of gunzipSync(readFileSync(p)).toString("utf8").split("\n")) {
    if (!l.trim()) continue;
    const o = JSON.parse(l);
    const paras = o.text.split("\n").map((x) => x.trim()).filter(Boolean);
    if (o.text.length >= 600 && paras.length >= 3) arts.push({ title: o.title ?? "", paras, md5: o.text_md5, outlet: o.outlet });
  }
}

// Boilerplate as outlets add it (share prompts, follow-us lines, agency credits, datelines).
const BOILER = [
  "تابعونا على تويتر وفيسبوك للمزيد من الأخبار العاجلة",
  "جميع الحقوق محفوظة للناشر © 2018",
  "المصدر: وكالات",
  "اقرأ أيضا: آخر المستجدات في نشرة الأخبار اليومية",
  "شارك هذا الخبر عبر واتساب",
  "(رويترز) -",
];
const text = (a) => `${a.title}\n\n${a.paras.join("\n")}`;

const EDITS = {
  boilerplate: (a) => {
    const drop = a.paras.filter((p, i) => !(p.length < 60 && (i === 0 || i === a.paras.length - 1)));
    return { ...a, paras: [pick(BOILER), ...drop, pick(BOILER), pick(BOILER)] };
  },
  reorder: (a) => {
    const p = [...a.paras];
    const i = Math.floor(rand() * (p.length - 1));
    [p[i], p[i + 1]] = [p[i + 1], p[i]];
    if (p.length > 3) p.splice(1, 0, p.pop());
    return { ...a, paras: p };
  },
  trim: (a) => {
    // Agency copy is cut from the bottom: keep at least 60% of the body.
    const total = a.paras.join("\n").length;
    const p = [...a.paras];
    while (p.length > 2 && (p.join("\n").length - p[p.length - 1].length) >= 0.6 * total && rand() < 0.8) p.pop();
    return { ...a, paras: p };
  },
  headline: (a) => ({ ...a, title: pick(arts).title }),
};
const names = Object.keys(EDITS);

const found = (x, y) => {
  const sx = minhash(x), sy = minhash(y);
  const bx = new Set(bandKeys(sx));
  const candidate = bandKeys(sy).some((b) => bx.has(b));
  return { hit: candidate && compareSignatures(sx, sy).duplicate, ...compareSignatures(sx, sy) };
};

const per = Object.fromEntries(names.map((n) => [n, { n: 0, hit: 0 }]));
let hits = 0;
const misses = [];
for (let i = 0; i < PAIRS; i++) {
  const a = pick(arts);
  const k = 1 + Math.floor(rand() * 3);
  const chosen = [...names].sort(() => rand() - 0.5).slice(0, k);
  let b = a;
  for (const e of chosen) b = EDITS[e](b);
  const r = found(text(a), text(b));
  if (r.hit) hits++;
  else if (misses.length < 5) misses.push({ edits: chosen.join("+"), jaccard: r.jaccard, containment: +r.containment.toFixed(2) });
  for (const e of chosen) { per[e].n++; if (r.hit) per[e].hit++; }
}
let fp = 0, rn = 0;
for (let i = 0; i < RANDOM; i++) {
  const a = pick(arts), b = pick(arts);
  if (a === b || a.md5 === b.md5) continue;
  rn++;
  if (found(text(a), text(b)).hit) fp++;
}
const recall = hits / PAIRS, fpr = fp / rn;
console.log(`near-duplicates: ${arts.length} articles; ${PAIRS} edited pairs, ${rn} random pairs (seed ${opt("seed", 42)})`);
console.log(`recall ${recall.toFixed(3)} (target >= 0.95)  false positives ${fpr.toFixed(4)} (${fp}/${rn}; target <= 0.01)`);
for (const n of names) console.log(`  with ${n}: recall ${(per[n].hit / per[n].n).toFixed(3)} (${per[n].n} pairs)`);
if (misses.length) console.log("  some misses:", JSON.stringify(misses));
process.exitCode = recall >= 0.95 && fpr <= 0.01 ? 0 : 1;
