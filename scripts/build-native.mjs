#!/usr/bin/env node
// Builds build/native/rasd_fts5.so (src/store/native/rasd_fts5.c: bm25 with the phrase counts given,
// so a search does not recount them) against the SQLite headers better-sqlite3 ships. Run by
// `npm run build` (and so by `npm install`). Optional: without a C compiler it says so and exits 0,
// and the archive ranks with FTS5's own bm25(), which gives the same scores, only slower.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src/store/native/rasd_fts5.c");
const out = join(root, "build/native/rasd_fts5.so");
let headers;
try {
  headers = join(dirname(createRequire(import.meta.url).resolve("better-sqlite3/package.json")), "deps/sqlite3");
} catch {
  headers = null;
}
if (!headers || !existsSync(join(headers, "sqlite3ext.h"))) {
  console.error("build-native: better-sqlite3's SQLite headers not found; the archive will rank with FTS5's bm25()");
  process.exit(0);
}
if (existsSync(out) && statSync(out).mtimeMs >= statSync(src).mtimeMs) process.exit(0);
mkdirSync(dirname(out), { recursive: true });
const cc = process.env.CC || "cc";
try {
  execFileSync(cc, ["-O2", "-fPIC", "-shared", "-I", headers, "-o", out, src, "-lm"], { stdio: ["ignore", "inherit", "inherit"] });
} catch (e) {
  console.error(`build-native: could not compile ${src} with ${cc} (${e.message.split("\n")[0]}); the archive will rank with FTS5's bm25(), same scores, slower`);
}
