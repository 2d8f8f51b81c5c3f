/**
 * The entity facet of a search counts, over the matched articles, the articles each entity is in. It
 * is counted from the `entity_keys` each article row carries; archives written before that column
 * (or rows without its value) are counted in SQL over the entities table. Every way must give the
 * same twenty entities with the same counts, in the same order.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { SqliteStore, byteOrder } from "../../src/store/SqliteStore.js";
import { HAVE_NEWS, newsLines, type NewsLine } from "./fixtures.js";
import { Pipeline } from "../../src/pipeline.js";
import { loadDocument } from "../../src/sources/index.js";
import { structureAnnotator } from "../../src/annotate/01-structure/index.js";
import { entitiesAnnotator } from "../../src/annotate/02-entities/index.js";
import type { RasdRecord } from "../../src/types.js";

// The entities the tagger and linker find: many per article, many shared, many tied in count.
const tagged = new Pipeline([structureAnnotator, entitiesAnnotator]);
function recordOf(n: NewsLine): RasdRecord {
  return tagged.run(loadDocument({ text: n.text, kind: "jsonl", uri: n.url, meta: { title: n.title, outlet: n.outlet, publisher: n.outlet, category: n.category, url: n.url, published: n.date } }));
}

const QUERIES = ["ترامب", "الرئيس الأمريكي", '"الولايات المتحدة"', "إيران -الاتفاق", "روسيا سوريا date:2018", "الحكومة", "كأس العالم", "outlet:CNN"];

async function entityFacets(file: string): Promise<unknown[]> {
  const store = new SqliteStore(file, { readonly: true });
  try {
    const out = [];
    for (const q of QUERIES) out.push({ q, entities: (await store.search(q, { limit: 5, facets: true })).facets?.entities });
    return out;
  } finally {
    await store.close();
  }
}

function edit(file: string, sql: string): void {
  const db = new Database(file);
  db.exec(sql);
  db.close();
}

test("entity facets are the same from the rows' entity keys, from SQL, and from a mix of both", { skip: !HAVE_NEWS && "../shared/data/news is absent" }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-facets-"));
  try {
    const file = join(dir, "a.db");
    const lines = newsLines().filter((n) => n.category === "internationalNews" || n.category === "middleEast" || n.category === "sport");
    const writer = new SqliteStore(file);
    await writer.put(lines.slice(0, 400).map((n) => recordOf(n)));
    writer.checkpoint();
    await writer.close();

    const fromKeys = await entityFacets(file);
    const counted = fromKeys.flatMap((f) => (f as { entities?: Array<{ count: number }> }).entities ?? []);
    assert.ok(counted.length > 60 && counted.some((e) => e.count > 5), "the queries have real entity facets");
    // Ties are common (many entities in one or two articles): the order among them must hold too.
    assert.ok(counted.some((e, i) => i > 0 && counted[i - 1]!.count === e.count), "some counts tie");

    const noValues = join(dir, "b.db");
    copyFileSync(file, noValues);
    edit(noValues, "UPDATE articles SET entity_keys = NULL");
    assert.deepEqual(await entityFacets(noValues), fromKeys, "counted in SQL");

    const half = join(dir, "c.db");
    copyFileSync(file, half);
    edit(half, "UPDATE articles SET entity_keys = NULL WHERE doc % 2 = 0");
    assert.deepEqual(await entityFacets(half), fromKeys, "half from the rows, half in SQL");

    // An archive written before the column: read as it is, then given the column when opened to write.
    const old = join(dir, "d.db");
    copyFileSync(file, old);
    edit(old, "DROP INDEX articles_facets; ALTER TABLE articles DROP COLUMN entity_keys");
    assert.deepEqual(await entityFacets(old), fromKeys, "an archive without the column");
    const reopened = new SqliteStore(old);
    await reopened.put(lines.slice(400, 500).map((n) => recordOf(n)));
    reopened.checkpoint();
    await reopened.close();
    const db = new Database(old, { readonly: true });
    // Opened to write, it was also given the facet index the search reads facet fields from.
    assert.ok(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'articles_facets'").get(), "the facet index was added");
    db.close();
    const grown = new SqliteStore(file);
    await grown.put(lines.slice(400, 500).map((n) => recordOf(n)));
    grown.checkpoint();
    await grown.close();
    assert.deepEqual(await entityFacets(old), await entityFacets(file), "old rows in SQL, new rows from their keys");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("byteOrder sorts as SQLite compares TEXT, by code point, also outside the BMP", () => {
  const words = ["Q42", "PER:ترامب", "PER:\u{1F600}", "PER:\uFFFD", "ORG:a", "LOC:ب", "LOC:\u{10400}x"];
  const db = new Database(":memory:");
  db.exec("CREATE TABLE t(k TEXT)");
  const ins = db.prepare("INSERT INTO t VALUES (?)");
  for (const w of words) ins.run(w);
  const sqlite = (db.prepare("SELECT k FROM t ORDER BY k").pluck().all() as string[]);
  db.close();
  assert.deepEqual([...words].sort(byteOrder), sqlite);
  // Plain UTF-16 comparison would put U+FFFD after the emoji's surrogates: the case byteOrder exists for.
  assert.notDeepEqual([...words].sort(), sqlite);
});
