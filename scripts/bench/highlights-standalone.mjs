#!/usr/bin/env node
// Micro-benchmark of highlight finding (findHighlights) on 200 news articles, two single-word
// queries' worth of needles each (words from the article itself, at a third and two thirds of it).
// A second run highlights "ترامب الرئيس" (a name and a common word) in every article.
// "full" tokenises the whole article (stemTokens with needles, as findHighlights did before the
// needle scan); "scan" is findHighlights as it is now. Prints µs per article, median of the rounds.
// Usage: node scripts/bench/highlights-standalone.mjs [--root DIR] (DIR: a built checkout; default this one).
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const argv = process.argv.slice(2);
const root = argv.includes("--root") ? argv[argv.indexOf("--root") + 1] : new URL("../..", import.meta.url).pathname;
const news = join(new URL("../..", import.meta.url).pathname, "../shared/data/news/ant-multisource-v2.1.jsonl.gz");
const t0 = performance.now();
const { findHighlights } = await import(join(root, "dist/src/store/query/buildSnippets.js"));
const { stemTokens } = await import(join(root, "dist/src/text/stem.js"));
const { parseQuery } = await import(join(root, "dist/src/store/query/parseQuery.js"));
const loadMs = performance.now() - t0;

const lines = gunzipSync(readFileSync(news)).toString("utf8").split("\n").filter(Boolean).slice(0, 200).map((l) => JSON.parse(l));
const casesOf = (query) => lines.map(({ text }) => {
  const words = text.split(/[\s\p{P}]+/u).filter((w) => w.length >= 4);
  const terms = parseQuery(query(words)).terms;
  return { text, terms, needles: [...new Set(terms.flatMap((t) => t.stems))] };
});
const own = casesOf((w) => `${w[Math.floor(w.length / 3)] ?? "ترامب"} ${w[Math.floor((2 * w.length) / 3)] ?? "الرئيس"}`);
const fixed = casesOf(() => "ترامب الرئيس");
const chars = own.reduce((n, c) => n + c.text.length, 0);

let t1 = performance.now();
findHighlights(own[0].text, own[0].terms);
const firstMs = performance.now() - t1;

const full = (cases) => () => { let h = 0; for (const c of cases) h += findHighlights(c.text, c.terms, stemTokens(c.text, c.needles)).length; return h; };
const scan = (cases) => () => { let h = 0; for (const c of cases) h += findHighlights(c.text, c.terms).length; return h; };
function time(fn, rounds = 40) {
  for (let i = 0; i < 5; i++) fn();
  const us = [];
  let hits = 0;
  for (let i = 0; i < rounds; i++) {
    const s = performance.now();
    hits = fn();
    us.push(((performance.now() - s) * 1000) / lines.length);
  }
  us.sort((a, b) => a - b);
  return { median: us[us.length >> 1], min: us[0], hits };
}
console.log(`${lines.length} articles, ${(chars / lines.length).toFixed(0)} chars each on average; root ${root}`);
console.log(`module load ${loadMs.toFixed(1)} ms, first findHighlights call ${firstMs.toFixed(1)} ms`);
for (const [name, cases] of [["two of the article's own words", own], ['"ترامب الرئيس"', fixed]]) {
  const a = time(full(cases));
  const b = time(scan(cases));
  console.log(`${name}:`);
  console.log(`  full (stemTokens over the article): ${a.median.toFixed(2)} µs/article (min ${a.min.toFixed(2)}), ${a.hits} highlights`);
  console.log(`  findHighlights as built:            ${b.median.toFixed(2)} µs/article (min ${b.min.toFixed(2)}), ${b.hits} highlights`);
  console.log(`  ratio ${(a.median / b.median).toFixed(1)}x`);
}
