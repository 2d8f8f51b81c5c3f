/**
 * A query whose only condition is its words reads its matches from the full-text index alone and
 * takes each article's facet fields (outlet, section, date, entity keys) from what the connection
 * kept (SqliteStore.facetFieldsOf); with a filter the join reads them from the rows. Both must give
 * the same facets, whether the fields were kept or not, on real articles. Filters other than a date
 * range are tested in their own indexes on the full-text index's rowid (no article row read for a
 * match they drop), and must select what the join selects.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../../src/store/SqliteStore.js";
import { recordOf, sampleLines, withEntities } from "./fixtures.js";

/**
 * A date range holding every article of the sample: the same matches, read through the join. Its
 * exact cover would take 201 year tokens, more than dateCover gives, so the SQL condition decides it.
 */
const EVERY_DATE = " date:1900-01-01..2100-12-31";
const QUERIES = ["ترامب", "الرئيس الأمريكي", '"الولايات المتحدة"', "سوريا", "النفط -أسعار", "إيران", "الحكومة"];

/** The sample articles, with entities, in an archive file made for `use` and removed after it. */
async function withSampleArchive(use: (file: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "rasd-facetfields-"));
  try {
    const file = join(dir, "a.db");
    const writer = new SqliteStore(file);
    const lines = sampleLines();
    await writer.put(lines.map((n) => withEntities(recordOf(n))));
    await writer.close();
    assert.ok(lines.every((n) => /^(19|20)\d\d-/.test(n.date)), "every sample article is dated (the date range drops none)");
    await use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How many articles the archive file holds. */
async function articlesIn(file: string): Promise<number> {
  const counter = new SqliteStore(file, { readonly: true });
  try {
    return (await counter.stats()).articles;
  } finally {
    await counter.close();
  }
}

test("facets from kept fields equal those the join reads, cold and warm, within and beyond the rank window", () =>
  withSampleArchive(async (file) => {
    for (const rankWindow of [1000, 25]) {
      const store = new SqliteStore(file, { readonly: true, rankWindow });
      let entities = 0;
      for (const round of ["cold", "warm"]) {
        for (const q of QUERIES) {
          const words = await store.search(q, { limit: 5, facets: true });
          const joined = await store.search(q + EVERY_DATE, { limit: 5, facets: true });
          assert.equal(words.total, joined.total, `${q} (${round}, window ${rankWindow})`);
          assert.deepEqual(words.facets, joined.facets, `${q} (${round}, window ${rankWindow})`);
          assert.deepEqual(words.hits.map((h) => [h.id, h.score]), joined.hits.map((h) => [h.id, h.score]), `${q} (${round})`);
          entities += words.facets!.entities.length;
        }
      }
      assert.ok(entities > 20, `the facets name entities (${entities})`);
      await store.close();
    }
  }));

test("filters tested on the index's rowid select, rank and facet what the join does", () =>
  withSampleArchive(async (file) => {
    for (const rankWindow of [1000, 6]) {
      const store = new SqliteStore(file, { readonly: true, rankWindow });
      const broad = await store.search("الرئيس", { limit: 1, facets: true });
      const [o1, o2] = broad.facets!.outlets.map((o) => o.value);
      const [s1] = broad.facets!.sections.map((o) => o.value);
      assert.ok(o1 && o2 && s1, "the sample has outlets and sections");
      const filters = [`outlet:"${o1}"`, `outlet:"${o1}" outlet:"${o2}"`, `section:"${s1}"`, `outlet:"${o2}" section:"${s1}"`, "entity:ترامب", "type:PER", "entity:ترامب type:PER", "speaker:ترامب"];
      let matched = 0;
      for (const words of ["الرئيس", "ترامب", "الحكومة -سوريا"]) {
        for (const f of filters) {
          const q = `${words} ${f}`;
          for (const options of [{ limit: 5, facets: true }, { limit: 5, facets: false }, { limit: 5, offset: 2, facets: true, sort: "date" as const }]) {
            const keyed = await store.search(q, options);
            const joined = await store.search(q + EVERY_DATE, options);
            assert.equal(keyed.total, joined.total, `${q} (window ${rankWindow})`);
            assert.deepEqual(keyed.facets, joined.facets, `${q} (window ${rankWindow})`);
            assert.deepEqual(keyed.hits.map((h) => [h.id, h.score]), joined.hits.map((h) => [h.id, h.score]), `${q} (window ${rankWindow})`);
            matched += keyed.total;
          }
        }
      }
      assert.ok(matched > 100, `the filtered queries match articles (${matched})`);
      await store.close();
    }
  }));

test("the newest articles' facet fields kept at start give the answers of a connection that kept none", () =>
  withSampleArchive(async (file) => {
    const articles = await articlesIn(file);
    for (const rankWindow of [1000, 25]) {
      const plain = new SqliteStore(file, { readonly: true, rankWindow });
      // Half: some matches kept from the start, the older ones read as searches meet them.
      for (const n of [Math.floor(articles / 2), articles + 10]) {
        const started = new SqliteStore(file, { readonly: true, rankWindow });
        assert.equal(started.keepNewestFacetFields(n), Math.min(n, articles));
        for (const q of [...QUERIES, "الرئيس date:2018", 'outlet:"BBC Arabic" الحكومة']) {
          for (const options of [{ limit: 5, facets: true }, { limit: 5, offset: 3, facets: true, sort: "date" as const }]) {
            assert.deepEqual(await started.search(q, options), await plain.search(q, options), `${q} (${n} kept, window ${rankWindow})`);
          }
        }
        await started.close();
      }
      await plain.close();
    }
  }));

test("kept chunk by chunk from the newest, or within a bound that empties them, the facet fields give the same answers", () =>
  withSampleArchive(async (file) => {
    const articles = await articlesIn(file);
    const plain = new SqliteStore(file, { readonly: true, rankWindow: 25 });
    // A read worker's start: the newest few, then older chunks until every article is kept.
    const chunked = new SqliteStore(file, { readonly: true, rankWindow: 25 });
    assert.equal(chunked.keepNewestFacetFields(10), 10);
    let steps = 0;
    while (chunked.keepOlderFacetFields(7)) steps++;
    assert.equal(steps, Math.floor((articles - 10) / 7), "chunks of 7 until the oldest article");
    // A bound smaller than one search's matches: the kept fields are emptied before each search needs room.
    const bounded = new SqliteStore(file, { readonly: true, rankWindow: 25, keptFacetFields: 30 });
    assert.equal(bounded.keepNewestFacetFields(), 30);
    assert.equal(bounded.keepOlderFacetFields(5), false, "no room left for more");
    for (const round of ["cold", "warm"]) {
      for (const q of [...QUERIES, "الرئيس date:2018", 'outlet:"BBC Arabic" الحكومة', "الرئيس" + EVERY_DATE]) {
        const want = await plain.search(q, { limit: 5, facets: true });
        assert.deepEqual(await chunked.search(q, { limit: 5, facets: true }), want, `${q} (chunked, ${round})`);
        assert.deepEqual(await bounded.search(q, { limit: 5, facets: true }), want, `${q} (bounded, ${round})`);
      }
    }
    for (const s of [plain, chunked, bounded]) await s.close();
    assert.equal(chunked.keepOlderFacetFields(7), false, "nothing read from a closed archive");
  }));

test("an archive without the facet index opened read-only keeps nothing at start and searches as before", () =>
  withSampleArchive(async (file) => {
    const before = new SqliteStore(file, { readonly: true });
    const answer = await before.search("الرئيس", { limit: 5, facets: true });
    await before.close();
    const Database = (await import("better-sqlite3")).default;
    const db = new Database(file);
    db.exec("DROP INDEX articles_facets");
    db.close();
    const old = new SqliteStore(file, { readonly: true });
    assert.equal(old.keepNewestFacetFields(), 0);
    assert.deepEqual(await old.search("الرئيس", { limit: 5, facets: true }), answer);
    await old.close();
  }));
