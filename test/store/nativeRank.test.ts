/**
 * rasd_bm25 (src/store/native/rasd_fts5.c) is FTS5's bm25 with the phrase counts kept between
 * queries. It must rank exactly as bm25(fts, 1.0, 0.0, 0.0) does, words, phrases, negations and date
 * filters alike, words matched as month words included, and the counts it is given must follow the
 * archive when articles are added.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../../src/store/SqliteStore.js";
import { packageRoot } from "../../src/resources.js";
import { HAVE_NEWS, newsLines, recordOf } from "./fixtures.js";
import { parseQuery } from "../../src/store/query/parseQuery.js";

const BUILT = existsSync(join(packageRoot(), "build/native/rasd_fts5.so"));

function builtinStore(file: string): SqliteStore {
  const saved = process.env.RASD_NATIVE;
  process.env.RASD_NATIVE = "0";
  try {
    return new SqliteStore(file, { readonly: true });
  } finally {
    if (saved === undefined) delete process.env.RASD_NATIVE;
    else process.env.RASD_NATIVE = saved;
  }
}

const QUERIES = [
  "ترامب",
  "الرئيس الأمريكي",
  '"الولايات المتحدة"',
  "إيران -الاتفاق",
  "النفط date:2018-05",
  "روسيا سوريا date:2018",
  '"وزير الخارجية" روسيا',
  "الحكومة -الوزراء -\"مجلس النواب\"",
  "كأس العالم",
  "الأسعار",
  // Matched as month words (schema 3): one month, three months, days inside two months, a negation,
  // a phrase, an end closed at the archive's last date.
  "ترامب date:2018-03",
  "الرئيس الأمريكي date:2018-03..2018-05",
  "إيران -الاتفاق date:2018-04-10..2018-05-20",
  '"الولايات المتحدة" date:2018-05',
  "النفط from:2018-04",
];

/** The queries a store matches as month words (its FTS5 expression reads the mterms column). */
function monthWordQueries(store: SqliteStore): string[] {
  const match = (store as unknown as { ftsMatch(pq: unknown): { positive: string | null } }).ftsMatch.bind(store);
  return QUERIES.filter((q) => match(parseQuery(q)).positive?.includes("mterms :"));
}

test("rasd_bm25 ranks exactly as FTS5's bm25, and its counts follow new articles", { skip: !HAVE_NEWS ? "../shared/data/news is absent" : !BUILT ? "build/native/rasd_fts5.so is not built (npm run build; it needs a C compiler)" : false }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-native-"));
  const file = join(dir, "a.db");
  const writer = new SqliteStore(file);
  try {
    const lines = newsLines().filter((n) => n.category === "internationalNews" || n.category === "middleEast" || n.category === "economy");
    await writer.put(lines.slice(0, 400).map((n) => recordOf(n)));
    const native = new SqliteStore(file, { readonly: true });
    const builtin = builtinStore(file);
    assert.equal(native.nativeRank, true);
    assert.equal(builtin.nativeRank, false);
    // The native ranking reads month words; bm25() cannot (it would count a month word's IDF).
    assert.deepEqual(monthWordQueries(native), QUERIES.filter((q) => /(?:date|from):\d{4}-/.test(q)), "every range of a few months; a year is twelve (MONTH_WORDS_MAX)");
    assert.deepEqual(monthWordQueries(builtin), []);
    const compare = async (round: string) => {
      let scored = 0;
      for (const q of QUERIES) {
        for (const facets of [false, true]) {
          const a = await native.search(q, { limit: 30, facets });
          const b = await builtin.search(q, { limit: 30, facets });
          assert.equal(a.total, b.total, `${round} ${q}`);
          assert.deepEqual(a.hits.map((h) => [h.id, h.score]), b.hits.map((h) => [h.id, h.score]), `${round} ${q} facets=${facets}`);
          scored += a.hits.filter((h) => h.score > 0).length;
        }
      }
      assert.ok(scored > 100, `the queries rank real matches (${scored} scored hits)`);
    };
    await compare("first");
    // New articles change every count: the kept counts must be dropped, or the scores would drift.
    await writer.put(lines.slice(400, 700).map((n) => recordOf(n)));
    await compare("after adding 300 articles");
    await native.close();
    await builtin.close();
  } finally {
    await writer.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
