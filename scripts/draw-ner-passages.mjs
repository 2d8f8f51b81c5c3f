#!/usr/bin/env node
/**
 * Draws passages for a hand-annotated entity set (test/data/ner), by a seeded random draw, so that
 * a blind set can be drawn again and checked: `node scripts/draw-ner-passages.mjs SEED PER_OUTLET`.
 * Articles that any quote set, entity set (test/data/ner/*.jsonl) or golden article already uses are
 * skipped (the quote and golden texts were read while the annotators were tuned; a new entity set
 * shares no article with the sets before it). One passage per article: a paragraph chosen in a seeded order among
 * those of 250–800 characters with Arabic prose, cut to whole sentences of at most 800 characters.
 * Prints one `{ id, source, outlet, category, text }` a line; `id` is the outlet's initial and the
 * passage's number within the draw.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";

const [seedArg = "1", perArg = "12"] = process.argv.slice(2);
const NEWS = join(import.meta.dirname, "../../shared/data/news/ant-multisource-v2.1.jsonl.gz");
const QUOTES = join(import.meta.dirname, "../test/data/quotes");
const GOLDEN = join(import.meta.dirname, "../test/golden");
const NER_SETS = join(import.meta.dirname, "../test/data/ner");

/** mulberry32: a small seeded generator, so the draw is the same on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const used = new Set();
for (const f of readdirSync(QUOTES).filter((f) => f.endsWith(".jsonl"))) {
  for (const line of readFileSync(join(QUOTES, f), "utf8").split("\n")) if (line.trim()) used.add(JSON.parse(line).source);
}
for (const f of readdirSync(NER_SETS).filter((f) => f.endsWith(".jsonl"))) {
  for (const line of readFileSync(join(NER_SETS, f), "utf8").split("\n")) if (line.trim()) used.add(JSON.parse(line).source);
}
for (const d of readdirSync(GOLDEN)) {
  const e = join(GOLDEN, d, "expected.json");
  if (!existsSync(e)) continue;
  const about = JSON.parse(readFileSync(e, "utf8")).about ?? "";
  for (const m of about.matchAll(/[A-Z]{2}-[A-Za-z]+-\d+-\d{8}/g)) used.add(m[0]);
}

const byOutlet = new Map();
for (const line of gunzipSync(readFileSync(NEWS)).toString("utf8").split("\n")) {
  if (!line.trim()) continue;
  const a = JSON.parse(line);
  if (used.has(a.id) || !a.text) continue;
  if (!byOutlet.has(a.outlet)) byOutlet.set(a.outlet, []);
  byOutlet.get(a.outlet).push(a);
}

function sentences(p) {
  const out = [];
  const re = /[^.!؟?]+(?:[.!؟?]+["»”]?|$)\s*/g;
  let m;
  while ((m = re.exec(p)) && m[0]) out.push(m[0]);
  return out;
}

const arabicShare = (p) => (p.match(/[\u0621-\u064A]/g)?.length ?? 0) / p.length;

const rand = rng(Number(seedArg));
const per = Number(perArg);
for (const outlet of [...byOutlet.keys()].sort()) {
  const arts = byOutlet.get(outlet);
  let taken = 0;
  const seen = new Set();
  while (taken < per && seen.size < arts.length) {
    const i = Math.floor(rand() * arts.length);
    if (seen.has(i)) continue;
    seen.add(i);
    const a = arts[i];
    const paras = a.text.split(/\n+/).map((p) => p.trim()).filter((p) => p.length >= 250 && arabicShare(p) > 0.6);
    if (!paras.length) continue;
    const p = paras[Math.floor(rand() * paras.length)];
    let text = "";
    for (const s of sentences(p)) {
      if ((text + s).length > 800) break;
      text += s;
    }
    text = (text || p.slice(0, 800)).trim();
    if (text.length < 200) continue;
    taken++;
    const id = `${outlet[0].toLowerCase()}${String(taken).padStart(2, "0")}`;
    console.log(JSON.stringify({ id, source: a.id, outlet, category: a.category, text }));
  }
}
