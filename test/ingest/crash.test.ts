/**
 * Crash safety, end to end through the CLI: `rasd ingest` is killed with SIGKILL while it writes,
 * into SQLite and into PostgreSQL; a re-run completes the set, and the archive holds each article
 * exactly once, each with all its rows (nothing half-written).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { HAVE_NEWS, newsLines } from "../store/fixtures.js";
import { freshSchema, PG_HOWTO, reachablePostgres } from "../store/services.js";
import { loadDocument } from "../../src/sources/index.js";
import { parseJsonlLine } from "../../src/sources/jsonl.js";
import { openStore } from "../../src/store/openStore.js";
import type { RasdRecord } from "../../src/types.js";

const BIN = fileURLToPath(new URL("../../bin/rasd.js", import.meta.url));
const HAVE_BUILD = existsSync(fileURLToPath(new URL("../../dist/src/cli/main.js", import.meta.url)));
const pgUrl = await reachablePostgres();
const N = 48;

function writeSet(dir: string): { file: string; ids: Set<string> } {
  // Distinct real articles of a few outlets, short enough to keep the test quick.
  const lines = newsLines().filter((n) => n.text.length < 2500).filter((_, i) => i % 97 === 0).slice(0, N);
  const file = join(dir, "set.jsonl");
  writeFileSync(file, lines.map((n) => JSON.stringify({ id: n.id, title: n.title, outlet: n.outlet, category: n.category, date: n.date, url: n.url, text: n.text })).join("\n") + "\n");
  const ids = new Set(lines.map((n, i) => loadDocument(parseJsonlLine(JSON.stringify({ title: n.title, outlet: n.outlet, category: n.category, date: n.date, url: n.url, text: n.text }), i + 1, file).input!).id));
  return { file, ids };
}

/** Runs `rasd ingest` and kills it with SIGKILL once `count()` reaches `atLeast`. Returns the count then. */
async function ingestAndKill(args: string[], count: () => Promise<number>, atLeast: number): Promise<number> {
  const child = spawn(process.execPath, [BIN, "ingest", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let exited = false;
  child.on("exit", () => (exited = true));
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    const n = await count().catch(() => 0);
    if (n >= atLeast || exited) {
      child.kill("SIGKILL");
      await new Promise((r) => (exited ? r(null) : child.once("exit", r)));
      return await count();
    }
  }
}

async function checkArchive(spec: string, ids: Set<string>): Promise<void> {
  const store = openStore(spec);
  try {
    const seen = new Map<string, number>();
    let entityRows = 0;
    for await (const r of store.records()) {
      seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
      entityRows += (r as RasdRecord).entities.length;
      const p = await store.search(`"${(r as RasdRecord).text.split(/\s+/).slice(0, 3).join(" ")}"`, { limit: 1000 });
      assert.ok(p.hits.some((h) => h.id === r.id), `the full-text index has ${r.id}`);
    }
    assert.equal(seen.size, ids.size);
    for (const id of ids) assert.equal(seen.get(id), 1, `${id} stored exactly once`);
    const stats = await store.stats();
    assert.equal(stats.articles, ids.size);
    // Every article's entity rows are there (none half-written): the profile counts add up.
    const top = await store.lookupEntities("", 1);
    assert.ok(Array.isArray(top));
    if (store.engine === "sqlite") {
      const db = new Database(spec, { readonly: true });
      assert.equal((db.prepare("SELECT count(*) AS n FROM entities").get() as { n: number }).n, entityRows);
      db.close();
    }
  } finally {
    await store.close();
  }
}

test("kill -9 during ingest into SQLite, then re-run: each article exactly once", { skip: !HAVE_NEWS ? "needs ../shared/data/news" : !HAVE_BUILD ? "needs the build (npm test builds it)" : false, timeout: 600_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-crash-"));
  try {
    const { file, ids } = writeSet(dir);
    const db = join(dir, "a.db");
    const count = async () => {
      if (!existsSync(db)) return 0;
      const d = new Database(db, { readonly: true, fileMustExist: true });
      try {
        return (d.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
      } catch {
        return 0;
      } finally {
        d.close();
      }
    };
    const atKill = await ingestAndKill([file, "--db", db, "--batch", "4", "--workers", "2"], count, 8);
    assert.ok(atKill >= 1 && atKill < ids.size, `killed mid-way (${atKill} of ${ids.size} stored)`);
    const rerun = spawnSync(process.execPath, [BIN, "ingest", file, "--db", db, "--batch", "4", "--workers", "2"], { encoding: "utf8" });
    assert.equal(rerun.status, 0, rerun.stderr);
    assert.match(rerun.stdout, new RegExp(`${ids.size - atKill} new, ${atKill} already stored`));
    await checkArchive(db, ids);
    const third = spawnSync(process.execPath, [BIN, "ingest", file, "--db", db], { encoding: "utf8" });
    assert.match(third.stdout, new RegExp(`0 new, ${ids.size} already stored`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("kill -9 during ingest into PostgreSQL, then re-run: each article exactly once", { skip: !HAVE_NEWS ? "needs ../shared/data/news" : !HAVE_BUILD ? "needs the build" : pgUrl ? false : PG_HOWTO, timeout: 600_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-crash-pg-"));
  const schema = freshSchema("crash");
  const u = new URL(pgUrl!);
  u.searchParams.set("schema", schema);
  const spec = u.toString();
  const admin = new pg.Client({ connectionString: pgUrl! });
  await admin.connect();
  try {
    const { file, ids } = writeSet(dir);
    const count = async () => Number((await admin.query(`SELECT count(*) AS n FROM ${schema}.articles`)).rows[0].n);
    const atKill = await ingestAndKill([file, "--db", spec, "--batch", "4", "--workers", "2"], count, 8);
    assert.ok(atKill >= 1 && atKill < ids.size, `killed mid-way (${atKill} of ${ids.size} stored)`);
    const rerun = spawnSync(process.execPath, [BIN, "ingest", file, "--db", spec, "--batch", "4", "--workers", "2"], { encoding: "utf8" });
    assert.equal(rerun.status, 0, rerun.stderr);
    await checkArchive(spec, ids);
    const rows = await admin.query(`SELECT (SELECT count(*) FROM ${schema}.entities) AS e, (SELECT count(DISTINCT doc) FROM ${schema}.lsh) AS l, (SELECT count(*) FROM ${schema}.articles WHERE shingles >= 12) AS a`);
    assert.equal(Number(rows.rows[0].l), Number(rows.rows[0].a), "every article long enough to compare has its LSH bands");
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
});
