/**
 * Highlights are found by stemming only the tokens that contain a query stem (stemTokens with
 * needles). They must be exactly those of stemming every token: every word, every phrase (its words
 * next to each other in the text, not merely among the kept tokens), on real articles.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { findHighlights, buildSnippets } from "../../../src/store/query/buildSnippets.js";
import { parseQuery } from "../../../src/store/query/parseQuery.js";
import { stemTokens } from "../../../src/text/stem.js";
import { HAVE_NEWS, newsLines, seedText } from "../fixtures.js";

/** Queries from a text's own words: single words, adjacent pairs as phrases, and pairs that are not adjacent. */
function queriesOf(text: string, k: number): string[] {
  const words = text.split(/[\s\p{P}]+/u).filter((w) => w.length >= 3);
  const out: string[] = [];
  for (let i = 0; i + 4 < words.length && out.length < k; i += 7) {
    out.push(words[i]!, `"${words[i]} ${words[i + 1]}"`, `"${words[i]} ${words[i + 3]}"`, `${words[i + 2]} "${words[i + 3]} ${words[i + 4]}"`);
  }
  return out;
}

function agree(text: string, queries: string[]): number {
  const all = stemTokens(text);
  let found = 0;
  for (const q of queries) {
    const terms = parseQuery(q).terms.filter((t) => !t.negated);
    const fast = findHighlights(text, terms);
    assert.deepEqual(fast, findHighlights(text, terms, all), q);
    found += fast.length;
  }
  return found;
}

test("the seed: highlights from the needle tokens equal those from every token", () => {
  const text = seedText();
  const found = agree(text, queriesOf(text, 120));
  assert.ok(found > 100, `real matches were compared (${found})`);
  const hl = findHighlights(text, parseQuery('"الرئيس الأمريكي" ترامب').terms);
  assert.ok(hl.some(([s, e]) => /ترامب/.test(text.slice(s, e))));
  // A phrase whose words both occur, but never next to each other, is not highlighted.
  assert.deepEqual(findHighlights(text, parseQuery('"ترامب بومبيو"').terms), findHighlights(text, parseQuery('"ترامب بومبيو"').terms, stemTokens(text)));
  assert.ok(buildSnippets(text, parseQuery("ترامب").terms).every((s) => s.highlights.every(([a, b]) => a >= s.start && b <= s.end)));
});

test("200 news articles: highlights from the needle tokens equal those from every token", { skip: HAVE_NEWS ? false : "../shared/data/news is absent" }, () => {
  let found = 0;
  for (const n of newsLines().slice(0, 200)) found += agree(n.text, queriesOf(n.text, 12));
  assert.ok(found > 2000, `real matches were compared (${found})`);
});
