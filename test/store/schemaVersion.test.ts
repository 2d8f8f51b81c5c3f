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
  refused(() => new SqliteStore(path), /schema version 1\b.*reads version 2.*ingest/);
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
