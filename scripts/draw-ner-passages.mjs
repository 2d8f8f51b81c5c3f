#!/usr/bin/env node
/**
 * Draws passages for a hand-annotated entity set (test/data/ner), by a seeded random draw, so that
 * a blind set can be drawn again and checked:
 * `node scripts/draw-ner-passages.mjs SEED PER_OUTLET [EARLIER_SET.jsonl ...]`.
 * Articles that a quote set or golden article uses are skipped (their texts were read while the
 * annotators were tuned), and so are those of the entity sets named after the count (the sets drawn
 * before this one: test/data/ner/README.md gives each set's command). One passage per article: a
 * paragraph chosen in a seeded order among those of 250–800 characters with Arabic prose, cut to
 * whole sentences of at most 800 characters. Prints one `{ id, source, outlet, category, text }` a
 * line; `id` is the outlet's initial and the passage's number within the draw.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { rng, sentences, addSources, jsonlIn, articlesByOutlet } from "./lib/passageDraw.mjs";

const [seedArg = "1", perArg = "12", ...earlier] = process.argv.slice(2);
const GOLDEN = join(import.meta.dirname, "../test/golden");

const used = addSources(new Set(), [...jsonlIn(join(import.meta.dirname, "../test/data/quotes")), ...earlier]);
for (const d of readdirSync(GOLDEN)) {
  const e = join(GOLDEN, d, "expected.json");
  if (!existsSync(e)) continue;
  const about = JSON.parse(readFileSync(e, "utf8")).about ?? "";
  for (const m of about.matchAll(/[A-Z]{2}-[A-Za-z]+-\d+-\d{8}/g)) used.add(m[0]);
}

const byOutlet = articlesByOutlet(used);

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
