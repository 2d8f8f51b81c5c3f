/**
 * Three things that make a search on a large archive cheaper without changing its answer:
 * - checkpoint() after a bulk ingest merges the full-text index's segments into one b-tree;
 * - a single word's document count (bm25's idf) is read from the index vocabulary, not by counting
 *   the rows of a MATCH;
 * - the entity facet sorts only the keys that can make its top twenty.
 * Each is checked against the way it replaced, on the bundled sample articles.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { SqliteStore, byteOrder, topByCount } from "../../src/store/SqliteStore.js";
import { recordOf, sampleLines } from "./fixtures.js";
import { parseQuery } from "../../src/store/query/parseQuery.js";

const QUERIES = ["ترامب", "الرئيس الأمريكي", '"الولايات المتحدة"', "النفط -أسعار", "روسيا date:2018-01", "الحكومة", "كأس العالم", "outlet:CNN", "2018", "y2018 سوريا", "اليوم"];

async function answers(store: SqliteStore): Promise<string> {
  const out = [];
  for (const q of QUERIES) out.push(await store.search(q, { limit: 10, facets: true }));
  return JSON.stringify(out);
}

test("checkpoint merges the full-text segments of a bulk ingest into one, and searches answer the same", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-tidy-"));
  try {
    const file = join(dir, "a.db");
    const lines = sampleLines();
    const store = new SqliteStore(file);
    // One transaction per batch: FTS5 writes a segment for each and merges them only in fours.
    for (let i = 0; i < lines.length; i += 10) await store.put(lines.slice(i, i + 10).map((n) => recordOf(n)));
    const before = store.ftsSegments();
    assert.ok(before > 1, `several segments after ${lines.length / 10} batches (${before})`);
    const fragmented = await answers(store);

    // A small ingest into a tidy archive leaves it alone; a fragmented index is merged whatever was added.
    assert.equal(store.checkpoint(1).merged, before > 8);
    assert.equal(store.checkpoint(lines.length).merged, before <= 8, "the whole sample added: merged now if not already");
    assert.equal(store.ftsSegments(), 1);
    assert.equal(await answers(store), fragmented, "the same totals, hits, scores and facets");
    await store.close();

    const reopened = new SqliteStore(file, { readonly: true });
    assert.equal(await answers(reopened), fragmented, "and read-only, after the log was folded in");
    await reopened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Every word of the index with its document count, counted by MATCH (the way bm25's counts were read). */
function countsByMatch(file: string): Map<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    db.exec("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, fts, col)");
    const words = db.prepare("SELECT term FROM temp.v WHERE col = 'terms'").pluck().all() as string[];
    const match = db.prepare("SELECT count(*) FROM fts WHERE fts MATCH ?").pluck();
    return new Map(words.map((w) => [w, match.get(`terms : "${w.replace(/"/g, '""')}"`) as number]));
  } finally {
    db.close();
  }
}

function assertCounts(store: SqliteStore, expected: Map<string, number>, how: string): void {
  const counted = store as unknown as { phraseCount(stems: string[]): number; dropKeptIfChanged(): void };
  counted.dropKeptIfChanged(); // as every search() does first
  for (const [w, n] of expected) assert.equal(counted.phraseCount([w]), n, `${w} (${how})`);
  // A word shaped like a date token is in no article's words (the stemmer splits letters from
  // digits) but y2018 is in the dates column of every 2018 article: only the words column counts.
  assert.equal(counted.phraseCount(["y2018"]), 0, `no article has the word y2018 (${how})`);
}

test("a word's document count, from term_docs or the index vocabulary, equals the count of its MATCH", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-vocab-"));
  try {
    const file = join(dir, "a.db");
    const lines = sampleLines();
    const writer = new SqliteStore(file);
    await writer.put(lines.slice(0, 120).map((n) => recordOf(n)));
    const fresh = countsByMatch(file);
    assert.ok(fresh.size > 5000, `${fresh.size} words`);
    // Before any checkpoint there is no term_docs: every count comes from the vocabulary.
    let reader = new SqliteStore(file, { readonly: true });
    assertCounts(reader, fresh, "vocabulary");
    await reader.close();

    writer.checkpoint(120);
    const tableRows = new Database(file, { readonly: true });
    // The most common word (of the words column only: no date tokens, no month words).
    const common = (tableRows.prepare("SELECT term, docs FROM term_docs ORDER BY docs DESC").all() as Array<{ term: string; docs: number }>).find((r) => /\p{L}{3}/u.test(r.term))!;
    assert.ok((tableRows.prepare("SELECT count(*) FROM term_docs").pluck().get() as number) > 100, "the common words are counted");
    tableRows.close();
    reader = new SqliteStore(file, { readonly: true });
    assertCounts(reader, fresh, "term_docs");
    await reader.close();

    // The counts are read from the table while it was counted on the archive as it is: a wrong count
    // written there shows, and once an article is added (no checkpoint yet) it no longer does.
    const tamper = new Database(file);
    tamper.prepare("UPDATE term_docs SET docs = 1 WHERE term = ?").run(common.term);
    tamper.close();
    reader = new SqliteStore(file, { readonly: true });
    assert.equal((reader as unknown as { phraseCount(s: string[]): number }).phraseCount([common.term]), 1, "read from term_docs");
    await writer.put([recordOf(lines[200]!)]);
    assertCounts(reader, countsByMatch(file), "term_docs outdated: vocabulary");
    await reader.close();
    await writer.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a lone word's or phrase's total is taken from its kept count, and equals its MATCH count", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-lone-"));
  try {
    const file = join(dir, "a.db");
    const writer = new SqliteStore(file);
    await writer.put(sampleLines().map((n) => recordOf(n)));
    writer.checkpoint(280); // term_docs written: the common words' counts are read from it
    await writer.close();
    const store = new SqliteStore(file, { readonly: true });
    const db = new Database(file, { readonly: true });
    const match = db.prepare("SELECT count(*) FROM fts WHERE fts MATCH ?").pluck();
    let matched = 0;
    for (const q of ["ترامب", "الحكومة", "اليوم", "2018", '"الولايات المتحدة"', '"وزير الخارجية"', "كورونا", "والرئيس"]) {
      const pq = parseQuery(q);
      const expected = match.get(`terms : "${pq.terms[0]!.stems.join(" ")}"`) as number;
      for (const facets of [false, true]) assert.equal((await store.search(q, { limit: 5, facets })).total, expected, `${q} facets=${facets}`);
      matched += expected;
    }
    assert.ok(matched > 100, `the words occur (${matched})`);
    db.close();
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the top twenty of a facet's counts are those of a full sort, ties in byte order", () => {
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const alphabet = ["ا", "ب", "Q1", "Q2", "\u{1F600}", "\uFFFD", "z", "\uE000"];
  for (let round = 0; round < 300; round++) {
    const counts = new Map<string, number>();
    const size = rand(120);
    for (let i = 0; i < size; i++) {
      const key = Array.from({ length: 1 + rand(3) }, () => alphabet[rand(alphabet.length)]).join("");
      counts.set(key, 1 + rand(rand(6) + 1));
    }
    const full = [...counts].sort((a, b) => b[1] - a[1] || byteOrder(a[0], b[0])).slice(0, 20).map(([id, count]) => ({ id, count }));
    assert.deepEqual(topByCount(counts, 20), full);
  }
  assert.deepEqual(topByCount(new Map(), 20), []);
});
