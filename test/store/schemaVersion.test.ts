/**
 * The SQLite archive records its schema version; an archive of another version (older, from before
 * the version was kept, or newer) is refused with RASD_STORE_VERSION and a message that says what to
 * do, never an SQL error about a missing column halfway through a search.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { SqliteStore, SCHEMA_VERSION } from "../../src/store/SqliteStore.js";
import { RasdError } from "../../src/errors.js";
import { HAVE_NEWS, newsLines, recordOf } from "./fixtures.js";

function withDir(fn: (dir: string) => Promise<void> | void) {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), "rasd-schema-"));
    try {
      await fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

function refused(open: () => unknown, version: RegExp): void {
  assert.throws(open, (e: unknown) => {
    assert.ok(e instanceof RasdError, String(e));
    assert.equal(e.code, "RASD_STORE_VERSION");
    assert.match(e.message, version);
    return true;
  });
}

test("a new archive records its schema version", withDir(async (dir) => {
  const path = join(dir, "a.db");
  await new SqliteStore(path).close();
  const db = new Database(path, { readonly: true });
  assert.deepEqual(db.prepare("SELECT value FROM meta WHERE key = 'schema'").get(), { value: String(SCHEMA_VERSION) });
  db.close();
  // Reopened, read-write and read-only, it is accepted.
  await new SqliteStore(path).close();
  const ro = new SqliteStore(path, { readonly: true });
  assert.equal((await ro.search("ترامب")).total, 0);
  await ro.close();
}));

test("an archive from before the version was kept (schema 1) is refused with a clear error", withDir((dir) => {
  const path = join(dir, "old.db");
  const db = new Database(path);
  // The layout of schema 1: a one-column full-text index and no version row.
  db.exec(`CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE articles(doc INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, dct TEXT, record BLOB NOT NULL);
    CREATE VIRTUAL TABLE fts USING fts5(terms, content='');`);
  db.close();
  refused(() => new SqliteStore(path), /schema version 1\b.*reads versions 2 to 3.*ingest/);
  refused(() => new SqliteStore(path, { readonly: true }), /schema version 1\b/);
}));

test("an archive of a newer schema is refused, read-write and read-only", withDir(async (dir) => {
  const path = join(dir, "new.db");
  await new SqliteStore(path).close();
  const db = new Database(path);
  db.prepare("UPDATE meta SET value = ? WHERE key = 'schema'").run(String(SCHEMA_VERSION + 1));
  db.close();
  refused(() => new SqliteStore(path), new RegExp(`schema version ${SCHEMA_VERSION + 1}\\b.*newer`));
  refused(() => new SqliteStore(path, { readonly: true }), new RegExp(`schema version ${SCHEMA_VERSION + 1}\\b`));
}));

test("a SQLite file that holds no archive is refused when opened read-only", withDir((dir) => {
  const path = join(dir, "other.db");
  const db = new Database(path);
  db.exec("CREATE TABLE notes(x TEXT)");
  db.close();
  refused(() => new SqliteStore(path, { readonly: true }), /not a rasd archive/);
}));

test("an archive of schema 2 (no month words) is still read and written, and answers as schema 3 does", { skip: HAVE_NEWS ? false : "../shared/data/news is absent" }, withDir(async (dir) => {
  const v2 = join(dir, "v2.db");
  const v3 = join(dir, "v3.db");
  await new SqliteStore(v2).close();
  // Schema 2's full-text index, on an archive still empty: exactly what that rasd created.
  const db = new Database(v2);
  db.exec(`DROP TABLE fts; CREATE VIRTUAL TABLE fts USING fts5(terms, dates, content='', tokenize='unicode61 remove_diacritics 0');
    UPDATE meta SET value = '2' WHERE key = 'schema'`);
  db.close();
  const records = newsLines()
    .filter((n) => n.category === "middleEast")
    .slice(0, 150)
    .map((n) => recordOf(n));
  const old = new SqliteStore(v2);
  const now = new SqliteStore(v3);
  assert.equal(old.monthWords, false);
  assert.equal(now.monthWords, true);
  await old.put(records);
  await now.put(records);
  let hits = 0;
  for (const q of ["سوريا date:2018-03", "الرئيس date:2018-02..2018-04", "إيران -روسيا date:2018-03-05..2018-05-20", "سوريا", "date:2018-04"]) {
    // Every hit on the page: scores may order them differently.
    const a = await old.search(q, { limit: 500, facets: true });
    const b = await now.search(q, { limit: 500, facets: true });
    // Scores differ a little (schema 3's rows are longer by their month words); matches do not.
    assert.equal(a.total, b.total, q);
    assert.deepEqual(a.facets, b.facets, q);
    assert.deepEqual(new Set(a.hits.map((h) => h.id)), new Set(b.hits.map((h) => h.id)), q);
    hits += a.total;
  }
  assert.ok(hits > 20, `the queries match articles (${hits})`);
  await old.close();
  await now.close();
  const ro2 = new SqliteStore(v2, { readonly: true });
  const ro3 = new SqliteStore(v3, { readonly: true });
  assert.equal((await ro2.search("سوريا date:2018-03")).total, (await ro3.search("سوريا date:2018-03")).total, "read-only too");
  await ro2.close();
  await ro3.close();
}));
