// What the scripts that draw passages for hand-annotated sets share (draw-quote-passages.mjs,
// draw-ner-passages.mjs): a seeded generator, the sentence cut, the ids of articles earlier sets
// used, and the news articles by outlet.
import { readFileSync, readdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";

const NEWS = join(import.meta.dirname, "../../../shared/data/news/ant-multisource-v2.1.jsonl.gz");

/** mulberry32: a small seeded generator, so the draw is the same on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A paragraph's sentences, each with its closing marks and the space after it. */
export function sentences(p) {
  const out = [];
  const re = /[^.!؟?]+(?:[.!؟?]+["»”]?|$)\s*/g;
  let m;
  while ((m = re.exec(p)) && m[0]) out.push(m[0]);
  return out;
}

/** Adds to `used` the `source` of every passage of the given JSONL files. */
export function addSources(used, files) {
  for (const f of files) {
    for (const line of readFileSync(f, "utf8").split("\n")) if (line.trim()) used.add(JSON.parse(line).source);
  }
  return used;
}

/** The JSONL files of a folder. */
export const jsonlIn = (dir) => readdirSync(dir).filter((f) => f.endsWith(".jsonl")).map((f) => join(dir, f));

/** The ANT multi-source articles with text, by outlet, in file order, less those in `used`. */
export function articlesByOutlet(used) {
  const byOutlet = new Map();
  for (const line of gunzipSync(readFileSync(NEWS)).toString("utf8").split("\n")) {
    if (!line.trim()) continue;
    const a = JSON.parse(line);
    if (used.has(a.id) || !a.text) continue;
    if (!byOutlet.has(a.outlet)) byOutlet.set(a.outlet, []);
    byOutlet.get(a.outlet).push(a);
  }
  return byOutlet;
}
