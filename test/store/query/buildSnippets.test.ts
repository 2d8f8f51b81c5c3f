/**
 * Highlights are found by stemming only the tokens that contain a query stem (stemTokens with
 * needles). They must be exactly those of stemming every token: every word, every phrase (its words
 * next to each other in the text, not merely among the kept tokens), on real articles.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { findHighlights, buildSnippets, snippetsOf } from "../../../src/store/query/buildSnippets.js";
import { parseQuery } from "../../../src/store/query/parseQuery.js";
import { stemTokens, stemTokensNear, type StemmedToken } from "../../../src/text/stem.js";
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

/**
 * Needles a search would bring for this text, from its own stems: the most frequent, ones that occur
 * once, numbers, Latin words, and each paired with a stem from elsewhere (two needles at once).
 */
function needlesOf(text: string): string[][] {
  const count = new Map<string, number>();
  for (const t of stemTokens(text)) count.set(t.stem, (count.get(t.stem) ?? 0) + 1);
  const byFreq = [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
  const once = byFreq.filter((s) => count.get(s) === 1);
  const picks = [
    ...byFreq.slice(0, 4),
    ...once.filter((_, i) => i % 7 === 0).slice(0, 6),
    ...byFreq.filter((s) => /^[0-9]/.test(s)).slice(0, 3),
    ...byFreq.filter((s) => /^[a-z]/.test(s)).slice(0, 3),
  ];
  return [...picks.map((s) => [s]), ...picks.map((s, i) => [s, picks[(i * 5 + 3) % picks.length]!]).filter(([a, b]) => a !== b)];
}

const plain = (ts: StemmedToken[]) => ts.map((t) => [t.start, t.end, t.stem]);

/** The needle scan against the full tokeniser, and every single-word query's highlights and snippets. */
function scanAgrees(text: string): number {
  const all = stemTokens(text);
  let found = 0;
  for (const needles of needlesOf(text)) {
    const near = stemTokensNear(text, needles);
    assert.deepEqual(plain(near), plain(stemTokens(text, needles)), needles.join(" "));
    found += near.length;
    const terms = parseQuery(needles.join(" ")).terms;
    if (terms.some((t) => t.stems.length !== 1)) continue;
    const hl = findHighlights(text, terms);
    assert.deepEqual(hl, findHighlights(text, terms, all), needles.join(" "));
    assert.deepEqual(buildSnippets(text, terms), snippetsOf(text, findHighlights(text, terms, all)), needles.join(" "));
  }
  return found;
}

test("the seed: scanning for the needles gives the tokens, highlights and snippets of tokenising everything", () => {
  assert.ok(scanAgrees(seedText()) > 100);
});

test("200 news articles: scanning for the needles gives the tokens, highlights and snippets of tokenising everything", { skip: HAVE_NEWS ? false : "../shared/data/news is absent" }, () => {
  let found = 0;
  let marked = 0;
  for (const n of newsLines().slice(0, 200)) {
    found += scanAgrees(n.text);
    // Articles with diacritics or tatweel inside words: what the regex must step over.
    if (/[\p{L}][\u064b-\u065f\u0640]+[\p{L}]/u.test(n.text)) marked++;
  }
  assert.ok(found > 10000, `real matches were compared (${found})`);
  assert.ok(marked > 0, "some articles have marks inside words");
});
