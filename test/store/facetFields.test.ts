/**
 * A query whose only condition is its words reads its matches from the full-text index alone and
 * takes each article's facet fields (outlet, section, date, entity keys) from what the connection
 * kept (SqliteStore.facetFieldsOf); with a filter the join reads them from the rows. Both must give
 * the same facets, whether the fields were kept or not, on real articles.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../../src/store/SqliteStore.js";
import { recordOf, sampleLines, withEntities } from "./fixtures.js";

/** A date range holding every article of the sample: the same matches, read through the join. */
const EVERY_DATE = " date:1900-01-01..2100-12-31";
const QUERIES = ["ترامب", "الرئيس الأمريكي", '"الولايات المتحدة"', "سوريا", "النفط -أسعار", "إيران", "الحكومة"];

test("facets from kept fields equal those the join reads, cold and warm, within and beyond the rank window", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-facetfields-"));
  try {
    const file = join(dir, "a.db");
    const writer = new SqliteStore(file);
    const lines = sampleLines();
    await writer.put(lines.map((n) => withEntities(recordOf(n))));
    await writer.close();
    assert.ok(lines.every((n) => /^(19|20)\d\d-/.test(n.date)), "every sample article is dated (the date range drops none)");
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
