#!/usr/bin/env node
/**
 * Draws candidate passages for a hand-annotated quote set, by a seeded random draw, so that a blind
 * set can be drawn again and checked: `node scripts/draw-quote-passages.mjs SEED PER_OUTLET [EXCLUDE.jsonl ...]`.
 * Articles whose id is the `source` of a passage in any test/data/quotes/*.jsonl (or in the extra
 * EXCLUDE files) are skipped, so a new set never shares an article with the sets before it.
 * One passage per article: the first paragraph (in a seeded order) with a quotation mark or a
 * common reporting word, cut to whole sentences of at most ~500 characters. Whether it really holds
 * a quote is for the annotator to judge; passages without one are dropped by hand, in draw order.
 * Prints one `{ id, source, outlet, text }` a line.
 */
import { join } from "node:path";
import { rng, sentences, addSources, jsonlIn, articlesByOutlet } from "./lib/passageDraw.mjs";

const [seedArg = "1", perArg = "10", ...extra] = process.argv.slice(2);
const used = addSources(new Set(), [...jsonlIn(join(import.meta.dirname, "../test/data/quotes")), ...extra]);

// Broad on purpose (marks and the commonest reporting stems), not the annotator's lexicon.
const CUE = /[«"“]|(?:^|\s)[وف]?(?:قال|تقول|يقول|أكد|أعلن|أوضح|أشار|أضاف|ذكر|صرح|اعتبر|رأى|شدد|لفت|نفى|حذر|كشف|أفاد|تابع|بحسب|وفق|نقل|قوله)/;

const byOutlet = articlesByOutlet(used);

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
    const paras = a.text.split(/\n+/).map((p) => p.trim()).filter((p) => p.length >= 60);
    const order = paras.map((p, k) => [rand(), k]).sort((x, y) => x[0] - y[0]).map(([, k]) => k);
    for (const k of order) {
      const p = paras[k];
      if (!CUE.test(p)) continue;
      let text = p;
      if (p.length > 500) {
        const ss = sentences(p);
        const s0 = ss.findIndex((s) => CUE.test(s));
        text = "";
        for (let j = s0; j < ss.length && (text + ss[j]).length <= 500; j++) text += ss[j];
        if (!text) text = ss[s0];
        text = text.trim();
      }
      console.log(JSON.stringify({ id: "", source: a.id, outlet, text }));
      taken++;
      break;
    }
  }
}
