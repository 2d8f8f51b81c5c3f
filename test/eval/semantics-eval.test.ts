import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { evalQuotes, readQuotePassages, matchSpans } from "../../src/eval/quotes.js";
import { evalEvents, readEventSentences } from "../../src/eval/events.js";

const data = (rel: string) => new URL(`../data/${rel}`, import.meta.url);

test("eval quotes: gold spans are slices of their passage; scores are consistent", () => {
  const passages = readQuotePassages(readFileSync(data("quotes/passages.jsonl"), "utf8"));
  assert.ok(passages.length >= 40);
  assert.ok(new Set(passages.map((p) => p.outlet)).size >= 4);
  for (const p of passages) for (const q of p.quotes) assert.equal(p.text.slice(q.start, q.end), q.text, p.id);
  const s = evalQuotes(passages.slice(0, 12));
  assert.ok(s.matched <= Math.min(s.gold, s.predicted));
  assert.ok(s.f1 >= 0 && s.f1 <= 1);
});

test("eval quotes: spans match one to one on half the shorter span", () => {
  const pairs = matchSpans([{ start: 0, end: 10 }, { start: 20, end: 30 }], [{ start: 2, end: 9 }, { start: 2, end: 10 }, { start: 29, end: 40 }]);
  assert.deepEqual(pairs.map(([g, p]) => [g.start, p.start, p.end]), [[0, 2, 10]]);
});

test("eval events: gold triggers are slices of their sentence with a two-digit root", () => {
  const sentences = readEventSentences(readFileSync(data("events/sentences.jsonl"), "utf8"));
  assert.ok(sentences.length >= 40);
  for (const x of sentences) for (const e of x.events) {
    assert.equal(x.text.slice(e.start, e.end), e.trigger, x.id);
    assert.ok(/^(0[1-9]|1\d|20)$/.test(e.root), e.root);
  }
  const s = evalEvents(sentences.slice(0, 8));
  assert.ok(s.matched <= Math.min(s.gold, s.predicted));
});
