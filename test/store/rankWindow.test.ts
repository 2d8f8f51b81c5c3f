/**
 * SQLite relevance ranking is bounded: a query matching more articles than the rank window scores
 * only the most recently added ones (the total stays exact, and a warning says so); a narrower query,
 * or a date sort, sees every match. Facets are counted over the same window. Here with a window of 4
 * over 10 matching articles.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../../src/store/SqliteStore.js";
import { recordOf } from "./fixtures.js";

const SENTENCE = "أعلن الرئيس الأميركي دونالد ترامب اليوم أن بلاده ستواصل العمل مع الحلفاء في المنطقة لمواجهة التحديات.";
const OTHER = "وقال وزير الخارجية إن المحادثات مع الجانب الآخر ستستأنف الأسبوع المقبل في العاصمة.";

test("relevance is ranked among the most recently added matches of a broad query; totals stay exact", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-rank-"));
  const store = new SqliteStore(join(dir, "a.db"), { rankWindow: 4 });
  try {
    const recs = Array.from({ length: 10 }, (_, i) =>
      recordOf(
        { id: `r${i}`, outlet: "BBC Arabic", category: "politics", title: `خبر ${i}`, date: `2018-03-${String(i + 1).padStart(2, "0")}`, url: `https://example.org/${i}`, text: "" },
        // Article 0 says ترامب most often: first by relevance, if it were scored.
        [`الخبر رقم ${i + 1}.`, ...Array.from({ length: i === 0 ? 6 : 1 }, () => SENTENCE), OTHER].join("\n"),
      ),
    );
    for (const r of recs) await store.put([r]);
    const order = recs.map((r) => r.id);

    const broad = await store.search("ترامب", { limit: 10 });
    assert.equal(broad.total, 10);
    assert.deepEqual(new Set(broad.hits.map((h) => h.id)), new Set(order.slice(6)), "the four added last");
    assert.ok(broad.warnings?.some((w) => /ranked by relevance among the 4 most recently added/.test(w)), JSON.stringify(broad.warnings));

    // Facets count the same window, and say so; the total stays exact.
    const faceted = await store.search("ترامب", { limit: 10, facets: true });
    assert.equal(faceted.total, 10);
    assert.equal(faceted.facets!.sample, 4);
    assert.deepEqual(faceted.facets!.outlets, [{ value: "BBC Arabic", count: 4 }]);
    assert.deepEqual(faceted.facets!.dates.map((d) => d.date), ["2018-03-07", "2018-03-08", "2018-03-09", "2018-03-10"]);
    assert.ok(faceted.warnings?.some((w) => /the facets count the 4 most recently added/.test(w)));
    const all = await store.search("sort:date", { limit: 3, facets: true });
    assert.equal(all.total, 10);
    assert.equal(all.facets!.sample, 4);
    assert.deepEqual(all.hits.map((h) => h.id), order.slice(7).reverse());

    // Narrowed below the window (a date range), every match is scored: the one saying ترامب most leads.
    const narrow = await store.search("ترامب date:2018-03-01..2018-03-04", { limit: 10 });
    assert.equal(narrow.total, 4);
    assert.equal(narrow.hits[0]!.id, order[0]);
    assert.equal(narrow.warnings, undefined);
    const narrowFacets = await store.search("ترامب date:2018-03-01..2018-03-04", { limit: 10, facets: true });
    assert.equal(narrowFacets.facets!.sample, undefined);
    assert.equal(narrowFacets.facets!.outlets[0]!.count, 4);

    // Sorting by date is not bounded.
    const byDate = await store.search("ترامب sort:oldest", { limit: 10 });
    assert.deepEqual(byDate.hits.map((h) => h.id), order);
    assert.equal(byDate.warnings, undefined);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a match guessed to fit the window but larger is read again newest first: the same window as without the guess", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-rank-"));
  const store = new SqliteStore(join(dir, "a.db"), { rankWindow: 4 });
  try {
    const article = (i: number, date: string, text: string) =>
      recordOf({ id: `r${i}`, outlet: i % 2 ? "BBC Arabic" : "CNN", category: "politics", title: `خبر ${i}`, date, url: `https://example.org/${i}`, text: "" }, [`الخبر رقم ${i + 1}.`, text].join("\n"));
    // Ten articles name ترامب, all in March 2018; forty others, in 2019, do not. Taken as independent,
    // the word (10 of 50 articles) and the month (10 of 50) predict 2 matches; there are 10.
    const recs = [
      ...Array.from({ length: 10 }, (_, i) => article(i, `2018-03-${String(i + 1).padStart(2, "0")}`, SENTENCE)),
      ...Array.from({ length: 40 }, (_, i) => article(10 + i, `2019-05-${String((i % 28) + 1).padStart(2, "0")}`, OTHER)),
    ];
    // Added in an order that is not the dates' order, so "newest added" and "latest date" differ.
    for (const k of [3, 7, 0, 9, 1, 5, 8, 2, 6, 4]) await store.put([recs[k]!]);
    await store.put(recs.slice(10));
    const newestAdded = [8, 2, 6, 4].map((k) => recs[k]!.id); // the last four ترامب articles put

    const month = await store.search("ترامب date:2018-03", { limit: 10, facets: true });
    assert.equal(month.total, 10);
    assert.equal(month.facets!.sample, 4);
    assert.deepEqual(new Set(month.hits.map((h) => h.id)), new Set(newestAdded));
    assert.deepEqual(month.facets!.dates.map((d) => d.date).sort(), ["2018-03-03", "2018-03-05", "2018-03-07", "2018-03-09"]);

    // Guessed right (two days: 0.4 expected), every match is read and ranked.
    const days = await store.search("ترامب date:2018-03-01..2018-03-02", { limit: 10, facets: true });
    assert.equal(days.total, 2);
    assert.equal(days.facets!.sample, undefined);
    assert.deepEqual(days.hits.map((h) => h.id).sort(), [recs[0]!.id, recs[1]!.id].sort());
    assert.deepEqual(days.facets!.outlets, [{ value: "BBC Arabic", count: 1 }, { value: "CNN", count: 1 }]);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
